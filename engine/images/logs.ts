/** Log lines a container prints: start-up templates and nginx's access log. */
import type { HttpRequest, HttpResponse } from './http.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/**
 * Fill a start-up log template: {time} nginx's error-log time
 * (`2026/01/05 09:00:00`), {apachetime} httpd's, {klogtime} klog's
 * `09:00:00.000000`, {ip} the pod IP.
 */
export function formatLogTemplate(template: string, vars: { ip: string; at: number }): string {
  const d = new Date(vars.at);
  const hms = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const nginxTime = `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${hms}`;
  const apacheTime = `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${hms}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')} ${d.getUTCFullYear()}`;
  return template
    .replaceAll('{time}', nginxTime)
    .replaceAll('{apachetime}', apacheTime)
    .replaceAll('{klogtime}', `${hms}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`)
    .replaceAll('{ip}', vars.ip);
}

/** nginx's `combined` access log line with the docker image's `"$http_x_forwarded_for"` tail. */
export function accessLogLine(req: HttpRequest, res: HttpResponse, now: number): string {
  const d = new Date(now);
  const when = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
  const h = (name: string) => req.headers?.find(([k]) => k.toLowerCase() === name)?.[1];
  const size = Buffer.byteLength(res.body, 'utf8');
  return `${req.clientIp ?? '-'} - - [${when}] "${req.method} ${req.path} HTTP/${req.httpVersion ?? '1.1'}" ${res.status} ${size} "${h('referer') ?? '-'}" "${h('user-agent') ?? '-'}" "${h('x-forwarded-for') ?? '-'}"\n`;
}
