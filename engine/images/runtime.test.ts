import { describe, it } from 'node:test';
import { expect } from 'chai';
import { booted, create, pod } from '../controllers/testdata/harness.ts';
import { containerRuntime } from './runtime.ts';
import { aptCommand } from './apt.ts';
import type { CommandContext } from '../shell/command.ts';

// docker-nginx bookworm: /usr/share/nginx/html/index.html (nginx pkg-oss), 615 bytes.
const WELCOME = `<!DOCTYPE html>
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

function run(c: ReturnType<typeof booted>, podName: string, argv: string[]) {
  let out = '';
  let err = '';
  const ctx = {
    argv,
    stdin: '',
    stdout: (t: string) => (out += t),
    stderr: (t: string) => (err += t),
    env: new Map(),
    cwd: '/',
    fs: containerRuntime(c).fsFor('default', podName, podName)!,
    host: { kind: 'pod', namespace: 'default', pod: podName, container: podName },
    services: { cluster: c },
    note: () => {},
    runScript: () => 0,
  } as unknown as CommandContext;
  const code = aptCommand(ctx);
  return { out, err, code };
}

describe('container runtime', () => {
  const c = booted();
  create(c, pod('web', 'nginx'));
  const rt = containerRuntime(c);

  it('nginx listens on 80/TCP and serves the welcome page byte for byte', () => {
    expect(rt.listeners('default', 'web')).to.deep.equal([{ container: 'web', port: 80, protocol: 'TCP', server: 'nginx-http' }]);
    const res = rt.serveHttp('default', 'web', 80, { method: 'GET', path: '/', clientIp: '10.42.1.3', headers: [['User-Agent', 'curl/7.88.1']] })!;
    expect(res.status).to.equal(200);
    expect(res.body).to.equal(WELCOME);
    expect(res.headers.map(([k]) => k)).to.deep.equal(['Server', 'Date', 'Content-Type', 'Content-Length', 'Last-Modified', 'Connection', 'ETag', 'Accept-Ranges']);
    expect(res.headers[1]![1]).to.equal('Mon, 05 Jan 2026 09:02:00 GMT'); // the simulated clock, after boot
    expect(res.headers[3]![1]).to.equal('615');
  });

  it('nginx answers 404 with its own page and logs access lines', () => {
    const res = rt.serveHttp('default', 'web', 80, { method: 'GET', path: '/nope', clientIp: '10.42.1.3' })!;
    expect(res.status).to.equal(404);
    expect(res.body).to.equal('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.5</center>\r\n</body>\r\n</html>\r\n');
    const logs = rt.logs('default', 'web', 'web');
    expect(logs.ok && logs.text).to.contain('10.42.1.3 - - [05/Jan/2026:09:02:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\n');
  });

  it('nothing answers on a port no container opened', () => {
    expect(rt.serveHttp('default', 'web', 8080, { method: 'GET', path: '/' })).to.equal(undefined);
  });

  it('writes /etc/hostname and the kubelet-managed /etc/hosts', () => {
    const fs = rt.fsFor('default', 'web', 'web')!;
    expect(fs.readText('/etc/hostname')).to.equal('web\n');
    expect(fs.readText('/etc/hosts')).to.equal('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.42.0.9\tweb\n');
    expect(fs.readText('/etc/resolv.conf')).to.contain('nameserver 10.43.0.10');
  });

  it('httpd serves "It works!"', () => {
    create(c, pod('h', 'httpd'));
    expect(rt.serveHttp('default', 'h', 80, { method: 'GET', path: '/' })!.body).to.equal('<html><body><h1>It works!</h1></body></html>\n');
  });

  it('apt install before apt update fails as in a fresh container', () => {
    create(c, pod('a1', 'nginx'));
    const r = run(c, 'a1', ['apt', 'install', '-y', 'dnsutils']);
    expect(r.code).to.equal(100);
    expect(r.out).to.equal('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    expect(r.err).to.equal('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\nE: Unable to locate package dnsutils\n');
  });

  it('apt update && apt install -y dnsutils adds nslookup, dig and host', () => {
    create(c, pod('a2', 'nginx'));
    expect(rt.binaryIds('default', 'a2', 'a2')!['nslookup']).to.equal(undefined);
    const u = run(c, 'a2', ['apt', 'update']);
    expect(u.out.split('\n')[0]).to.equal('Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]');
    const i = run(c, 'a2', ['apt', 'install', '-y', 'dnsutils']);
    expect(i.code).to.equal(0);
    expect(i.out).to.contain('The following NEW packages will be installed:\n');
    expect(i.out).to.contain('Setting up dnsutils (1:9.18.33-1~deb12u2) ...\n');
    expect(rt.binaryIds('default', 'a2', 'a2')).to.include({ nslookup: 'nslookup:bind', dig: 'dig:bind', host: 'host:bind' });
  });

  it('a recreated pod starts without the packages', () => {
    expect(rt.packages('default', 'a1', 'a1')!.installed.size).to.equal(0);
  });
});
