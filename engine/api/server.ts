/**
 * The API server in front of the object store. Every write runs what the
 * real kube-apiserver runs, in its order (staging/src/k8s.io/apiserver/pkg/
 * registry/generic/registry/store.go Create/Update):
 *   namespace lifecycle → generateName → defaulting and mutating admission →
 *   BeginCreate (Service allocations) → PrepareForCreate + validation →
 *   storage (AlreadyExists) → on failure, allocations reverted.
 * It never calls cluster.settle(): callers do, once after their writes.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { Transplanter } from '../cluster/clone.ts';
import { SAFE_ALPHABET } from '../sim/index.ts';
import { KINDS, kindInfo, type KindInfo } from './kinds.ts';
import { matchesLabelSelector, type KObject, type LabelSelector } from './object.ts';
import type { ApiResult, ApiServer, ApplyOutcome, StatusError, WriteOptions } from './server-types.ts';
import { StoreError } from './store.ts';
import { alreadyExistsError, badRequestError, conflictError, forbiddenError, internalError, invalidError, notFoundError, unknownKindError } from './status.ts';
import { byteCompare, clone, deepEqual } from './json.ts';
import { applyPatch, withLastApplied } from './apply.ts';
import { ServiceAllocations } from './allocators/services.ts';
import { hasGeneration, mutateCreate, mutateUpdate, specOf, validateObject, type AdmissionContext } from './admission/index.ts';
import { validateClusterIpFields } from './admission/validate-service.ts';
import { FieldPath, required } from './field.ts';

const NAMESPACE = kindInfo('Namespace')!;
/** Namespaces the server refuses to delete (pkg/registry/core/namespace and the lifecycle plugin's immortal list). */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/**
 * Not in k3s: a per-kind cap on the objects one simulated cluster holds, so
 * a manifest asking for `replicas: 100000` costs seconds, not minutes and
 * gigabytes. Creations past it fail as a ResourceQuota refusal would
 * (403 Forbidden, which the ReplicaSet controller records as FailedCreate).
 * Named in the README's grading limits.
 */
export const OBJECT_BUDGET_PER_KIND = 1000;

export function apiServer(cluster: Cluster): ApiServer {
  return cluster.ext('api', (c) => new ModelApiServer(c));
}

const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
const fail = <T>(error: StatusError): ApiResult<T> => ({ ok: false, error });

class ModelApiServer implements ApiServer {
  private allocs?: ServiceAllocations;
  private readonly names;
  private readonly admissionRandom;

  constructor(private readonly cluster: Cluster) {
    this.names = cluster.random.fork('generate-name');
    this.admissionRandom = cluster.random.fork('admission');
  }

  /**
   * Cluster.clone(): the allocations subscribe to the store when first
   * built, so the clone builds its own (from the copied store) and takes
   * the original's state (random streams, bitmaps) onto them.
   */
  cloneFor(into: Cluster, t: Transplanter): ModelApiServer {
    const s = new ModelApiServer(into);
    if (this.allocs) void s.allocations;
    t.transplant(this, s);
    return s;
  }

  /** Built on first use, from whatever the store holds by then. */
  private get allocations(): ServiceAllocations {
    return (this.allocs ??= new ServiceAllocations(this.cluster));
  }

  get(kind: string, namespace: string | undefined, name: string): ApiResult<KObject> {
    const info = kindInfo(kind);
    if (!info) return fail(unknownKindError(kind));
    const o = this.cluster.store.get(kind, this.nsFor(info, namespace), name);
    return o ? ok(o) : fail(notFoundError(info, name));
  }

  list(kind: string, namespace?: string, labelSelector?: LabelSelector): KObject[] {
    const info = kindInfo(kind);
    if (!info) return [];
    const all = this.cluster.store.list(kind, info.namespaced ? namespace : undefined);
    const picked = labelSelector ? all.filter((o) => matchesLabelSelector(o.metadata.labels, labelSelector)) : all;
    return picked.sort((a, b) => byteCompare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byteCompare(a.metadata.name, b.metadata.name));
  }

