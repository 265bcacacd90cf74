/**
 * k3s's servicelb (klipper-lb, k3s pkg/cloudprovider/servicelb.go and
 * loadbalancer.go): each LoadBalancer Service gets a DaemonSet
 * `svclb-<svc>-<uid[:8]>` in kube-system whose pods hold every service port
 * as a hostPort on every node; the Service's status.loadBalancer.ingress is
 * the InternalIPs of the nodes whose svclb pod is ready. A port already
 * held on a node leaves that node's pod Pending (the scheduler's host-port
 * check), so the Service stays `<pending>` there.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import { nodeAddress, type KObject } from '../api/object.ts';
import type { ApiServer } from '../api/server-types.ts';
import { eventBudget, recordEvent } from './events.ts';

/** The recorder of k3s's servicelb controller. */
const SERVICE_LB = { component: 'service-lb-controller' };
import { isReady } from './pod-template.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';

export const SVCLB_IMAGE = 'rancher/klipper-lb:v0.4.13';
const NS = 'kube-system';
const SVC_NAME = 'svccontroller.k3s.cattle.io/svcname';
const SVC_NS = 'svccontroller.k3s.cattle.io/svcnamespace';
const NODE_SELECTOR = 'svccontroller.k3s.cattle.io/nodeselector';

/** generateName in servicelb.go: the name cut at 48 characters (not on a dash) plus the uid's first 8. */
export function svclbName(svc: KObject): string {
  let name = svc.metadata.name;
  if (name.length > 48) {
    let n = 48;
    while (name[n - 1] === '-') n--;
    name = name.slice(0, n);
  }
  return `svclb-${name}-${svc.metadata.uid!.slice(0, 8)}`;
}

const isLb = (svc: KObject | undefined) => svc?.spec?.type === 'LoadBalancer' && !svc.spec?.loadBalancerClass;

/** newDaemonSet in servicelb.go. */
export function svclbDaemonSet(svc: KObject): KObject {
  const name = svclbName(svc);
  const containers = ((svc.spec?.ports ?? []) as Array<{ port: number; protocol?: string; nodePort?: number }>).map((p) => {
    const proto = p.protocol ?? 'TCP';
    const portName = `lb-${proto.toLowerCase()}-${p.port}`;
    return {
      env: [
        { name: 'SRC_PORT', value: String(p.port) },
        { name: 'SRC_RANGES', value: '0.0.0.0/0' },
        { name: 'DEST_PROTO', value: proto },
        { name: 'DEST_PORT', value: String(p.port) },
        { name: 'DEST_IPS', value: ((svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) as string[]).join(',') },
      ],
      image: SVCLB_IMAGE,
      imagePullPolicy: 'IfNotPresent',
      name: portName,
      ports: [{ containerPort: p.port, hostPort: p.port, name: portName, protocol: proto }],
      resources: {},
      securityContext: { capabilities: { add: ['NET_ADMIN'] } },
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    };
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name,
      namespace: NS,
      labels: { [NODE_SELECTOR]: 'false', [SVC_NAME]: svc.metadata.name, [SVC_NS]: svc.metadata.namespace! },
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, [SVC_NAME]: svc.metadata.name, [SVC_NS]: svc.metadata.namespace! } },
        spec: {
          automountServiceAccountToken: false,
          containers,
          dnsPolicy: 'ClusterFirst',
          priorityClassName: 'system-node-critical',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: { sysctls: [{ name: 'net.ipv4.ip_forward', value: '1' }] },
          serviceAccount: 'svclb',
          serviceAccountName: 'svclb',
          terminationGracePeriodSeconds: 30,
          tolerations: [
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
          ],
        },
      },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
  };
}

