export { installControllers, type InstalledControllers } from './install.ts';
export { bootstrapK3s, BOOT_DURATION_MS } from './bootstrap/index.ts';
export { recordEvent, type EventSource } from './events.ts';
export { podIpam, nodePodCidr, PodIpam, IpamError } from './ipam.ts';
export { podTemplateHash, safeEncode } from './names.ts';
export { computeEndpoints, syncServiceEndpoints } from './endpoints.ts';
export { EndpointSliceMirroringController, MIRROR_MANAGER } from './endpointslice-mirroring.ts';
export { svclbName, svclbDaemonSet, SVCLB_IMAGE } from './servicelb.ts';
export { BACKOFF_INITIAL_MS, BACKOFF_MAX_MS, restartDelay } from './kubelet/state.ts';
