/**
 * The container runtime of the model (what containerd and the kubelet's
 * runtime manager are to a node): per-container file trees and command
 * registries, the main process each container runs, what it listens on and
 * answers, its logs, and the packages `apt` added. State lives per pod uid,
 * so a recreated pod starts fresh.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { KObject } from '../api/object.ts';
import { MapRegistry, type CommandHandler, type CommandRegistry, type Host } from '../shell/command.ts';
import { Workspace } from '../workspace/index.ts';
import { resolvConfFor } from '../dns/index.ts';
import { findImage, parseImageRef } from './catalogue.ts';
import type { ImageEntry, Protocol, ServerKind } from './catalogue-types.ts';
import { hostnameOf, hostsFile } from './etc-files.ts';
import { serve, type HttpRequest, type HttpResponse } from './http.ts';
import { classify, mainArgv, type MainBehaviour } from './process.ts';
import { formatLogTemplate, accessLogLine } from './logs.ts';

/** Runs argv inside a container (the lead's shell): the output and exit code. */
export type Executor = (argv: string[], where: Extract<Host, { kind: 'pod' }>) => { output: string; exitCode: number };

export interface ImageInfo {
  entry: ImageEntry;
  /** `docker.io/library/nginx:latest` */
  image: string;
  /** `docker.io/library/nginx@sha256:…` */
  imageID: string;
  size: number;
}

export interface Listener {
  container: string;
  port: number;
  protocol: Protocol;
  server: ServerKind;
}

/** What the kubelet learns when it starts a container. */
export type StartResult =
  | { kind: 'running'; endsAfterMs?: number }
  | { kind: 'exited'; exitCode: number }
  | { kind: 'start-error'; message: string }
  | { kind: 'pull-error'; message: string };

export type LogsResult = { ok: true; text: string } | { ok: false; code: 'NotFound' | 'NoPrevious' | 'NotStarted'; message: string };

export interface PackageState {
  updated: boolean;
  installed: Set<string>;
}

interface ContainerState {
  image?: ImageEntry;
  behaviour?: MainBehaviour;
  startedAt: number;
  /** What the process printed after start-up (nginx's access log lines...). */
  logs: string;
  /**
   * The start-up log as its template and values, rendered when read: nginx's
   * is ~1.2 KB per container, too much to keep as text for 150,000 pods.
   */
  startup?: { template: string; ip: string; at: number };
  previous?: string;
  fs?: Workspace;
  /** Made when first asked for (apt in the container): most containers never install anything. */
  packages?: PackageState;
}

/**
 * classify() per image and argv, remembered: the pods of a Deployment share
 * one (read-only) behaviour rather than one each (150,000 at scale).
 */
const behaviours = new WeakMap<ImageEntry, Map<string, MainBehaviour>>();
function behaviourOf(image: ImageEntry, argv: string[]): MainBehaviour {
  let byArgv = behaviours.get(image);
  if (!byArgv) behaviours.set(image, (byArgv = new Map()));
  const key = argv.join('\u0000');
  let b = byArgv.get(key);
  if (!b) {
    if (byArgv.size >= 1000) byArgv.clear();
    byArgv.set(key, (b = classify(image, argv)));
  }
  return b;
}

/** imageInfo() per catalogue entry and reference string. */
const imageInfos = new WeakMap<ImageEntry, Map<string, ImageInfo>>();

/** No package installed: what a container that never ran apt reports. */
const NO_PACKAGES: ReadonlySet<string> = new Set();

export class ContainerRuntime {
  private executor?: Executor;
  private binaries: Record<string, CommandHandler> = {};
  private readonly pods = new Map<string, Map<string, ContainerState>>();
  /** Bumped whenever a container's main behaviour changes or a pod's state goes: listeners() memos key on it. */
  private behaviourVersion = 0;

  constructor(private readonly cluster: Cluster) {}

  /** The lead installs the function that runs argv in a container (for main processes that end). */
  setExecutor(fn: Executor): void {
    this.executor = fn;
  }

  /** Implementation id → handler (engine/lab/binaries.ts); registryFor maps an image's binaries through it. */
  setBinaries(table: Record<string, CommandHandler>): void {
    this.binaries = table;
  }

  imageInfo(ref: string): ImageInfo | undefined {
    const entry = findImage(this.cluster, ref);
    if (!entry) return undefined;
    // One (read-only) answer per catalogue entry and reference: every container start asks, twice.
    let byRef = imageInfos.get(entry);
    if (!byRef) imageInfos.set(entry, (byRef = new Map()));
    let info = byRef.get(ref);
    if (!info) {
      const r = parseImageRef(ref);
      byRef.set(ref, (info = Object.freeze({ entry, image: r.full, imageID: `${r.repository}@${entry.digest}`, size: entry.size })));
    }
    return info;
  }

