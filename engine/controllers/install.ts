/**
 * installControllers: registers every controller with the cluster, once.
 * Order matters only for how quickly a settle converges: workloads create
 * pods, the scheduler binds them, the kubelet starts them, endpoints and
 * servicelb follow, the garbage collector cleans up.
 */
import type { Cluster } from '../cluster/cluster.ts';
import { apiServer } from '../api/server.ts';
import { ApiserverServiceController } from './apiserver-service.ts';
import { DaemonSetController } from './daemonset.ts';
import { DeploymentController } from './deployment.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceMirroringController } from './endpointslice-mirroring.ts';
import { GarbageCollector } from './gc.ts';
import { JobController } from './job.ts';
import { KubeletController } from './kubelet/kubelet.ts';
import { OwnerIndex } from './owners.ts';
import { ReplicaSetController } from './replicaset.ts';
import { SchedulerController } from './scheduler.ts';
import { ServiceLbController } from './servicelb.ts';
import { StatefulSetController } from './statefulset.ts';

export interface InstalledControllers {
  kubelet: KubeletController;
  owners: OwnerIndex;
}

export function installControllers(cluster: Cluster): InstalledControllers {
  return cluster.ext('controllers.installed', (c) => {
    const api = apiServer(c);
    let gc: GarbageCollector | undefined;
    const owners = new OwnerIndex(c, (uid) => gc?.orphaned(uid));
    const getOwners = () => owners;
    gc = new GarbageCollector(c, api, getOwners);
    const kubelet = new KubeletController(c, api);
    c.addController(new ApiserverServiceController(c, api));
    c.addController(new DeploymentController(c, api, getOwners));
    c.addController(new ReplicaSetController(c, api, getOwners));
    c.addController(new StatefulSetController(c, api));
    c.addController(new DaemonSetController(c, api, getOwners));
    c.addController(new JobController(c, api, getOwners));
    c.addController(new SchedulerController(c));
    c.addController(kubelet);
    c.addController(new EndpointsController(c, api));
    c.addController(new EndpointSliceMirroringController(c, api));
    if (c.config.servicelb) c.addController(new ServiceLbController(c, api));
    c.addController(gc);
    return { kubelet, owners };
  });
}
