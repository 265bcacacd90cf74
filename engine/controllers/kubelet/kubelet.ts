/**
 * The kubelets of every node, as one controller: for each pod bound to a
 * node it sets up the sandbox (a pod IP from the node's /24), pulls images,
 * starts containers through engine/images' runtime, and follows each
 * container through exits, restarts and CrashLoopBackOff as the simulated
 * clock moves. Timers fire at their own due time, so `sleep 300` in a lab
 * yields the restarts a real kubelet would have made in those 5 minutes.
 */
import type { Cluster, Controller } from '../../cluster/cluster.ts';
import { nodeAddress, type KObject } from '../../api/object.ts';
import type { ApiServer } from '../../api/server-types.ts';
import { containerRuntime } from '../../images/runtime.ts';
import { flatString, recordEvent } from '../events.ts';
import { TimerHeap } from '../heap.ts';
import { podIpam } from '../ipam.ts';
import { containerId } from '../names.ts';
import { DirtyKeys, keyOf, splitKey, watch } from '../tracker.ts';
import { goDuration, restartDelay, restarts, type ContainerRun } from './state.ts';
import { allReady, podStatus, type PodRun } from './status.ts';

type TimerKind = 'exit' | 'restart' | 'pull-backoff';

/**
 * pkg/kubelet/images/image_manager.go's message, one string per (image,
 * duration, size): an image pulled on every pod start (`:latest`) has ~2,100
 * durations, not one message per pod.
 */
const pulledMessages = new Map<string, string[]>();
function pulledMessage(image: string, ms: number, size: number): string {
  const key = `${image}\u0000${size}`;
  let byMs = pulledMessages.get(key);
  if (!byMs) {
    if (pulledMessages.size >= 1000) pulledMessages.clear();
    pulledMessages.set(key, (byMs = []));
  }
  const d = ms >= 1000 ? `${(ms / 1000).toString()}s` : `${ms}ms`;
  return (byMs[ms] ??= flatString(`Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${size} bytes.`));
}

/** `spec.containers{web}`: an Event's field path, one string per container name. */
const fieldPaths = new Map<string, string>();
function containerFieldPath(container: string): string {
  let p = fieldPaths.get(container);
  if (p === undefined) {
    if (fieldPaths.size >= 1000) fieldPaths.clear();
    fieldPaths.set(container, (p = flatString(`spec.containers{${container}}`)));
  }
  return p;
}

/** The Pulled message for an image already on the node, one string per image. */
const presentMessages = new Map<string, string>();
function alreadyPresent(image: string): string {
  let m = presentMessages.get(image);
  if (m === undefined) {
    if (presentMessages.size >= 1000) presentMessages.clear();
    presentMessages.set(image, (m = flatString(`Container image "${image}" already present on machine`)));
  }
  return m;
}

/** A Node version's InternalIP (every pod started on it asks). */
const nodeIps = new WeakMap<KObject, string>();
interface TimerValue {
  uid: string;
  container: string;
  kind: TimerKind;
  restartCount: number;
  exitCode?: number;
}

export class KubeletController implements Controller {
  readonly name = 'kubelet';
  private readonly dirty = new DirtyKeys();
  private readonly runs = new Map<string, PodRun>();
  private readonly timers = new TimerHeap<TimerValue>();
  private readonly pulled = new Set<string>();
  private readonly random;

  constructor(private readonly cluster: Cluster, private readonly api: ApiServer) {
    this.random = cluster.random.fork('kubelet');
    watch(cluster.store, ['Pod'], (c) => {
      if (c.type === 'DELETED') return this.forget(c.old!);
      // A pod whose previous version had an IP was started already (the kubelet wrote it), and one bound
      // before with the same spec was queued when bound: no look-up for them (155,000 runs at scale).
      if (!c.obj!.spec?.nodeName || c.old?.status?.podIP || (c.old?.spec?.nodeName && c.old.spec === c.obj!.spec)) return;
      // A new pod, or one just bound, has no run yet (runs start only for bound pods, by uid).
      if (!c.old?.spec?.nodeName || !this.runs.has(c.obj!.metadata.uid!)) this.dirty.add(keyOf(c.namespace, c.name));
    });
    // Pods already running (bootstrap, a snapshot) are adopted, not restarted.
    for (const p of cluster.store.list('Pod')) if (p.spec?.nodeName) this.dirty.add(keyOf(p.metadata.namespace, p.metadata.name));
  }

