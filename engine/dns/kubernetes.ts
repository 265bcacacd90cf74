/**
 * CoreDNS's kubernetes plugin (plugin/kubernetes: parse.go, kubernetes.go,
 * reverse.go), configured as k3s's default Corefile does:
 *
 *     kubernetes cluster.local in-addr.arpa ip6.arpa {
 *       pods insecure
 *       fallthrough in-addr.arpa ip6.arpa
 *     }
 *
 * It turns a query name into "services" (CoreDNS's msg.Service: an owner
 * name and a host that is an address or a name) or one of three reasons
 * for no answer. Wildcard labels (`*`, `any`) are no longer special: CoreDNS
 * removed them (1.9), so they match only a Service literally named so.
 */
import type { DnsIndex } from './dns-index.ts';
import { isHeadless, type DnsEndpointAddress } from './objects.ts';
import { isIP, isIPv4, normalizeIp, trimZone, unfqdn } from './names.ts';

/** CoreDNS's defaultTTL: every record of the plugin carries it. */
export const DEFAULT_TTL = 5;

/** The closed set of "why not" (kubernetes.go: errNoItems, errNsNotExposed, errInvalidRequest). */
export type NoAnswer = 'noItems' | 'namespaceNotExposed' | 'invalidRequest';

/** CoreDNS's IsNameError: these three mean NXDOMAIN; nothing else does. */
export function isNameError(e: NoAnswer | undefined): boolean {
  return e === 'noItems' || e === 'namespaceNotExposed' || e === 'invalidRequest';
}

/** msg.Service: `domain` is msg.Domain(Key), the owner an SRV target or PTR points at. */
export interface Item {
  domain: string;
  /** An IP address (A/AAAA) or a name (CNAME). */
  host: string;
  /** -1 when the endpoint declares no port (SRV skips it). */
  port: number;
  ttl: number;
}

export interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  /** 'pod' | 'svc' | '' (apex, `svc.zone`, `pod.zone`) */
  podOrSvc: string;
}

export type Records = { items: Item[]; error?: NoAnswer };

/**
 * parseRequest. The shapes it accepts, left of the zone:
 *   1. _port._protocol.service.namespace.svc   (SRV)
 *   2. endpoint.service.namespace.svc          (headless endpoint / hostname)
 *   3. service.namespace.svc | pod-ip.namespace.pod
 *   4. namespace.svc | svc | pod | ''          (exist, hold nothing: NODATA)
 * Anything longer is "too long": invalidRequest (NXDOMAIN).
 */
export function parseRequest(name: string, zone: string): { r: RecordRequest; error?: NoAnswer } {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  const base = trimZone(name, zone);
  const lower = base.toLowerCase();
  if (base === '' || lower === 'svc' || lower === 'pod') return { r };
  // The labels from the right (as labels(base) would split them): every query parses its name.
  const n = unfqdn(base);
  let end = n.length;
  let left = 1;
  for (let i = n.indexOf('.'); i >= 0; i = n.indexOf('.', i + 1)) left++;
  const next = (): string => {
    const i = end > 0 ? n.lastIndexOf('.', end - 1) : -1;
    const seg = n.slice(i + 1, end);
    end = i;
    left--;
    return seg;
  };
  r.podOrSvc = next().toLowerCase();
  if (r.podOrSvc !== 'pod' && r.podOrSvc !== 'svc') return { r, error: 'invalidRequest' };
  if (left === 0) return { r };
  r.namespace = next();
  if (left === 0) return { r };
  r.service = next();
  if (left === 0) return { r };
  if (left === 1) r.endpoint = next();
  else if (left === 2) {
    r.protocol = stripUnderscore(next());
    r.port = stripUnderscore(next());
  } else return { r, error: 'invalidRequest' };
  return { r };
}

function stripUnderscore(s: string): string {
  return s.startsWith('_') ? s.slice(1) : s;
}