  /**
   * Does this container's main process run commands as it starts (a shell
   * script, curl)? Those may use the network, so the kubelet stores the
   * pod's IP before starting it.
   */
  runsCommands(pod: KObject, containerName: string): boolean {
    const spec = containerSpec(pod, containerName);
    const info = spec?.image ? this.imageInfo(spec.image) : undefined;
    return !!spec && !!info && behaviourOf(info.entry, mainArgv(info.entry, spec)).kind === 'run';
  }

  /**
   * Start (or restart) a container's main process: decide what it does and,
   * for a process that ends, run it through the executor for its output and
   * exit code. The previous attempt's logs become `--previous`.
   * @param podIP the pod's address when the stored pod does not carry it yet (the kubelet writes it with the first status).
   */
  startContainer(pod: KObject, containerName: string, at: number, podIP?: string): StartResult {
    const spec = containerSpec(pod, containerName);
    const info = spec?.image ? this.imageInfo(spec.image) : undefined;
    if (!spec || !info) {
      return { kind: 'pull-error', message: pullErrorMessage(spec?.image ?? '') };
    }
    const st = this.state(pod, containerName);
    if (st.behaviour) st.previous = logText(st);
    st.image = info.entry;
    st.startedAt = at;
    st.logs = '';
    st.startup = undefined;
    const b = behaviourOf(info.entry, mainArgv(info.entry, spec));
    st.behaviour = b;
    this.behaviourVersion++;
    const vars = { ip: podIP ?? (pod.status?.podIP as string | undefined) ?? '', at };
    switch (b.kind) {
      case 'server':
      case 'forever':
        st.startup = { template: b.logs, ip: vars.ip, at };
        return { kind: 'running' };
      case 'timed':
        return { kind: 'running', endsAfterMs: b.ms };
      case 'exit':
        st.logs = b.output;
        return { kind: 'exited', exitCode: b.exitCode };
      case 'not-found':
        return {
          kind: 'start-error',
          message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${b.exe}": executable file not found in $PATH: unknown`,
        };
      case 'run': {
        if (!this.executor) return { kind: 'exited', exitCode: 0 };
        const where = { kind: 'pod' as const, namespace: ns(pod), pod: pod.metadata.name, container: containerName };
        const r = this.executor(b.argv, where);
        st.logs = r.output;
        return { kind: 'exited', exitCode: r.exitCode };
      }
    }
  }

  /** Drop a pod's containers (the pod was deleted). */
  forget(podUid: string): void {
    this.pods.delete(podUid);
    this.behaviourVersion++;
  }

  /** The commands a container has: its image's binaries plus what apt installed. */
  registryFor(namespace: string, podName: string, container: string): CommandRegistry | undefined {
    const found = this.lookup(namespace, podName, container);
    if (!found) return undefined;
    const { st } = found;
    const entries: Record<string, CommandHandler> = {};
    const add = (bins: Record<string, string>) => {
      for (const [name, id] of Object.entries(bins)) {
        const h = this.binaries[id];
        if (h) entries[name] = h;
      }
    };
    add(st.image?.binaries ?? {});
    for (const p of st.packages?.installed ?? NO_PACKAGES) add(st.image?.aptPackages?.[p]?.binaries ?? {});
    return new MapRegistry(entries);
  }

  /** Implementation ids on the container's PATH (for tests and `which`). */
  binaryIds(namespace: string, podName: string, container: string): Record<string, string> | undefined {
    const found = this.lookup(namespace, podName, container);
    if (!found) return undefined;
    const out = { ...(found.st.image?.binaries ?? {}) };
    for (const p of found.st.packages?.installed ?? NO_PACKAGES) Object.assign(out, found.st.image?.aptPackages?.[p]?.binaries ?? {});
    return out;
  }

  /** The container's file tree: image files plus the kubelet's /etc files. */
  fsFor(namespace: string, podName: string, container: string): Workspace | undefined {
    const found = this.lookup(namespace, podName, container);
    if (!found) return undefined;
    const { pod, st } = found;
    if (!st.fs) {
      const fs = new Workspace();
      for (const [path, content] of Object.entries(st.image?.files ?? {})) fs.write(path, content, { parents: true });
      fs.mkdirp('/etc');
      fs.mkdirp('/tmp');
      fs.mkdirp('/root');
      fs.write('/etc/hostname', `${hostnameOf(pod)}\n`);
      fs.write('/etc/hosts', hostsFile(pod, this.cluster.config.clusterDomain));
      fs.write('/etc/resolv.conf', resolvConfFor(this.cluster, pod));
      st.fs = fs;
    }
    return st.fs;
  }

  /** apt's state in a container (the `apt` handler reads and writes it). */
  packages(namespace: string, podName: string, container: string): PackageState | undefined {
    const found = this.lookup(namespace, podName, container);
    return found ? (found.st.packages ??= { updated: false, installed: new Set() }) : undefined;
  }

  imageOf(namespace: string, podName: string, container: string): ImageEntry | undefined {
    return this.lookup(namespace, podName, container)?.st.image;
  }

