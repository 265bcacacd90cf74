/**
 * The per-Service-type summary that ends every run: one line per Service type
 * that has scenarios, then one per other tag (STEPS.md, "Tags"), as
 * `passed / total = %` with points.
 */
import { SERVICE_TYPES, type ScenarioRecord } from './collect.ts';

export interface GroupSummary {
  group: string;
  passed: number;
  failed: number;
  total: number;
  points: number;
  maxPoints: number;
}

const NOT_GROUPS = /^@(points:.*|hidden)$/;

export function summarise(scenarios: readonly ScenarioRecord[]): GroupSummary[] {
  const groups = new Map<string, GroupSummary>();
  const add = (group: string, s: ScenarioRecord) => {
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { group, passed: 0, failed: 0, total: 0, points: 0, maxPoints: 0 }));
    g.total++;
    g.maxPoints += s.points;
    if (s.status === 'passed') {
      g.passed++;
      g.points += s.points;
    } else g.failed++;
  };
  for (const s of scenarios) {
    for (const t of new Set(s.tags)) if (!NOT_GROUPS.test(t)) add(t.slice(1), s);
    add('all', s);
  }
  const typeOrder = (g: string) => {
    const i = (SERVICE_TYPES as readonly string[]).indexOf(g);
    return i >= 0 ? i : g === 'all' ? 1000 : 100;
  };
  return [...groups.values()].sort((a, b) => typeOrder(a.group) - typeOrder(b.group) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function pct(n: number, d: number): string {
  return d === 0 ? '0%' : `${Math.round((n / d) * 100)}%`;
}

/** A fixed-width table for the console. */
export function formatSummary(groups: readonly GroupSummary[]): string {
  const rows = [['GROUP', 'PASSED / TOTAL', '%', 'POINTS']];
  for (const g of groups) rows.push([g.group, `${g.passed} / ${g.total}`, pct(g.passed, g.total), `${fmt(g.points)} / ${fmt(g.maxPoints)}`]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('')).join('\n') + '\n';
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
