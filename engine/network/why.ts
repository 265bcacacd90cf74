/**
 * "Why can't A reach B?": the engine side of `kube-netlab why`. From a pod
 * (or the terminal), resolve the target as curl in that pod would (the
 * pod's resolver, search list and ndots, through cluster DNS), pick the
 * port, run one connection through the data plane, and tell the story:
 * every hop, then either where the connection landed or the reason it
 * failed, with the error curl would show.
 *
 * A target is a pod name, a Service name (`web`, `web.prod`,
 * `web.prod.svc.cluster.local`) with an optional `:port`, an IP with an
 * optional `:port`, or a URL (`http://web:8080/path`).
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { Note } from '../shell/command.ts';
import { connect } from './connect.ts';
import { lookupName, runtimeOf } from './deps.ts';
import { isIpv4 } from './ip.ts';
import { netState } from './state.ts';
import { TERMINAL_PEER, type Hop, type Peer, type Protocol, type Verdict } from './types.ts';

export interface WhyOptions {
  /** Namespace of `fromPod` when it has no `ns/` prefix (default `default`). */
  namespace?: string;
  /** The port when the target names none (else: the Service's, the pod's, or the URL scheme's). */
  port?: number;
  protocol?: Protocol;
  /** Which libc resolves names (default glibc: curl in nginx/Debian; musl for Alpine images). */
  resolver?: 'glibc' | 'musl';
}

export interface WhyResult {
  ok: boolean;
  hops: Hop[];
  /** Several lines: the question, the name resolution, each hop, the verdict. */
  summary: string;
  /** Where the question was asked from and what was tried, once known. */
  from?: Peer;
  target?: { host: string; ip?: string; port?: number; protocol: Protocol };
  /** The data plane's or the resolver's reason, when it failed. */
  reason?: Note;
  /** What curl would exit with: 0, 6 (no name), 7 (refused / unreachable), 28 (timeout). */
  curlExit?: number;
}

interface Target {
  host: string;
  port?: number;
  scheme?: string;
}

/** `ns/name`, `name` or `terminal` → a Peer, or a sentence saying why not. */
function sourcePeer(cluster: Cluster, fromPod: string, ns: string): Peer | string {
  if (fromPod === 'terminal' || fromPod === '-') return TERMINAL_PEER;
  const m = /^(?:([a-z0-9-]+)\/)?([a-z0-9.-]+)$/.exec(fromPod);
  if (!m) return `"${fromPod}" is not a pod name (NAME or NAMESPACE/NAME)`;
  const namespace = m[1] ?? ns;
  if (!cluster.store.get('Pod', namespace, m[2]!)) return `pod ${namespace}/${m[2]} does not exist`;
  return { kind: 'pod', namespace, name: m[2]! };
}

/** Split a target into host, port and scheme, or say why it is not one. */
export function parseTarget(target: string): Target | string {
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/:?#]+)(?::(\d+))?/i.exec(target);
  if (url) return { host: url[2]!, scheme: url[1]!.toLowerCase(), ...(url[3] ? { port: Number(url[3]) } : {}) };
  const m = /^([^\s/:]+)(?::(\d+))?$/.exec(target);
  if (!m) return `"${target}" is not a target (NAME, NAME:PORT, IP:PORT or a URL)`;
  const port = m[2] !== undefined ? Number(m[2]) : undefined;
  if (port !== undefined && (port < 1 || port > 65535)) return `port ${port} is out of range (1-65535)`;
  return { host: m[1]!, ...(port !== undefined ? { port } : {}) };
}

function peerText(p: Peer): string {
  return p.kind === 'pod' ? `pod ${p.namespace}/${p.name}` : p.kind === 'node' ? `node ${p.name}` : `the terminal (${p.ip})`;
}

