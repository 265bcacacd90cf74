/**
 * kubectl's human-readable table printer: a port of cli-runtime
 * pkg/printers/tableprinter.go (decorateTable + printTable) and of the
 * multi-kind loop in kubectl pkg/cmd/get/get.go (one tabwriter, widths reset
 * per kind, a blank line between kinds, `kind/name` when kinds are mixed).
 */
import type { KObject } from '../../api/object.ts';
import { kindInfo } from '../../api/kinds.ts';
import { TabWriter, TABLE_TABWRITER } from './tabwriter.ts';
import { formatLabels, type Column } from './tables/common.ts';
import { tableFor } from './tables/index.ts';

export interface TableOptions {
  /** Simulated time (ms since the epoch) the AGE columns are measured against. */
  now: number;
  /** `-o wide`: also print the `wide` columns. Default: false. */
  wide?: boolean;
  /** `--show-labels`: a LABELS column last. Default: false. */
  showLabels?: boolean;
  /** `--no-headers`. Default: false. */
  noHeaders?: boolean;
  /** `-A` / `--all-namespaces`: a NAMESPACE column first (skipped for cluster-scoped kinds). Default: false. */
  withNamespace?: boolean;
  /** Prefix names with `kind/` (`pod/x`, `deployment.apps/y`). printTables sets it when kinds are mixed. Default: false. */
  withKind?: boolean;
  /** `-L key,...`: one column per label key, headed by the key's last path segment. Default: []. */
  labelColumns?: readonly string[];
}

/** How `kind/` prefixes read: strings.ToLower(GroupKind.String()), e.g. `deployment.apps`. */
export function kindPrefix(kind: string): string {
  const info = kindInfo(kind);
  return (info?.group ? `${kind}.${info.group}` : kind).toLowerCase();
}

/** Cells are cut at the first line break (with `...`) and terminal escapes neutralised (WriteEscaped). */
export function escapeCell(cell: string): string {
  let s = cell;
  const brk = s.search(/[\f\n\r]/);
  if (brk >= 0) s = `${s.slice(0, brk)}...`;
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

interface Decorated { headers: string[]; rows: string[][] }

/** decorateTable + the column filter of printTable, as plain strings. */
function decorate(kind: string, objects: readonly KObject[], opts: TableOptions): Decorated {
  const def = tableFor(kind);
  const namespaced = kindInfo(kind)?.namespaced ?? true;
  const withNs = !!opts.withNamespace && namespaced;
  const labelCols = opts.labelColumns ?? [];
  const nameCol = opts.withKind ? def.columns.findIndex((c) => c.format === 'name') : -1;
  const visible = (c: Column) => !!opts.wide || !c.wide;
  const headers: string[] = [];
  if (withNs) headers.push('NAMESPACE');
  for (const c of def.columns) if (visible(c)) headers.push(c.name.toUpperCase());
  for (const l of labelCols) headers.push(l.split('/').pop()!.toUpperCase());
  if (opts.showLabels) headers.push('LABELS');
  const rows = objects.map((obj) => {
    const cells = def.row(obj, opts.now);
    if (nameCol >= 0) cells[nameCol] = `${kindPrefix(kind)}/${cells[nameCol]}`;
    const out: string[] = [];
    if (withNs) out.push(obj.metadata?.namespace ?? '');
    def.columns.forEach((c, i) => { if (visible(c)) out.push(cells[i] ?? ''); });
    for (const l of labelCols) out.push(obj.metadata?.labels?.[l] ?? '');
    if (opts.showLabels) out.push(formatLabels(obj.metadata?.labels));
    return out;
  });
  return { headers, rows };
}

/** The tab-separated lines kubectl hands its tabwriter for one kind ('' when there are no rows). */
export function tableText(kind: string, objects: readonly KObject[], opts: TableOptions): string {
  if (objects.length === 0) return '';
  const { headers, rows } = decorate(kind, objects, opts);
  const lines = opts.noHeaders ? [] : [headers.join('\t')];
  for (const r of rows) lines.push(r.map(escapeCell).join('\t'));
  return lines.map((l) => `${l}\n`).join('');
}

/** `kubectl get <kind>`: the padded table, or '' when there is nothing to print. */
export function printTable(kind: string, objects: readonly KObject[], opts: TableOptions): string {
  return printTables([{ kind, objects }], opts);
}

export interface TableGroup {
  kind: string;
  objects: readonly KObject[];
}

/**
 * Several kinds in one `kubectl get` (`get all`, `get pods,svc`): each kind is
 * its own table, separated by a blank line; names get `kind/` prefixes when
 * more than one kind was requested, empty or not (unless opts.withKind says
 * otherwise). Pass the groups in the order kubectl prints them.
 */
export function printTables(groups: readonly TableGroup[], opts: TableOptions): string {
  // get.go multipleGVKsRequested: each requested kind is one Info (a server-side
  // Table, even an empty one), so `get all` prints `service/kubernetes` alone.
  const kinds = new Set(groups.map((g) => g.kind));
  const withKind = opts.withKind ?? kinds.size > 1;
  const w = new TabWriter(TABLE_TABWRITER);
  let out = '';
  let ready = false;
  groups.forEach((g, i) => {
    w.flush();
    out += w.take();
    w.setRememberedWidths(null);
    if (i > 0 && !opts.noHeaders && out.length > 0) ready = true;
    w.write(tableText(g.kind, g.objects, { ...opts, withKind }));
    w.flush();
    const text = w.take();
    if (text.length > 0 && ready) {
      out += '\n';
      ready = false;
    }
    out += text;
  });
  return out;
}

/** What `kubectl get` prints on stderr when nothing matched (the command prints it, not the table). */
export function noResourcesMessage(namespace: string | undefined): string {
  return namespace ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}
