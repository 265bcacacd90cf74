/**
 * curl, as labs run it: on the terminal (curl 7.88.1 behaviour from the
 * LAN), inside nginx (Debian 12's 7.88.1) and curlimages/curl (8.16.0).
 * The output is curl's own; why a transfer failed goes to ctx.note().
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import { Workspace } from '../workspace/index.ts';
import { parseCurlArgs, parseUrl, type CurlOptions, type ParsedUrl } from './curl-args.ts';
import { CURL_ALPINE, CURL_DEBIAN, PROGRESS_HEADER, progressLine, type CurlFlavour } from './curl-messages.ts';
import { clusterOf, open, resolveHost, waitMs } from './client.ts';
import { serveHttp, headerValue, statusLine } from './http.ts';
import type { HttpRequest, HttpResponse } from './deps.ts';
import { netState } from './state.ts';

/** Linux gives up on an unanswered SYN after 6 retries: 1+2+4+8+16+32+64 s. */
const KERNEL_SYN_TIMEOUT_MS = 127_000;
/** ARP gives up after 3 probes, a second apart, and the kernel reports EHOSTUNREACH. */
const ARP_FAIL_MS = 3_072;

interface Transfer {
  code: number;
  /** curl's error line (without `curl: (N) `), when code ≠ 0. */
  error?: string;
  response?: HttpResponse;
  ip?: string;
  port?: number;
  url: string;
  redirects: number;
}

export function makeCurl(flavour: CurlFlavour): CommandHandler {
  return (ctx) => {
    const parsed = parseCurlArgs(ctx.argv.slice(1));
    if (!parsed.ok) {
      ctx.stderr(`curl: option ${parsed.option}: ${parsed.reason}\n${flavour.tryHelp}`);
      return 2;
    }
    const o = parsed.opts;
    if (o.urls.length === 0) {
      ctx.stderr(`${flavour.noUrl}${flavour.tryHelp}`);
      return 2;
    }
    const cluster = clusterOf(ctx);
    if (!cluster) {
      ctx.stderr('curl: (7) no network in this terminal\n');
      return 7;
    }
    let last = 0;
    for (const url of o.urls) last = runOne(ctx, cluster, flavour, o, url);
    return last;
  };
}

/** Does curl show its progress meter? Not with -s, nor when the body goes to a terminal (`kubectl exec` without -t is a pipe). */
function showsMeter(ctx: CommandContext, o: CurlOptions): boolean {
  if (o.silent) return false;
  return ctx.host.kind === 'pod' || o.output !== undefined;
}

function runOne(ctx: CommandContext, cluster: Cluster, fl: CurlFlavour, o: CurlOptions, url: string): number {
  const meter = showsMeter(ctx, o);
  if (meter) ctx.stderr(PROGRESS_HEADER + progressLine(0, 0, 0));
  const t = transfer(ctx, cluster, fl, o, url);
  let bytes = 0;
  if (t.response && !o.head) bytes = t.response.body.length;
  if (t.code === 0 && t.response) emitResponse(ctx, o, t.response);
  if (meter) {
    const spent = t.code === 28 ? timeoutMs(o) : 1;
    ctx.stderr(t.code === 0 ? `${progressLine(bytes, bytes, 1)}\n` : `${progressLine(0, 0, spent)}\n`);
  }
  if (o.writeOut !== undefined) ctx.stdout(writeOut(o.writeOut, t));
  if (t.code !== 0 && (!o.silent || o.showError)) ctx.stderr(`curl: (${t.code}) ${t.error}\n`);
  return t.code;
}

function timeoutMs(o: CurlOptions): number {
  const limits = [o.maxTime, o.connectTimeout].filter((x): x is number => x !== undefined);
  return limits.length ? Math.round(Math.min(...limits) * 1000) : KERNEL_SYN_TIMEOUT_MS;
}