  /** Ports the pod's running containers listen on. Callers must not mutate the (memoised) result. */
  listeners(namespace: string, podName: string): Listener[] {
    const pod = this.cluster.store.get('Pod', namespace, podName);
    return pod ? this.listenersOf(pod) : [];
  }

  /** Moves whenever any container's behaviour or state changes: listenersOf() answers stay valid while it stands still. */
  listenersVersion(): number {
    return this.behaviourVersion;
  }

  /** listeners() of a stored pod object the caller holds. */
  listenersOf(pod: KObject): Listener[] {
    if (!pod.metadata.uid) return [];
    let memos = listenersMemos.get(this);
    if (!memos) listenersMemos.set(this, (memos = new WeakMap()));
    const memo = memos.get(pod);
    if (memo && memo.version === this.behaviourVersion) return memo.out;
    const out: Listener[] = [];
    for (const cs of (pod.status?.containerStatuses ?? []) as Array<{ name: string; state?: { running?: unknown } }>) {
      if (!cs.state?.running) continue;
      const st = this.pods.get(pod.metadata.uid)?.get(cs.name);
      if (st?.behaviour?.kind !== 'server') continue;
      for (const l of st.behaviour.listen) out.push({ container: cs.name, ...l });
    }
    memos.set(pod, { version: this.behaviourVersion, out });
    return out;
  }

  /** An HTTP request to a pod's port; undefined when nothing there speaks HTTP. */
  serveHttp(namespace: string, podName: string, port: number, request: HttpRequest): HttpResponse | undefined {
    const l = this.listeners(namespace, podName).find((x) => x.port === port && x.protocol === 'TCP');
    if (!l || l.server === 'tcp' || l.server === 'dns') return undefined;
    const fs = this.fsFor(namespace, podName, l.container)!;
    const st = this.lookup(namespace, podName, l.container)!.st;
    const now = this.cluster.clock.now();
    const res = serve({ server: l.server, fs, podName, now, uptimeMs: now - st.startedAt }, request);
    if (l.server === 'nginx-http') st.logs += accessLogLine(request, res, now);
    return res;
  }

  logs(namespace: string, podName: string, container: string, opts: { previous?: boolean } = {}): LogsResult {
    const found = this.lookup(namespace, podName, container);
    if (!found?.st.behaviour) return { ok: false, code: 'NotStarted', message: `container "${container}" in pod "${podName}" is waiting to start: ContainerCreating` };
    if (opts.previous) {
      if (found.st.previous === undefined) {
        return { ok: false, code: 'NoPrevious', message: `previous terminated container "${container}" in pod "${podName}" not found` };
      }
      return { ok: true, text: found.st.previous };
    }
    return { ok: true, text: logText(found.st) };
  }

  private lookup(namespace: string, podName: string, container: string): { pod: KObject; st: ContainerState } | undefined {
    const pod = this.cluster.store.get('Pod', namespace, podName);
    if (!pod || !containerSpec(pod, container)) return undefined;
    return { pod, st: this.state(pod, container) };
  }

  private state(pod: KObject, container: string): ContainerState {
    const uid = pod.metadata.uid ?? `${ns(pod)}/${pod.metadata.name}`;
    let byName = this.pods.get(uid);
    if (!byName) this.pods.set(uid, (byName = new Map()));
    let st = byName.get(container);
    if (!st) {
      const spec = containerSpec(pod, container);
      st = { startedAt: 0, logs: '', image: spec?.image ? findImage(this.cluster, spec.image) : undefined };
      byName.set(container, st);
    }
    return st;
  }
}

const ns = (pod: KObject) => pod.metadata.namespace ?? 'default';

/**
 * listeners() per runtime, per stored pod object (immutable) and behaviourVersion:
 * the data plane asks once per connection. Outside the instance, so that
 * Cluster.clone()'s field copy never meets a WeakMap.
 */
const listenersMemos = new WeakMap<ContainerRuntime, WeakMap<KObject, { version: number; out: Listener[] }>>();

/** The container's log as `kubectl logs` shows it: the start-up lines, then what came after. */
function logText(st: ContainerState): string {
  return st.startup ? formatLogTemplate(st.startup.template, st.startup) + st.logs : st.logs;
}

interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
}

function containerSpec(pod: KObject, name: string): ContainerSpec | undefined {
  return ((pod.spec?.containers ?? []) as ContainerSpec[]).find((c) => c.name === name);
}

/** containerd's words for an image that does not exist (kubelet wraps them in ErrImagePull). */
export function pullErrorMessage(image: string): string {
  const r = parseImageRef(image);
  return `failed to pull and unpack image "${r.full}": failed to resolve reference "${r.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

export function containerRuntime(cluster: Cluster): ContainerRuntime {
  return cluster.ext('images.runtime', (c) => new ContainerRuntime(c));
}
