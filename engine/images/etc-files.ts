/**
 * The files the kubelet writes into every container: /etc/hosts
 * (pkg/kubelet/kubelet_pods.go managedHostsFileContent), /etc/hostname, and
 * /etc/resolv.conf (from engine/dns).
 */
import type { KObject } from '../api/object.ts';

/** kubelet's managed /etc/hosts for a pod on the pod network. */
export function hostsFile(pod: KObject, clusterDomain: string): string {
  const ip = pod.status?.podIP as string | undefined;
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const hostname = (pod.spec?.hostname as string | undefined) ?? pod.metadata.name;
  const sub = pod.spec?.subdomain as string | undefined;
  if (ip) {
    lines.push(sub ? `${ip}\t${hostname}.${sub}.${pod.metadata.namespace}.svc.${clusterDomain}\t${hostname}` : `${ip}\t${hostname}`);
  }
  for (const ha of (pod.spec?.hostAliases ?? []) as Array<{ ip: string; hostnames: string[] }>) {
    lines.push('', '# Entries added by HostAliases.', `${ha.ip}\t${ha.hostnames.join('\t')}`);
  }
  return lines.join('\n') + '\n';
}

export function hostnameOf(pod: KObject): string {
  return ((pod.spec?.hostname as string | undefined) ?? pod.metadata.name).slice(0, 63);
}