  reconcile(): boolean {
    let changed = false;
    for (const key of this.dirty.take()) {
      const [ns, name] = splitKey(key);
      const pod = this.cluster.store.get('Pod', ns, name);
      if (!pod?.spec?.nodeName || this.runs.has(pod.metadata.uid!)) continue;
      if (pod.status?.containerStatuses) this.adopt(pod);
      else {
        this.startPod(pod, this.cluster.clock.now());
        changed = true;
      }
    }
    const now = this.cluster.clock.now();
    for (let t = this.timers.peek(); t && t.at <= now; t = this.timers.peek()) {
      this.timers.pop();
      if (this.fire(t.value, t.at)) changed = true;
    }
    return changed;
  }

  /** The earliest pending timer (for tests and the lab's `kubectl wait`). */
  nextTimer(): number | undefined {
    return this.timers.peek()?.at;
  }

  private adopt(pod: KObject): void {
    const st = pod.status ?? {};
    const run: PodRun = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      node: pod.spec.nodeName,
      hostIP: st.hostIP,
      podIP: st.podIP,
      startTime: Date.parse(st.startTime ?? pod.metadata.creationTimestamp),
      phase: st.phase,
      transitions: {},
      containers: [],
    };
    this.runs.set(run.uid, run);
  }

  private forget(pod: KObject): void {
    const run = this.runs.get(pod.metadata.uid!);
    this.runs.delete(pod.metadata.uid!);
    containerRuntime(this.cluster).forget(pod.metadata.uid!);
    if (run?.podIP && !pod.spec?.hostNetwork && run.phase !== 'Succeeded' && run.phase !== 'Failed') podIpam(this.cluster).release(run.node, run.podIP);
  }

  private nodeIp(node: string): string {
    const n = this.cluster.store.get('Node', undefined, node);
    if (n) {
      let ip = nodeIps.get(n);
      if (ip === undefined) nodeIps.set(n, (ip = nodeAddress(n, 'InternalIP') ?? this.configIp(node)));
      return ip;
    }
    return this.configIp(node);
  }

  private configIp(node: string): string {
    return this.cluster.config.nodes.find((x) => x.name === node)?.ip ?? '';
  }

  private startPod(pod: KObject, at: number): void {
    const node = pod.spec.nodeName as string;
    const hostIP = this.nodeIp(node);
    let podIP: string | undefined;
    try {
      podIP = pod.spec.hostNetwork ? hostIP : podIpam(this.cluster).allocate(node);
    } catch (e) {
      recordEvent(this.cluster, pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: plugin type="flannel" failed (add): ${(e as Error).message}`, { component: 'kubelet', host: node }, { at });
      return;
    }
    const run: PodRun = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      node,
      hostIP,
      podIP,
      startTime: at,
      phase: 'Pending',
      transitions: { PodReadyToStartContainers: at, Initialized: at, Ready: at, ContainersReady: at },
      containers: ((pod.spec.containers ?? []) as Array<{ name: string; image: string }>).map((c) => ({
        name: c.name,
        image: c.image,
        restartCount: 0,
        current: { state: 'waiting', reason: 'ContainerCreating' },
        ready: false,
        started: false,
      })),
    };
    this.runs.set(run.uid, run);
    // A main process that runs commands (curl in a script) sends from the
    // pod's IP, which the data plane reads from the store: write it first.
    // Otherwise the pod's first status is the one written after its start.
    const rt = containerRuntime(this.cluster);
    if (run.containers.some((c) => rt.runsCommands(pod, c.name))) this.writeStatus(run);
    for (const c of run.containers) this.startAttempt(run, c, at);
    this.settlePhase(run, at);
    this.writeStatus(run);
  }

  private pod(run: PodRun): KObject | undefined {
    const p = this.cluster.store.get('Pod', run.namespace, run.name);
    return p?.metadata.uid === run.uid ? p : undefined;
  }

  /** Record an Event about the run's pod (`pod`: the stored object when the caller holds it). */
  private event(run: PodRun, type: 'Normal' | 'Warning', reason: string, message: string, at: number, container?: string, pod = this.pod(run)): void {
    if (!pod) return;
    recordEvent(this.cluster, pod, type, reason, message, { component: 'kubelet', host: run.node }, { at, fieldPath: container ? containerFieldPath(container) : undefined });
  }

  private pullEvents(run: PodRun, pod: KObject, container: string, image: string, policy: string, size: number, at: number): void {
    const key = `${run.node}|${image}`;
    if (policy !== 'Always' && this.pulled.has(key)) {
      this.event(run, 'Normal', 'Pulled', alreadyPresent(image), at, container, pod);
      return;
    }
    this.pulled.add(key);
    const ms = this.random.int(400, 2500);
    this.event(run, 'Normal', 'Pulling', `Pulling image "${image}"`, at, container, pod);
    this.event(run, 'Normal', 'Pulled', pulledMessage(image, ms, size), at, container, pod);
  }

  private startAttempt(run: PodRun, c: ContainerRun, at: number): void {
    const pod = this.pod(run);
    if (!pod) return;
    const rt = containerRuntime(this.cluster);
    const spec = (pod.spec.containers as Array<{ name: string; image: string; imagePullPolicy?: string }>).find((x) => x.name === c.name)!;
    const info = rt.imageInfo(spec.image);
    if (!info) {
      this.event(run, 'Normal', 'Pulling', `Pulling image "${spec.image}"`, at, c.name);
      const res = rt.startContainer(pod, c.name, at);
      const msg = res.kind === 'pull-error' ? res.message : 'not found';
      this.event(run, 'Warning', 'Failed', `Failed to pull image "${spec.image}": ${msg}`, at, c.name);
      this.event(run, 'Warning', 'Failed', 'Error: ErrImagePull', at, c.name);
      c.current = { state: 'waiting', reason: 'ErrImagePull', message: `failed to pull and unpack image: ${msg}` };
      this.timers.push(at + 1000, { uid: run.uid, container: c.name, kind: 'pull-backoff', restartCount: c.restartCount });
      return;
    }
    // imageInfo's answers are shared per image reference: no copy per container.
    c.imageID = info.imageID;
    c.image = info.image;
    this.pullEvents(run, pod, c.name, spec.image, spec.imagePullPolicy ?? 'IfNotPresent', info.size, at);
    const res = rt.startContainer(pod, c.name, at, run.podIP);
    c.containerID = containerId(this.cluster);
    if (res.kind === 'start-error') {
      this.event(run, 'Normal', 'Created', `Created container: ${c.name}`, at, c.name);
      this.event(run, 'Warning', 'Failed', `Error: ${res.message}`, at, c.name);
      this.exit(run, c, at, 128, 'StartError', res.message, at);
      return;
    }
    // The pod object the Events name: the one read above (starting a container writes no pod, unless it ran commands).
    const current = this.pod(run);
    this.event(run, 'Normal', 'Created', `Created container: ${c.name}`, at, c.name, current);
    this.event(run, 'Normal', 'Started', `Started container ${c.name}`, at, c.name, current);
    c.current = { state: 'running', startedAt: at };
    c.started = true;
    this.setReady(run, c, true, at);
    if (res.kind === 'exited') this.exit(run, c, at, res.exitCode, undefined, undefined, at);
    else if (res.kind === 'running' && res.endsAfterMs !== undefined) {
      this.timers.push(at + res.endsAfterMs, { uid: run.uid, container: c.name, kind: 'exit', restartCount: c.restartCount, exitCode: 0 });
    }
  }

  private setReady(run: PodRun, c: ContainerRun, ready: boolean, at: number): void {
    const before = allReady(run);
    c.ready = ready;
    if (allReady(run) !== before) {
      run.transitions.Ready = at;
      run.transitions.ContainersReady = at;
    }
  }

  private exit(run: PodRun, c: ContainerRun, at: number, exitCode: number, reason?: string, message?: string, startedAt?: number): void {
    const began = c.current.state === 'running' ? c.current.startedAt : (startedAt ?? at);
    const terminated = { state: 'terminated' as const, exitCode, reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'), message, startedAt: began, finishedAt: at };
    this.setReady(run, c, false, at);
    c.started = false;
    const pod = this.pod(run);
    if (!pod || !restarts(pod.spec.restartPolicy, exitCode)) {
      c.current = terminated;
      return;
    }
    const delay = restartDelay(c.restartCount);
    if (c.restartCount === 0) {
      c.current = terminated;
    } else {
      c.last = terminated;
      c.current = { state: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${run.name}_${run.namespace}(${run.uid})` };
      this.event(run, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${run.name}_${run.namespace}(${run.uid})`, at, c.name);
    }
    this.timers.push(at + delay, { uid: run.uid, container: c.name, kind: 'restart', restartCount: c.restartCount });
  }

  private fire(t: TimerValue, at: number): boolean {
    const run = this.runs.get(t.uid);
    const c = run?.containers.find((x) => x.name === t.container);
    if (!run || !c || c.restartCount !== t.restartCount || !this.pod(run)) return false;
    if (t.kind === 'exit') {
      if (c.current.state !== 'running') return false;
      this.exit(run, c, at, t.exitCode ?? 0);
    } else if (t.kind === 'restart') {
      if (c.current.state === 'terminated') c.last = c.current;
      c.restartCount++;
      this.startAttempt(run, c, at);
    } else {
      c.current = { state: 'waiting', reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` };
      this.event(run, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, at, c.name);
      this.event(run, 'Warning', 'Failed', 'Error: ImagePullBackOff', at, c.name);
    }
    this.settlePhase(run, at);
    this.writeStatus(run);
    return true;
  }

  /** Phase from the containers (kubelet_pods.go getPhase). */
  private settlePhase(run: PodRun, at: number): void {
    const cs = run.containers;
    const before = run.phase;
    const terminal = cs.every((c) => c.current.state === 'terminated');
    if (cs.some((c) => c.current.state === 'running' || c.restartCount > 0 || c.current.state === 'terminated')) run.phase = 'Running';
    if (terminal) {
      const pod = this.pod(run);
      const willRestart = cs.some((c) => c.current.state === 'terminated' && pod && restarts(pod.spec.restartPolicy, c.current.exitCode));
      if (!willRestart) run.phase = cs.every((c) => c.current.state === 'terminated' && c.current.exitCode === 0) ? 'Succeeded' : 'Failed';
    }
    if (run.phase !== before && (run.phase === 'Succeeded' || run.phase === 'Failed')) {
      run.transitions.PodReadyToStartContainers = at;
      run.transitions.Ready = at;
      run.transitions.ContainersReady = at;
      const pod = this.pod(run);
      if (run.podIP && !pod?.spec?.hostNetwork) podIpam(this.cluster).release(run.node, run.podIP);
    }
  }

  private writeStatus(run: PodRun): void {
    const pod = this.pod(run);
    if (!pod) return;
    this.api.updateStatus({ ...pod, status: podStatus(run, pod.status) }, { owned: true });
  }
}
