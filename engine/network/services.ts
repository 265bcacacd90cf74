/**
 * kube-proxy (iptables mode, as k3s runs it): a Service port's endpoints,
 * the traffic policies that narrow them, session affinity, and the random
 * pick among them (the `statistic --mode random` chain, drawn from the
 * cluster's seeded source so every run spreads the same way).
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { formatLabels } from '../api/object.ts';
import type { Random } from '../sim/index.ts';
import type { NetState, PodInfo, ServiceEndpointList, ServiceInfo, ServicePortInfo } from './state.ts';
import type { PodRef, Protocol } from './types.ts';

export interface ServiceEndpoint {
  ip: string;
  port: number;
  pod?: PodRef;
  /** The data plane's record of that pod when the list was computed (valid for the NetState generation the list is memoised for). */
  info?: PodInfo;
  node?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

/**
 * One Service port's endpoints, memoised on the data plane's record of the
 * Service for one NetState generation (every write that could change them
 * bumps it): a connection then costs no per-endpoint work and no side-table
 * probe. Callers must not mutate the lists.
 */
export function servicePortEndpoints(state: NetState, port: ServicePortInfo): ServiceEndpointList {
  if (port.generation !== state.generation) {
    port.all = computeEndpoints(state, port.service, port.index);
    port.usable = usableEndpoints(port.all);
    port.generation = state.generation;
  }
  return port;
}

