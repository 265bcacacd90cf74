/**
 * What each kind of server answers over HTTP, byte for byte: nginx 1.27's
 * static files and error pages (src/http/ngx_http_special_response.c),
 * Apache httpd 2.4's, and agnhost's netexec and serve-hostname
 * (kubernetes/test/images/agnhost).
 */
import type { Workspace } from '../workspace/index.ts';
import type { ServerKind } from './catalogue-types.ts';

export interface HttpRequest {
  method: string;
  /** Path and query: `/`, `/echo?msg=hi` */
  path: string;
  headers?: Array<[string, string]>;
  /** The caller's address as the server sees it. */
  clientIp?: string;
  clientPort?: number;
  httpVersion?: string;
}

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

export interface ServeContext {
  server: ServerKind;
  fs: Workspace;
  podName: string;
  now: number;
  /** ms since the container started, for Go's monotonic clock reading. */
  uptimeMs: number;
}

const NGINX = 'nginx/1.27.5';
/** mtime of the files the nginx package installs (nginx 1.27.5's release). */
const NGINX_MTIME = Date.parse('2025-04-16T12:01:11Z');
const HTTPD_MTIME = Date.parse('2007-06-11T18:53:14Z');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** RFC 7231 IMF-fixdate: `Mon, 05 Jan 2026 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export function serve(ctx: ServeContext, req: HttpRequest): HttpResponse {
  switch (ctx.server) {
    case 'nginx-http':
      return nginx(ctx, req);
    case 'httpd':
      return httpd(ctx, req);
    case 'agnhost-netexec':
      return netexec(ctx, req);
    case 'agnhost-serve-hostname':
      return plain(ctx, 200, 'OK', ctx.podName);
    case 'traefik':
      return plain(ctx, 404, 'Not Found', '404 page not found\n');
    default:
      return { status: 0, reason: '', headers: [], body: '' };
  }
}

function splitPath(path: string): [string, string] {
  const q = path.indexOf('?');
  return q < 0 ? [path, ''] : [path.slice(0, q), path.slice(q + 1)];
}

function nginxError(ctx: ServeContext, status: number, reason: string): HttpResponse {
  const body = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>${NGINX}</center>\r\n</body>\r\n</html>\r\n`;
  return {
    status,
    reason,
    headers: [['Server', NGINX], ['Date', httpDate(ctx.now)], ['Content-Type', 'text/html'], ['Content-Length', String(bytes(body))], ['Connection', 'keep-alive']],
    body,
  };
}

function nginx(ctx: ServeContext, req: HttpRequest): HttpResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return nginxError(ctx, 405, 'Not Allowed');
  let [path] = splitPath(req.path);
  const root = '/usr/share/nginx/html';
  if (path.endsWith('/')) path += 'index.html';
  const file = `${root}${decodeURIComponent(path)}`;
  if (ctx.fs.type(file) === 'dir') {
    return { ...nginxError(ctx, 301, 'Moved Permanently'), headers: [...nginxError(ctx, 301, 'Moved Permanently').headers, ['Location', `http://${path}/`]] };
  }
  if (ctx.fs.type(file) !== 'file') return nginxError(ctx, 404, 'Not Found');
  const body = ctx.fs.readText(file);
  const size = bytes(body);
  const mtime = Math.floor(NGINX_MTIME / 1000);
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Server', NGINX],
      ['Date', httpDate(ctx.now)],
      ['Content-Type', file.endsWith('.html') ? 'text/html' : 'application/octet-stream'],
      ['Content-Length', String(size)],
      ['Last-Modified', httpDate(NGINX_MTIME)],
      ['Connection', 'keep-alive'],
      ['ETag', `"${mtime.toString(16)}-${size.toString(16)}"`],
      ['Accept-Ranges', 'bytes'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  };
}

function httpd(ctx: ServeContext, req: HttpRequest): HttpResponse {
  let [path] = splitPath(req.path);
  if (path.endsWith('/')) path += 'index.html';
  const file = `/usr/local/apache2/htdocs${decodeURIComponent(path)}`;
  if (ctx.fs.type(file) !== 'file') {
    const body = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`;
    return {
      status: 404,
      reason: 'Not Found',
      headers: [['Date', httpDate(ctx.now)], ['Server', 'Apache/2.4.65 (Unix)'], ['Content-Length', String(bytes(body))], ['Content-Type', 'text/html; charset=iso-8859-1']],
      body,
    };
  }
  const body = ctx.fs.readText(file);
  const size = bytes(body);
  // Apache's ETag: "<size hex>-<mtime in microseconds, hex>"
  const etag = `"${size.toString(16)}-${(BigInt(HTTPD_MTIME) * 1000n).toString(16)}"`;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Date', httpDate(ctx.now)],
      ['Server', 'Apache/2.4.65 (Unix)'],
      ['Last-Modified', httpDate(HTTPD_MTIME)],
      ['ETag', etag],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', String(size)],
      ['Content-Type', 'text/html'],
    ],
    body: req.method === 'HEAD' ? '' : body,
  };
}

function plain(ctx: ServeContext, status: number, reason: string, body: string): HttpResponse {
  return {
    status,
    reason,
    headers: [['Date', httpDate(ctx.now)], ['Content-Length', String(bytes(body))], ['Content-Type', 'text/plain; charset=utf-8']],
    body,
  };
}

/** Go's time.Time.String() in UTC with the monotonic reading: `2026-01-05 09:00:00.123456789 +0000 UTC m=+12.000000001`. */
function goNow(now: number, uptimeMs: number): string {
  const d = new Date(now);
  const date = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const frac = String(d.getUTCMilliseconds() * 1000000).padStart(9, '0').replace(/0+$/, '');
  return `${date}${frac ? `.${frac}` : ''} +0000 UTC m=+${(uptimeMs / 1000).toFixed(9)}`;
}

function netexec(ctx: ServeContext, req: HttpRequest): HttpResponse {
  const [path, query] = splitPath(req.path);
  const params = new URLSearchParams(query);
  switch (path) {
    case '/':
      return plain(ctx, 200, 'OK', `NOW: ${goNow(ctx.now, ctx.uptimeMs)}`);
    case '/hostname':
      return plain(ctx, 200, 'OK', ctx.podName);
    case '/clientip':
      return plain(ctx, 200, 'OK', `${req.clientIp ?? ''}:${req.clientPort ?? 0}`);
    case '/echo':
      return plain(ctx, 200, 'OK', params.get('msg') ?? '');
    case '/healthz':
    case '/readyz':
      return plain(ctx, 200, 'OK', 'ok');
    default:
      return plain(ctx, 404, 'Not Found', '404 page not found\n');
  }
}
