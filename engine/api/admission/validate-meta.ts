/**
 * ObjectMeta, labels, annotations and label selectors, as
 * k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
 * pkg/apis/meta/v1/validation/validation.go validate them.
 */
import type { FieldError } from '../server-types.ts';
import { FieldPath, forbidden, invalid, required, tooLong } from '../field.ts';
import { isPlainObject } from '../json.ts';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isQualifiedName, isValidLabelValue } from './names.ts';

export type NameValidator = (name: string) => string[];

/** Which name rule a kind's ValidateXName uses. */
export const NAME_RULES: Record<string, NameValidator> = {
  Service: isDns1035Label,
  Namespace: isDns1123Label,
};
export const nameRuleFor = (kind: string): NameValidator => NAME_RULES[kind] ?? isDns1123Subdomain;

const sortedEntries = (m: Record<string, unknown>) => Object.keys(m).sort().map((k) => [k, m[k]] as const);

/** ValidateLabelName */
export function validateLabelName(key: string, path: FieldPath): FieldError[] {
  return isQualifiedName(key).map((m) => invalid(path, key, m));
}

/** ValidateLabels: errors name the map, not the key (Go map order is random; keys are sorted here). */
export function validateLabels(labels: unknown, path: FieldPath): FieldError[] {
  if (!isPlainObject(labels)) return [];
  if (allKnownGood(labels)) return [];
  const errs: FieldError[] = [];
  for (const [k, v] of sortedEntries(labels)) {
    errs.push(...validateLabelName(k, path));
    const value = typeof v === 'string' ? v : String(v);
    for (const m of isValidLabelValue(value)) errs.push(invalid(path, value, m));
  }
  if (errs.length === 0) rememberGood(labels);
  return errs;
}

/**
 * Label keys and values already found valid: most writes carry the same
 * few (`app`, `run`, `tier=web`), so the sorted, per-rule check runs for
 * new ones only. Bounded: emptied past 20,000 entries.
 */
const goodKeys = new Set<string>();
const goodValues = new Set<string>();

function allKnownGood(labels: Record<string, unknown>): boolean {
  for (const k in labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
    const v = labels[k];
    if (typeof v !== 'string' || !goodKeys.has(k) || !goodValues.has(v)) return false;
  }
  return true;
}

function rememberGood(labels: Record<string, unknown>): void {
  if (goodKeys.size + goodValues.size > 20_000) {
    goodKeys.clear();
    goodValues.clear();
  }
  for (const k in labels) {
    if (!Object.prototype.hasOwnProperty.call(labels, k)) continue;
    const v = labels[k];
    if (typeof v !== 'string') continue;
    goodKeys.add(k);
    goodValues.add(v);
  }
}

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/** ValidateAnnotations */
export function validateAnnotations(annotations: unknown, path: FieldPath): FieldError[] {
  if (!isPlainObject(annotations)) return [];
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of sortedEntries(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, m));
    size += k.length + String(v).length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE));
  return errs;
}

/** ValidateObjectMeta: name (or generateName), namespace, labels, annotations. */
export function validateObjectMeta(meta: Record<string, any>, namespaced: boolean, nameRule: NameValidator): FieldError[] {
  const path = FieldPath.root('metadata');
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const m of nameRule(meta.generateName.replace(/-$/, '') || 'a')) errs.push(invalid(path.child('generateName'), meta.generateName, m));
  }
  if (!meta.name) errs.push(required(path.child('name'), 'name or generateName is required'));
  else for (const m of nameRule(meta.name)) errs.push(invalid(path.child('name'), meta.name, m));
  if (namespaced) {
    if (!meta.namespace) errs.push(required(path.child('namespace'), ''));
    else for (const m of isDns1123Label(meta.namespace)) errs.push(invalid(path.child('namespace'), meta.namespace, m));
  }
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  return errs;
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector (metav1 validation). */
export function validateLabelSelector(sel: unknown, path: FieldPath): FieldError[] {
  if (!isPlainObject(sel)) return [];
  const errs: FieldError[] = [];
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  exprs.forEach((e: any, i: number) => {
    const p = path.child('matchExpressions').index(i);
    const values = Array.isArray(e?.values) ? e.values : [];
    if (e?.operator === 'In' || e?.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e?.operator === 'Exists' || e?.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(p.child('operator'), e?.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(String(e?.key ?? ''), p.child('key')));
  });
  errs.push(...validateLabels(sel.matchLabels, path.child('matchLabels')));
  return errs;
}

export { SELECTOR_OPERATORS };
