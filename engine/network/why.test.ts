import { describe, it, before } from 'node:test';
import { expect } from 'chai';
import { Lab } from '../lab/index.ts';
import { explainConnection, parseTarget } from './why.ts';

const run = (lab: Lab, script: string) => {
  const r = lab.run(script);
  expect(r.exitCode, `${script}\n${r.output}`).to.equal(0);
};

describe('parseTarget', () => {
  const rows: Array<[string, unknown]> = [
    ['web', { host: 'web' }],
    ['web:8080', { host: 'web', port: 8080 }],
    ['10.43.0.10:53', { host: '10.43.0.10', port: 53 }],
    ['http://web.prod:8080/hostname', { host: 'web.prod', scheme: 'http', port: 8080 }],
    ['https://example.com/', { host: 'example.com', scheme: 'https' }],
  ];
  for (const [input, want] of rows) it(`parses ${input}`, () => {
    expect(parseTarget(input)).to.deep.equal(want);
  });
  it('rejects a port out of range with a sentence', () => {
    expect(parseTarget('web:70000')).to.equal('port 70000 is out of range (1-65535)');
  });
  it('rejects garbage with a sentence', () => {
    expect(parseTarget('a b')).to.match(/is not a target/);
  });
});

describe('explainConnection: why can A reach B, or not', () => {
  let lab: Lab;
  before(() => {
    lab = new Lab();
    run(lab, 'kubectl run web --image nginx --labels app=web');
    run(lab, 'kubectl run client --image nginx');
    run(lab, 'kubectl run lonely --image httpd');
    run(lab, 'kubectl expose pod web --port 8080 --target-port 80 --name web');
    run(lab, 'kubectl expose pod web --port 80 --name typo --selector app=wbe');
    run(lab, 'kubectl expose pod web --port 80 --target-port 8080 --name wrongport');
  });

  it('a Service by name: resolved through cluster DNS, its only port picked, DNAT to the pod', () => {
    const r = explainConnection(lab.cluster, 'client', 'web');
    expect(r.ok).to.equal(true);
    expect(r.curlExit).to.equal(0);
    expect(r.target?.port).to.equal(8080);
    expect(r.summary).to.match(/^pod default\/client → web$/m);
    expect(r.summary).to.match(/name: web → 10\.43\.\d+\.\d+ .*the ClusterIP of service default\/web/);
    expect(r.summary).to.match(/DNAT to 10\.42\.\d+\.\d+:80 \(pod default\/web\)/);
    expect(r.summary).to.match(/^reachable: web:8080 \(10\.43\.\d+\.\d+:8080\) lands on pod default\/web/m);
  });

  it('a selector typo: refused, and the summary names the selector and the pod\'s labels', () => {
    const r = explainConnection(lab.cluster, 'default/client', 'typo:80');
    expect(r.ok).to.equal(false);
    expect(r.curlExit).to.equal(7);
    expect(r.reason?.code).to.equal('no-endpoints');
    expect(r.summary).to.contain('its selector app=wbe matches no pod in namespace default; pod web has labels app=web');
  });

  it('a wrong targetPort: refused by the pod, naming the port it listens on', () => {
    const r = explainConnection(lab.cluster, 'client', 'http://wrongport/');
    expect(r.curlExit).to.equal(7);
    expect(r.summary).to.contain('pod web listens on 80, not on targetPort 8080 of service default/wrongport');
  });

  it('a port the Service does not have: dropped, curl would time out', () => {
    const r = explainConnection(lab.cluster, 'client', 'web:9999');
    expect(r.curlExit).to.equal(28);
    expect(r.reason?.code).to.equal('no-service-port');
  });

  it('a name that does not exist: curl exit 6, with the resolver\'s reason', () => {
    const r = explainConnection(lab.cluster, 'client', 'nope:80');
    expect(r.ok).to.equal(false);
    expect(r.curlExit).to.equal(6);
    expect(r.summary).to.contain('curl: (6) Could not resolve host: nope');
  });

  it('a pod by name: its IP and its listening port, with a warning that curl cannot use the name', () => {
    const r = explainConnection(lab.cluster, 'client', 'lonely');
    expect(r.ok).to.equal(true);
    expect(r.target?.port).to.equal(80);
    expect(r.summary).to.contain("a pod's name is not a DNS name, so curl lonely would fail");
    expect(r.summary).to.contain('port: pod lonely listens on 80');
  });

  it('from the terminal, a pod IP is not routable', () => {
    const ip = lab.run('kubectl get pod web -o jsonpath={.status.podIP}').output;
    const r = explainConnection(lab.cluster, 'terminal', `${ip}:80`);
    expect(r.curlExit).to.equal(28);
    expect(r.summary).to.contain('reachable only inside the cluster');
  });

  it('an unknown source pod is a sentence, not an exception', () => {
    expect(explainConnection(lab.cluster, 'ghost', 'web').summary).to.equal('pod default/ghost does not exist');
  });
});
