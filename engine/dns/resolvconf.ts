/**
 * /etc/resolv.conf as a k3s pod gets it. The kubelet decides the DNS config
 * (kubernetes pkg/kubelet/network/dns/dns.go: GetPodDNS, appendDNSConfig)
 * and containerd writes it (CRI parseDNSOptions): `search` first, then
 * `nameserver` lines, then `options` — so today's k3s prints
 *
 *     search default.svc.cluster.local svc.cluster.local cluster.local
 *     nameserver 10.43.0.10
 *     options ndots:5
 *
 * (the chapter's transcript, nameserver first and a cloud search domain,
 * came from a Docker-era node).
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';

export interface DnsConfig {
  servers: string[];
  searches: string[];
  options: string[];
}

export interface ResolvConf extends DnsConfig {
  /** options ndots:N (resolver default 1). */
  ndots: number;
}

/** kubelet's validation.MaxDNSNameservers and MaxDNSSearchPaths. */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

/**
 * The node's own resolv.conf, which pods with dnsPolicy Default inherit and
 * CoreDNS forwards to: the LAN's resolver at .2 of the nodes' subnet (the
 * NAT gateway of the lab's virtual network).
 */
export function nodeDnsConfig(cluster: Cluster): DnsConfig {
  const ip = cluster.config.nodes[0]?.ip ?? '192.168.164.130';
  return { servers: [ip.replace(/\.\d+$/, '.2')], searches: [], options: [] };
}

export function nodeResolvConf(cluster: Cluster): string {
  return writeResolvConf(nodeDnsConfig(cluster));
}

/** GetPodDNS: the DNS config the kubelet hands the runtime for `pod`. */
export function podDnsConfig(cluster: Cluster, pod: KObject): DnsConfig {
  const spec = (pod.spec ?? {}) as { dnsPolicy?: string; hostNetwork?: boolean; dnsConfig?: PodDnsConfig };
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  const host = nodeDnsConfig(cluster);
  let cfg: DnsConfig;
  const clusterFirst = (policy === 'ClusterFirst' && !spec.hostNetwork) || policy === 'ClusterFirstWithHostNet';
  if (policy === 'None') cfg = { servers: [], searches: [], options: [] };
  else if (clusterFirst && cluster.config.clusterDns) {
    const ns = pod.metadata.namespace ?? 'default';
    const d = cluster.config.clusterDomain;
    cfg = {
      servers: [cluster.config.clusterDns],
      searches: [`${ns}.svc.${d}`, `svc.${d}`, d, ...host.searches.filter((s) => s !== '.')],
      options: ['ndots:5'],
    };
  } else cfg = { servers: [...host.servers], searches: [...host.searches], options: [...host.options] };
  if (spec.dnsConfig) cfg = appendDnsConfig(cfg, spec.dnsConfig);
  return {
    servers: cfg.servers.slice(0, MAX_NAMESERVERS),
    searches: cfg.searches.slice(0, MAX_SEARCHES),
    options: cfg.options,
  };
}

interface PodDnsConfig {
  nameservers?: string[];
  searches?: string[];
  options?: Array<{ name: string; value?: string }>;
}

/** appendDNSConfig: add nameservers and searches (no duplicates); pod options override by name. */
function appendDnsConfig(cfg: DnsConfig, extra: PodDnsConfig): DnsConfig {
  const uniq = (xs: string[]) => [...new Set(xs)];
  const opts = new Map<string, string>();
  for (const o of cfg.options) {
    const i = o.indexOf(':');
    opts.set(i < 0 ? o : o.slice(0, i), i < 0 ? '' : o.slice(i + 1));
  }
  for (const o of extra.options ?? []) opts.set(o.name, o.value ?? '');
  // kubelet rebuilds the list from a Go map (random order); sorted here so every run prints the same.
  const options = [...opts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => (v ? `${k}:${v}` : k));
  return {
    servers: uniq([...cfg.servers, ...(extra.nameservers ?? [])]),
    searches: uniq([...cfg.searches, ...(extra.searches ?? [])]),
    options,
  };
}

/** containerd's parseDNSOptions: the file's exact text. */
export function writeResolvConf(cfg: DnsConfig): string {
  let out = '';
  if (cfg.searches.length > 0) out += `search ${cfg.searches.join(' ')}\n`;
  if (cfg.servers.length > 0) out += `nameserver ${cfg.servers.join('\nnameserver ')}\n`;
  if (cfg.options.length > 0) out += `options ${cfg.options.join(' ')}\n`;
  return out;
}

/** /etc/resolv.conf of `pod`, byte for byte as k3s writes it. */
export function resolvConfFor(cluster: Cluster, pod: KObject): string {
  return writeResolvConf(podDnsConfig(cluster, pod));
}

/** Read a resolv.conf as the resolvers do (last `search`/`domain` wins; ndots capped at 15). */
export function parseResolvConf(text: string): ResolvConf {
  const rc: ResolvConf = { servers: [], searches: [], options: [], ndots: 1 };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...args] = line.split(/\s+/);
    if (key === 'nameserver' && args[0]) rc.servers.push(args[0]);
    else if (key === 'search' || key === 'domain') rc.searches = args.filter(Boolean);
    else if (key === 'options') {
      for (const o of args) {
        rc.options.push(o);
        const m = /^ndots:(\d+)$/.exec(o);
        if (m) rc.ndots = Math.min(15, Number(m[1]));
      }
    }
  }
  return rc;
}
