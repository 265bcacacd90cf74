/**
 * engine/dns: CoreDNS over the object store, the pods' resolv.conf and
 * stub resolvers, and the DNS tools labs run inside pods.
 */
import type { CommandHandler } from '../shell/command.ts';
import { nslookupBind } from './tools/nslookup-bind.ts';
import { nslookupBusybox } from './tools/nslookup-busybox.ts';
import { digBind } from './tools/dig.ts';
import { hostBind } from './tools/host.ts';
import { getentGlibc, getentMusl } from './tools/getent.ts';

export { query, kubernetesPlugin, CACHE_MAX_TTL, NODE_HOSTS_TTL } from './coredns.ts';
export { lookup, lookupOutside, searchOrder, resolvConfOf, type LookupResult, type LookupError, type LookupOptions, type QueryTrace } from './resolver.ts';
export { resolvConfFor, podDnsConfig, nodeResolvConf, parseResolvConf, writeResolvConf, type DnsConfig, type ResolvConf } from './resolvconf.ts';
export { exchange, isClusterDns, type Exchange } from './exchange.ts';
export { setDnsDeps, dnsDeps, builtinWorld, type DnsDeps, type ConnectFn, type PathVerdict, type Peer, type WorldDns, type WorldAnswer } from './deps.ts';
export { dnsIndex, DnsIndex } from './dns-index.ts';
export { DEFAULT_TTL, parseRequest } from './kubernetes.ts';
export { zoneLine, rdataText, parseRRType, type DnsAnswer, type DnsRecord, type RRType, type Rcode } from './types.ts';

/** The DNS tools by implementation id (wiring.md's table). */
export const dnsBinaries: Record<string, CommandHandler> = {
  'nslookup:bind': nslookupBind,
  'nslookup:busybox': nslookupBusybox,
  'dig:bind': digBind,
  'host:bind': hostBind,
  'getent:glibc': getentGlibc,
  'getent:musl': getentMusl,
};
