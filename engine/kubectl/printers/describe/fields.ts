/**
 * Small formatters shared by the describers (kubectl pkg/describe/describe.go,
 * v0.33): Go time layouts, printBool, stringOrNone, IntOrString, the
 * controller reference, and the taint / toleration lists. Times are printed
 * in UTC: the lab's kubectl runs with TZ=UTC, so Go's Local is UTC.
 */
import type { KObject } from '../../../api/object.ts';
import { LEVEL_0, type PrefixWriter } from './writer.ts';
import { parseTimestamp } from '../duration.ts';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** time.RFC1123Z (`Mon, 05 Jan 2026 09:02:00 +0000`); Go's zero time when absent. */
export function rfc1123z(ts: unknown): string {
  const t = parseTimestamp(ts);
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** time.Time.String() (`2026-01-05 09:02:00 +0000 UTC`), what `%s` of a metav1.Time prints. */
export function goTimeString(ts: unknown): string {
  const t = parseTimestamp(ts);
  if (t === undefined) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(t);
  const ms = d.getUTCMilliseconds();
  // Go's .999999999 layout: fractional seconds only when non-zero, trailing zeros trimmed.
  const frac = ms ? `.${pad(ms, 3).replace(/0+$/, '')}` : '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac} +0000 UTC`;
}

export const printBool = (v: unknown): string => (v === true ? 'True' : 'False');
export const stringOrNone = (s: unknown): string => (typeof s === 'string' && s.length > 0 ? s : '<none>');
export const str = (s: unknown): string => (typeof s === 'string' ? s : '');
/** Go `%d` of an integer field (zero value when absent). */
export const num = (n: unknown): string => (typeof n === 'number' && Number.isFinite(n) ? String(Math.trunc(n)) : '0');
/** intstr.IntOrString.String(); `<nil>` for a nil pointer. */
export const intOrString = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '<nil>');

/** printController: `Kind/name` of the controlling owner reference, '' without one. */
export function printController(obj: KObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

interface Taint { key?: string; value?: string; effect?: string }
interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

/** printTaintsMultilineWithIndent: sorted by `effect,key`, Taint.ToString (`key=value:effect`). */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(taints ?? [])];
  if (list.length === 0) return w.writeLine('<none>');
  const key = (t: Taint) => `${str(t.effect)},${str(t.key)}`;
  list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${t.value ? `${str(t.key)}=${t.value}` : str(t.key)}:${str(t.effect)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key, `key=value:effect op=Exists for 300s`. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) return w.writeLine('<none>');
  list.sort((a, b) => (str(a.key) < str(b.key) ? -1 : str(a.key) > str(b.key) ? 1 : 0));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    let line = str(t.key);
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    // `operator: Exists` with no value tolerates everything matching the key/effect.
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (typeof t.tolerationSeconds === 'number') line += ` for ${Math.trunc(t.tolerationSeconds)}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}
