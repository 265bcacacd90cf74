/**
 * BusyBox 1.36 wget (networking/wget.c): `-q`, `-O FILE|-`, `-T SECS`,
 * `-S`, `--spider`, URLs with or without scheme. Its own wording:
 * "Connecting to h (ip:port)", "wget: can't connect to remote host (ip): …",
 * "wget: bad address 'h'", "wget: server returned error: HTTP/1.1 404 Not Found",
 * "wget: download timed out".
 */
import type { CommandContext, CommandHandler } from '../shell/command.ts';
import { Workspace } from '../workspace/index.ts';
import { parseUrl } from './curl-args.ts';
import { clusterOf, open, resolveHost, waitMs } from './client.ts';
import { serveHttp, statusLine } from './http.ts';

interface WgetOpts { quiet: boolean; output?: string; timeout: number; spider: boolean; serverResponse: boolean; headers: string[]; url?: string }

function parse(args: readonly string[]): WgetOpts | string {
  const o: WgetOpts = { quiet: false, timeout: 900, spider: false, serverResponse: false, headers: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-q' || a === '--quiet') o.quiet = true;
    else if (a === '-qO-' || a === '-qO') { o.quiet = true; o.output = a === '-qO-' ? '-' : args[++i]; }
    else if (a === '-O') o.output = args[++i];
    else if (a.startsWith('-O')) o.output = a.slice(2);
    else if (a === '-T') o.timeout = Number(args[++i]);
    else if (a.startsWith('-T')) o.timeout = Number(a.slice(2));
    else if (a.startsWith('--timeout=')) o.timeout = Number(a.slice(10));
    else if (a === '--spider') o.spider = true;
    else if (a === '-S') o.serverResponse = true;
    else if (a === '--header') o.headers.push(args[++i] ?? '');
    else if (a.startsWith('-') && a.length > 1) return a;
    else o.url = a;
  }
  return o;
}

export const wgetBusybox: CommandHandler = (ctx: CommandContext) => {
  const o = parse(ctx.argv.slice(1));
  if (typeof o === 'string') {
    ctx.stderr(`wget: unrecognized option '${o.replace(/^-+/, '')}'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n`);
    return 1;
  }
  const cluster = clusterOf(ctx);
  if (!o.url) { ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n'); return 1; }
  if (!cluster) return 1;
  const u = parseUrl(o.url);
  if ('error' in u) { ctx.stderr(`wget: not an http or ftp url: ${o.url}\n`); return 1; }
  const res = resolveHost(ctx, cluster, u.host, 'musl');
  if (!res.ok) { ctx.stderr(`wget: bad address '${u.host}'\n`); return 1; }
  const hostPort = u.explicitPort ? `${u.host}:${u.port}` : u.host;
  if (!o.quiet) ctx.stderr(`Connecting to ${hostPort} (${res.ip}:${u.port})\n`);
  const v = open(ctx, cluster, res.ip, u.port);
  if (!v.ok) {
    if (v.failure === 'timeout') { waitMs(ctx, o.timeout * 1000); ctx.stderr('wget: download timed out\n'); return 1; }
    ctx.stderr(`wget: can't connect to remote host (${res.ip}): ${v.failure === 'refused' ? 'Connection refused' : 'Host is unreachable'}\n`);
    return 1;
  }
  const headers: Array<[string, string]> = [['Host', hostPort], ['User-Agent', 'Wget']];
  for (const h of o.headers) { const i = h.indexOf(':'); if (i > 0) headers.push([h.slice(0, i).trim(), h.slice(i + 1).trim()]); }
  headers.push(['Connection', 'close']);
  const answer = serveHttp(cluster, v, { method: o.spider ? 'HEAD' : 'GET', path: u.path, headers });
  if (!answer || !('status' in answer)) { ctx.stderr('wget: error getting response: Connection reset by peer\n'); return 1; }
  if (o.serverResponse) ctx.stderr(`  ${statusLine(answer)}\n${answer.headers.map(([k, val]) => `  ${k}: ${val}\n`).join('')}`);
  if (answer.status >= 400) { ctx.stderr(`wget: server returned error: ${statusLine(answer)}\n`); return 1; }
  if (o.spider) { if (!o.quiet) ctx.stderr('remote file exists\n'); return 0; }
  const target = o.output ?? (Workspace.basename(u.path.split('?')[0]!) || 'index.html');
  const size = answer.body.length;
  const bar = (name: string) => `${name.padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (target === '-') {
    if (!o.quiet) ctx.stderr('writing to stdout\n');
    ctx.stdout(answer.body);
    if (!o.quiet) ctx.stderr(`${bar('-')}written to stdout\n`);
    return 0;
  }
  if (!o.quiet) ctx.stderr(`saving to '${target}'\n`);
  try { ctx.fs.write(Workspace.resolve(ctx.cwd, target), answer.body); } catch { ctx.stderr(`wget: can't open '${target}': No such file or directory\n`); return 1; }
  if (!o.quiet) ctx.stderr(`${bar(target)}'${target}' saved\n`);
  return 0;
};
