/**
 * A stand-in resolver for when engine/dns is not wired: Service names as a
 * pod's search list would complete them (name, name.ns, name.ns.svc, FQDN),
 * ExternalName CNAMEs into the outside world, and the world's own names.
 * The real one is H7's lookup(), which applies ndots and goes through connect().
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { LookupResult } from './deps.ts';
import type { Peer } from './types.ts';
import { findWorldHostByName } from './world.ts';
import { isIpv4 } from './ip.ts';

export function fallbackLookup(cluster: Cluster, from: Peer, name: string): LookupResult {
  if (isIpv4(name)) return { ok: true, addresses: [name] };
  const domain = cluster.config.clusterDomain;
  const ns = from.kind === 'pod' ? from.namespace : undefined;
  const n = name.replace(/\.$/, '').toLowerCase();
  const candidates = ns && !name.endsWith('.') ? [`${n}.${ns}.svc.${domain}`, `${n}.svc.${domain}`, `${n}.${domain}`, n] : [n];
  for (const c of ns ? candidates : [n]) {
    const m = new RegExp(`^([^.]+)\\.([^.]+)\\.svc\\.${domain.replace(/\./g, '\\.')}$`).exec(c);
    if (m) {
      const svc = cluster.store.get('Service', m[2], m[1]!);
      if (!svc) continue;
      if (svc.spec?.type === 'ExternalName') {
        const host = findWorldHostByName(cluster, String(svc.spec.externalName ?? ''));
        if (host) return { ok: true, addresses: [host.ip], canonicalName: host.name };
        continue;
      }
      if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return { ok: true, addresses: [svc.spec.clusterIP] };
      continue;
    }
    const host = findWorldHostByName(cluster, c);
    if (host) return { ok: true, addresses: [host.ip] };
  }
  return { ok: false, error: 'NXDOMAIN', note: { code: 'nxdomain', message: `${name} does not resolve` } };
}
