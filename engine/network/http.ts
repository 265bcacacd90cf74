/**
 * HTTP/1.1 as the clients print it: dates, status lines, header blocks, and
 * "who answers": a pod's server (through the container runtime) or a host of
 * the outside world.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { runtimeOf, type HttpAnswer, type HttpRequest, type HttpResponse } from './deps.ts';
import { findWorldHostByIp, worldServeHttp } from './world.ts';
import type { Verdict } from './types.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 9110 IMF-fixdate: `Mon, 05 Jan 2026 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function statusLine(r: HttpResponse): string {
  return `${r.version ?? 'HTTP/1.1'} ${r.status} ${r.reason}`;
}

export function headerValue(r: { headers: Array<[string, string]> }, name: string): string | undefined {
  const lower = name.toLowerCase();
  return r.headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

/**
 * The source port a client's kernel picks: Linux's default
 * net.ipv4.ip_local_port_range is 32768-60999 (SNAT keeps it when it is free).
 */
function ephemeralPort(cluster: Cluster): number {
  return cluster.ext('network:ephemeral-ports', (c) => c.random.fork('ephemeral-ports')).int(32768, 60999);
}

/** Ask whatever a successful connection reached for an HTTP answer. */
export function serveHttp(cluster: Cluster, v: Extract<Verdict, { ok: true }>, req: HttpRequest): HttpAnswer {
  const withClient = { ...req, clientIp: v.seenSource, clientPort: ephemeralPort(cluster) };
  if (v.endpoint.pod) return runtimeOf(cluster).serveHttp(v.endpoint.pod.namespace, v.endpoint.pod.name, v.endpoint.port, withClient);
  const host = findWorldHostByIp(cluster, v.endpoint.ip);
  if (host) return worldServeHttp(cluster, host, withClient) ?? { kind: 'no-http' };
  return { kind: 'close' };
}
