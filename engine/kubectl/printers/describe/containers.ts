/**
 * The container sections of `kubectl describe pod` and of every Pod
 * Template: ports of describeContainers (basic info, command, state,
 * resources, probes, env, mounts), describeStatus and DescribeProbe in
 * kubectl pkg/describe/describe.go (v0.33).
 */
import type { Container, ContainerStatus, ContainerState, Probe } from 'kubernetes-types/core/v1.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './writer.ts';
import { intOrString, num, printBool, rfc1123z, str, stringOrNone } from './fields.ts';
import { quantityString, resourceList } from './quantity.ts';
import { compareGoStrings } from '../gojson.ts';
import { joinHostPort } from '../tables/common.ts';

/**
 * EnvValueRetriever: kubectl resolves a fieldRef through its scheme, which has
 * no field-label conversions for Pod, so only metadata.name and
 * metadata.namespace resolve; every other path prints empty.
 */
export type EnvResolver = (fieldPath: string) => string;

export function podEnvResolver(pod: { metadata?: { name?: string; namespace?: string } }): EnvResolver {
  return (path) => (path === 'metadata.name' ? str(pod.metadata?.name) : path === 'metadata.namespace' ? str(pod.metadata?.namespace) : '');
}

export function describeContainers(label: string, containers: readonly Container[] | undefined, statuses: readonly ContainerStatus[] | undefined, resolver: EnvResolver | undefined, w: PrefixWriter, space: string): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s] as const));
  const list = containers ?? [];
  w.write(LEVEL_0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = statuses ? byName.get(c.name) : undefined;
    basicInfo(c, status, space, w);
    command(c, w);
    if (status) containerState(status, w);
    describeResources(c.resources, w, LEVEL_2);
    probes(c, w);
    if ((c.envFrom ?? []).length > 0) envFrom(c, w);
    envVars(c, resolver, w);
    mounts(c, w);
  }
}

function basicInfo(c: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`);
  if (status) w.write(LEVEL_2, `Container ID:\t${str(status.containerID)}\n`);
  w.write(LEVEL_2, `Image:\t${str(c.image)}\n`);
  if (status) w.write(LEVEL_2, `Image ID:\t${str(status.imageID)}\n`);
  const ports = (c.ports ?? []).map((p) => `${num(p.containerPort)}/${str(p.protocol)}`).join(', ');
  w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = (c.ports ?? []).map((p) => `${num(p.hostPort)}/${str(p.protocol)}`).join(', ');
  w.write(LEVEL_2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
}

function command(c: Container, w: PrefixWriter): void {
  for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
    if (!list || list.length === 0) continue;
    w.write(LEVEL_2, `${title}:\n`);
    for (const item of list) for (const s of item.split('\n')) w.write(LEVEL_3, `${s}\n`);
  }
}

/** describeResources: Limits then Requests, names sorted. */
export function describeResources(resources: { limits?: unknown; requests?: unknown } | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return;
  for (const [title, raw] of [['Limits', resources.limits], ['Requests', resources.requests]] as const) {
    const list = resourceList(raw);
    if (list.size === 0) continue;
    w.write(level, `${title}:\n`);
    for (const name of [...list.keys()].sort(compareGoStrings)) w.write(level + 1, `${name}:\t${quantityString(list.get(name)!)}\n`);
  }
}

function containerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w);
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${num(status.restartCount)}\n`);
}

/** describeStatus: Running / Waiting / Terminated with their details. */
function describeStatus(name: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${num(t.exitCode)}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${num(t.signal)}\n`);
    w.write(LEVEL_3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

function probes(c: Container, w: PrefixWriter): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

/** DescribeProbe: `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${num(p.initialDelaySeconds)}s timeout=${num(p.timeoutSeconds)}s period=${num(p.periodSeconds)}s #success=${num(p.successThreshold)} #failure=${num(p.failureThreshold)}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const g = p.httpGet;
    const port = g.port === undefined ? '' : String(g.port);
    const host = port ? joinHostPort(str(g.host), port) : str(g.host);
    // url.URL.String(): a path without a leading slash gets one when there is a host.
    const path = g.path ? (g.path.startsWith('/') || !host ? g.path : `/${g.path}`) : '';
    return `http-get ${str(g.scheme).toLowerCase()}://${host}${path} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${str(p.tcpSocket.host)}:${intOrString(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${num(p.grpc.port)} ${str(p.grpc.service)} ${attrs}`;
  return `unknown ${attrs}`;
}

function envFrom(c: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Environment Variables from:\n');
  for (const e of c.envFrom ?? []) {
    const ref = e.configMapRef ?? e.secretRef;
    const from = e.configMapRef ? 'ConfigMap' : e.secretRef ? 'Secret' : '';
    const optional = ref?.optional === true;
    const fromText = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
    w.write(LEVEL_3, `${str(ref?.name)}\t${fromText}\tOptional: ${optional}\n`);
  }
}

function envVars(c: Container, resolver: EnvResolver | undefined, w: PrefixWriter): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const vf = e.valueFrom;
    if (!vf) {
      str(e.value).split('\n').forEach((s, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    } else if (vf.fieldRef) {
      const value = resolver ? resolver(vf.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${str(vf.fieldRef.apiVersion)}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.resourceFieldRef) {
      // The container-resource value is not computed here; kubectl prints it from the limits.
      w.write(LEVEL_3, `${e.name}:\t (${vf.resourceFieldRef.resource})\n`);
    } else if (vf.secretKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${str(vf.secretKeyRef.name)}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`);
    } else if (vf.configMapKeyRef) {
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${str(vf.configMapKeyRef.name)}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`);
    }
  }
}

function mounts(c: Container, w: PrefixWriter): void {
  const list = [...(c.volumeMounts ?? [])].sort((a, b) => compareGoStrings(a.mountPath, b.mountPath));
  const none = list.length === 0 ? '\t<none>' : '';
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of list) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...(c.volumeDevices ?? [])].sort((a, b) => compareGoStrings(a.devicePath, b.devicePath));
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of devices) w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
  }
}
