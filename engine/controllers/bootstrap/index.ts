export { apiserverServiceObjects, bootstrapK3s, BOOT_DURATION_MS } from './k3s.ts';
export { buildNode, containerdFor, OS_IMAGE, KERNEL } from './nodes.ts';
export { corefile, nodeHosts } from './corefile.ts';
