import { describe, it } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { expect } from 'chai';
import { CLUSTER_MEDIA_TYPE, parseClusterSnapshot } from './cluster-snapshot.ts';
import { RUN_MEDIA_TYPE, RunCollector } from './collect.ts';

/** The envelopes Cucumber sends for one scenario with one step, cut to the fields RunCollector reads. */
function run(attachments: { mediaType: string; body: string }[], result: { status: string; message?: string; exception?: { type: string; message: string } }): RunCollector {
  const c = new RunCollector();
  const envs = [
    { gherkinDocument: { uri: 'f.feature', feature: { name: 'F', children: [{ scenario: { id: 's1', location: { line: 3 }, steps: [{ id: 'g1', keyword: 'When ' }] } }] } } },
    { pickle: { id: 'p1', name: 'S', uri: 'f.feature', tags: [{ name: '@NodePort' }], astNodeIds: ['s1'], steps: [{ id: 'ps1', text: 'I run "curl x"', astNodeIds: ['g1'] }] } },
    { testCase: { id: 'tc1', pickleId: 'p1', testSteps: [{ id: 'ts1', pickleStepId: 'ps1' }] } },
    { testCaseStarted: { id: 'tcs1', testCaseId: 'tc1' } },
    ...attachments.map((a) => ({ attachment: { ...a, testCaseStartedId: 'tcs1' } })),
    { testStepFinished: { testCaseStartedId: 'tcs1', testStepId: 'ts1', testStepResult: result } },
    { testCaseFinished: { testCaseStartedId: 'tcs1', willBeRetried: false } },
  ];
  for (const e of envs) c.on(e as unknown as Envelope);
  return c;
}

const HOPS = [{ kind: 'service', at: '10.43.0.5:80', detail: 'no endpoints' }];

describe('RunCollector: what the reports need', () => {
  it('reads the cluster snapshot attachment (the last one wins) and hops on notes', () => {
    const c = run(
      [
        { mediaType: RUN_MEDIA_TYPE, body: JSON.stringify({ script: 'curl x', output: 'o', exitCode: 7, notes: [{ code: 'no-endpoints', message: 'm', hops: HOPS }] }) },
        { mediaType: CLUSTER_MEDIA_TYPE, body: JSON.stringify({ nodes: [], pods: [], services: [] }) },
        { mediaType: CLUSTER_MEDIA_TYPE, body: JSON.stringify({ nodes: [{ name: 'n', ip: '1.2.3.4', roles: [] }], pods: [], services: [] }) },
      ],
      { status: 'FAILED', message: 'Error: boom\n    at World.<anonymous> (steps/x.ts:1:1)', exception: { type: 'Error', message: 'boom' } },
    );
    const [s] = c.scenarios();
    expect(s!.cluster?.nodes.map((n) => n.name)).to.deep.equal(['n']);
    expect(s!.commands[0]!.notes[0]!.hops).to.deep.equal(HOPS);
    expect(s!.reasons).to.deep.equal(['m']);
  });

  it('the failure is the thrown message, without Cucumber\'s "Error: " prefix and stack', () => {
    const [s] = run([], { status: 'FAILED', message: 'Error: boom\n    at x (y.ts:1:1)', exception: { type: 'Error', message: 'boom' } }).scenarios();
    expect(s!.failure).to.equal('boom');
  });

  it('a broken attachment is ignored, not thrown', () => {
    const c = run([{ mediaType: RUN_MEDIA_TYPE, body: '{not json' }, { mediaType: CLUSTER_MEDIA_TYPE, body: '[1]' }], { status: 'PASSED' });
    const [s] = c.scenarios();
    expect([s!.commands.length, s!.cluster]).to.deep.equal([0, undefined]);
  });
});

describe('parseClusterSnapshot', () => {
  it('keeps the known fields, defaults missing ones, drops unknown ones', () => {
    const r = parseClusterSnapshot(JSON.stringify({ nodes: [{ name: 'a' }], pods: [{ name: 'p', labels: { x: 'y', n: 1 }, extra: true }], services: [{ name: 's', ports: [{ port: 80 }, { nope: 1 }] }], junk: 1 }));
    expect(r).to.deep.equal({
      ok: true,
      snapshot: {
        nodes: [{ name: 'a', ip: '', roles: [] }],
        pods: [{ namespace: '', name: 'p', ip: '', node: '', labels: { x: 'y' } }],
        services: [{ namespace: '', name: 's', type: 'ClusterIP', clusterIP: '', ports: [{ port: 80, protocol: 'TCP' }] }],
      },
    });
  });

  it('says why a body is not a snapshot', () => {
    expect(parseClusterSnapshot('[]')).to.deep.equal({ ok: false, error: 'cluster snapshot is not a JSON object' });
    expect(parseClusterSnapshot('{').ok).to.equal(false);
  });
});