export class ServiceLbController implements Controller {
  readonly name = 'service-lb-controller';
  private readonly dirty = new DirtyKeys();
  /** svc key → DaemonSet name, to clean up after a Service goes. */
  private readonly owned = new Map<string, string>();

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer) {
    watch(cluster.store, ['Service', 'Pod', 'Node'], (c) => {
      if (c.kind === 'Service') return this.dirty.add(keyOf(c.namespace, c.name));
      if (c.kind === 'Node') {
        for (const k of this.owned.keys()) this.dirty.add(k);
        return;
      }
      const l = (c.obj ?? c.old)?.metadata.labels;
      if (c.namespace === NS && l?.[SVC_NAME]) this.dirty.add(keyOf(l[SVC_NS], l[SVC_NAME]));
    });
    for (const s of cluster.store.list('Service')) if (isLb(s)) this.dirty.add(keyOf(s.metadata.namespace, s.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) if (this.sync(key)) changed = true;
    return changed;
  }

  private sync(key: string): boolean {
    const [ns, name] = splitKey(key);
    const svc = this.cluster.store.get('Service', ns, name);
    const dsName = this.owned.get(key);
    if (!isLb(svc)) {
      if (!dsName) return false;
      this.owned.delete(key);
      this.api.delete('DaemonSet', NS, dsName);
      if (svc) {
        recordEvent(this.cluster, svc, 'Normal', 'DeletedDaemonSet', `Deleted LoadBalancer DaemonSet ${NS}/${dsName}`, { component: 'service-lb-controller' });
        if (svc.status?.loadBalancer?.ingress) this.api.updateStatus({ ...svc, status: { ...svc.status, loadBalancer: {} } });
      }
      return true;
    }
    let changed = false;
    const want = svclbDaemonSet(svc!);
    const existing = this.cluster.store.get('DaemonSet', NS, want.metadata.name);
    if (!existing) {
      recordEvent(this.cluster, svc!, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', { component: 'service-controller' });
      if (this.api.create(want).ok) {
        recordEvent(this.cluster, svc!, 'Normal', 'AppliedDaemonSet', `Applied LoadBalancer DaemonSet ${NS}/${want.metadata.name}`, { component: 'service-lb-controller' });
      }
      this.owned.set(key, want.metadata.name);
      changed = true;
    } else {
      this.owned.set(key, want.metadata.name);
      if (JSON.stringify(existing.spec.template.spec.containers) !== JSON.stringify(want.spec.template.spec.containers)) {
        this.api.update({ ...existing, spec: { ...existing.spec, template: want.spec.template } });
        changed = true;
      }
    }
    return this.updateStatus(svc!, want.metadata.name) || changed;
  }

  /** getStatus + patchStatus: ready svclb pods' node InternalIPs, sorted; one event per step as nodes come up. */
  private updateStatus(svc: KObject, dsName: string): boolean {
    const pods = this.cluster.store.byLabel('Pod', NS, 'app', dsName).filter((p) => p.spec?.nodeName && p.status?.podIP && isReady(p));
    const ips: string[] = [];
    const served = new Set(pods.map((p) => p.spec.nodeName as string));
    for (const n of this.cluster.config.nodes) {
      if (!served.has(n.name)) continue;
      const node = this.cluster.store.get('Node', undefined, n.name);
      const ip = nodeAddress(node, 'InternalIP');
      if (ip) ips.push(ip);
    }
    const prev = ((svc.status?.loadBalancer?.ingress ?? []) as Array<{ ip?: string; hostname?: string }>).map((i) => i.ip ?? i.hostname ?? '');
    const sorted = [...ips].sort();
    if (JSON.stringify(prev) === JSON.stringify(sorted)) return false;
    // The real controller sees the svclb pods become ready one by one. An
    // event per step, as long as the recorder's spam filter lets them
    // through (25 per Service): with thousands of nodes, the steps it would
    // drop are not even built (each lists every IP so far).
    const budget = eventBudget(this.cluster, svc, SERVICE_LB);
    const kept = new Set(sorted);
    let shown = prev.filter((ip) => kept.has(ip));
    const steps: string[][] = [];
    if (shown.length !== prev.length) steps.push([...shown]);
    const has = new Set(shown);
    for (const ip of ips) {
      if (steps.length >= budget) break;
      if (has.has(ip)) continue;
      has.add(ip);
      shown = insertSorted(shown, ip);
      steps.push(shown);
    }
    let before = prev;
    for (const step of steps) {
      if (step.length === 0) recordEvent(this.cluster, svc, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer', SERVICE_LB);
      else recordEvent(this.cluster, svc, 'Normal', 'UpdatedLoadBalancer', `Updated LoadBalancer with new IPs: [${before.join(' ')}] -> [${step.join(' ')}]`, SERVICE_LB);
      before = step;
    }
    const fresh = this.cluster.store.get('Service', svc.metadata.namespace, svc.metadata.name)!;
    const lb = sorted.length ? { ingress: sorted.map((ip) => ({ ip, ipMode: 'VIP' })) } : {};
    this.api.updateStatus({ ...fresh, status: { ...(fresh.status ?? {}), loadBalancer: lb } });
    return true;
  }
}

/** A copy of sorted `list` with `x` inserted in order (what `[...list, x].sort()` gives, in O(n)). */
function insertSorted(list: string[], x: string): string[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  const out = list.slice(0, lo);
  out.push(x);
  for (let i = lo; i < list.length; i++) out.push(list[i]!);
  return out;
}
