import { describe, it } from 'node:test';
import { expect } from 'chai';
import { apiServer } from '../api/server.ts';
import type { KObject } from '../api/object.ts';
import { containerRuntime } from '../images/runtime.ts';
import { booted, create, events, pod } from './testdata/harness.ts';

const state = (p: KObject) => {
  const cs = (p.status as { containerStatuses: Array<{ state: Record<string, { reason?: string }>; restartCount: number }> }).containerStatuses[0]!;
  const [k, v] = Object.entries(cs.state)[0]!;
  return `${k}${v.reason ? `:${v.reason}` : ''} restarts=${cs.restartCount}`;
};

describe('pod lifecycle', () => {
  it('a server keeps Running and Ready, with the kubelet events', () => {
    const c = booted();
    const p = create(c, pod('web', 'nginx'));
    expect(p.status.phase).to.equal('Running');
    expect(state(p)).to.equal('running restarts=0');
    const ev = events(c, 'web');
    expect(ev[0]).to.equal('Scheduled: Successfully assigned default/web to master');
    expect(ev[1]).to.equal('Pulling: Pulling image "nginx"');
    expect(ev[2]).to.match(/^Pulled: Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 72195292 bytes\.$/);
    expect(ev.slice(3)).to.deep.equal(['Created: Created container: web', 'Started: Started container web']);
  });

  it('a command that ends under restartPolicy Always: Completed, then CrashLoopBackOff with growing restarts', () => {
    const c = booted();
    containerRuntime(c).setExecutor((argv) => ({ output: `ran ${argv.join(' ')}\n`, exitCode: 0 }));
    let p = create(c, pod('call', 'curlimages/curl', { args: ['curl', '-s', 'google-svc'] }));
    expect(state(p)).to.equal('terminated:Completed restarts=0');
    expect(p.status.phase).to.equal('Running');
    c.advance(1000);
    p = c.store.get('Pod', 'default', 'call')!;
    expect(state(p)).to.equal('waiting:CrashLoopBackOff restarts=1');
    expect(p.status.containerStatuses[0].lastState.terminated.reason).to.equal('Completed');
    expect(p.status.containerStatuses[0].state.waiting.message).to.match(/^back-off 10s restarting failed container=call pod=call_default\(/);
    c.advance(10_000);
    expect(state(c.store.get('Pod', 'default', 'call')!)).to.equal('waiting:CrashLoopBackOff restarts=2');
    c.advance(5 * 60_000); // 20s, 40s, 80s, 160s more
    expect(state(c.store.get('Pod', 'default', 'call')!)).to.equal('waiting:CrashLoopBackOff restarts=6');
    expect(containerRuntime(c).logs('default', 'call', 'call')).to.deep.equal({ ok: true, text: 'ran curl -s google-svc\n' });
    expect(events(c, 'call').some((e) => /^BackOff: Back-off restarting failed container call in pod call_default\(/.test(e))).to.equal(true);
  });

  it('curlimages/curl without args runs curl and fails (exit 2) → Error', () => {
    const c = booted();
    containerRuntime(c).setExecutor((argv) => (argv.length <= 1 ? { output: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 } : { output: '', exitCode: 0 }));
    const p = create(c, pod('nocmd', 'curlimages/curl', { restartPolicy: 'Never' }));
    expect(p.status.phase).to.equal('Failed');
    expect(p.status.containerStatuses[0].state.terminated).to.include({ exitCode: 2, reason: 'Error' });
  });

  it('busybox with its default sh exits at once; with sleep 3600 it runs for an hour', () => {
    const c = booted();
    const a = create(c, pod('bb', 'busybox', { restartPolicy: 'Never' }));
    expect(a.status.phase).to.equal('Succeeded');
    create(c, pod('sleeper', 'busybox', { command: ['sleep', '3600'], restartPolicy: 'Never' }));
    c.advance(3599_000);
    expect(c.store.get('Pod', 'default', 'sleeper')!.status.phase).to.equal('Running');
    c.advance(1000);
    expect(c.store.get('Pod', 'default', 'sleeper')!.status.phase).to.equal('Succeeded');
  });

  it('an unknown image goes ErrImagePull then ImagePullBackOff', () => {
    const c = booted();
    create(c, pod('nope', 'no-such/image'));
    expect(c.store.get('Pod', 'default', 'nope')!.status.containerStatuses[0].state.waiting.reason).to.equal('ErrImagePull');
    c.advance(2000);
    const p = c.store.get('Pod', 'default', 'nope')!;
    expect(p.status.containerStatuses[0].state.waiting.reason).to.equal('ImagePullBackOff');
    expect(p.status.phase).to.equal('Pending');
  });
});

describe('endpoints', () => {
  const svc = (name: string, selector: Record<string, string>, targetPort: number | string) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { selector, ports: [{ port: 8080, targetPort, protocol: 'TCP' }] },
  });

  it('lists ready pods matched by the selector, and an EndpointSlice <svc>-<5>', () => {
    const c = booted();
    create(c, pod('a', 'nginx', { labels: { app: 'x' } }));
    create(c, pod('b', 'nginx', { labels: { app: 'x' } }));
    create(c, pod('other', 'nginx', { labels: { app: 'y' } }));
    create(c, svc('x', { app: 'x' }, 80));
    const ep = c.store.get('Endpoints', 'default', 'x')!;
    expect((ep.subsets as Array<{ addresses: Array<{ ip: string }>; ports: unknown }>)[0]).to.deep.include({ ports: [{ port: 80, protocol: 'TCP' }] });
    expect((ep.subsets as Array<{ addresses: Array<{ ip: string }> }>)[0]!.addresses.map((a) => a.ip)).to.deep.equal(['10.42.0.9', '10.42.1.3']);
    const slices = c.store.byLabel('EndpointSlice', 'default', 'kubernetes.io/service-name', 'x');
    expect(slices).to.have.length(1);
    expect(slices[0]!.metadata.name).to.match(/^x-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slices[0]!.metadata.labels?.['endpointslice.kubernetes.io/managed-by']).to.equal('endpointslice-controller.k8s.io');
  });

  it('resolves a named targetPort per pod and follows pod deletion', () => {
    const c = booted();
    create(c, pod('a', 'nginx', { labels: { app: 'x' }, ports: [{ name: 'http', containerPort: 80 }] }));
    create(c, pod('b', 'nginx', { labels: { app: 'x' }, ports: [{ name: 'http', containerPort: 8080 }] }));
    create(c, svc('x', { app: 'x' }, 'http'));
    const subsets = c.store.get('Endpoints', 'default', 'x')!.subsets as Array<{ addresses: Array<{ ip: string }>; ports: Array<{ port: number }> }>;
    expect(subsets.map((s) => `${s.addresses.map((a) => a.ip).join(',')}:${s.ports[0]!.port}`).sort()).to.deep.equal(['10.42.0.9:80', '10.42.1.3:8080']);
    apiServer(c).delete('Pod', 'default', 'a');
    c.settle();
    expect((c.store.get('Endpoints', 'default', 'x')!.subsets as unknown[]).length).to.equal(1);
  });

  it('a pod that is not ready goes to notReadyAddresses', () => {
    const c = booted();
    containerRuntime(c).setExecutor(() => ({ output: '', exitCode: 1 }));
    create(c, pod('crash', 'busybox', { labels: { app: 'x' }, command: ['false'] }));
    create(c, svc('x', { app: 'x' }, 80));
    const s = (c.store.get('Endpoints', 'default', 'x')!.subsets as Array<Record<string, unknown>>)[0]!;
    expect(s.addresses).to.equal(undefined);
    expect((s.notReadyAddresses as Array<{ ip: string }>)[0]!.ip).to.equal('10.42.0.9');
  });

  it('a selectorless Service keeps hand-made Endpoints', () => {
    const c = booted();
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    create(c, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', namespace: 'default' }, subsets: [{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80 }] }] });
    c.settle();
    expect(c.store.get('Endpoints', 'default', 'ext')!.subsets).to.deep.equal([{ addresses: [{ ip: '1.2.3.4' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
  });
});

describe('servicelb', () => {
  const lb = (name: string, port: number) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { type: 'LoadBalancer', selector: { run: name }, ports: [{ port, targetPort: 80, protocol: 'TCP' }] },
  });

  it('gives a LoadBalancer Service every node IP through svclb pods, with the k3s events', () => {
    const c = booted();
    const s = create(c, lb('load-bal', 8080));
    const svc = c.store.get('Service', 'default', 'load-bal')!;
    expect(svc.status.loadBalancer.ingress.map((i: { ip: string }) => i.ip)).to.deep.equal(['192.168.164.130', '192.168.164.131']);
    const ds = `svclb-load-bal-${s.metadata.uid!.slice(0, 8)}`;
    expect(c.store.byLabel('Pod', 'kube-system', 'app', ds).map((p) => p.spec.nodeName).sort()).to.deep.equal(['master', 'worker1']);
    expect(events(c, 'load-bal')).to.deep.equal([
      'EnsuringLoadBalancer: Ensuring load balancer',
      `AppliedDaemonSet: Applied LoadBalancer DaemonSet kube-system/${ds}`,
      'UpdatedLoadBalancer: Updated LoadBalancer with new IPs: [] -> [192.168.164.130]',
      'UpdatedLoadBalancer: Updated LoadBalancer with new IPs: [192.168.164.130] -> [192.168.164.130 192.168.164.131]',
    ]);
  });

  it('a port another LoadBalancer holds leaves the new one <pending>', () => {
    const c = booted();
    create(c, lb('web2', 80)); // traefik already holds 80 on every node
    const svc = c.store.get('Service', 'default', 'web2')!;
    expect(svc.status.loadBalancer).to.deep.equal({});
    const pods = c.store.list('Pod', 'kube-system').filter((p) => p.metadata.name.startsWith('svclb-web2-'));
    expect(pods.map((p) => p.status.phase)).to.deep.equal(['Pending', 'Pending']);
    expect(events(c, pods[0]!.metadata.name)[0]).to.match(/^FailedScheduling: 0\/2 nodes are available: 1 node\(s\) didn't have free ports for the requested pod ports, 1 node\(s\) didn't match Pod's node affinity\/selector\./);
  });

  it('--disable=servicelb leaves LoadBalancers pending with no svclb', () => {
    const c = booted({ servicelb: false, traefik: false });
    create(c, lb('x', 8080));
    expect(c.store.get('Service', 'default', 'x')!.status.loadBalancer).to.deep.equal({});
    expect(c.store.list('DaemonSet', 'kube-system')).to.have.length(0);
  });
});
