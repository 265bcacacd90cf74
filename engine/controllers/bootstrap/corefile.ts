/** k3s's CoreDNS ConfigMap (manifests/coredns.yaml, with %{CLUSTER_DOMAIN}% filled in) and NodeHosts. */
import type { ClusterConfig } from '../../cluster/config.ts';

export function corefile(domain: string): string {
  return `.:53 {
    errors
    health
    ready
    kubernetes ${domain} in-addr.arpa ip6.arpa {
      pods insecure
      fallthrough in-addr.arpa ip6.arpa
    }
    hosts /etc/coredns/NodeHosts {
      ttl 60
      reload 15s
      fallthrough
    }
    prometheus :9153
    forward . /etc/resolv.conf
    cache 30
    loop
    reload
    loadbalance
    import /etc/coredns/custom/*.override
}
import /etc/coredns/custom/*.server
`;
}

/** One "IP name" line per node, as k3s's node controller writes NodeHosts. */
export function nodeHosts(config: ClusterConfig): string {
  return config.nodes.map((n) => `${n.ip} ${n.name}\n`).join('');
}
