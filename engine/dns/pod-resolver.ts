/**
 * What one pod's libc reads before it asks DNS anything: its resolv.conf
 * (as the kubelet writes it: per namespace for ClusterFirst pods), its
 * kubelet-managed /etc/hosts lines, and, kept with them, its remembered path
 * to the nameserver (exchange.ts). All of it lives on the pod's record (the
 * data plane's PodInfo when engine/network is wired), valid for one config,
 * so a lookup at scale probes no side table.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { dnsDeps } from './deps.ts';
import type { PathMemory } from './exchange.ts';
import { fqdn, unfqdn } from './names.ts';
import { parseResolvConf, resolvConfFor, type ResolvConf } from './resolvconf.ts';
import type { RRType } from './types.ts';

/** `.${search}.` for each usable search domain: what a candidate appends to the name. */
export function searchSuffixes(rc: Pick<ResolvConf, 'searches'>): string[] {
  return rc.searches.filter((s) => s !== '.' && s !== '').map((s) => `.${fqdn(s)}`);
}

/**
 * A pod as the resolver finds it: the stored object and a slot for the
 * resolver's per-pod memo. engine/network's PodInfo is one (so a lookup and
 * the connection after it touch one record); without the data plane, a
 * record per stored pod object stands in.
 */
export interface PodRecord {
  obj: KObject;
  namespace: string;
  name: string;
  /** status.podIP, '' without one. */
  ip: string;
  /** spec.hostNetwork, spec.dnsPolicy, spec.dnsConfig (set or not), spec.hostname, spec.subdomain: read when the record was made. */
  hostNetwork: boolean;
  dnsPolicy?: string;
  dnsConfig: boolean;
  hostname?: string;
  subdomain?: string;
  resolver?: unknown;
}

const storeRecords = new WeakMap<KObject, PodRecord>();
export function podRecord(cluster: Cluster, namespace: string, name: string): PodRecord | undefined {
  const fromDeps = dnsDeps().podRecord;
  if (fromDeps) return fromDeps(cluster, namespace, name);
  const obj = cluster.store.get('Pod', namespace, name);
  if (!obj) return undefined;
  let r = storeRecords.get(obj);
  if (!r) {
    const spec = obj.spec ?? {};
    storeRecords.set(obj, (r = {
      obj, namespace: obj.metadata.namespace ?? 'default', name: obj.metadata.name, ip: (obj.status?.podIP as string | undefined) ?? '',
      hostNetwork: !!spec.hostNetwork, dnsPolicy: spec.dnsPolicy, dnsConfig: !!spec.dnsConfig, hostname: spec.hostname, subdomain: spec.subdomain, resolver: undefined,
    }));
  }
  return r;
}

/**
 * What the libc of one pod reads before any query: its resolv.conf (parsed,
 * with the search suffixes ready) and its own /etc/hosts lines. Both depend
 * on the pod object and the cluster's config alone: kept on the pod's record
 * for that config.
 */
export interface PodResolver {
  config: Cluster['config'];
  rc: ResolvConf;
  suffixes: readonly string[];
  own: OwnNames | undefined;
  /** exchange.ts's memory of this pod's last good path to a nameserver. */
  path: PathMemory;
}

export function podResolver(cluster: Cluster, rec: PodRecord): PodResolver {
  const m = rec.resolver as PodResolver | undefined;
  if (m && m.config === cluster.config) return m;
  const rc = podResolvConf(cluster, rec);
  const r: PodResolver = { config: cluster.config, rc, suffixes: suffixesOf(rc), own: ownNames(cluster, rec), path: { remembered: undefined } };
  rec.resolver = r;
  return r;
}

/** searchSuffixes per parsed resolv.conf (shared by the pods of a namespace). */
const suffixMemo = new WeakMap<ResolvConf, string[]>();
function suffixesOf(rc: ResolvConf): string[] {
  let s = suffixMemo.get(rc);
  if (!s) suffixMemo.set(rc, (s = searchSuffixes(rc)));
  return s;
}

/**
 * The pod's resolv.conf, as the kubelet writes it. The common pod
 * (ClusterFirst, no dnsConfig, not hostNetwork) gets its namespace's file,
 * shared; any other is parsed for itself (kept on its record by podResolver).
 */
function podResolvConf(cluster: Cluster, rec: PodRecord): ResolvConf {
  const common = !rec.dnsConfig && !rec.hostNetwork && (rec.dnsPolicy ?? 'ClusterFirst') === 'ClusterFirst';
  return common ? namespaceResolvConf(cluster, rec.obj, rec.namespace) : parsedResolvConf(resolvConfFor(cluster, rec.obj));
}

/** Per config: namespace → the parsed resolv.conf of its ClusterFirst pods. */
const byNamespace = new WeakMap<Cluster['config'], Map<string, ResolvConf>>();
function namespaceResolvConf(cluster: Cluster, pod: KObject, ns: string): ResolvConf {
  let m = byNamespace.get(cluster.config);
  if (!m) byNamespace.set(cluster.config, (m = new Map()));
  let rc = m.get(ns);
  if (!rc) m.set(ns, (rc = parsedResolvConf(resolvConfFor(cluster, pod))));
  return rc;
}

/**
 * parseResolvConf per file text: the pods of a namespace share one file, so
 * they share one parse (and with it the search suffixes). Read-only.
 */
const parsedByText = new Map<string, ResolvConf>();
function parsedResolvConf(text: string): ResolvConf {
  let rc = parsedByText.get(text);
  if (!rc) {
    if (parsedByText.size >= 10_000) parsedByText.clear();
    parsedByText.set(text, (rc = parseResolvConf(text)));
  }
  return rc;
}

/** The pod's own lines in its kubelet-managed /etc/hosts: its IP, host name and, with a subdomain, FQDN. */
interface OwnNames {
  ip: string;
  host: string;
  full?: string;
}

/**
 * The kubelet-managed /etc/hosts of a pod: localhost and the pod's own
 * hostname (and FQDN with a subdomain), which the libc reads before DNS.
 */
export function etcHosts(own: OwnNames | undefined, name: string, type: RRType): { ip: string; name: string } | undefined {
  const n = unfqdn(name).toLowerCase();
  if (n === 'localhost') return type === 'A' ? { ip: '127.0.0.1', name: 'localhost' } : type === 'AAAA' ? { ip: '::1', name: 'localhost' } : undefined;
  if (!own || type !== 'A') return undefined;
  return n === own.host || n === own.full ? { ip: own.ip, name: own.full ?? own.host } : undefined;
}

function ownNames(cluster: Cluster, pod: PodRecord): OwnNames | undefined {
  const ip = pod.ip;
  if (!ip) return undefined;
  const host = (pod.hostname ?? pod.name).toLowerCase();
  // The lines are the host name and, with a subdomain, its FQDN; the match answers with the last (the canonical name).
  const full = pod.subdomain ? `${host}.${pod.subdomain}.${pod.namespace}.svc.${cluster.config.clusterDomain}`.toLowerCase() : undefined;
  return { ip, host, full };
}
