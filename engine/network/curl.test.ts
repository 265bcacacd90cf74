/**
 * curl, wget, nc goldens. Message texts come from curl 7.88.1's sources
 * (curl/curl tag curl-7_88_1: lib/connect.c "Failed to connect to %s port %u
 * after %ld ms: %s", lib/strerror.c "Couldn't connect to server", lib/multi.c
 * "Connection timed out after %ld milliseconds", lib/url.c "Could not resolve
 * host: %s") and 8.16.0's (lib/strerror.c "Could not connect to server").
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { TestCluster, run, inPod } from './testdata/builder.ts';
import { networkBinaries } from './index.ts';
import { NGINX_WELCOME } from './fallback-runtime.ts';
import { GOOGLE_301_BODY } from './world-default.ts';

const curl = networkBinaries['curl:debian']!;
const curl8 = networkBinaries['curl:alpine']!;

function chapter() {
  const t = new TestCluster();
  t.pod('default', 'mynginx', { labels: { run: 'mynginx' } });
  t.pod('default', 'client', { labels: { run: 'client' } });
  t.service('default', 'myservice', { clusterIP: '10.43.152.73', selector: { run: 'mynginx' }, ports: [{ port: 8080, targetPort: 80 }] });
  t.service('default', 'google-svc', { type: 'ExternalName', externalName: 'google.com' });
  t.service('default', 'node-port', { type: 'NodePort', selector: { run: 'mynginx' }, ports: [{ port: 8080, targetPort: 80, nodePort: 30080 }] });
  return t;
}

describe('curl:debian (7.88.1)', () => {
  it('-s through a Service name prints the nginx page', () => {
    const r = run(curl, chapter().cluster, ['curl', '-s', 'myservice:8080'], inPod('default', 'client'));
    expect(r.code).to.equal(0);
    expect(r.output).to.equal(NGINX_WELCOME);
  });
  it('the terminal reaches a NodePort on every node', () => {
    const c = chapter().cluster;
    for (const ip of ['192.168.164.130', '192.168.164.131']) expect(run(curl, c, ['curl', `${ip}:30080`]).stdout).to.equal(NGINX_WELCOME);
  });
  it('could not resolve host: exit 6', () => {
    const r = run(curl, chapter().cluster, ['curl', '-sS', 'nosuch'], inPod('default', 'client'));
    expect([r.code, r.stderr]).to.deep.equal([6, 'curl: (6) Could not resolve host: nosuch\n']);
  });
  it('refused (no endpoints): exit 7 with the time from the model', () => {
    const t = chapter();
    t.service('default', 'empty', { clusterIP: '10.43.9.9', selector: { run: 'nobody' } });
    const r = run(curl, t.cluster, ['curl', '-sS', '10.43.9.9'], inPod('default', 'client'));
    expect([r.code, r.stderr]).to.deep.equal([7, "curl: (7) Failed to connect to 10.43.9.9 port 80 after 0 ms: Couldn't connect to server\n"]);
    expect(r.notes[0]!.code).to.equal('no-endpoints');
  });
  it('-s alone prints nothing on failure', () => {
    const r = run(curl, chapter().cluster, ['curl', '-s', 'myservice:9999', '--max-time', '1'], inPod('default', 'client'));
    expect([r.code, r.output]).to.deep.equal([28, '']);
    expect(r.notes[0]!.code).to.equal('no-service-port');
  });
  it('timeout with -m: exit 28, "Connection timed out after 1001 milliseconds"', () => {
    const r = run(curl, chapter().cluster, ['curl', '-sS', '-m', '1', '10.42.0.10']);
    expect([r.code, r.stderr]).to.deep.equal([28, 'curl: (28) Connection timed out after 1001 milliseconds\n']);
  });
  it('-v prints the connection, request and response headers', () => {
    const r = run(curl, chapter().cluster, ['curl', '-sv', 'myservice:8080'], inPod('default', 'client'));
    expect(r.stderr).to.match(/^\*   Trying 10\.43\.152\.73:8080\.\.\.\n\* Connected to myservice \(10\.43\.152\.73\) port 8080 \(#0\)\n> GET \/ HTTP\/1\.1\n> Host: myservice:8080\n> User-Agent: curl\/7\.88\.1\n> Accept: \*\/\*\n> \n< HTTP\/1\.1 200 OK\n< Server: nginx\/1\.27\.5\n/);
    expect(r.stderr).to.match(/< \n\{ \[615 bytes data\]\n\* Connection #0 to host myservice left intact\n$/);
  });
  it('-I prints the status line and headers only; -w prints the code', () => {
    const r = run(curl, chapter().cluster, ['curl', '-sI', '-w', '%{http_code}\\n', 'myservice:8080'], inPod('default', 'client'));
    expect(r.stdout).to.match(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.5\r\n[\s\S]*\r\n\r\n200\n$/);
  });
  it('-o writes the body into the file tree', () => {
    const r = run(curl, chapter().cluster, ['curl', '-s', '-o', 'page.html', 'myservice:8080'], inPod('default', 'client'));
    expect(r.fs.readText('/work/page.html')).to.equal(NGINX_WELCOME);
  });
  it('ExternalName with a Host header reaches google.com: its real 301 body', () => {
    const r = run(curl8, chapter().cluster, ['curl', '-s', '-H', 'Host: google.com', 'google-svc'], inPod('default', 'client'));
    expect(r.stdout).to.equal(GOOGLE_301_BODY);
  });
  it('-L follows the redirect through the outside world', () => {
    const r = run(curl, chapter().cluster, ['curl', '-sL', '-w', '%{http_code} %{num_redirects}', 'google.com']);
    expect(r.stdout).to.match(/<title>Google<\/title>[\s\S]*200 1$/);
  });
  it('progress meter inside a pod without -s', () => {
    const r = run(curl, chapter().cluster, ['curl', 'myservice:8080'], inPod('default', 'client'));
    expect(r.stderr).to.equal('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100   615  100   615    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n');
  });
  it('unknown option and missing URL: exit 2 with helpf()', () => {
    expect(run(curl, chapter().cluster, ['curl', '--nope']).stderr).to.equal("curl: option --nope: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    expect(run(curl, chapter().cluster, ['curl']).code).to.equal(2);
  });
  it('policy rejection: exit 7 at once', () => {
    const t = chapter();
    t.policy('default', 'deny', { podSelector: { matchLabels: { run: 'mynginx' } }, policyTypes: ['Ingress'] });
    const r = run(curl, t.cluster, ['curl', '-sS', '--max-time', '2', 'http://10.42.0.10/'], inPod('default', 'client'));
    expect([r.code, r.stderr]).to.deep.equal([7, "curl: (7) Failed to connect to 10.42.0.10 port 80 after 0 ms: Couldn't connect to server\n"]);
  });
});

describe('curl:alpine (8.16.0)', () => {
  it('says "Could not connect to server"', () => {
    const r = run(curl8, chapter().cluster, ['curl', '-sS', '10.42.0.10:81'], inPod('default', 'client'));
    expect([r.code, r.stderr]).to.deep.equal([7, 'curl: (7) Failed to connect to 10.42.0.10 port 81 after 0 ms: Could not connect to server\n']);
  });
});

describe('wget:busybox and nc', () => {
  it('wget -qO- prints the body', () => {
    expect(run(networkBinaries['wget:busybox']!, chapter().cluster, ['wget', '-qO-', 'myservice:8080'], inPod('default', 'client')).stdout).to.equal(NGINX_WELCOME);
  });
  it('wget refused', () => {
    const r = run(networkBinaries['wget:busybox']!, chapter().cluster, ['wget', '-O-', '10.42.0.10:81'], inPod('default', 'client'));
    expect([r.code, r.stderr]).to.deep.equal([1, "Connecting to 10.42.0.10:81 (10.42.0.10:81)\nwget: can't connect to remote host (10.42.0.10): Connection refused\n"]);
  });
  it('nc -zv open and refused (busybox, netshoot)', () => {
    const c = chapter().cluster;
    expect(run(networkBinaries['nc:busybox']!, c, ['nc', '-zv', 'myservice', '8080'], inPod('default', 'client')).stderr).to.equal('myservice (10.43.152.73:8080) open\n');
    expect(run(networkBinaries['nc:netshoot']!, c, ['nc', '-zv', '10.42.0.10', '81'], inPod('default', 'client')).stderr).to.equal('nc: connect to 10.42.0.10 (10.42.0.10) port 81 (tcp) failed: Connection refused\n');
  });
  it('agnhost connect prints REFUSED', () => {
    const r = run(networkBinaries['agnhost']!, chapter().cluster, ['agnhost', 'connect', '10.42.0.10:81', '--timeout=5s'], inPod('default', 'client'));
    expect([r.code, r.stderr]).to.deep.equal([1, 'REFUSED\n']);
  });
  it('ping: pods answer, ClusterIPs do not', () => {
    const c = chapter().cluster;
    expect(run(networkBinaries['ping']!, c, ['ping', '-c', '1', '10.42.0.10'], inPod('default', 'client')).code).to.equal(0);
    expect(run(networkBinaries['ping']!, c, ['ping', '-c', '1', '10.43.152.73'], inPod('default', 'client')).stdout).to.contain('1 packets transmitted, 0 packets received, 100% packet loss');
  });
});
