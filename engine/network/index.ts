/**
 * engine/network: the data plane of the model.
 *
 * - connect(cluster, from, toIp, port, protocol) → Verdict (hops, or a failure with its reason)
 * - reachability(cluster, pods, port, protocol) → TruthTable<boolean>; formatTruthTable(expected, observed)
 * - reachFromManifests(lab, files, port, protocol) → { table, pods, problems } (kube-netlab reach)
 * - the outside world: parseWorld, setWorld, addWorldHost, findWorldHostBy{Name,Ip}
 * - networkBinaries: curl:debian, curl:alpine, wget:busybox, nc:busybox, nc:netshoot, ping, agnhost
 * - explainConnection(cluster, fromPod, target, opts) → { ok, hops, summary }: "why can't A reach B"
 * - setNetworkDeps({ runtime, lookup }): wire H4's container runtime and H7's resolver
 * - syncDataPlane(cluster): every Service's endpoints and pod's policies computed now, not on first use
 */
import type { CommandHandler } from '../shell/command.ts';
import { curlAlpine, curlDebian } from './curl.ts';
import { wgetBusybox } from './wget.ts';
import { ncBusybox, ncNetshoot } from './nc.ts';
import { ping } from './ping.ts';
import { agnhost } from './agnhost.ts';

export { connect } from './connect.ts';
export { kubeProxyEffects } from './services.ts';
export type { Peer, Protocol, Verdict, Hop, HopKind, Failure, PodRef } from './types.ts';
export { TERMINAL_PEER } from './types.ts';
export { explain, noteOf, type Reason } from './explain.ts';
export { reachability, formatTruthTable, prettyPrint, compareTables, tableFromRows, TruthTable } from './reachability.ts';
export { reachFromManifests, studentPods, type ReachLab, type ReachResult } from './reach-files.ts';
export { compilePolicies, evaluate, selectingPolicies, type CompiledPolicy, type CompiledPolicies, type DirectionResult, type PolicyId } from './policy.ts';
export { parseWorld, setWorld, addWorldHost, findWorldHostByName, findWorldHostByIp, listWorldHosts, worldServeHttp, type World, type WorldHost, type WorldRoute } from './world.ts';
export { DEFAULT_WORLD } from './world-default.ts';
export { WORLD_SCHEMA } from './world-schema.ts';
export { setNetworkDeps, type NetworkDeps, type RuntimeLike, type LookupFn, type LookupResult, type Listener, type HttpRequest, type HttpResponse } from './deps.ts';
export { netState } from './state.ts';
export { syncDataPlane, type SyncCounts } from './sync.ts';
export { curlDebian, curlAlpine } from './curl.ts';
export { explainConnection, parseTarget, type WhyOptions, type WhyResult } from './why.ts';

export const networkBinaries: Record<string, CommandHandler> = {
  'curl:debian': curlDebian,
  'curl:alpine': curlAlpine,
  'wget:busybox': wgetBusybox,
  'nc:busybox': ncBusybox,
  'nc:netshoot': ncNetshoot,
  ping,
  agnhost,
};

/** The terminal's curl: curl 7.88.1's behaviour from a host on the nodes' LAN (192.168.164.1). */
export const terminalCurl: CommandHandler = curlDebian;
