/**
 * Shared pieces of the table printers: the column type, and ports of the
 * apimachinery formatters the row builders use (labels.FormatLabels,
 * metav1.FormatLabelSelector, Selector.String, layoutContainerCells).
 */
import type { KObject, LabelSelector } from '../../../api/object.ts';

/**
 * One column of a kind's table, as printers.go declares it. `name` is the Go
 * spelling ("Cluster-IP", "Nominated Node"); kubectl prints it upper-cased.
 * `wide` marks `Priority: 1` columns, shown only with `-o wide`.
 */
export interface Column {
  name: string;
  wide?: boolean;
  /** 'name' marks the column kubectl prefixes with `kind/` when several kinds are printed. */
  format?: 'name';
}

/**
 * A row builder: one object to every cell of its row, wide cells included.
 * The API server always generates rows with `Wide: true`
 * (pkg/printers/storage TableConvertor); kubectl drops the wide columns.
 */
export type RowBuilder = (obj: KObject, now: number) => string[];

export interface TableDef {
  columns: readonly Column[];
  row: RowBuilder;
}

export const NONE = '<none>';

function byKey(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.FormatLabels: `k=v,...` with sorted keys, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(byKey);
  if (keys.length === 0) return NONE;
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** One requirement as labels.Requirement.String writes it. */
function requirementString(key: string, op: string, values: readonly string[]): string {
  switch (op) {
    case 'Exists': return key;
    case 'DoesNotExist': return `!${key}`;
    case 'Equals': return `${key}=${values[0] ?? ''}`;
    case 'In':
    case 'NotIn': {
      const vs = values.length === 1 ? values[0] : [...values].sort(byKey).join(',');
      return `${key} ${op === 'In' ? 'in' : 'notin'} (${vs})`;
    }
    default: return `${key}?${op}`;
  }
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key
 * (matchLabels become `k=v`), '' for a nil or empty selector.
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return '';
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: requirementString(k, 'Equals', [v]) });
  for (const e of sel.matchExpressions ?? []) reqs.push({ key: e.key, text: requirementString(e.key, e.operator, e.values ?? []) });
  return reqs.sort((a, b) => byKey(a.key, b.key)).map((r) => r.text).join(',');
}

/** metav1.FormatLabelSelector: selectorString or `<none>`. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  return selectorString(sel) || NONE;
}

interface ContainerLike { name?: string; image?: string }

/** printers.go layoutContainerCells: names and images joined by commas. */
export function layoutContainerCells(containers: readonly ContainerLike[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? '').join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** Go's `%d` of an int32 field that may be absent (zero value). */
export function int(n: unknown): string {
  return typeof n === 'number' && Number.isFinite(n) ? String(Math.trunc(n)) : '0';
}

export function str(s: unknown): string {
  return typeof s === 'string' ? s : '';
}

/** net.JoinHostPort: brackets around IPv6 literals. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Go `sets.NewString(...).List()`: unique and sorted. */
export function sortedUnique(xs: readonly string[]): string[] {
  return [...new Set(xs)].sort(byKey);
}

/** The `… + N more...` tail printers.go puts on long lists (listWithMoreString). */
export function listWithMore(list: readonly string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}
