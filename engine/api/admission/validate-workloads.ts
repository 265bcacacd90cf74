/**
 * Deployment, ReplicaSet, StatefulSet, DaemonSet and Job validation, a subset
 * of pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec,
 * ValidatePodTemplateSpecForReplicaSet, ValidateDeploymentUpdate) and
 * pkg/apis/batch/validation.
 */
import type { FieldError } from '../server-types.ts';
import { FieldPath, forbidden, invalid, notSupported, required } from '../field.ts';
import { GoRepr, goQuote } from '../gofmt.ts';
import { deepEqual, isPlainObject } from '../json.ts';
import { matchesLabelSelector, type LabelSelector } from '../object.ts';
import { isValidPercent } from './names.ts';
import { validateLabelSelector, validateLabels, validateAnnotations } from './validate-meta.ts';
import { validatePodSpec } from './validate-pod.ts';

type Obj = Record<string, any>;
const SPEC = FieldPath.root('spec');

/** `%#v` of a map[string]string: keys sorted, `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(m: unknown): GoRepr {
  const o = isPlainObject(m) ? m : {};
  const body = Object.keys(o).sort().map((k) => `${goQuote(k)}:${goQuote(String(o[k]))}`).join(', ');
  return new GoRepr(isPlainObject(m) ? `map[string]string{${body}}` : 'map[string]string(nil)', m);
}

/** `%#v` of a metav1.LabelSelector (dereferenced), as immutable-selector errors print it. */
export function goLabelSelector(sel: unknown): GoRepr {
  const s = isPlainObject(sel) ? sel : {};
  const exprs = Array.isArray(s.matchExpressions) && s.matchExpressions.length
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e: Obj) => `v1.LabelSelectorRequirement{Key:${goQuote(String(e.key ?? ''))}, Operator:${goQuote(String(e.operator ?? ''))}, Values:${Array.isArray(e.values) ? `[]string{${e.values.map((v: unknown) => goQuote(String(v))).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoRepr(`v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels).text}, MatchExpressions:${exprs}}`, sel);
}

function nonNegative(v: unknown, path: FieldPath): FieldError[] {
  return typeof v === 'number' && v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
}

/** ValidatePodTemplateSpec for a controller whose selector must match the template's labels. */
function validateTemplate(template: unknown, selector: unknown, path: FieldPath, restartPolicies: string[] | undefined): FieldError[] {
  if (!isPlainObject(template)) return [required(path, '')];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels;
  const sel = isPlainObject(selector) ? (selector as LabelSelector) : undefined;
  const empty = sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  if (!empty && (!sel || !matchesLabelSelector(labels, sel))) {
    errs.push(invalid(path.child('metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(labels, path.child('metadata', 'labels')));
  errs.push(...validateAnnotations(template.metadata?.annotations, path.child('metadata', 'annotations')));
  errs.push(...validatePodSpec(template.spec, path.child('spec')));
  const rp = template.spec?.restartPolicy;
  if (restartPolicies && rp && !restartPolicies.includes(rp) && ['Always', 'OnFailure', 'Never'].includes(rp)) {
    errs.push(notSupported(path.child('spec', 'restartPolicy'), rp, restartPolicies));
  }
  return errs;
}

function validateSelector(selector: unknown, kind: string): FieldError[] {
  if (!isPlainObject(selector)) return [required(SPEC.child('selector'), '')];
  const errs = validateLabelSelector(selector, SPEC.child('selector'));
  const n = Object.keys(selector.matchLabels ?? {}).length + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0);
  if (n === 0) errs.push(invalid(SPEC.child('selector'), goLabelSelector(selector), `empty selector is invalid for ${kind}`));
  return errs;
}

function intOrPercent(v: unknown, path: FieldPath): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  return nonNegative(v, path);
}

export function validateDeploymentSpec(o: Obj): FieldError[] {
  const s: Obj = isPlainObject(o.spec) ? o.spec : {};
  const errs = [...nonNegative(s.replicas, SPEC.child('replicas')), ...validateSelector(s.selector, 'deployment')];
  errs.push(...validateTemplate(s.template, s.selector, SPEC.child('template'), ['Always']));
  const strategy = s.strategy ?? {};
  if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
    errs.push(forbidden(SPEC.child('strategy', 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type && !['Recreate', 'RollingUpdate'].includes(strategy.type)) {
    errs.push(notSupported(SPEC.child('strategy', 'type'), strategy.type, ['Recreate', 'RollingUpdate']));
  }
  if (strategy.rollingUpdate) {
    errs.push(...intOrPercent(strategy.rollingUpdate.maxUnavailable, SPEC.child('strategy', 'rollingUpdate', 'maxUnavailable')));
    errs.push(...intOrPercent(strategy.rollingUpdate.maxSurge, SPEC.child('strategy', 'rollingUpdate', 'maxSurge')));
  }
  errs.push(...nonNegative(s.revisionHistoryLimit, SPEC.child('revisionHistoryLimit')));
  return errs;
}

export function validateReplicaSetSpec(o: Obj): FieldError[] {
  const s: Obj = isPlainObject(o.spec) ? o.spec : {};
  return [...nonNegative(s.replicas, SPEC.child('replicas')), ...validateSelector(s.selector, 'deployment'), ...validateTemplate(s.template, s.selector, SPEC.child('template'), ['Always'])];
}

export function validateStatefulSetSpec(o: Obj): FieldError[] {
  const s: Obj = isPlainObject(o.spec) ? o.spec : {};
  return [...nonNegative(s.replicas, SPEC.child('replicas')), ...validateSelector(s.selector, 'statefulset'), ...validateTemplate(s.template, s.selector, SPEC.child('template'), ['Always'])];
}

export function validateDaemonSetSpec(o: Obj): FieldError[] {
  const s: Obj = isPlainObject(o.spec) ? o.spec : {};
  return [...validateSelector(s.selector, 'daemonset'), ...validateTemplate(s.template, s.selector, SPEC.child('template'), ['Always'])];
}

export function validateJobSpec(o: Obj): FieldError[] {
  const s: Obj = isPlainObject(o.spec) ? o.spec : {};
  const errs = [...nonNegative(s.parallelism, SPEC.child('parallelism')), ...nonNegative(s.completions, SPEC.child('completions'))];
  errs.push(...validateTemplate(s.template, s.selector, SPEC.child('template'), ['OnFailure', 'Never']));
  return errs;
}

/** The selector of a workload is immutable (apps/v1 ValidateDeploymentUpdate & co). */
export function validateSelectorUpdate(o: Obj, old: Obj): FieldError[] {
  if (deepEqual(o.spec?.selector, old.spec?.selector)) return [];
  return [invalid(SPEC.child('selector'), goLabelSelector(o.spec?.selector), 'field is immutable')];
}
