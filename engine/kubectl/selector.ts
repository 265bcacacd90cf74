/**
 * `-l`/`--selector` as k8s.io/apimachinery/pkg/labels Parse reads it:
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, joined by
 * commas. The result is a metav1.LabelSelector the API server's list takes.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../api/object.ts';
import type { Flags } from './flags.ts';

export type SelectorResult = { ok: true; selector: LabelSelector } | { ok: false; message: string };

/** Split on commas that are not inside parentheses. */
function splitTerms(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function parseSelector(text: string): SelectorResult {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  if (text.trim() === '') return { ok: true, selector: {} };
  for (const raw of splitTerms(text)) {
    const term = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([^\s=!<>(),]+)\s*(==|=)\s*([^\s=!,()]*)$/.exec(term))) {
      matchExpressions.push({ key: m[1]!, operator: 'In', values: [m[3]!] });
    } else if ((m = /^([^\s=!<>(),]+)\s*!=\s*([^\s=!,()]*)$/.exec(term))) {
      matchExpressions.push({ key: m[1]!, operator: 'NotIn', values: [m[2]!] });
    } else if ((m = /^([^\s=!<>(),]+)\s+(in|notin)\s*\(([^()]*)\)$/.exec(term))) {
      const values = m[3]!.split(',').map((v) => v.trim());
      matchExpressions.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = /^!\s*([^\s=!<>(),]+)$/.exec(term))) {
      matchExpressions.push({ key: m[1]!, operator: 'DoesNotExist' });
    } else if ((m = /^([^\s=!<>(),]+)$/.exec(term))) {
      matchExpressions.push({ key: m[1]!, operator: 'Exists' });
    } else {
      return { ok: false, message: `unable to parse requirement: found '${term}', expected: identifier` };
    }
  }
  return { ok: true, selector: { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), matchExpressions } };
}

/** The `-l`/`--selector` flag of a command: undefined when not given, or its parse error. */
export function selectorFlag(f: Flags): { ok: true; selector: LabelSelector | undefined } | { ok: false; message: string } {
  return f.changed('selector') ? parseSelector(f.str('selector')) : { ok: true, selector: undefined };
}