function match(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function matchPortAndProtocol(aPort: string, bPort: string, aProto: string, bProto: string): boolean {
  return (aPort === '' || match(aPort, bPort)) && (aProto === '' || match(aProto, bProto));
}

/** endpointHostname: the endpoint's hostname, else its IP with dashes (`10-42-0-5`, `fd00--1`). */
export function endpointHostname(a: DnsEndpointAddress): string {
  if (a.hostname) return a.hostname;
  if (a.ip.includes('.')) return a.ip.replaceAll('.', '-');
  if (a.ip.includes(':')) {
    const h = a.ip.replaceAll(':', '-');
    return h.endsWith('-') ? `${h}0` : h;
  }
  return '';
}

/** Records(): the items for a name in a cluster zone. */
export function records(idx: DnsIndex, name: string, zone: string): Records {
  const { r, error } = parseRequest(name, zone);
  if (error) return { items: [], error };
  if (r.podOrSvc === '') return { items: [] };
  if (!idx.namespaceExists(r.namespace)) return { items: [], error: 'namespaceNotExposed' };
  return r.podOrSvc === 'pod' ? findPods(idx, r, zone) : findServices(idx, r, zone);
}

/** findPods in `pods insecure` mode: any IP-shaped name in an existing namespace answers. */
function findPods(idx: DnsIndex, r: RecordRequest, zone: string): Records {
  const podname = r.service;
  if (podname === '') return { items: [] }; // namespace.pod.zone: NODATA
  if (r.endpoint !== '' || r.port !== '') return { items: [], error: 'noItems' };
  const ip = (podname.split('-').length - 1) === 3 && !podname.includes('--')
    ? podname.replaceAll('-', '.')
    : podname.replaceAll('-', ':');
  if (!isIP(ip)) return { items: [], error: 'noItems' };
  void idx;
  return { items: [{ domain: `${podname}.${r.namespace}.pod.${zone}`, host: normalizeIp(ip), port: 0, ttl: DEFAULT_TTL }] };
}

/** findServices: ClusterIP, headless (one item per ready endpoint and port), ExternalName. */
function findServices(idx: DnsIndex, r: RecordRequest, zone: string): Records {
  if (r.service === '') return { items: [] }; // namespace.svc.zone: NODATA
  const svc = idx.service(r.service, r.namespace);
  if (!svc) return { items: [], error: 'noItems' };
  const svcDomain = `${svc.name}.${svc.namespace}.svc.${zone}`;
  const items: Item[] = [];
  let found = false;

  if (svc.type === 'ExternalName') {
    // No endpoints and no port/protocol labels; an IP-valued externalName yields nothing.
    if (r.endpoint || r.port || r.protocol || svc.externalName === '' || isIP(svc.externalName)) {
      return { items: [], error: 'noItems' };
    }
    return { items: [{ domain: svcDomain, host: svc.externalName, port: 0, ttl: DEFAULT_TTL }] };
  }

  if (isHeadless(svc) || r.endpoint !== '') {
    for (const ep of idx.endpointsOf(svc.name, svc.namespace)) {
      for (const addr of ep.addresses) {
        if (r.endpoint !== '' && !match(r.endpoint, endpointHostname(addr))) continue;
        for (const p of ep.ports) {
          if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
          found = true;
          items.push({ domain: `${endpointHostname(addr)}.${svcDomain}`, host: addr.ip, port: p.port, ttl: DEFAULT_TTL });
        }
      }
    }
    return found ? { items } : { items, error: 'noItems' };
  }

  for (const p of svc.ports) {
    if (!matchPortAndProtocol(r.port, p.name, r.protocol, p.protocol)) continue;
    found = true;
    for (const ip of svc.clusterIPs) items.push({ domain: svcDomain, host: ip, port: p.port, ttl: DEFAULT_TTL });
  }
  return found ? { items } : { items, error: 'noItems' };
}

/** reverse.go serviceRecordForIP: a Service's cluster IP first, else every endpoint with that IP. */
export function reverseRecords(idx: DnsIndex, ip: string, zone: string): Item[] {
  const svc = idx.servicesByIP(ip)[0];
  if (svc) return [{ domain: '', host: `${svc.name}.${svc.namespace}.svc.${zone}`, port: 0, ttl: DEFAULT_TTL }];
  const out: Item[] = [];
  for (const ep of idx.endpointsByIP(ip)) {
    for (const a of ep.addresses) {
      if (a.ip !== ip) continue;
      out.push({ domain: '', host: `${endpointHostname(a)}.${ep.index}.svc.${zone}`, port: 0, ttl: DEFAULT_TTL });
    }
  }
  return out;
}

/** msg.Service.HostType(): A for IPv4, AAAA for IPv6, CNAME for a name. */
export function hostType(host: string): 'A' | 'AAAA' | 'CNAME' {
  if (isIPv4(host)) return 'A';
  if (isIP(host)) return 'AAAA';
  return 'CNAME';
}
