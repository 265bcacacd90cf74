/**
 * `kubectl version` and `kubectl cluster-info` as a k3s user sees them
 * (kubernetes/kubectl pkg/cmd/version/version.go, pkg/cmd/clusterinfo/
 * clusterinfo.go, v0.33.5). k3s bundles kubectl at the server's version and
 * serves the API at https://127.0.0.1:6443.
 */
import type { Service } from 'kubernetes-types/core/v1.js';
import type { Kube, Subcommand } from '../context.ts';
import { plainErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';

/** kustomize bundled with kubectl 1.33 (kubectl go.mod: sigs.k8s.io/kustomize/kustomize/v5 v5.6.0). */
export const KUSTOMIZE_VERSION = 'v5.6.0';
export const API_SERVER_URL = 'https://127.0.0.1:6443';

export const versionCommand: Subcommand = {
  name: 'version',
  flags: [
    { name: 'client', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  run(k: Kube, f: Flags): KubectlError | undefined {
    const o = f.str('output');
    if (o !== '' && o !== 'yaml' && o !== 'json') return plainErr(`--output must be 'yaml' or 'json'`);
    if (o !== '') return plainErr(`kubectl version -o ${o} is not modelled by kube-netlab`);
    const v = k.cluster.config.k3sVersion;
    k.out(`Client Version: ${v}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    if (!f.bool('client')) k.out(`Server Version: ${v}\n`);
    return undefined;
  },
};

export const clusterInfoCommand: Subcommand = {
  name: 'cluster-info',
  flags: [],
  run(k: Kube, f: Flags): KubectlError | undefined {
    if (f.args[0] === 'dump') return plainErr('kubectl cluster-info dump is not modelled by kube-netlab');
    const ns = k.explicitNamespace ? k.namespace : 'kube-system';
    const services = k.api.list('Service', ns, { matchLabels: { 'kubernetes.io/cluster-service': 'true' } }) as unknown as Service[];
    k.out(`Kubernetes control plane is running at ${API_SERVER_URL}\n`);
    for (const svc of services) {
      k.out(`${svc.metadata?.labels?.['kubernetes.io/name'] || svc.metadata?.name} is running at ${serviceLink(svc)}\n`);
    }
    k.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    return undefined;
  },
};

function serviceLink(svc: Service): string {
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const ip = ingress[0]!.ip || ingress[0]!.hostname || '';
    return (svc.spec?.ports ?? []).map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = svc.metadata?.name ?? '';
  const port = svc.spec?.ports?.[0];
  if (port) {
    const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
    // utilnet.JoinSchemeNamePort
    if (scheme) name = `${scheme}:${name}:${port.name ?? ''}`;
    else if (port.name) name = `${name}:${port.name}`;
  }
  return `${API_SERVER_URL}/api/v1/namespaces/${svc.metadata?.namespace}/services/${name}/proxy`;
}
