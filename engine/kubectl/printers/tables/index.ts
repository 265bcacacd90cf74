/**
 * The table of tables: each kind's columns (as data) and row builder, as
 * printers.go registers them with TableHandler. Kinds without a handler get
 * the default NAME/AGE table.
 */
import type { KObject } from '../../../api/object.ts';
import { translateTimestampSince } from '../duration.ts';
import type { Column, TableDef } from './common.ts';
import { podColumns, podRow } from './pod.ts';
import { serviceColumns, serviceRow, endpointsColumns, endpointsRow, endpointSliceColumns, endpointSliceRow, ingressColumns, ingressRow, networkPolicyColumns, networkPolicyRow } from './service.ts';
import { deploymentColumns, deploymentRow, replicaSetColumns, replicaSetRow, statefulSetColumns, statefulSetRow, daemonSetColumns, daemonSetRow, jobColumns, jobRow } from './workloads.ts';
import { nodeColumns, nodeRow, namespaceColumns, namespaceRow, eventColumns, eventRow, configMapColumns, configMapRow, secretColumns, secretRow, serviceAccountColumns, serviceAccountRow } from './cluster.ts';

export * from './common.ts';
export * from './pod.ts';
export * from './service.ts';
export * from './workloads.ts';
export * from './cluster.ts';

export const defaultColumns: readonly Column[] = [{ name: 'Name', format: 'name' }, { name: 'Age' }];

export function defaultRow(obj: KObject, now: number): string[] {
  return [obj.metadata?.name ?? '', translateTimestampSince(obj.metadata?.creationTimestamp, now)];
}

export const TABLES: Readonly<Record<string, TableDef>> = {
  Pod: { columns: podColumns, row: podRow },
  Service: { columns: serviceColumns, row: serviceRow },
  Endpoints: { columns: endpointsColumns, row: endpointsRow },
  EndpointSlice: { columns: endpointSliceColumns, row: endpointSliceRow },
  Ingress: { columns: ingressColumns, row: ingressRow },
  NetworkPolicy: { columns: networkPolicyColumns, row: networkPolicyRow },
  Deployment: { columns: deploymentColumns, row: deploymentRow },
  ReplicaSet: { columns: replicaSetColumns, row: replicaSetRow },
  StatefulSet: { columns: statefulSetColumns, row: statefulSetRow },
  DaemonSet: { columns: daemonSetColumns, row: daemonSetRow },
  Job: { columns: jobColumns, row: jobRow },
  Node: { columns: nodeColumns, row: nodeRow },
  Namespace: { columns: namespaceColumns, row: namespaceRow },
  Event: { columns: eventColumns, row: eventRow },
  ConfigMap: { columns: configMapColumns, row: configMapRow },
  Secret: { columns: secretColumns, row: secretRow },
  ServiceAccount: { columns: serviceAccountColumns, row: serviceAccountRow },
};

/** The table definition for a kind (the default NAME/AGE one when printers.go has none). */
export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? { columns: defaultColumns, row: defaultRow };
}
