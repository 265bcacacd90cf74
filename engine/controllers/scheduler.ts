/**
 * The default scheduler, reduced to what labs can see: it honours
 * spec.nodeName, nodeSelector, required node affinity (matchFields on
 * metadata.name, as DaemonSet pods carry), NoSchedule taints and host ports;
 * among the nodes that fit it picks the one with the fewest workload pods
 * (pods outside kube-system), then the first in node order, so spreads are
 * deterministic. k3s control-plane nodes carry no NoSchedule taint, so pods
 * land on the master too. Unschedulable pods stay Pending with the
 * scheduler's FailedScheduling message and are retried when pods or nodes
 * change.
 */
import type { Cluster, Controller } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { toRfc3339 } from '../sim/index.ts';
import { podCondition } from './kubelet/status.ts';
import { recordEvent } from './events.ts';
import { isTerminal } from './ipam.ts';
import { DirtyKeys, keyOf, splitKey, watch } from './tracker.ts';
import { LeastLoaded } from './least-loaded.ts';

interface Footprint {
  node?: string;
  counts: boolean;
  ports: string[];
}

function hostPorts(pod: KObject): string[] {
  const out: string[] = [];
  for (const c of (pod.spec?.containers ?? []) as Array<{ ports?: Array<{ hostPort?: number; protocol?: string; hostIP?: string }> }>) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  }
  return out;
}

function footprint(pod: KObject | undefined): Footprint {
  if (!pod?.spec?.nodeName || isTerminal(pod.status?.phase)) return { counts: false, ports: [] };
  return { node: pod.spec.nodeName, counts: pod.metadata.namespace !== 'kube-system', ports: hostPorts(pod) };
}

export class SchedulerController implements Controller {
  readonly name = 'scheduler';
  private readonly dirty = new DirtyKeys();
  private readonly pending = new Set<string>();
  private readonly podCount = new Map<string, number>();
  private readonly usedPorts = new Map<string, Map<string, number>>();
  /** The fast path's index; null when a node carries a NoSchedule/NoExecute taint; rebuilt after Node changes. */
  private picker: LeastLoaded | null | undefined;

  constructor(private readonly cluster: Cluster) {
    for (const p of cluster.store.list('Pod')) this.account(footprint(p), +1);
    watch(cluster.store, ['Pod', 'Node'], (c) => {
      if (c.kind === 'Node') {
        this.picker = undefined;
        return this.retryPending();
      }
      // A status write keeps the spec object: when terminal-ness did not change either, the footprint is the same.
      if (c.old && c.obj && c.old.spec === c.obj.spec && isTerminal(c.old.status?.phase) === isTerminal(c.obj.status?.phase)) {
        if (!c.obj.spec?.nodeName) this.dirty.add(keyOf(c.namespace, c.name));
        return;
      }
      const before = footprint(c.old);
      const after = footprint(c.obj);
      this.account(before, -1);
      this.account(after, +1);
      if (c.type === 'DELETED' || (before.node && !after.node)) this.retryPending();
      if (c.obj && !c.obj.spec?.nodeName) this.dirty.add(keyOf(c.namespace, c.name));
    });
    for (const p of cluster.store.list('Pod')) if (!p.spec?.nodeName) this.dirty.add(keyOf(p.metadata.namespace, p.metadata.name));
  }

  private retryPending(): void {
    for (const k of this.pending) this.dirty.add(k);
  }

