/**
 * One scale measurement in its own process (clean heap, its own memory
 * limit): build the cluster at the fraction given in argv[2], then time
 * connections and single applies. Prints one JSON line (ScalePoint).
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { apiServer } from '../engine/api/index.ts';
import { lookup } from '../engine/dns/index.ts';
import { connect, syncDataPlane } from '../engine/network/index.ts';
import { Random } from '../engine/sim/index.ts';
import { buildCluster, FULL, nsName, servicePod, svcName, SERVICES_PER_NAMESPACE } from './scale-cluster.ts';
import { median } from './types.ts';

export interface ScalePoint {
  fraction: number;
  pods: number;
  buildMs: number;
  /** CPU time of the build (user + system): what the exponent uses, as other processes' load inflates wall time. */
  buildCpuMs: number;
  /** Live heap after the build, the sync and the timed connections (a full GC first). */
  heapMiB: number;
  /** Median connection in a synced data plane (syncDataPlane): the bounded figure. */
  connectUs: number;
  /** Median of the first connections, before the sync: each computes what it touches first. */
  connectColdUs: number;
  /** Median of the first connections right after the sync, while V8 re-optimises what the sync deoptimised. */
  connectAfterSyncUs: number;
  /** Median after the forced full GC the memory figure needs (it compacts the heap). */
  connectAfterGcUs: number;
  /** syncDataPlane: every Service's endpoints and pod's policies. */
  syncMs: number;
  applyMs: number;
  connectOk: number;
}

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const fraction = Number(process.argv[2]);
const cpu0 = process.cpuUsage();
const built = buildCluster(fraction);
const cpu = process.cpuUsage(cpu0);
const { cluster, sizes } = built;

// One connection: a client pod looks a Service up by name (glibc, search list),
// then connects to the ClusterIP:80 (Service routing, NetworkPolicy checks).
let rnd = new Random('scale-bench');
const pick = () => rnd.int(0, sizes.services - 1);
const once = () => {
  const from = pick();
  const to = pick();
  const peer = { kind: 'pod' as const, namespace: nsName(Math.floor(from / SERVICES_PER_NAMESPACE)), name: `${svcName(from)}-0` };
  const name = `${svcName(to)}.${nsName(Math.floor(to / SERVICES_PER_NAMESPACE))}`;
  const r = lookup(cluster, peer, name, { type: 'A', resolver: 'glibc' });
  if (!r.ok) throw new Error(`lookup ${name} from ${peer.namespace}/${peer.name} failed: ${r.note.message}`);
  return connect(cluster, peer, r.addresses[0]!, 80, 'TCP').ok;
};
/** 2,000 connections between random pods and Services: their times in µs, and how many policy let through. */
function connections(): { times: number[]; ok: number } {
  const times: number[] = [];
  let ok = 0;
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    if (once()) ok++;
    times.push((performance.now() - t) * 1000);
  }
  return { times, ok };
}

for (let i = 0; i < 200; i++) once(); // the JIT
// First connections: the data plane computes a Service's endpoints and a
// pod's policies on first use, so at full size nearly every one pays that.
const cold = connections();
// kube-proxy and kube-router keep every Service's rules and every pod's
// chains computed (their sync); the model's equivalent, then connections.
const s0 = performance.now();
syncDataPlane(cluster);
const syncMs = performance.now() - s0;
// The sync is the first code to look at every pod (system pods' label sets
// included): V8 deoptimises functions the connection path shares with it
// (--trace-deopt: "wrong map" in policiesFor, listenersOf, selectingPolicies)
// and re-optimises them over the next ~2,000 connections. Those are timed
// and printed apart; the bounded figure is the steady state after them.
rnd = new Random('scale-bench-after-sync');
const afterSync = connections();
rnd = new Random('scale-bench-synced');
const synced = connections();

// Memory needs a full GC to count only what is live; it compacts the heap
// and moves objects, so connections are timed again after it, apart (a
// forced compaction scatters objects that were allocated together: the
// same connections read ~2 µs slower at full size).
gc();
const heapMiB = (process.memoryUsage().heapUsed + process.memoryUsage().external) / 2 ** 20;
rnd = new Random('scale-bench-after-gc');
const afterGc = connections();

// One apply: a new pod matching one Service, through the API server, then settle.
const api = apiServer(cluster);
const applyTimes: number[] = [];
for (let i = 0; i < 21; i++) {
  const svc = pick();
  const pod = servicePod(svc, FULL.endpointsPerService + i);
  const t = performance.now();
  const r = api.apply(pod);
  cluster.settle();
  applyTimes.push(performance.now() - t);
  if (!r.ok) throw new Error(`apply ${pod.metadata.name}: ${r.error.message}`);
}

const point: ScalePoint = {
  fraction,
  pods: cluster.store.count('Pod'),
  buildMs: built.ms.total,
  buildCpuMs: (cpu.user + cpu.system) / 1000,
  heapMiB,
  connectUs: median(synced.times),
  connectColdUs: median(cold.times),
  connectAfterSyncUs: median(afterSync.times),
  connectAfterGcUs: median(afterGc.times),
  syncMs,
  applyMs: median(applyTimes.slice(1)),
  connectOk: synced.ok / synced.times.length,
};
process.stdout.write(JSON.stringify(point) + '\n');
