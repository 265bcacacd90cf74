/**
 * Volumes and the Pod Template section: ports of describeVolumes (the volume
 * kinds a k3s lab meets: HostPath, EmptyDir, Secret, ConfigMap,
 * PersistentVolumeClaim, DownwardAPI, Projected, NFS, Image; any other kind
 * prints `<unknown>`), describeTopologySpreadConstraints and
 * DescribePodTemplate in kubectl pkg/describe/describe.go (v0.33).
 */
import type { PodTemplateSpec, TopologySpreadConstraint, Volume } from 'kubernetes-types/core/v1.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printAnnotationsMultiline, printLabelsMultiline, type PrefixWriter } from './writer.ts';
import { describeContainers } from './containers.ts';
import { num, printTolerationsMultiline, str } from './fields.ts';
import { quantityString, parseQuantity } from './quantity.ts';
import { formatLabelSelector } from '../tables/common.ts';
import type { LabelSelector } from '../../../api/object.ts';

const opt = (v: unknown) => String(v === true);

export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  const list = volumes ?? [];
  if (list.length === 0) return w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    volumeSource(v, w);
  }
}

function volumeSource(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
  } else if (v.emptyDir) {
    const q = parseQuantity(v.emptyDir.sizeLimit);
    const size = q && q.nano > 0n ? quantityString(q) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(v.emptyDir.medium)}\n    SizeLimit:\t${size}\n`);
  } else if (v.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(v.secret.secretName)}\n    Optional:\t${opt(v.secret.optional)}\n`);
  } else if (v.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(v.configMap.name)}\n    Optional:\t${opt(v.configMap.optional)}\n`);
  } else if (v.nfs) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${v.nfs.server}\n    Path:\t${v.nfs.path}\n    ReadOnly:\t${opt(v.nfs.readOnly)}\n`);
  } else if (v.persistentVolumeClaim) {
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${opt(v.persistentVolumeClaim.readOnly)}\n`);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.projected) {
    projected(v, w);
  } else if ((v as unknown as { image?: object }).image) {
    const image = (v as unknown as { image: { reference?: string; pullPolicy?: string } }).image;
    w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(image.reference)}\n    PullPolicy:\t${str(image.pullPolicy)}\n`);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** printProjectedVolumeSource: the kube-api-access-xxxxx volume every pod gets. */
function projected(v: Volume, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of v.projected?.sources ?? []) {
    if (s.secret) w.write(LEVEL_2, `SecretName:\t${str(s.secret.name)}\n    Optional:\t${opt(s.secret.optional)}\n`);
    else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    else if (s.configMap) w.write(LEVEL_2, `ConfigMapName:\t${str(s.configMap.name)}\n    Optional:\t${opt(s.configMap.optional)}\n`);
    else if (s.serviceAccountToken) w.write(LEVEL_2, `TokenExpirationSeconds:\t${num(s.serviceAccountToken.expirationSeconds)}\n`);
  }
}

/** describeTopologySpreadConstraints: sorted by topology key, nothing when empty. */
export function describeTopologySpreadConstraints(tscs: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  const list = [...(tscs ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${space}\t`);
    const sel = t.labelSelector ? ` for selector ${formatLabelSelector(t.labelSelector as LabelSelector)}` : '';
    w.write(LEVEL_0, `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${num(t.maxSkew)} is exceeded${sel}\n`);
  });
}

/** DescribePodTemplate: the `Pod Template:` block of Deployments, ReplicaSets, DaemonSets, StatefulSets. */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) return w.write(LEVEL_1, '<unset>');
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