  private account(f: Footprint, sign: number): void {
    if (!f.node) return;
    if (f.counts) {
      const n = (this.podCount.get(f.node) ?? 0) + sign;
      this.podCount.set(f.node, n);
      this.picker?.set(f.node, n);
    }
    if (f.ports.length === 0) return;
    let m = this.usedPorts.get(f.node);
    if (!m) this.usedPorts.set(f.node, (m = new Map()));
    for (const p of f.ports) m.set(p, (m.get(p) ?? 0) + sign);
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const pod = this.cluster.store.get('Pod', ns, name);
      if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) {
        this.pending.delete(key);
        continue;
      }
      if (this.schedule(pod)) {
        this.pending.delete(key);
        changed = true;
      } else {
        this.pending.add(key);
      }
    }
    return changed;
  }

  private fits(pod: KObject, node: KObject): string | undefined {
    const labels = node.metadata.labels ?? {};
    for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Record<string, string>)) {
      if (labels[k] !== v) return "didn't match Pod's node affinity/selector";
    }
    const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as
      | Array<{ matchFields?: Array<{ key: string; operator: string; values?: string[] }>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> }>
      | undefined;
    if (terms && !terms.some((t) => matchTerm(t, node))) return "didn't match Pod's node affinity/selector";
    const tolerations = (pod.spec?.tolerations ?? []) as Array<{ key?: string; operator?: string; effect?: string }>;
    for (const taint of (node.spec?.taints ?? []) as Array<{ key: string; effect: string }>) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      const ok = tolerations.some((t) => (t.operator === 'Exists' && (!t.key || t.key === taint.key)) || t.key === taint.key) ;
      if (!ok) return `had untolerated taint {${taint.key}: }`;
    }
    const used = this.usedPorts.get(node.metadata.name);
    if (hostPorts(pod).some((p) => (used?.get(p) ?? 0) > 0)) return "didn't have free ports for the requested pod ports";
    return undefined;
  }

  /** The fast path's pick (see least-loaded.ts), or undefined when the pod or the nodes need the full filter. */
  private fastPick(pod: KObject): KObject | undefined {
    if (pod.spec?.nodeSelector || pod.spec?.affinity?.nodeAffinity || hostPorts(pod).length > 0) return undefined;
    if (this.picker === undefined) {
      const nodes = this.cluster.config.nodes.map((n) => this.cluster.store.get('Node', undefined, n.name));
      const tainted = nodes.some((n) => ((n?.spec?.taints ?? []) as Array<{ effect: string }>).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
      this.picker = tainted ? null : new LeastLoaded(this.cluster.config.nodes.map((n) => n.name));
      if (this.picker) for (const n of nodes) if (n) this.picker.set(n.metadata.name, this.podCount.get(n.metadata.name) ?? 0);
    }
    const name = this.picker?.best();
    return name === undefined ? undefined : this.cluster.store.get('Node', undefined, name);
  }

  private schedule(pod: KObject): boolean {
    const fast = this.fastPick(pod);
    if (fast) return this.bind(pod, fast);
    const pinned = this.pinnedPick(pod);
    if (pinned) return this.bind(pod, pinned);
    const nodes = this.cluster.config.nodes.map((n) => this.cluster.store.get('Node', undefined, n.name)).filter((n): n is KObject => !!n);
    const reasons = new Map<string, number>();
    let best: KObject | undefined;
    for (const node of nodes) {
      const why = this.fits(pod, node);
      if (why) {
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
        continue;
      }
      if (!best || (this.podCount.get(node.metadata.name) ?? 0) < (this.podCount.get(best.metadata.name) ?? 0)) best = node;
    }
    const now = toRfc3339(this.cluster.clock.now());
    if (!best) {
      const parts = [...reasons].map(([r, n]) => `${n} node(s) ${r}`).sort();
      const message = `0/${nodes.length} nodes are available: ${parts.join(', ')}. preemption: 0/${nodes.length} nodes are available: ${preemptionParts(reasons).join(', ')}.`;
      const cond = { lastProbeTime: null, lastTransitionTime: now, message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' };
      const old = (pod.status?.conditions ?? []) as Array<{ type: string; message?: string }>;
      if (old.find((c) => c.type === 'PodScheduled')?.message !== message) {
        this.cluster.store.update({ ...pod, status: { ...(pod.status ?? {}), phase: 'Pending', conditions: [cond] } });
        recordEvent(this.cluster, pod, 'Warning', 'FailedScheduling', message, { component: 'default-scheduler' });
      }
      return false;
    }
    return this.bind(pod, best);
  }

  /**
   * A pod pinned to one node by name (a DaemonSet pod's required matchFields
   * term): only that node can fit, so it is the pick when it fits, without
   * filtering every node (5,000 nodes × 5,000 daemon pods). When it does not
   * fit, undefined: the full filter runs and counts every node's reason for
   * the FailedScheduling message.
   */
  private pinnedPick(pod: KObject): KObject | undefined {
    const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as Array<Record<string, any>> | undefined;
    if (!terms || terms.length !== 1) return undefined;
    const fields = terms[0]!.matchFields as Array<{ key: string; operator: string; values?: string[] }> | undefined;
    const only = fields?.length === 1 && fields[0]!.key === 'metadata.name' && fields[0]!.operator === 'In' && fields[0]!.values?.length === 1 ? fields[0]!.values[0] : undefined;
    if (only === undefined || !this.configNodeNames().has(only)) return undefined;
    const node = this.cluster.store.get('Node', undefined, only);
    return node && !this.fits(pod, node) ? node : undefined;
  }

  private nodeNames?: { of: unknown[]; size: number; names: Set<string> };
  private configNodeNames(): Set<string> {
    const nodes = this.cluster.config.nodes;
    if (this.nodeNames?.of !== nodes || this.nodeNames.size !== nodes.length) this.nodeNames = { of: nodes, size: nodes.length, names: new Set(nodes.map((n) => n.name)) };
    return this.nodeNames.names;
  }

  private bind(pod: KObject, best: KObject): boolean {
    const conditions = [podCondition('PodScheduled', 'True', toRfc3339(this.cluster.clock.now()))];
    // The binding subresource: no admission on spec.nodeName.
    const bound = this.cluster.store.updateOwned({ ...pod, spec: { ...pod.spec, nodeName: best.metadata.name }, status: { ...(pod.status ?? {}), phase: 'Pending', conditions } });
    recordEvent(this.cluster, bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${best.metadata.name}`, SCHEDULER);
    return true;
  }
}

const SCHEDULER = { component: 'default-scheduler' };

function matchTerm(
  t: { matchFields?: Array<{ key: string; operator: string; values?: string[] }>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> },
  node: KObject,
): boolean {
  for (const f of t.matchFields ?? []) {
    const v = f.key === 'metadata.name' ? node.metadata.name : undefined;
    if (f.operator === 'In' && !(v !== undefined && (f.values ?? []).includes(v))) return false;
    if (f.operator === 'NotIn' && v !== undefined && (f.values ?? []).includes(v)) return false;
  }
  const labels = node.metadata.labels ?? {};
  for (const e of t.matchExpressions ?? []) {
    const has = e.key in labels;
    if (e.operator === 'In' && !(has && (e.values ?? []).includes(labels[e.key]!))) return false;
    if (e.operator === 'NotIn' && has && (e.values ?? []).includes(labels[e.key]!)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/**
 * The preemption post-filter's half of the message (kube-scheduler
 * framework/preemption): nodes that failed a filter preemption cannot fix
 * (node affinity, taints: UnschedulableAndUnresolvable) are "not helpful";
 * nodes that failed on host ports (NodePorts: Unschedulable) are tried, and
 * as the model's pods all share one priority there is never a victim.
 * FitError.Error() sorts the "count reason" strings.
 */
function preemptionParts(reasons: Map<string, number>): string[] {
  let resolvable = 0;
  let unresolvable = 0;
  for (const [r, n] of reasons) {
    if (r === "didn't have free ports for the requested pod ports") resolvable += n;
    else unresolvable += n;
  }
  const parts: string[] = [];
  if (resolvable) parts.push(`${resolvable} No preemption victims found for incoming pod`);
  if (unresolvable) parts.push(`${unresolvable} Preemption is not helpful for scheduling`);
  return parts.sort();
}