  create(input: KObject, opts: WriteOptions = {}): ApiResult<KObject> {
    const info = kindInfo(input?.kind);
    if (!info) return fail(unknownKindError(String(input?.kind)));
    const obj = this.normalise(input, info);
    const nsError = this.checkNamespace(info, obj);
    if (nsError) return fail(nsError);
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = this.generateName(obj.metadata.generateName);
    if (!obj.metadata.name) {
      return fail(invalidError(info, '', [required(FieldPath.root('metadata', 'name'), 'name or generateName is required')]));
    }
    mutateCreate(obj, this.admission);
    const allocated = this.allocate(info, obj, undefined);
    if (!allocated.ok) return fail(allocated.error);
    const undo = allocated.value;
    const errs = validateObject(obj, undefined);
    if (errs.length > 0) {
      undo();
      return fail(invalidError(info, obj.metadata.name, errs));
    }
    if (this.cluster.store.get(info.kind, obj.metadata.namespace, obj.metadata.name)) {
      undo();
      return fail(alreadyExistsError(info, obj.metadata.name));
    }
    if (opts.dryRun) {
      undo();
      return ok(obj);
    }
    const budget = this.cluster.config.objectBudgetPerKind ?? OBJECT_BUDGET_PER_KIND;
    if (this.cluster.store.count(info.kind) >= budget) {
      undo();
      return fail(forbiddenError(info, obj.metadata.name, `exceeded kube-netlab's object budget: the simulated cluster holds at most ${budget} ${info.resource}`));
    }
    return this.write(() => this.cluster.store.createOwned(obj), undo);
  }

