/**
 * `kubectl expose pod|deployment|service|replicaset NAME [--port P]
 * [--target-port T] [--type TYPE] [--name N] …`: kubernetes/kubectl
 * pkg/cmd/expose/expose.go (v0.33.5) RunExpose/createService and
 * polymorphichelpers' selector, ports and protocols for each kind.
 * Prints `service/x exposed`.
 */
import type { Container } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.ts';
import type { Kube, Subcommand } from '../context.ts';
import { plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun } from '../dryrun.ts';
import { OUTPUT_FLAGS, parseOutput, printGeneric, printOperation } from '../output.ts';
import { parseResourceArgs } from '../resources.ts';
import { forServer, generateService } from '../generators.ts';

export const exposeCommand: Subcommand = {
  name: 'expose',
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'port', kind: 'string' },
    { name: 'target-port', kind: 'string' },
    { name: 'protocol', kind: 'string' },
    { name: 'type', kind: 'string' },
    { name: 'name', kind: 'string' },
    { name: 'selector', kind: 'string' },
    { name: 'labels', short: 'l', kind: 'string' },
    { name: 'external-ip', kind: 'string' },
    { name: 'load-balancer-ip', kind: 'string' },
    { name: 'session-affinity', kind: 'string' },
    { name: 'cluster-ip', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'stringSlice' },
    { name: 'save-config', kind: 'bool' },
    { name: 'override-type', kind: 'string' },
    { name: 'overrides', kind: 'string' },
    { name: 'field-manager', kind: 'string' },
    { name: 'record', kind: 'bool' },
  ],
  run: runExpose,
};

const EXPOSABLE = new Set(['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController']);

function runExpose(k: Kube, f: Flags): KubectlError | undefined {
  const parsedOut = parseOutput(f.str('output'), false);
  if (!parsedOut.ok) return parsedOut.error;
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  if (f.args.length === 0) {
    return usageErr(k.commandPath, 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'');
  }
  const parsed = parseResourceArgs(f.args, 'expose');
  if (!parsed.ok) return parsed.error;
  const targets = parsed.requests.flatMap((r) => r.names.map((n) => ({ info: r.info, name: n })));
  if (targets.length === 0) return plainErr('resource(s) were provided, but no name was specified');
  for (const t of targets) {
    const r = k.api.get(t.info.kind, t.info.namespaced ? k.namespace : undefined, t.name);
    if (!r.ok) return statusErr(r.error);
    const obj = r.value;
    if (!EXPOSABLE.has(obj.kind)) return plainErr(`cannot expose a ${t.info.group ? `${obj.kind}.${t.info.group}` : obj.kind}`);
    const selector = f.str('selector') || selectorFor(obj);
    if (typeof selector !== 'string') return plainErr(`couldn't retrieve selectors via --selector flag or introspection: ${selector.error}`);
    let port = f.str('port');
    if (!port) {
      const ports = portsFor(obj);
      if (ports.length === 0 && f.str('cluster-ip') !== 'None') return plainErr("couldn't find port via --port flag or introspection");
      port = ports.join(',');
    }
    const labels = f.str('labels') || labelString(obj.metadata.labels);
    const gen = generateService({
      name: f.str('name') || obj.metadata.name.slice(0, 63),
      selector,
      port,
      labels: labels || undefined,
      targetPort: f.str('target-port') || undefined,
      protocol: f.str('protocol') || undefined,
      protocols: protocolsFor(obj),
      type: f.str('type') || undefined,
      externalIp: f.str('external-ip') || undefined,
      loadBalancerIp: f.str('load-balancer-ip') || undefined,
      sessionAffinity: f.str('session-affinity') || undefined,
      clusterIp: f.str('cluster-ip') || undefined,
      namespace: k.explicitNamespace && dry === 'client' ? k.namespace : undefined,
    });
    if (!gen.ok) return plainErr(gen.message);
    let result = gen.obj;
    if (dry !== 'client') {
      const toSend = forServer(gen.obj);
      toSend.metadata.namespace = k.namespace;
      const c = k.api.create(toSend, { dryRun: dry === 'server' });
      if (!c.ok) return statusErr(c.error);
      result = c.value;
      if (dry === 'none') k.cluster.settle();
    }
    if (parsedOut.format.kind === 'table') k.out(printOperation(result, 'exposed', dry));
    else {
      const p = printGeneric(parsedOut.format, result);
      if (!p.ok) return p.error;
      k.out(p.text);
    }
  }
  return undefined;
}

function labelString(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
}

/** MapBasedSelectorForObject */
function selectorFor(obj: KObject): string | { error: string } {
  switch (obj.kind) {
    case 'Pod': {
      const s = labelString(obj.metadata.labels);
      return s || { error: 'the pod has no labels and cannot be exposed' };
    }
    case 'Service': {
      const s = labelString(obj.spec?.selector);
      return s || { error: 'the service has no pod selector set' };
    }
    default: {
      const sel = obj.spec?.selector ?? {};
      const exprs = sel.matchExpressions ?? [];
      if (exprs.length > 0) return { error: `couldn't convert expressions - "${JSON.stringify(exprs)}" to map-based selector format` };
      return labelString(sel.matchLabels);
    }
  }
}

function containersOf(obj: KObject): Container[] {
  if (obj.kind === 'Pod') return obj.spec?.containers ?? [];
  return obj.spec?.template?.spec?.containers ?? [];
}

/** PortsForObject */
function portsFor(obj: KObject): string[] {
  if (obj.kind === 'Service') return ((obj.spec?.ports ?? []) as Array<{ port: number }>).map((p) => String(p.port));
  return containersOf(obj).flatMap((c) => (c.ports ?? []).map((p) => String(p.containerPort)));
}

/** ProtocolsForObject: port → protocol (the first one seen). */
function protocolsFor(obj: KObject): Record<string, string> {
  const out: Record<string, string> = {};
  const ports =
    obj.kind === 'Service'
      ? ((obj.spec?.ports ?? []) as Array<{ port: number; protocol?: string }>).map((p) => ({ port: p.port, protocol: p.protocol }))
      : containersOf(obj).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol })));
  for (const p of ports) if (!(String(p.port) in out)) out[String(p.port)] = p.protocol || 'TCP';
  return out;
}