export function explainConnection(cluster: Cluster, fromPod: string, target: string, opts: WhyOptions = {}): WhyResult {
  const protocol = opts.protocol ?? 'TCP';
  const from = sourcePeer(cluster, fromPod, opts.namespace ?? 'default');
  if (typeof from === 'string') return { ok: false, hops: [], summary: from };
  const t = parseTarget(target);
  if (typeof t === 'string') return { ok: false, hops: [], summary: t, from };
  const lines = [`${peerText(from)} → ${target}${protocol !== 'TCP' ? ` (${protocol})` : ''}`];
  const ns = from.kind === 'pod' ? from.namespace : 'default';
  const resolved = resolveTarget(cluster, from, ns, t.host, opts.resolver ?? 'glibc');
  if (!resolved.ok) {
    lines.push(`  name: ${resolved.note.message}`, `cannot connect: the name does not resolve (curl: (6) Could not resolve host: ${t.host})`);
    return { ok: false, hops: [], summary: lines.join('\n'), from, target: { host: t.host, protocol }, reason: resolved.note, curlExit: 6 };
  }
  if (resolved.how) lines.push(`  name: ${resolved.how}`);
  const given = t.port ?? opts.port;
  const port = given !== undefined ? { port: given } : defaultPort(cluster, resolved.ip, t.scheme);
  if ('note' in port && port.note) lines.push(`  port: ${port.note}`);
  const v = connect(cluster, from, resolved.ip, port.port, protocol);
  for (const h of v.hops) lines.push(`  ${h.kind.padEnd(12)} ${h.at}: ${h.detail}`);
  const where = `${t.host}:${port.port}${t.host !== resolved.ip ? ` (${resolved.ip}:${port.port})` : ''}`;
  const base = { hops: v.hops, from, target: { host: t.host, ip: resolved.ip, port: port.port, protocol } };
  if (v.ok) {
    lines.push(`reachable: ${where} lands on ${landing(v)}`);
    return { ok: true, ...base, summary: lines.join('\n'), curlExit: 0 };
  }
  const exit = v.failure === 'timeout' ? 28 : 7;
  const how = v.failure === 'timeout' ? 'the packet is dropped: the client times out' : v.failure === 'refused' ? 'the connection is refused' : 'the host is unreachable';
  lines.push(`cannot connect to ${where}: ${how} (curl exit ${exit})`, `  why: ${v.reason.message}`);
  return { ok: false, ...base, summary: lines.join('\n'), reason: v.reason, curlExit: exit };
}

function landing(v: Extract<Verdict, { ok: true }>): string {
  const e = v.endpoint;
  const who = e.pod ? `pod ${e.pod.namespace}/${e.pod.name}${e.node ? ` on ${e.node}` : ''}` : e.host ? `${e.host}` : e.node ? `node ${e.node}` : 'a listener';
  return `${who} (${e.ip}:${e.port}), which sees the client as ${v.seenSource}`;
}

type Resolved = { ok: true; ip: string; how?: string } | { ok: false; note: Note };

/**
 * A name as curl in that pod would resolve it. A bare pod name is not a DNS
 * name in Kubernetes; when no Service answers to it but a pod of that name
 * exists, its IP is used (and the summary says curl could not do this).
 */
function resolveTarget(cluster: Cluster, from: Peer, ns: string, host: string, resolver: 'glibc' | 'musl'): Resolved {
  if (isIpv4(host)) return { ok: true, ip: host, how: describeIp(cluster, host) };
  const r = lookupName(cluster, from, host, resolver);
  if (r.ok && r.addresses.length > 0) {
    const ip = r.addresses[0]!;
    const what = describeIp(cluster, ip);
    return { ok: true, ip, how: `${host} → ${ip}${r.canonicalName ? ` (${r.canonicalName})` : ''}${what ? `, ${what}` : ''}` };
  }
  const pod = from.kind === 'pod' ? cluster.store.get('Pod', ns, host) : undefined;
  const podIp: string | undefined = pod?.status?.podIP;
  if (pod && podIp) return { ok: true, ip: podIp, how: `${host} is pod ${ns}/${host} (${podIp}); a pod's name is not a DNS name, so curl ${host} would fail: use its IP or a Service` };
  if (!r.ok) return { ok: false, note: r.note };
  return { ok: false, note: { code: 'name-not-resolved', message: `the name ${host} has no IPv4 address` } };
}

/** What an address is: a Service's ClusterIP, a pod's IP, a node's IP. */
function describeIp(cluster: Cluster, ip: string): string | undefined {
  const st = netState(cluster);
  const svc = st.servicesByClusterIp.get(ip)?.svc;
  if (svc) return `the ClusterIP of service ${svc.metadata.namespace}/${svc.metadata.name}`;
  const pod = st.podsByIp.get(ip);
  if (pod) return `the IP of pod ${pod.namespace}/${pod.name}`;
  const node = st.nodeOfIp(ip);
  if (node) return `the InternalIP of node ${node.name}`;
  return undefined;
}

/** The port when none is given: the Service's (first) port, the pod's first listener, or the scheme's. */
function defaultPort(cluster: Cluster, ip: string, scheme: string | undefined): { port: number; note?: string } {
  if (scheme) return { port: scheme === 'https' ? 443 : 80 };
  const st = netState(cluster);
  const svc: KObject | undefined = st.servicesByClusterIp.get(ip)?.svc;
  const ports: Array<{ port: number; name?: string }> = svc?.spec?.ports ?? [];
  if (ports.length > 0) {
    const list = ports.map((p) => p.port).join(', ');
    return { port: ports[0]!.port, note: ports.length > 1 ? `service ${svc!.metadata.name} has ports ${list}; trying ${ports[0]!.port}` : `service ${svc!.metadata.name}'s port ${ports[0]!.port}` };
  }
  const pod = st.podsByIp.get(ip);
  if (pod) {
    const l = runtimeOf(cluster).listenersOf(pod.obj).find((x) => (x.protocol ?? 'TCP') === 'TCP');
    if (l) return { port: l.port, note: `pod ${pod.name} listens on ${l.port}` };
  }
  return { port: 80, note: 'no port given: 80, as curl would' };
}