  update(input: KObject, opts: WriteOptions = {}): ApiResult<KObject> {
    const info = kindInfo(input?.kind);
    if (!info) return fail(unknownKindError(String(input?.kind)));
    const obj = this.normalise(input, info);
    const old = this.cluster.store.get(info.kind, obj.metadata.namespace, obj.metadata.name);
    if (!old) return fail(notFoundError(info, obj.metadata.name));
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      return fail(conflictError(info, obj.metadata.name, 'the object has been modified; please apply your changes to the latest version and try again'));
    }
    // Server-owned metadata and the status subresource survive a PUT.
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.generation !== undefined) obj.metadata.generation = old.metadata.generation;
    else delete obj.metadata.generation;
    if (old.status !== undefined) obj.status = clone(old.status);
    else delete obj.status;
    mutateUpdate(obj, old, this.admission);
    const allocated = this.allocate(info, obj, old);
    if (!allocated.ok) return fail(allocated.error);
    const undo = allocated.value;
    const errs = validateObject(obj, old);
    if (errs.length > 0) {
      undo();
      return fail(invalidError(info, obj.metadata.name, errs));
    }
    if (hasGeneration(info.kind) && !deepEqual(specOf(obj), specOf(old))) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    if (opts.dryRun) {
      undo();
      return ok(obj);
    }
    // Nothing changed: the real server does not bump resourceVersion either.
    if (deepEqual({ ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }, { ...old, metadata: { ...old.metadata, resourceVersion: undefined } })) {
      return ok(old);
    }
    return this.write(() => this.cluster.store.updateOwned(obj), undo);
  }

  apply(input: KObject, opts: WriteOptions = {}): ApiResult<{ obj: KObject; outcome: ApplyOutcome }> {
    const info = kindInfo(input?.kind);
    if (!info) return fail(unknownKindError(String(input?.kind)));
    const manifest = this.normalise(input, info);
    const live = this.cluster.store.get(info.kind, manifest.metadata.namespace, manifest.metadata.name);
    if (!live || !manifest.metadata.name) {
      const r = this.create(withLastApplied(manifest), opts);
      return r.ok ? ok({ obj: r.value, outcome: 'created' }) : r;
    }
    const { merged, changed } = applyPatch(manifest, live);
    if (!changed) return ok({ obj: live, outcome: 'unchanged' });
    // A patch carries no resourceVersion precondition.
    merged.metadata = { ...merged.metadata, resourceVersion: undefined };
    const r = this.update(merged, opts);
    return r.ok ? ok({ obj: r.value, outcome: 'configured' }) : r;
  }

  delete(kind: string, namespace: string | undefined, name: string): ApiResult<KObject> {
    const info = kindInfo(kind);
    if (!info) return fail(unknownKindError(kind));
    const ns = this.nsFor(info, namespace);
    const old = this.cluster.store.get(kind, ns, name);
    if (!old) return fail(notFoundError(info, name));
    if (kind === 'Namespace') {
      if (IMMORTAL_NAMESPACES.has(name)) return fail(forbiddenError(NAMESPACE, name, 'this namespace may not be deleted'));
      this.emptyNamespace(name);
    }
    const gone = this.cluster.store.delete(kind, ns, name);
    return gone ? ok(gone) : fail(notFoundError(info, name));
  }

  updateStatus(input: KObject, opts: { owned?: boolean } = {}): ApiResult<KObject> {
    const info = kindInfo(input?.kind);
    if (!info) return fail(unknownKindError(String(input?.kind)));
    const ns = this.nsFor(info, input.metadata?.namespace);
    const old = this.cluster.store.get(info.kind, ns, input.metadata?.name);
    if (!old) return fail(notFoundError(info, input.metadata?.name ?? ''));
    if (deepEqual(old.status, input.status)) return ok(old);
    const next: KObject = { ...old, status: opts.owned ? input.status : clone(input.status) };
    return this.write(() => this.cluster.store.updateOwned(next), () => {});
  }

  private get admission(): AdmissionContext {
    return { config: this.cluster.config, store: this.cluster.store, random: this.admissionRandom };
  }

  /**
   * Service BeginCreate/BeginUpdate: the cluster-IP pre-checks, then
   * allocation, before validation (alloc.go). Returns the undo.
   */
  private allocate(info: KindInfo, obj: KObject, old: KObject | undefined): ApiResult<() => void> {
    if (info.kind !== 'Service') return ok(() => {});
    const pre = validateClusterIpFields(obj.spec ?? {});
    if (pre.length > 0) return fail(invalidError(info, obj.metadata.name, pre));
    const r = old ? this.allocations.allocateUpdate(obj, old) : this.allocations.allocateCreate(obj);
    if (!r.ok) return fail(r.internal ? internalError(r.internal) : invalidError(info, obj.metadata.name, r.errors));
    return ok(r.undo);
  }

  /** A private copy with namespace settled: defaulted for namespaced kinds, dropped for cluster-scoped ones. */
  private normalise(input: KObject, info: KindInfo): KObject {
    const obj = clone(input);
    obj.metadata = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : { name: '' };
    obj.metadata.name = typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
    if (info.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    return obj;
  }

  private nsFor(info: KindInfo, namespace: string | undefined): string | undefined {
    return info.namespaced ? namespace || 'default' : undefined;
  }

  /** The NamespaceLifecycle admission plugin: no writes into a namespace that does not exist. */
  private checkNamespace(info: KindInfo, obj: KObject): StatusError | undefined {
    if (!info.namespaced) return undefined;
    const ns = obj.metadata.namespace!;
    if (!this.cluster.store.get('Namespace', undefined, ns)) return notFoundError(NAMESPACE, ns);
    return undefined;
  }

  /** names.SimpleNameGenerator: base cut to 58 characters plus 5 random ones. */
  private generateName(base: string): string {
    return base.slice(0, 58) + this.names.string(5, SAFE_ALPHABET);
  }

  /** The namespace controller's work, done at once: every namespaced object in it goes. */
  private emptyNamespace(ns: string): void {
    const store = this.cluster.store;
    for (const info of KINDS) {
      if (!info.namespaced) continue;
      for (const o of store.list(info.kind, ns)) store.delete(info.kind, ns, o.metadata.name);
    }
  }

  private write(f: () => KObject, undo: () => void): ApiResult<KObject> {
    try {
      return ok(f());
    } catch (e) {
      undo();
      if (e instanceof StoreError) return fail(badRequestError(e.message));
      return fail(internalError(e instanceof Error ? e.message : String(e)));
    }
  }
}
