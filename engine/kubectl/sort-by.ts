/**
 * `kubectl get --sort-by=FIELD`: a port of kubernetes/kubectl
 * pkg/cmd/get/sorter.go (v0.33.5). The field is relaxed (`status.podIP` →
 * `{.status.podIP}`), evaluated with missing keys allowed, and the first
 * value of each object is compared with isLess on unstructured values:
 * numbers numerically, strings as Go compares them unless both parse as
 * resource Quantities (`1Gi` < `2G`, `2` < `10`), an object without the field
 * sorting first. When no object has the field the command fails with
 * `couldn't find any field with path "{.x}" in the list of objects`.
 *
 * Go's sort.Sort runs an insertion sort on up to 12 items (the pdqsort cut-off);
 * this uses that insertion sort for every length, so ties and missing fields
 * land where kubectl puts them on the lists a lab shows.
 */
import { JsonPath, JsonPathError, relaxedJsonPathExpression, compareGoStrings } from './printers/index.ts';
import { cmpQuantity, parseQuantity } from './printers/describe/quantity.ts';

export type SortResult<T> = { ok: true; items: T[] } | { ok: false; message: string };

/** The field as NewRuntimeSorter / SortingPrinter normalise it (left as given when not relaxable). */
export function sortField(sortBy: string): string {
  const r = relaxedJsonPathExpression(sortBy);
  return r.ok ? r.value : sortBy;
}

/** isLess on two unstructured (JSON-decoded) values: reflect.Interface's cases. */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = qa && parseQuantity(b);
    if (qa && qb && a.trim() === a && b.trim() === b) return cmpQuantity(qa, qb) < 0;
    return compareGoStrings(a, b) < 0;
  }
  // kubectl exits with "unsortable type" here; keeping the order is the closest harmless answer.
  return false;
}

/**
 * Sort `items` (each paired with the JSON form to read the field from) by `sortBy`.
 * An empty list sorts without looking at the field, as NewTableSorter and sortObj do.
 */
export function sortByField<T>(items: readonly T[], view: (item: T) => unknown, sortBy: string): SortResult<T> {
  if (items.length === 0) return { ok: true, items: [] };
  const field = sortField(sortBy);
  let parser: JsonPath;
  try {
    parser = new JsonPath(field, { allowMissingKeys: true });
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, message: e.message };
    throw e;
  }
  const keyed: { item: T; found: boolean; value: unknown }[] = [];
  try {
    for (const item of items) {
      const values = parser.findResults(view(item));
      const found = values.length > 0 && values[0]!.length > 0;
      keyed.push({ item, found, value: found ? values[0]![0] : undefined });
    }
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, message: e.message };
    throw e;
  }
  if (!keyed.some((k) => k.found)) return { ok: false, message: `couldn't find any field with path "${field}" in the list of objects` };
  // RuntimeSort.Less / TableSorter.Less: a row without the value is less than any other.
  const less = (i: (typeof keyed)[number], j: (typeof keyed)[number]): boolean => {
    if (!i.found) return true;
    if (!j.found) return false;
    return isLess(i.value, j.value);
  };
  for (let i = 1; i < keyed.length; i++) {
    for (let j = i; j > 0 && less(keyed[j]!, keyed[j - 1]!); j--) {
      [keyed[j], keyed[j - 1]] = [keyed[j - 1]!, keyed[j]!];
    }
  }
  return { ok: true, items: keyed.map((k) => k.item) };
}
