/**
 * syncDataPlane(): compute now what the data plane otherwise computes on a
 * connection's first use — every Service port's endpoint list (kube-proxy's
 * syncProxyRules writes every Service's chains at once) and every pod's
 * selecting policies and named ports (kube-router's full sync builds every
 * pod's chains), and every pod's listening sockets (the kernel's socket
 * table). Connections afterwards find it done, until the next write.
 * DNS stays per query, as CoreDNS answers from its indexes when asked.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { netState } from './state.ts';
import { servicePortEndpoints } from './services.ts';
import { namedPortsOf, policiesFor } from './enforce.ts';
import { listenersOf } from './deliver.ts';

export interface SyncCounts {
  servicePorts: number;
  pods: number;
}

export function syncDataPlane(cluster: Cluster): SyncCounts {
  const state = netState(cluster);
  let servicePorts = 0;
  for (const info of state.servicesByClusterIp.values()) {
    for (const sp of info.ports) {
      servicePortEndpoints(state, sp);
      servicePorts++;
    }
  }
  const enforcing = cluster.config.networkPolicy && state.policies.count > 0;
  let pods = 0;
  for (const pod of state.pods()) {
    listenersOf(cluster, pod);
    if (enforcing) {
      policiesFor(state, pod);
      namedPortsOf(pod);
    }
    pods++;
  }
  return { servicePorts, pods };
}