function transfer(ctx: CommandContext, cluster: Cluster, fl: CurlFlavour, o: CurlOptions, url: string): Transfer {
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const u = parseUrl(current);
    if ('error' in u) {
      return u.error === 'unsupported-scheme'
        ? { code: 1, error: `Protocol "${u.scheme}" not supported or disabled in libcurl`, url: current, redirects }
        : { code: 3, error: 'URL using bad/illegal format or missing URL', url: current, redirects };
    }
    const t = once(ctx, cluster, fl, o, u, current, redirects);
    const loc = t.response ? headerValue(t.response, 'Location') : undefined;
    if (t.code !== 0 || !o.location || !loc || !t.response || t.response.status < 300 || t.response.status > 399) return t;
    if (redirects >= 50) return { ...t, code: 47, error: 'Maximum (50) redirects followed' };
    current = new URL(loc, `${u.scheme}://${u.host}:${u.port}${u.path}`).toString();
    if (o.verbose) ctx.stderr(`* Issue another request to this URL: '${current}'\n`);
  }
}

function once(ctx: CommandContext, cluster: Cluster, fl: CurlFlavour, o: CurlOptions, u: ParsedUrl, url: string, redirects: number): Transfer {
  const v = (line: string) => { if (o.verbose) ctx.stderr(line); };
  const base = { url, redirects };
  const res = resolveHost(ctx, cluster, u.host, fl === CURL_DEBIAN ? 'glibc' : 'musl');
  if (!res.ok) {
    if (res.error === 'TIMEOUT') return { ...base, code: 28, error: `Resolving timed out after ${timeoutMs(o) + 1} milliseconds` };
    v(`* Could not resolve host: ${u.host}\n`);
    if (fl.closing) v(fl.closing);
    return { ...base, code: 6, error: `Could not resolve host: ${u.host}` };
  }
  for (const line of fl.resolved(u.host, u.port, [res.ip])) v(line);
  v(`*   Trying ${res.ip}:${u.port}...\n`);
  const verdict = open(ctx, cluster, res.ip, u.port, 'TCP');
  const limit = timeoutMs(o);
  if (!verdict.ok) {
    const failed = (ms: number, why: string) => `Failed to connect to ${u.host} port ${u.port} after ${ms} ms: ${why}`;
    if (verdict.failure === 'timeout' || (verdict.failure === 'unreachable' && limit < ARP_FAIL_MS)) {
      waitMs(ctx, limit);
      if (limit >= KERNEL_SYN_TIMEOUT_MS) {
        v(`* connect to ${res.ip} port ${u.port} failed: Connection timed out\n`);
        return { ...base, code: 28, error: failed(limit, fl.couldntConnect), ip: res.ip, port: u.port };
      }
      return { ...base, code: 28, error: `Connection timed out after ${limit + 1} milliseconds`, ip: res.ip, port: u.port };
    }
    const ms = verdict.failure === 'unreachable' ? ARP_FAIL_MS : verdict.ms ?? 0;
    if (ms > 0) waitMs(ctx, ms);
    v(`* connect to ${res.ip} port ${u.port} failed: ${verdict.failure === 'unreachable' ? 'No route to host' : 'Connection refused'}\n`);
    v(`* ${failed(ms, fl.couldntConnect)}\n`);
    if (fl.closing) v(fl.closing);
    return { ...base, code: 7, error: failed(ms, fl.couldntConnect), ip: res.ip, port: u.port };
  }
  const localIp = ctx.host.kind === 'pod' ? (netState(cluster).pod(ctx.host.namespace, ctx.host.pod)?.ip ?? '') : '192.168.164.1';
  v(fl.connected(u.host, res.ip, u.port, localIp));
  const req = buildRequest(fl, o, u);
  if (o.verbose) {
    ctx.stderr(`> ${req.method} ${req.path} HTTP/1.1\n`);
    for (const [k, val] of req.headers) ctx.stderr(`> ${k}: ${val}\n`);
    ctx.stderr('> \n');
    if (fl.requestSent) ctx.stderr(fl.requestSent);
  }
  const answer = serveHttp(cluster, verdict, req);
  if (!answer || !('status' in answer)) {
    if (fl.closing) v(fl.closing);
    ctx.note({ code: 'empty-reply', message: `${res.ip}:${u.port} accepted the connection but answered nothing over HTTP` });
    return { ...base, code: 52, error: 'Empty reply from server', ip: res.ip, port: u.port };
  }
  const response: HttpResponse = o.head || req.method === 'HEAD' ? { ...answer, body: '' } : answer;
  if (o.verbose) {
    ctx.stderr(`< ${statusLine(answer)}\n`);
    for (const [k, val] of answer.headers) ctx.stderr(`< ${k}: ${val}\n`);
    ctx.stderr('< \n');
    if (response.body.length > 0) ctx.stderr(`{ [${response.body.length} bytes data]\n`);
  }
  if (o.fail && answer.status >= 400) {
    if (fl.closing) v(fl.closing);
    return { ...base, code: 22, error: `The requested URL returned error: ${answer.status}`, ip: res.ip, port: u.port, response: { ...response, body: '' } };
  }
  v(fl.leftIntact(u.host, u.port));
  return { ...base, code: 0, response, ip: res.ip, port: u.port };
}

