/**
 * What `k3s server FLAGS` decides about a cluster, and the nodes it runs on.
 * The defaults are STEPS.md's default cluster.
 */
export interface NodeSpec {
  name: string;
  role: 'control-plane' | 'worker';
  /** The node's InternalIP. */
  ip: string;
}

export interface ClusterConfig {
  nodes: NodeSpec[];
  /** --cluster-cidr: pods; each node gets a /24 in the table's order. */
  clusterCidr: string;
  /** --service-cidr */
  serviceCidr: string;
  /** --cluster-dns: kube-dns's ClusterIP. */
  clusterDns: string;
  /** --cluster-domain */
  clusterDomain: string;
  /** --service-node-port-range */
  nodePortRange: { min: number; max: number };
  /** false with --disable-network-policy: flannel carries traffic, nothing enforces policies. */
  networkPolicy: boolean;
  /** false with --disable=servicelb: LoadBalancer Services stay <pending>. */
  servicelb: boolean;
  /** false with --disable=traefik */
  traefik: boolean;
  /** The other --disable= components (coredns, local-storage, metrics-server). */
  disabled: string[];
  /** The k3s release modelled. */
  k3sVersion: string;
  /** Seeds every random choice in the cluster. */
  seed: string;
  /**
   * Most objects of one kind the API server admits (default: the server's
   * OBJECT_BUDGET_PER_KIND, a guard against runaway labs). Raised by the
   * scale benchmark, which builds clusters at Kubernetes' own thresholds.
   */
  objectBudgetPerKind?: number;
}

export const K3S_VERSION = 'v1.33.5+k3s1';

export const DEFAULT_NODES: NodeSpec[] = [
  { name: 'master', role: 'control-plane', ip: '192.168.164.130' },
  { name: 'worker1', role: 'worker', ip: '192.168.164.131' },
];

export function defaultConfig(overrides: Partial<ClusterConfig> = {}): ClusterConfig {
  return {
    nodes: DEFAULT_NODES.map((n) => ({ ...n })),
    clusterCidr: '10.42.0.0/16',
    serviceCidr: '10.43.0.0/16',
    clusterDns: '10.43.0.10',
    clusterDomain: 'cluster.local',
    nodePortRange: { min: 30000, max: 32767 },
    networkPolicy: true,
    servicelb: true,
    traefik: true,
    disabled: [],
    k3sVersion: K3S_VERSION,
    seed: 'kube-netlab',
    ...overrides,
  };
}

export class FlagError extends Error {}

/**
 * Apply `k3s server` flags to a config. Unknown flags are an error that names
 * the flag (STEPS.md: "A flag the model does not know fails the step").
 */
export function applyServerFlags(config: ClusterConfig, flags: string): ClusterConfig {
  const c: ClusterConfig = { ...config, disabled: [...config.disabled] };
  const words = flags.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let w = words[i]!;
    let value: string | undefined;
    const eq = w.indexOf('=');
    if (eq >= 0) {
      value = w.slice(eq + 1);
      w = w.slice(0, eq);
    }
    const need = (): string => {
      if (value !== undefined) return value;
      const next = words[++i];
      if (next === undefined) throw new FlagError(`k3s server flag ${w} needs a value`);
      return next;
    };
    switch (w) {
      case '--disable-network-policy':
        c.networkPolicy = false;
        break;
      case '--disable':
        for (const part of need().split(',')) {
          if (part === 'servicelb') c.servicelb = false;
          else if (part === 'traefik') c.traefik = false;
          else if (['coredns', 'local-storage', 'metrics-server', 'runtimes'].includes(part)) c.disabled.push(part);
          else throw new FlagError(`k3s server --disable=${part}: unknown component (known: coredns, servicelb, traefik, local-storage, metrics-server, runtimes)`);
        }
        break;
      case '--cluster-cidr':
        c.clusterCidr = need();
        break;
      case '--service-cidr':
        c.serviceCidr = need();
        break;
      case '--cluster-dns':
        c.clusterDns = need();
        break;
      case '--cluster-domain':
        c.clusterDomain = need();
        break;
      case '--service-node-port-range': {
        const v = need();
        const m = /^(\d+)-(\d+)$/.exec(v);
        if (!m) throw new FlagError(`k3s server --service-node-port-range=${v}: expected MIN-MAX, e.g. 30000-32767`);
        c.nodePortRange = { min: Number(m[1]), max: Number(m[2]) };
        break;
      }
      default:
        throw new FlagError(`k3s server flag ${w} is not modelled by kube-netlab (known: --disable-network-policy, --disable=traefik|servicelb|…, --cluster-cidr, --service-cidr, --cluster-dns, --cluster-domain, --service-node-port-range)`);
    }
  }
  return c;
}
