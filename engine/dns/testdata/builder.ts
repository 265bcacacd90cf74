/**
 * Builds test clusters by writing objects straight into `cluster.store`
 * (no admission, no controllers), so engine/dns tests do not depend on the
 * API server or the controllers.
 */
import { Cluster } from '../../cluster/cluster.ts';
import { defaultConfig, type ClusterConfig } from '../../cluster/config.ts';
import type { KObject } from '../../api/object.ts';

export interface PortSpec { name?: string; protocol?: string; port: number }
export interface EndpointSpec { ip: string; hostname?: string; ready?: boolean; pod?: string }

export class ClusterBuilder {
  readonly cluster: Cluster;

  constructor(config: Partial<ClusterConfig> = {}) {
    this.cluster = new Cluster(defaultConfig(config));
  }

  ns(...names: string[]): this {
    for (const name of names) this.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    return this;
  }

  /** A Service; `clusterIPs: ['None']` makes it headless. */
  svc(namespace: string, name: string, spec: { clusterIPs?: string[]; type?: string; externalName?: string; ports?: PortSpec[]; selector?: Record<string, string> }): this {
    const s: Record<string, unknown> = { type: spec.type ?? 'ClusterIP' };
    if (spec.clusterIPs) Object.assign(s, { clusterIP: spec.clusterIPs[0], clusterIPs: spec.clusterIPs });
    if (spec.externalName) s.externalName = spec.externalName;
    if (spec.ports) s.ports = spec.ports.map((p) => ({ protocol: 'TCP', ...p }));
    if (spec.selector) s.selector = spec.selector;
    return this.put({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec: s });
  }

  /** An EndpointSlice for Service `service` (ports omitted: a portless slice). */
  slice(namespace: string, service: string, endpoints: EndpointSpec[], ports?: PortSpec[], sliceName = `${service}-abcde`): this {
    return this.put({
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
      metadata: { name: sliceName, namespace, labels: { 'kubernetes.io/service-name': service } },
      endpoints: endpoints.map((e) => ({
        addresses: [e.ip],
        conditions: { ready: e.ready ?? true },
        ...(e.hostname ? { hostname: e.hostname } : {}),
        ...(e.pod ? { targetRef: { kind: 'Pod', name: e.pod, namespace } } : {}),
      })),
      ...(ports ? { ports: ports.map((p) => ({ protocol: 'TCP', ...p })) } : {}),
    });
  }

  pod(namespace: string, name: string, ip: string, extra: { hostname?: string; subdomain?: string; dnsPolicy?: string; dnsConfig?: unknown; hostNetwork?: boolean; nodeName?: string } = {}): this {
    const { nodeName, ...spec } = extra;
    return this.put({
      apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace },
      spec: { containers: [{ name, image: 'nginx' }], nodeName: nodeName ?? 'master', dnsPolicy: 'ClusterFirst', ...spec },
      status: { phase: 'Running', podIP: ip, podIPs: [{ ip }] },
    });
  }

  put(o: KObject): this {
    this.cluster.store.create(o);
    return this;
  }
}

/** The objects of CoreDNS's plugin/kubernetes handler_test.go (APIConnServeTest), in a store. */
export function corednsTestCluster(): Cluster {
  const http = [{ name: 'http', protocol: 'tcp', port: 80 }];
  return new ClusterBuilder()
    .ns('testns', 'podns', 'kube-system')
    .svc('kube-system', 'kubedns', { clusterIPs: ['10.0.0.10'], ports: [{ name: 'dns', protocol: 'udp', port: 53 }] })
    .svc('testns', 'svc1', { clusterIPs: ['10.0.0.1'], ports: http })
    .slice('testns', 'svc1', [{ ip: '172.0.0.1', hostname: 'ep1a' }], http)
    .svc('testns', 'svcempty', { clusterIPs: ['10.0.0.1'], ports: http })
    .slice('testns', 'svcempty', [], http)
    .svc('testns', 'svc6', { clusterIPs: ['1234:abcd::1'], ports: http })
    .svc('testns', 'hdls1', { clusterIPs: ['None'] })
    .slice('testns', 'hdls1', [
      { ip: '172.0.0.2' }, { ip: '172.0.0.3' },
      { ip: '172.0.0.4', hostname: 'dup-name' }, { ip: '172.0.0.5', hostname: 'dup-name' },
      { ip: '5678:abcd::1' }, { ip: '5678:abcd::2' },
    ], http)
    .svc('testns', 'external', { type: 'ExternalName', externalName: 'ext.interwebs.test', ports: http })
    .svc('testns', 'external-to-service', { type: 'ExternalName', externalName: 'svc1.testns.svc.cluster.local.', ports: http })
    .svc('testns', 'hdlsprtls', { clusterIPs: ['None'] })
    .slice('testns', 'hdlsprtls', [{ ip: '172.0.0.20' }])
    .svc('testns', 'svc-dual-stack', { clusterIPs: ['10.0.0.3', '10::3'], ports: http })
    .cluster;
}
