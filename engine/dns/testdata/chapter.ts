/**
 * The chapter's cluster (seeds/k8s-networking-services.md §6.1.3): pod
 * mynginx (10.42.0.226) behind Service myservice (10.43.152.73:8080), a
 * client pod, kube-dns at 10.43.0.10, and ExternalName google-svc.
 */
import { ClusterBuilder } from './builder.ts';

export function chapterCluster() {
  return new ClusterBuilder()
    .ns('default', 'kube-system', 'kube-public', 'kube-node-lease')
    .svc('kube-system', 'kube-dns', { clusterIPs: ['10.43.0.10'], ports: [{ name: 'dns', protocol: 'UDP', port: 53 }, { name: 'dns-tcp', protocol: 'TCP', port: 53 }, { name: 'metrics', protocol: 'TCP', port: 9153 }] })
    .pod('kube-system', 'coredns-6799fbcd5-9xk2p', '10.42.0.2')
    .slice('kube-system', 'kube-dns', [{ ip: '10.42.0.2', pod: 'coredns-6799fbcd5-9xk2p' }], [{ name: 'dns', protocol: 'UDP', port: 53 }, { name: 'dns-tcp', protocol: 'TCP', port: 53 }, { name: 'metrics', protocol: 'TCP', port: 9153 }])
    .svc('default', 'kubernetes', { clusterIPs: ['10.43.0.1'], ports: [{ name: 'https', port: 443 }] })
    .svc('default', 'myservice', { clusterIPs: ['10.43.152.73'], ports: [{ port: 8080 }], selector: { run: 'mynginx' } })
    .pod('default', 'mynginx', '10.42.0.226')
    .slice('default', 'myservice', [{ ip: '10.42.0.226', pod: 'mynginx' }], [{ port: 80 }])
    .pod('default', 'client', '10.42.0.227')
    .svc('default', 'google-svc', { type: 'ExternalName', externalName: 'google.com' })
    .svc('default', 'web', { clusterIPs: ['None'], ports: [{ name: 'http', port: 80 }] })
    .pod('default', 'web-0', '10.42.1.5', { hostname: 'web-0', subdomain: 'web' })
    .pod('default', 'web-1', '10.42.0.6', { hostname: 'web-1', subdomain: 'web' })
    .slice('default', 'web', [{ ip: '10.42.1.5', pod: 'web-0', hostname: 'web-0' }, { ip: '10.42.0.6', pod: 'web-1' }], [{ name: 'http', port: 80 }])
    .cluster;
}
