/**
 * `kubectl describe pod`: a port of describePod in kubectl
 * pkg/describe/describe.go (v0.33), with qos.GetPodQOS
 * (kubectl pkg/util/qos/qos.go).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../../api/object.ts';
import { LEVEL_0, LEVEL_1, describeEvents, printAnnotationsMultiline, printLabelsMultiline, tabbedString } from './writer.ts';
import { describeContainers, describeResources, podEnvResolver } from './containers.ts';
import { describeTopologySpreadConstraints, describeVolumes } from './volumes.ts';
import { num, printController, printTolerationsMultiline, rfc1123z, str } from './fields.ts';
import { addResourceList, cmpQuantity, resourceList, type ResourceList } from './quantity.ts';
import { translateTimestampSince } from '../duration.ts';

export function describePod(obj: KObject, events: readonly KObject[] | undefined, now: number): string {
  const pod = obj as unknown as Pod;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const resolver = podEnvResolver(pod);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(pod.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(pod.metadata?.namespace)}\n`);
    if (typeof spec.priority === 'number') w.write(LEVEL_0, `Priority:\t${num(spec.priority)}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${str(status.hostIP)}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
    if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${num(pod.metadata.deletionGracePeriodSeconds)}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${str(status.phase)}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
    const ips = status.podIPs ?? [];
    if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
    else {
      w.write(LEVEL_0, 'IPs:\n');
      for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
    }
    const controlledBy = printController(obj);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as { resources?: { limits?: unknown; requests?: unknown } }).resources;
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(podResources, w, LEVEL_1);
    }
    if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses ?? [], resolver, w, '');
    describeContainers('Containers', spec.containers, status.containerStatuses ?? [], resolver, w, '');
    if ((spec.ephemeralContainers ?? []).length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers as Container[], status.ephemeralContainerStatuses ?? [], resolver, w, '');
    }
    const conditions = status.conditions ?? [];
    if ((spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates ?? []) {
        const c = conditions.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(spec.volumes, w, '');
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events) describeEvents(events, w, now);
  });
}

/** The cpu/memory entries above zero, summed (qos.go processResourceList). */
function qosResources(list: ResourceList, raw: unknown, sum: boolean): Set<string> {
  const found = new Set<string>();
  for (const [name, q] of resourceList(raw)) {
    if ((name !== 'cpu' && name !== 'memory') || q.nano <= 0n) continue;
    found.add(name);
    if (sum) addResourceList(list, new Map([[name, q]]));
  }
  return found;
}

/** qos.GetPodQOS: status.qosClass when set, else ComputePodQOS. */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests: ResourceList = new Map();
  const limits: ResourceList = new Map();
  let guaranteed = true;
  const podLevel = (pod.spec as { resources?: { limits?: unknown; requests?: unknown } } | undefined)?.resources;
  const sources = podLevel ? [podLevel] : [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].map((c) => c.resources ?? {});
  for (const r of sources) {
    qosResources(requests, r.requests, true);
    const lim = qosResources(limits, r.limits, true);
    if ((!podLevel || r.limits) && !(lim.has('cpu') && lim.has('memory'))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || cmpQuantity(lim, req) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