function buildRequest(fl: CurlFlavour, o: CurlOptions, u: ParsedUrl): HttpRequest {
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const defaultPort = u.scheme === 'https' ? 443 : 80;
  const headers: Array<[string, string]> = [
    ['Host', u.port === defaultPort ? u.host : `${u.host}:${u.port}`],
    ['User-Agent', o.userAgent ?? `curl/${fl.version}`],
    ['Accept', '*/*'],
  ];
  for (const h of o.headers) {
    const i = h.indexOf(':');
    if (i <= 0) continue;
    const name = h.slice(0, i).trim();
    const value = h.slice(i + 1).trim();
    const at = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    if (value === '') { if (at >= 0) headers.splice(at, 1); continue; } // `-H 'Accept:'` removes a header
    if (at >= 0) headers[at] = [name, value];
    else headers.push([name, value]);
  }
  if (o.data !== undefined) {
    headers.push(['Content-Length', String(o.data.length)], ['Content-Type', 'application/x-www-form-urlencoded']);
  }
  return { method, path: u.path, headers, ...(o.data !== undefined ? { body: o.data } : {}) };
}

function emitResponse(ctx: CommandContext, o: CurlOptions, r: HttpResponse): void {
  const head = `${statusLine(r)}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  const text = (o.include || o.head ? head : '') + (o.head ? '' : r.body);
  if (o.output === undefined || o.output === '-') {
    ctx.stdout(text);
    return;
  }
  if (o.output === '/dev/null') return;
  const path = Workspace.resolve(ctx.cwd, o.output);
  try {
    ctx.fs.write(path, text);
  } catch {
    ctx.stderr(`curl: (23) Failure writing output to destination\n`);
  }
}

/** -w: the variables labs use (src/tool_writeout.c). */
function writeOut(fmt: string, t: Transfer): string {
  const r = t.response;
  const vars: Record<string, string> = {
    http_code: r ? String(r.status).padStart(3, '0') : '000',
    response_code: r ? String(r.status).padStart(3, '0') : '000',
    remote_ip: t.ip ?? '',
    remote_port: t.port !== undefined ? String(t.port) : '',
    url_effective: t.url,
    size_download: String(r?.body.length ?? 0),
    content_type: (r && headerValue(r, 'Content-Type')) ?? '',
    redirect_url: (r && headerValue(r, 'Location')) ?? '',
    num_redirects: String(t.redirects),
    exitcode: String(t.code),
    errormsg: t.error ?? '',
    time_total: '0.001000',
    time_connect: '0.000500',
  };
  return fmt
    .replace(/%\{([a-z_]+)\}/g, (m, name: string) => vars[name] ?? m)
    .replace(/\\n/g, '\n')
    .replace(/\\r/g, '\r')
    .replace(/\\t/g, '\t')
    .replace(/%%/g, '%');
}

export const curlDebian: CommandHandler = makeCurl(CURL_DEBIAN);
export const curlAlpine: CommandHandler = makeCurl(CURL_ALPINE);
