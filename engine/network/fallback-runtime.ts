/**
 * A stand-in container runtime for when engine/images is not wired (unit
 * tests, tools): it knows what a few images listen on from the image name
 * and the container's args. The real one is H4's containerRuntime(cluster).
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import type { HttpAnswer, HttpRequest, Listener, RuntimeLike } from './deps.ts';
import { httpDate, utf8Length } from './http.ts';
import type { Protocol } from './types.ts';

/** nginx 1.27's default index.html (615 bytes). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

interface ContainerServer {
  port: number;
  protocol: Protocol;
  container: string;
  kind: 'nginx' | 'httpd' | 'netexec' | 'serve-hostname' | 'raw';
}

function flag(args: string[], name: string, dflt: number): number {
  for (const a of args) {
    const m = new RegExp(`^--?${name}=(\\d+)$`).exec(a);
    if (m) return Number(m[1]);
  }
  return dflt;
}

function serversOf(pod: KObject): ContainerServer[] {
  const out: ContainerServer[] = [];
  for (const c of (pod.spec?.containers as any[]) ?? []) {
    const image = String(c.image ?? '');
    const base = image.split('@')[0]!.split(':')[0]!.split('/').pop()!;
    const args: string[] = [...(c.command ?? []), ...(c.args ?? [])].map(String);
    if (base === 'nginx') out.push({ port: 80, protocol: 'TCP', container: c.name, kind: 'nginx' });
    else if (base === 'httpd') out.push({ port: 80, protocol: 'TCP', container: c.name, kind: 'httpd' });
    else if (base === 'agnhost') {
      if (args.includes('netexec')) {
        out.push({ port: flag(args, 'http-port', 8080), protocol: 'TCP', container: c.name, kind: 'netexec' });
        out.push({ port: flag(args, 'udp-port', 8081), protocol: 'UDP', container: c.name, kind: 'raw' });
        const sctp = flag(args, 'sctp-port', -1);
        if (sctp > 0) out.push({ port: sctp, protocol: 'SCTP', container: c.name, kind: 'raw' });
      } else if (args.includes('serve-hostname')) {
        const port = flag(args, 'port', 9376);
        if (!args.includes('--udp')) out.push({ port, protocol: 'TCP', container: c.name, kind: 'serve-hostname' });
        else out.push({ port, protocol: 'UDP', container: c.name, kind: 'raw' });
      }
    }
  }
  return out;
}

function respond(cluster: Cluster, status: number, reason: string, body: string, extra: Array<[string, string]> = []): HttpAnswer {
  return { status, reason, headers: [['Date', httpDate(cluster.clock.now())], ...extra, ['Content-Length', String(utf8Length(body))], ['Content-Type', 'text/plain; charset=utf-8']], body };
}

export function fallbackRuntime(cluster: Cluster): RuntimeLike {
  return {
    // The answer depends on the pod object alone: it never goes stale.
    listenersVersion: () => 0,
    listenersOf(p: KObject): Listener[] {
      if (p.status?.phase !== 'Running') return [];
      return serversOf(p).map((s) => ({ port: s.port, protocol: s.protocol, container: s.container }));
    },
    serveHttp(namespace: string, pod: string, port: number, req: HttpRequest): HttpAnswer {
      const p = cluster.store.get('Pod', namespace, pod);
      const s = p && serversOf(p).find((x) => x.port === port && x.protocol === 'TCP');
      if (!s) return undefined;
      const path = req.path.split('?')[0];
      switch (s.kind) {
        case 'nginx':
          if (path !== '/' && path !== '/index.html') return { status: 404, reason: 'Not Found', headers: [['Server', 'nginx/1.27.5'], ['Date', httpDate(cluster.clock.now())], ['Content-Type', 'text/html'], ['Content-Length', '153'], ['Connection', 'keep-alive']], body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n' };
          return { status: 200, reason: 'OK', headers: [['Server', 'nginx/1.27.5'], ['Date', httpDate(cluster.clock.now())], ['Content-Type', 'text/html'], ['Content-Length', String(NGINX_WELCOME.length)], ['Last-Modified', 'Wed, 16 Apr 2025 12:01:11 GMT'], ['Connection', 'keep-alive'], ['ETag', '"67ff9c07-267"'], ['Accept-Ranges', 'bytes']], body: NGINX_WELCOME };
        case 'httpd': {
          const body = '<html><body><h1>It works!</h1></body></html>\n';
          return { status: 200, reason: 'OK', headers: [['Date', httpDate(cluster.clock.now())], ['Server', 'Apache/2.4.65 (Unix)'], ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'], ['ETag', '"2d-432a5e4a73a80"'], ['Accept-Ranges', 'bytes'], ['Content-Length', String(body.length)], ['Content-Type', 'text/html']], body };
        }
        case 'serve-hostname':
          return respond(cluster, 200, 'OK', pod);
        case 'netexec':
          if (path === '/hostname') return respond(cluster, 200, 'OK', pod);
          if (path === '/clientip') return respond(cluster, 200, 'OK', `${req.clientIp ?? ''}:40000`);
          if (path === '/healthz' || path === '/') return respond(cluster, 200, 'OK', path === '/' ? 'NOW: 2026-01-05 09:00:00.000000000 +0000 UTC m=+0.000000001' : '');
          return respond(cluster, 404, 'Not Found', '404 page not found\n');
        default:
          return { kind: 'no-http' };
      }
    },
  };
}