/** Every endpoint of one Service port, from its EndpointSlices. */
function computeEndpoints(state: NetState, info: ServiceInfo, portIndex: number): ServiceEndpoint[] {
  const svc = info.svc;
  const sp = svc.spec?.ports?.[portIndex] ?? {};
  const name: string = sp.name ?? '';
  const protocol: Protocol = sp.protocol ?? 'TCP';
  const out: ServiceEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of state.slices.get(info.key) ?? []) {
    const ports: Array<Record<string, any>> = (slice.ports as any[]) ?? [];
    const port = ports.find((p) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === protocol);
    if (!port || typeof port.port !== 'number') continue;
    for (const ep of (slice.endpoints as any[]) ?? []) {
      const c = ep.conditions ?? {};
      const ready = c.ready !== false; // nil means ready (discovery/v1 docs)
      for (const ip of ep.addresses ?? []) {
        const key = `${ip}:${port.port}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const ref = ep.targetRef?.kind === 'Pod' ? { namespace: ep.targetRef.namespace ?? svc.metadata.namespace ?? 'default', name: ep.targetRef.name } : undefined;
        const pod = ref ? state.pod(ref.namespace, ref.name) : undefined;
        out.push({ ip, port: port.port, pod: ref, info: pod, node: ep.nodeName ?? pod?.node, ready, serving: c.serving ?? ready, terminating: c.terminating === true });
      }
    }
  }
  return out;
}

/**
 * The endpoints kube-proxy would use: ready ones; when none is ready, the
 * serving-and-terminating ones (KEP-1669, ProxyTerminatingEndpoints).
 */
function usableEndpoints(all: ServiceEndpoint[]): ServiceEndpoint[] {
  if (all.length > 0 && all.every((e) => e.ready)) return all;
  const ready = all.filter((e) => e.ready);
  if (ready.length > 0) return ready;
  return all.filter((e) => e.serving && e.terminating);
}

/** Why a Service has no usable endpoint, in words. */
export function noEndpointsDetail(cluster: Cluster, state: NetState, svc: KObject, all: ServiceEndpoint[]): string {
  const ns = svc.metadata.namespace ?? 'default';
  const selector: Record<string, string> | undefined = svc.spec?.selector;
  if (all.length > 0) {
    const names = all.map((e) => (e.pod ? e.pod.name : e.ip)).join(', ');
    return `its endpoints (${names}) are not ready`;
  }
  if (!selector || Object.keys(selector).length === 0) {
    return `it has no selector and no EndpointSlice lists an address for it`;
  }
  const selText = formatLabels(selector);
  const matching = cluster.store.select('Pod', ns, selector);
  if (matching.length > 0) {
    const notReady = matching.map((p) => `${p.metadata.name} (${p.status?.phase ?? 'Pending'})`).join(', ');
    return `its selector ${selText} matches ${notReady}, but no matching pod is ready`;
  }
  return `its selector ${selText} matches no pod in namespace ${ns}${selectorHints(cluster, ns, selector)}`;
}

/**
 * What the student probably meant: pods of the namespace whose labels are
 * a near miss (`app=wbe` for `app=web`, `run=my-nginx` for `run=mynginx`),
 * else pods that share a selector key; and pods that do match, but in
 * another namespace (a selector only selects in the Service's own).
 */
function selectorHints(cluster: Cluster, ns: string, selector: Record<string, string>): string {
  const near: string[] = [];
  const sameKey: string[] = [];
  for (const p of cluster.store.list('Pod', ns)) {
    const labels = p.metadata.labels ?? {};
    const keys = Object.keys(selector).filter((k) => k in labels);
    if (keys.length === 0) continue;
    const text = `pod ${p.metadata.name} has labels ${formatLabels(labels)}`;
    if (keys.some((k) => looksAlike(labels[k]!, selector[k]!))) near.push(text);
    else sameKey.push(text);
  }
  const elsewhere = cluster.store
    .list('Pod')
    .filter((p) => p.metadata.namespace !== ns && matchesAll(p.metadata.labels ?? {}, selector))
    .slice(0, 3)
    .map((p) => `pod ${p.metadata.name} in namespace ${p.metadata.namespace} matches, but a Service only selects pods of its own namespace`);
  const hints = (near.length ? near : elsewhere.length ? [] : sameKey).slice(0, 3);
  const all = [...hints, ...elsewhere];
  return all.length ? `; ${all.join('; ')}` : '';
}

function matchesAll(labels: Record<string, string>, selector: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Near misses worth naming: `my-nginx` for `mynginx`, `Web` for `web`. */
function looksAlike(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[-_.]/g, '');
  const x = norm(a);
  const y = norm(b);
  const sameLetters = x.length > 2 && [...x].sort().join('') === [...y].sort().join(''); // `wbe` for `web`
  return x === y || sameLetters || (x.length > 2 && y.includes(x)) || (y.length > 2 && x.includes(y));
}

interface AffinityEntry {
  ip: string;
  port: number;
  until: number;
}

interface ProxyState {
  random: Random;
  affinity: Map<string, AffinityEntry>;
  /** Picks that drew from `random` or touched `affinity`: a connection that left it unchanged would repeat identically. */
  effects: number;
}

function proxyState(cluster: Cluster): ProxyState {
  return cluster.ext('network:kube-proxy', (c) => ({ random: c.random.fork('kube-proxy'), affinity: new Map(), effects: 0 }));
}

/**
 * A counter of kube-proxy's stateful picks (random draws, session
 * affinity). Equal before and after a connect: that connect changed no
 * state, so the same connect right after (no write in between) gives the same verdict.
 */
export function kubeProxyEffects(cluster: Cluster): number {
  return proxyState(cluster).effects ?? 0;
}

/**
 * Pick one endpoint as the iptables chain would. With sessionAffinity
 * ClientIP, a client keeps its endpoint (the `recent` match) while it is
 * still usable and the timeout (default 10800 s) has not passed.
 */
export function pickEndpoint(cluster: Cluster, port: ServicePortInfo, candidates: ServiceEndpoint[], clientIp: string): ServiceEndpoint {
  const svc = port.service.svc;
  const ps = proxyState(cluster);
  const now = cluster.clock.now();
  const sticky = svc.spec?.sessionAffinity === 'ClientIP';
  // The affinity key only for sticky Services: most connections need no string built here.
  const key = sticky ? `${port.service.key}:${port.index}|${clientIp}` : '';
  if (sticky || candidates.length !== 1) ps.effects = (ps.effects ?? 0) + 1;
  if (sticky) {
    const prev = ps.affinity.get(key);
    if (prev && prev.until > now) {
      const same = candidates.find((e) => e.ip === prev.ip && e.port === prev.port);
      if (same) {
        prev.until = now + affinityTimeoutMs(svc);
        return same;
      }
    }
  }
  const chosen = candidates.length === 1 ? candidates[0]! : ps.random.pick(candidates);
  if (sticky) ps.affinity.set(key, { ip: chosen.ip, port: chosen.port, until: now + affinityTimeoutMs(svc) });
  return chosen;
}

function affinityTimeoutMs(svc: KObject): number {
  const s = svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  return (typeof s === 'number' ? s : 10800) * 1000;
}

/** `8080/TCP, 8443/TCP`: a Service's ports for messages. */
export function portsText(svc: KObject): string {
  const ports: any[] = svc.spec?.ports ?? [];
  return ports.map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none';
}
