/**
 * Goldens for `kubectl describe`, laid out by describe.go's rules (PrefixWriter
 * + tabwriter(0, 8, 2, ' ', 0), Flush before the Events table). Field list
 * and order: kubectl pkg/describe/describe.go describeService (v0.33); the
 * chapter's `kubectl describe svc load-bal` table names the same fields.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { describeObject } from './index.ts';
import * as o from '../testdata/objects.ts';

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
const ev = (reason: string, from: string, msg: string, age: number, count = 1) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name: `load-bal.${reason}` }, type: 'Normal', reason, source: { component: from },
  message: msg, firstTimestamp: o.ago(age), lastTimestamp: o.ago(count > 1 ? 60 * o.S : age), count,
});

describe('describeObject(Service)', () => {
  it('kubectl describe svc load-bal (k3s servicelb events)', () => {
    const slice = { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'load-bal-x' }, addressType: 'IPv4', ports: [{ name: '', port: 80, protocol: 'TCP' }], endpoints: [{ addresses: ['10.42.4.11'], conditions: { ready: true } }] };
    const events = [
      ev('UpdatedLoadBalancer', 'service-lb-controller', 'Updated LoadBalancer with new IPs: [] -> [192.168.164.130]', 190 * o.S),
      ev('EnsuringLoadBalancer', 'service-controller', 'Ensuring load balancer', 198 * o.S),
      ev('AppliedDaemonSet', 'service-lb-controller', 'Applied LoadBalancer DaemonSet kube-system/svclb-load-bal-8a3a4b1c', 198 * o.S),
    ];
    const r = describeObject(o.loadBal, { now: o.NOW, events, related: { endpointSlices: [slice] } });
    expect(r).to.deep.equal({ ok: true, text: lines(
      'Name:                     load-bal',
      'Namespace:                default',
      'Labels:                   <none>',
      'Annotations:              <none>',
      'Selector:                 run=load-bal',
      'Type:                     LoadBalancer',
      'IP Family Policy:         SingleStack',
      'IP Families:              IPv4',
      'IP:                       10.43.21.0',
      'IPs:                      10.43.21.0',
      'LoadBalancer Ingress:     192.168.164.131 (VIP), 192.168.164.130 (VIP)',
      'Port:                     <unset>  8080/TCP',
      'TargetPort:               80/TCP',
      'NodePort:                 <unset>  30088/TCP',
      'Endpoints:                10.42.4.11:80',
      'Session Affinity:         None',
      'External Traffic Policy:  Cluster',
      'Internal Traffic Policy:  Cluster',
      'Events:',
      '  Type    Reason                Age    From                   Message',
      '  ----    ------                ----   ----                   -------',
      '  Normal  EnsuringLoadBalancer  3m18s  service-controller     Ensuring load balancer',
      '  Normal  AppliedDaemonSet      3m18s  service-lb-controller  Applied LoadBalancer DaemonSet kube-system/svclb-load-bal-8a3a4b1c',
      '  Normal  UpdatedLoadBalancer   3m10s  service-lb-controller  Updated LoadBalancer with new IPs: [] -> [192.168.164.130]',
    ) });
  });
  it('multi-line labels align under the first value; no events prints <none>', () => {
    const r = describeObject(o.kubeDns, { now: o.NOW, events: [] });
    expect(r.ok && r.text.split('\n').slice(0, 7)).to.deep.equal([
      'Name:              kube-dns',
      'Namespace:         kube-system',
      'Labels:            k8s-app=kube-dns',
      '                   kubernetes.io/cluster-service=true',
      '                   kubernetes.io/name=CoreDNS',
      '                   objectset.rio.cattle.io/hash=bce283298811743a0386ab510f2f67ef74240c57',
      'Annotations:       <none>',
    ]);
    expect(r.ok && r.text.endsWith('Events:            <none>\n')).to.equal(true);
  });
  it('repeated events read `age (xN over first)`; Endpoints <none> without slices', () => {
    const r = describeObject(o.myservice, { now: o.NOW, events: [ev('Pulled', 'kubelet', 'x', 5 * o.M, 4)] });
    expect(r.ok && r.text).to.include('Endpoints:         <none>\n');
    expect(r.ok && r.text).to.include('  Normal  Pulled  60s (x4 over 5m)  kubelet  x\n');
  });
});

describe('describeObject(other kinds)', () => {
  it('namespace', () => {
    expect(describeObject(o.defaultNs, { now: o.NOW, events: [] })).to.deep.equal({ ok: true, text: lines(
      'Name:         default', 'Labels:       kubernetes.io/metadata.name=default', 'Annotations:  <none>', 'Status:       Active', '', 'No resource quota.', '', 'No LimitRange resource.',
    ) });
  });
  it('endpoints', () => {
    const r = describeObject(o.endpoints('myservice', 6 * o.S, ['10.42.0.226'], 80), { now: o.NOW, events: [] });
    expect(r.ok && r.text).to.equal(lines(
      'Name:         myservice', 'Namespace:    default', 'Labels:       <none>', 'Annotations:  <none>', 'Subsets:',
      '  Addresses:          10.42.0.226', '  NotReadyAddresses:  <none>', '  Ports:', '    Name     Port  Protocol', '    ----     ----  --------', '    <unset>  80    TCP', '', 'Events:  <none>',
    ));
  });
  it('unsupported kinds are a typed result', () => {
    expect(describeObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } }, { now: o.NOW, events: [] })).to.deep.include({ ok: false, code: 'unsupported' });
  });
});
