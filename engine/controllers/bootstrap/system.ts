/**
 * kube-system as a fresh k3s v1.33 installs it, from k3s's manifests
 * (manifests/coredns.yaml, local-storage.yaml, metrics-server/, and the
 * traefik HelmChart's rendered chart): the Deployments, Services and the
 * helm-install Jobs. The workload controllers make their ReplicaSets and
 * pods, so names and pod IPs come out as a real install's do.
 */
import type { KObject } from '../../api/object.ts';
import type { Cluster } from '../../cluster/cluster.ts';

const CP_TOLERATIONS = [
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' },
  { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Exists' },
];

function deployment(name: string, labels: Record<string, string>, selector: Record<string, string>, podLabels: Record<string, string>, spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'kube-system', labels: { ...labels, 'objectset.rio.cattle.io/hash': '' }, annotations: { 'objectset.rio.cattle.io/id': '' } },
    spec: { replicas: 1, revisionHistoryLimit: 0, selector: { matchLabels: selector }, strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' }, template: { metadata: { labels: podLabels }, spec }, ...extra },
  };
}

export function systemWorkloads(cluster: Cluster): KObject[] {
  const disabled = new Set(cluster.config.disabled);
  const out: KObject[] = [];
  if (!disabled.has('coredns')) {
    out.push(
      deployment('coredns', { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' }, { 'k8s-app': 'kube-dns' }, { 'k8s-app': 'kube-dns' }, {
        containers: [
          {
            args: ['-conf', '/etc/coredns/Corefile'],
            image: 'rancher/mirrored-coredns-coredns:1.12.3',
            imagePullPolicy: 'IfNotPresent',
            livenessProbe: { failureThreshold: 3, httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
            name: 'coredns',
            ports: [
              { containerPort: 53, name: 'dns', protocol: 'UDP' },
              { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
              { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
            ],
            readinessProbe: { failureThreshold: 3, httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 2, successThreshold: 1, timeoutSeconds: 1 },
            resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['all'] }, readOnlyRootFilesystem: true },
            volumeMounts: [
              { mountPath: '/etc/coredns', name: 'config-volume', readOnly: true },
              { mountPath: '/etc/coredns/custom', name: 'custom-config-volume', readOnly: true },
            ],
          },
        ],
        dnsPolicy: 'Default',
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        priorityClassName: 'system-cluster-critical',
        serviceAccountName: 'coredns',
        tolerations: CP_TOLERATIONS,
        topologySpreadConstraints: [{ labelSelector: { matchLabels: { 'k8s-app': 'kube-dns' } }, maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' }],
        volumes: [
          { configMap: { items: [{ key: 'Corefile', path: 'Corefile' }, { key: 'NodeHosts', path: 'NodeHosts' }], name: 'coredns' }, name: 'config-volume' },
          { configMap: { name: 'coredns-custom', optional: true }, name: 'custom-config-volume' },
        ],
      }),
    );
  }
  if (!disabled.has('local-storage')) {
    out.push(
      deployment('local-path-provisioner', { app: 'local-path-provisioner' }, { app: 'local-path-provisioner' }, { app: 'local-path-provisioner' }, {
        containers: [
          {
            command: ['local-path-provisioner', 'start', '--config', '/etc/config/config.json'],
            env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            image: 'rancher/local-path-provisioner:v0.0.31',
            imagePullPolicy: 'IfNotPresent',
            name: 'local-path-provisioner',
            volumeMounts: [{ mountPath: '/etc/config/', name: 'config-volume' }],
          },
        ],
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'local-path-provisioner-service-account',
        tolerations: CP_TOLERATIONS,
        volumes: [{ configMap: { name: 'local-path-config' }, name: 'config-volume' }],
      }),
    );
  }
  if (!disabled.has('metrics-server')) {
    out.push(
      deployment('metrics-server', { 'k8s-app': 'metrics-server' }, { 'k8s-app': 'metrics-server' }, { 'k8s-app': 'metrics-server' }, {
        containers: [
          {
            args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s', '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305'],
            image: 'rancher/mirrored-metrics-server:v0.8.0',
            imagePullPolicy: 'IfNotPresent',
            name: 'metrics-server',
            ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
            resources: { requests: { cpu: '100m', memory: '70Mi' } },
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 1000 },
            volumeMounts: [{ mountPath: '/tmp', name: 'tmp-dir' }],
          },
        ],
        priorityClassName: 'system-node-critical',
        serviceAccountName: 'metrics-server',
        tolerations: CP_TOLERATIONS,
        volumes: [{ emptyDir: {}, name: 'tmp-dir' }],
      }),
    );
  }
  if (cluster.config.traefik) {
    for (const chart of ['traefik-crd', 'traefik']) out.push(helmJob(chart));
    const labels = { 'app.kubernetes.io/instance': 'traefik-kube-system', 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': 'traefik', 'helm.sh/chart': 'traefik-34.2.1_up34.2.0' };
    const sel = { 'app.kubernetes.io/instance': 'traefik-kube-system', 'app.kubernetes.io/name': 'traefik' };
    const d = deployment('traefik', labels, sel, { ...labels }, {
      containers: [
        {
          args: ['--global.checknewversion', '--global.sendanonymoususage', '--entryPoints.metrics.address=:9100/tcp', '--entryPoints.traefik.address=:8080/tcp', '--entryPoints.web.address=:8000/tcp', '--entryPoints.websecure.address=:8443/tcp', '--api.dashboard=true', '--ping=true', '--metrics.prometheus=true', '--metrics.prometheus.entrypoint=metrics', '--providers.kubernetescrd', '--providers.kubernetesingress', '--providers.kubernetesingress.ingressendpoint.publishedservice=kube-system/traefik', '--entryPoints.websecure.http.tls=true', '--log.level=INFO'],
          image: 'rancher/mirrored-library-traefik:3.3.6',
          imagePullPolicy: 'IfNotPresent',
          name: 'traefik',
          ports: [
            { containerPort: 9100, name: 'metrics', protocol: 'TCP' },
            { containerPort: 8080, name: 'traefik', protocol: 'TCP' },
            { containerPort: 8000, name: 'web', protocol: 'TCP' },
            { containerPort: 8443, name: 'websecure', protocol: 'TCP' },
          ],
        },
      ],
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'traefik',
      tolerations: CP_TOLERATIONS,
    });
    d.metadata.annotations = { ...d.metadata.annotations, 'meta.helm.sh/release-name': 'traefik', 'meta.helm.sh/release-namespace': 'kube-system' };
    out.push(d);
  }
  for (const o of out) {
    if (o.kind !== 'Deployment') continue;
    delete o.metadata.labels!['objectset.rio.cattle.io/hash'];
    delete o.metadata.annotations!['objectset.rio.cattle.io/id'];
    if (Object.keys(o.metadata.annotations!).length === 0) delete o.metadata.annotations;
  }
  return out;
}

/** The helm-controller's install Job for a HelmChart (klipper-helm). */
function helmJob(chart: string): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `helm-install-${chart}`, namespace: 'kube-system', labels: { 'helmcharts.helm.cattle.io/chart': chart } },
    spec: {
      backoffLimit: 1000,
      template: {
        metadata: { labels: { 'helmcharts.helm.cattle.io/chart': chart } },
        spec: {
          containers: [{ args: ['install'], image: 'rancher/klipper-helm:v0.9.8-build20250709', imagePullPolicy: 'IfNotPresent', name: 'helm', env: [{ name: 'NAME', value: chart }, { name: 'TARGET_NAMESPACE', value: 'kube-system' }] }],
          restartPolicy: 'OnFailure',
          serviceAccountName: `helm-${chart}`,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: CP_TOLERATIONS,
        },
      },
    },
  };
}
