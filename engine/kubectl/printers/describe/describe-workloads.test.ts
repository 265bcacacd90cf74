/**
 * Goldens for `kubectl describe deployment|replicaset`, laid out by kubectl
 * pkg/describe/describe.go v0.33 (describeDeployment,
 * printReplicaSetsByLabels, describeReplicaSet, DescribePodTemplate,
 * DescribeEvents). The Deployment lines quoted in kubectl's describe_test.go
 * TestDescribeDeployment ("Replicas: ... desired | ... unavailable",
 * "OldReplicaSets:", "NewReplicaSet: bar-001 (1/1 replicas created)") have the
 * same shape.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { describeObject, deploymentReplicaSets } from './index.ts';
import * as k from './testdata/k3s.ts';

const lines = (...ls: string[]) => ls.map((l) => `${l}\n`).join('');
const text = (r: ReturnType<typeof describeObject>) => (r.ok ? r.text : `unsupported: ${r.message}`);

describe('describeObject(Deployment)', () => {
  it('kubectl describe deployment web (after a rollout: one old RS at 0)', () => {
    const r = describeObject(k.webDeploy, { now: k.NOW, events: k.depEvents, related: { replicaSets: [k.webRS, k.webOldRS] } });
    expect(text(r)).to.equal(lines(
      'Name:                   web',
      'Namespace:              default',
      'CreationTimestamp:      Thu, 29 Jan 2026 08:55:00 +0000',
      'Labels:                 app=web',
      'Annotations:            deployment.kubernetes.io/revision: 1',
      'Selector:               app=web',
      'Replicas:               1 desired | 1 updated | 1 total | 1 available | 0 unavailable',
      'StrategyType:           RollingUpdate',
      'MinReadySeconds:        0',
      'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
      'Pod Template:',
      '  Labels:  app=web',
      '  Containers:',
      '   nginx:',
      '    Image:         nginx:1.27',
      '    Port:          80/TCP',
      '    Host Port:     0/TCP',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Conditions:',
      '  Type           Status  Reason',
      '  ----           ------  ------',
      '  Available      True    MinimumReplicasAvailable',
      '  Progressing    True    NewReplicaSetAvailable',
      'OldReplicaSets:  web-6b7f9c4d8a (0/0 replicas created)',
      'NewReplicaSet:   web-7d9c6b8f5d (1/1 replicas created)',
      'Events:',
      '  Type    Reason             Age   From                   Message',
      '  ----    ------             ----  ----                   -------',
      '  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-7d9c6b8f5d from 0 to 1',
    ));
  });

  it('old/new ReplicaSets: template match ignoring pod-template-hash; foreign RSs ignored', () => {
    const foreign = { ...k.webRS, metadata: { ...k.webRS.metadata, name: 'other', ownerReferences: [{ ...k.webRS.metadata.ownerReferences![0]!, uid: 'x' }] } };
    const { newRS, oldRSs } = deploymentReplicaSets(k.webDeploy, [k.webOldRS, foreign, k.webRS]);
    expect(newRS?.metadata.name).to.equal('web-7d9c6b8f5d');
    expect(oldRSs.map((rs) => rs.metadata.name)).to.deep.equal(['web-6b7f9c4d8a']);
  });

  it('no ReplicaSets yet: the Old/New lines are left out; repeated events read (xN over age)', () => {
    const ev = { ...k.depEvents[0]!, count: 3, firstTimestamp: k.ago(20 * k.M), lastTimestamp: k.ago(12 * k.M) };
    const t = text(describeObject(k.webDeploy, { now: k.NOW, events: [ev] }));
    expect(t).not.to.include('NewReplicaSet:');
    expect(t).not.to.include('OldReplicaSets:');
    expect(t).to.include('  Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set web-7d9c6b8f5d from 0 to 1\n');
  });
});

describe('describeObject(ReplicaSet)', () => {
  it('kubectl describe rs web-7d9c6b8f5d (pods counted by selector and controller uid)', () => {
    const stranger = { ...k.webPod, metadata: { ...k.webPod.metadata, name: 'orphan', ownerReferences: [] } };
    const r = describeObject(k.webRS, { now: k.NOW, events: [], related: { pods: [k.webPod, stranger] } });
    expect(text(r)).to.equal(lines(
      'Name:           web-7d9c6b8f5d',
      'Namespace:      default',
      'Selector:       app=web,pod-template-hash=7d9c6b8f5d',
      'Labels:         app=web',
      '                pod-template-hash=7d9c6b8f5d',
      'Annotations:    deployment.kubernetes.io/desired-replicas: 1',
      '                deployment.kubernetes.io/max-replicas: 2',
      '                deployment.kubernetes.io/revision: 1',
      'Controlled By:  Deployment/web',
      'Replicas:       1 current / 1 desired',
      'Pods Status:    1 Running / 0 Waiting / 0 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:  app=web',
      '           pod-template-hash=7d9c6b8f5d',
      '  Containers:',
      '   nginx:',
      '    Image:         nginx:1.27',
      '    Port:          80/TCP',
      '    Host Port:     0/TCP',
      '    Environment:   <none>',
      '    Mounts:        <none>',
      '  Volumes:         <none>',
      '  Node-Selectors:  <none>',
      '  Tolerations:     <none>',
      'Events:            <none>',
    ));
  });
});
