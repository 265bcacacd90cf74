/**
 * report.json: the LabReport as JSON with a stable key order (the order
 * below, then any other key alphabetically, e.g. pod labels), 2-space
 * indent and a trailing newline, so two runs of one submission give the
 * same bytes, timestamps aside.
 */
import type { LabReport } from './model.ts';
import { compareCodeUnits } from './text.ts';

/** Reading order for people: identity first, details last. */
const KEY_ORDER = [
  'id', 'name', 'version', 'tool', 'generatedAt', 'title', 'submission', 'labs', 'problems', 'totals', 'summary', 'scenarios',
  'group', 'kind', 'feature', 'uri', 'line', 'tags', 'serviceTypes', 'keyword', 'text', 'code', 'path', 'status', 'passed', 'failed', 'total',
  'points', 'maxPoints', 'score', 'maxScore', 'hidden', 'failure', 'reasons',
  'message', 'steps', 'script', 'output', 'exitCode', 'notes',
  'namespace', 'ip', 'node', 'roles', 'phase', 'labels', 'type', 'clusterIP', 'externalName', 'externalIPs', 'port', 'protocol', 'targetPort', 'nodePort', 'ports', 'selector',
  'command', 'from', 'to', 'ok', 'reason', 'at', 'detail', 'hops',
  'commands', 'cluster', 'nodes', 'pods', 'services', 'requests',
];
const RANK = new Map<string, number>();
KEY_ORDER.forEach((k, i) => {
  if (!RANK.has(k)) RANK.set(k, i);
});

function byKeyOrder(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ra - rb || compareCodeUnits(a, b);
}

/** A copy of `v` whose objects list their keys in the report's order; undefined members dropped. */
export function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (typeof v !== 'object' || v === null) return v;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // defineProperty: a student's label named __proto__ stays a plain key.
  for (const k of Object.keys(src).sort(byKeyOrder)) if (src[k] !== undefined) Object.defineProperty(out, k, { value: ordered(src[k]), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Stable JSON of any value: report order for keys, 2 spaces, trailing newline. */
export function stableJson(v: unknown): string {
  return JSON.stringify(ordered(v), null, 2) + '\n';
}

export function toJson(report: LabReport): string {
  return stableJson(report);
}
