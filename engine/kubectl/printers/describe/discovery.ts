/**
 * `kubectl describe endpointslice|configmap`: ports of describeEndpointSliceV1
 * and ConfigMapDescriber.Describe in kubectl pkg/describe/describe.go (v0.33).
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1.js';
import type { KObject } from '../../../api/object.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, describeEvents, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from './writer.ts';
import { str } from './fields.ts';
import { compareGoStrings } from '../gojson.ts';

export function describeEndpointSlice(obj: KObject, events: readonly KObject[] | undefined, now: number): string {
  const eps = obj as unknown as EndpointSlice;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(eps.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(eps.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', eps.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', eps.metadata?.annotations);
    w.write(LEVEL_0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = eps.ports ?? [];
    if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
    else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) w.write(LEVEL_1, `${p.name || '<unset>'}\t${typeof p.port === 'number' ? p.port : '<unset>'}\t${str(p.protocol)}\n`);
    }
    const endpoints = eps.endpoints ?? [];
    if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
    else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        w.write(LEVEL_3, `Ready:\t${typeof e.conditions?.ready === 'boolean' ? String(e.conditions.ready) : '<unset>'}\n`);
        w.write(LEVEL_2, `Hostname:\t${typeof e.hostname === 'string' ? e.hostname : '<unset>'}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${str(e.targetRef.kind)}/${str(e.targetRef.name)}\n`);
        w.write(LEVEL_2, `NodeName:\t${typeof e.nodeName === 'string' ? e.nodeName : '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${typeof e.zone === 'string' ? e.zone : '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

/**
 * ConfigMapDescriber: Data then BinaryData. kubectl ranges over Go maps, whose
 * order is random per run; keys are sorted here so the simulation is
 * deterministic (one of kubectl's possible orders).
 */
export function describeConfigMap(obj: KObject, events: readonly KObject[] | undefined, now: number): string {
  const data = (obj['data'] ?? {}) as Record<string, string>;
  const binary = (obj['binaryData'] ?? {}) as Record<string, string>;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(data).sort(compareGoStrings)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    // binaryData is base64 in JSON; kubectl prints the decoded length.
    for (const k of Object.keys(binary).sort(compareGoStrings)) w.write(LEVEL_0, `${k}: ${base64Length(binary[k]!)} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, now);
  });
}

function base64Length(b64: string): number {
  const s = b64.replace(/=+$/, '');
  return Math.floor((s.length * 3) / 4);
}
