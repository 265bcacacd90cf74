/**
 * A recorded-by-hand run of one lab against a broken submission: what
 * RunCollector.scenarios() returns for it. The NodePort Service's selector
 * has a typo, so curl from the terminal fails and the data plane says why;
 * one scenario's output is hostile (markup, ANSI, control characters, a
 * lone surrogate) to prove every writer escapes it. Cucumber's test-case ids
 * are UUIDs that change every run: the report must not carry them.
 */
import type { ClusterSnapshot } from '../cluster-snapshot.ts';
import type { ScenarioRecord } from '../collect.ts';
import type { ReportMeta } from '../model.ts';

export const META: ReportMeta = {
  tool: { name: 'kube-netlab', version: '0.1.0' },
  generatedAt: '2025-03-01T10:00:00.000Z',
  submission: 'submissions/alice',
  labs: ['features/chapter/ch05-services.feature'],
};

const URI = 'features/chapter/ch05-services.feature';
const FEATURE = 'Chapter 5: Services';

const CLUSTER: ClusterSnapshot = {
  nodes: [
    { name: 'k3s-server', ip: '192.168.164.2', roles: ['control-plane', 'master'] },
    { name: 'k3s-agent', ip: '192.168.164.3', roles: [] },
  ],
  pods: [
    { namespace: 'default', name: 'mynginx-5b686ccd46-xj7qp', ip: '10.42.0.9', node: 'k3s-server', labels: { 'pod-template-hash': '5b686ccd46', run: 'mynginx' }, phase: 'Running' },
    { namespace: 'default', name: 'client', ip: '10.42.1.4', node: 'k3s-agent', labels: { run: 'client' }, phase: 'Running' },
    { namespace: 'kube-system', name: 'coredns-ccb96694c-4vq8h', ip: '10.42.0.2', node: 'k3s-server', labels: { 'k8s-app': 'kube-dns' }, phase: 'Running' },
  ],
  services: [
    { namespace: 'default', name: 'kubernetes', type: 'ClusterIP', clusterIP: '10.43.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    { namespace: 'default', name: 'mynginx', type: 'NodePort', clusterIP: '10.43.12.34', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }], selector: { run: 'mynginx-typo' } },
    { namespace: 'kube-system', name: 'kube-dns', type: 'ClusterIP', clusterIP: '10.43.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }] },
  ],
};

const NO_ENDPOINTS = 'service default/mynginx has no endpoints: its selector run=mynginx-typo matches no pod in namespace default';

const HOSTILE_OUTPUT = '<script>alert("x")</script> & ]]> \x1b[31mred\x1b[0m nul:\x00 bell:\x07 lone:\ud800 end\r\n';

export const SCENARIOS: ScenarioRecord[] = [
  {
    id: '6f1c2a9e-0b7d-4c1e-9a51-3f0e8d2b7c11',
    name: 'A ClusterIP Service reaches its pods from a pod',
    feature: FEATURE,
    uri: URI,
    line: 8,
    tags: ['@ClusterIP', '@points:2'],
    points: 2,
    hidden: false,
    status: 'passed',
    steps: [
      { keyword: 'When', text: 'I run "kubectl exec client -- curl -s mynginx"', status: 'passed' },
      { keyword: 'Then', text: 'the output should contain "Welcome to nginx!"', status: 'passed' },
    ],
    commands: [{ script: 'kubectl exec client -- curl -s mynginx', output: '<title>Welcome to nginx!</title>\n', exitCode: 0, notes: [] }],
    reasons: [],
  },
  {
    id: '0a4b7c1d-5e2f-4a3b-8c9d-1e2f3a4b5c6d',
    name: 'The NodePort answers from outside the cluster',
    feature: FEATURE,
    uri: URI,
    line: 15,
    tags: ['@NodePort', '@points:2'],
    points: 2,
    hidden: false,
    status: 'failed',
    steps: [
      { keyword: 'Given', text: 'I run "kubectl apply -f K8S/CH05/myservice.yaml"', status: 'passed' },
      { keyword: 'When', text: 'I run "curl http://192.168.164.2:30080"', status: 'passed' },
      { keyword: 'Then', text: 'the output should contain "Welcome to nginx!"', status: 'failed', message: 'Expected the output to contain:\n  Welcome to nginx!' },
    ],
    commands: [
      { script: 'kubectl apply -f K8S/CH05/myservice.yaml', output: 'service/mynginx created\n', exitCode: 0, notes: [] },
      {
        script: 'curl http://192.168.164.2:30080',
        output: "curl: (7) Failed to connect to 192.168.164.2 port 30080 after 0 ms: Couldn't connect to server\n",
        exitCode: 7,
        notes: [
          {
            code: 'no-endpoints',
            message: NO_ENDPOINTS,
            hops: [
              { kind: 'node', at: '192.168.164.2', detail: 'arrives at node k3s-server' },
              { kind: 'nodeport', at: '192.168.164.2:30080', detail: 'nodePort 30080 of service default/mynginx' },
              { kind: 'service', at: '10.43.12.34:80', detail: 'service default/mynginx: no endpoints, kube-proxy rejects' },
            ],
          },
        ],
      },
    ],
    failure: "Expected the output to contain:\n  Welcome to nginx!\nThe output was:\n  curl: (7) Failed to connect to 192.168.164.2 port 30080 after 0 ms: Couldn't connect to server",
    reasons: [NO_ENDPOINTS],
    cluster: CLUSTER,
  },
  {
    id: '9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a',
    name: 'The NodePort is the one the chapter uses',
    feature: FEATURE,
    uri: URI,
    line: 24,
    tags: ['@NodePort', '@hidden', '@points:3'],
    points: 3,
    hidden: true,
    status: 'undefined',
    steps: [{ keyword: 'Then', text: 'the nodePort should be 30080', status: 'undefined' }],
    commands: [],
    failure: 'Undefined step: the nodePort should be 30080',
    reasons: [],
  },
  {
    id: '11111111-2222-4333-8444-555555555555',
    name: 'Student output is escaped <b>everywhere</b>',
    feature: FEATURE,
    uri: URI,
    line: 30,
    tags: ['@LoadBalancer'],
    points: 1,
    hidden: false,
    status: 'failed',
    steps: [{ keyword: 'When', text: 'I run "cat K8S/evil.txt"', status: 'passed' }, { keyword: 'Then', text: 'the command should fail', status: 'failed' }],
    commands: [{ script: 'cat K8S/evil.txt', output: HOSTILE_OUTPUT, exitCode: 0, notes: [] }],
    failure: `Expected the command to fail, but it exited 0.\nThe output was:\n  ${HOSTILE_OUTPUT}`,
    reasons: ['pod default/<img src=x onerror=alert(1)> listens on no port, not on 80/TCP: the connection is refused (TCP reset)'],
    cluster: {
      nodes: [{ name: 'k3s-server', ip: '192.168.164.2', roles: ['control-plane', 'master'] }],
      pods: [{ namespace: 'default', name: 'evil', ip: '10.42.0.7', node: 'k3s-server', labels: { app: '"><svg onload=alert(1)>' }, phase: 'Running' }],
      services: [{ namespace: 'default', name: 'lb', type: 'LoadBalancer', clusterIP: '10.43.99.1', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31000 }], externalIPs: ['192.168.164.2'] }],
      requests: [
        {
          command: 0,
          from: 'terminal',
          to: '192.168.164.2:80',
          ok: false,
          hops: [
            { kind: 'loadbalancer', at: '10.43.99.1:80', detail: 'svclb forwards to service default/lb' },
            { kind: 'pod', at: 'default/evil', detail: 'DNAT to 10.42.0.7:80 </text><script>alert(2)</script>' },
          ],
          reason: 'pod default/evil listens on no port, not on 80/TCP: the connection is refused (TCP reset)',
        },
      ],
    },
  },
  {
    id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    name: 'The Service name resolves',
    feature: FEATURE,
    uri: URI,
    line: 40,
    tags: ['@ClusterIP', '@DNS'],
    points: 1,
    hidden: false,
    status: 'passed',
    steps: [{ keyword: 'When', text: 'I run "kubectl exec client -- nslookup mynginx"', status: 'passed' }],
    commands: [{ script: 'kubectl exec client -- nslookup mynginx', output: 'Server:\t\t10.43.0.10\nAddress:\t10.43.0.10#53\n\nName:\tmynginx.default.svc.cluster.local\nAddress: 10.43.12.34\n', exitCode: 0, notes: [] }],
    reasons: [],
  },
  {
    id: 'ffffffff-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    name: 'The Service name resolves',
    feature: FEATURE,
    uri: URI,
    line: 40,
    tags: ['@ClusterIP', '@DNS'],
    points: 1,
    hidden: false,
    status: 'passed',
    steps: [{ keyword: 'When', text: 'I run "kubectl exec client -- nslookup mynginx.default"', status: 'passed' }],
    commands: [],
    reasons: [],
  },
];
