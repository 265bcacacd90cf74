/**
 * The cluster of one scenario as an inline SVG: the outside world (the lab
 * terminal, hosts) on top, Services in the middle, nodes at the bottom
 * with their pods, and each request's path as arrows from box to box,
 * ending in a red cross where a failed request stopped. Pure string
 * building; every name is student-controlled and escaped.
 */
import type { ClusterSnapshot, ReportHop, RequestTrace, SnapshotPod } from './cluster-snapshot.ts';
import type { ReportScenario } from './model.ts';
import { escapeXml } from './text.ts';

/** Beyond these, a box says "+N more" (k3s alone runs a dozen system pods). */
export const MAX_PODS_PER_NODE = 8;
export const MAX_SERVICES = 8;
export const MAX_TRACES = 4;

const PAD = 16;
const GAP = 24;
const POD_W = 184;
const POD_H = 38;
const NODE_W = POD_W + 20;
const SVC_W = 204;
const SVC_H = 54;
const OUT_W = 204;
const OUT_H = 40;
const FAIL = '#c62828';
const OK = '#2e7d32';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Diagram {
  svg: string;
  /** The requests drawn, in drawing order (the page lists their hops under the picture). */
  traces: RequestTrace[];
}

const hostOf = (at: string): string => at.replace(/^\[([^\]]+)\]:\d+$/, '$1').replace(/^([^:]+):\d+$/, '$1');
const short = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const center = (b: Box): [number, number] => [b.x + b.w / 2, b.y + b.h / 2];

/** The requests to draw: the snapshot's own, else the hops the scenario's failed runs recorded. */
export function requestsOf(s: ReportScenario): RequestTrace[] {
  const own = s.cluster?.requests ?? [];
  const fromNotes = s.commands.flatMap((c, i) =>
    c.notes.filter((n) => (n.hops?.length ?? 0) > 0).map((n): RequestTrace => ({ command: i, from: n.hops![0]!.at, to: n.hops![n.hops!.length - 1]!.at, ok: false, hops: n.hops!, reason: n.message })),
  );
  const all = own.length > 0 ? own : fromNotes;
  return [...all.filter((t) => !t.ok), ...all.filter((t) => t.ok)].slice(0, MAX_TRACES);
}

function referenced(traces: readonly RequestTrace[]): Set<string> {
  const refs = new Set<string>();
  for (const t of traces) {
    refs.add(hostOf(t.from)).add(hostOf(t.to));
    for (const h of t.hops) refs.add(hostOf(h.at));
  }
  return refs;
}

/** Referenced first, then the student's own namespaces; kube-system only when referenced. */
function pick<T>(items: readonly T[], keys: (x: T) => string[], ns: (x: T) => string, refs: Set<string>, max: number): { shown: T[]; hidden: number } {
  const isRef = (x: T) => keys(x).some((k) => refs.has(k));
  const wanted = [...items.filter(isRef), ...items.filter((x) => !isRef(x) && ns(x) !== 'kube-system')];
  return { shown: wanted.slice(0, max), hidden: items.length - Math.min(max, wanted.length) };
}

function textLines(x: number, y: number, lines: readonly string[], cls: readonly string[]): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * 14}" class="${cls[i] ?? cls[cls.length - 1]}">${escapeXml(l)}</text>`).join('');
}

function boxSvg(b: Box, cls: string, lines: string[], title: string, lineCls: string[]): string {
  return `<g class="${cls}"><title>${escapeXml(title)}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6"/>${textLines(b.x + 8, b.y + 16, lines, lineCls)}</g>`;
}

/** Where the segment from a's centre towards b's centre leaves box a. */
function edge(a: Box, towards: [number, number]): [number, number] {
  const [cx, cy] = center(a);
  const dx = towards[0] - cx;
  const dy = towards[1] - cy;
  const t = Math.min(dx === 0 ? Infinity : a.w / 2 / Math.abs(dx), dy === 0 ? Infinity : a.h / 2 / Math.abs(dy), 1);
  return [Math.round(cx + dx * t), Math.round(cy + dy * t)];
}

export function clusterDiagram(scenario: ReportScenario, idPrefix: string): Diagram | undefined {
  const snap: ClusterSnapshot | undefined = scenario.cluster;
  const traces = requestsOf(scenario);
  if (!snap && traces.length === 0) return undefined;
  const nodes = snap?.nodes ?? [];
  const refs = referenced(traces);
  const anchors = new Map<string, Box>();
  const parts: string[] = [];

  // Outside row: the terminal plus any address no cluster object owns.
  const known = new Set<string>([...nodes.flatMap((n) => [n.name, n.ip]), ...(snap?.pods ?? []).flatMap((p) => [`${p.namespace}/${p.name}`, p.ip]), ...(snap?.services ?? []).flatMap((s) => [`${s.namespace}/${s.name}`, s.clusterIP, ...(s.externalIPs ?? [])])]);
  const outside = ['terminal', ...[...refs].filter((r) => r !== '' && r !== 'terminal' && !known.has(r)).sort()];
  outside.forEach((o, i) => {
    const b = { x: PAD + i * (OUT_W + GAP), y: PAD, w: OUT_W, h: OUT_H };
    anchors.set(o, b);
    parts.push(boxSvg(b, 'outside', [short(o === 'terminal' ? 'lab terminal (outside)' : o, 28)], o, ['name']));
  });

  // Services row.
  const svcPick = pick(snap?.services ?? [], (s) => [`${s.namespace}/${s.name}`, s.clusterIP, ...(s.externalIPs ?? [])], (s) => s.namespace, refs, MAX_SERVICES);
  const svcY = PAD + OUT_H + GAP + 8;
  svcPick.shown.forEach((s, i) => {
    const b = { x: PAD + i * (SVC_W + GAP), y: svcY, w: SVC_W, h: SVC_H };
    for (const k of [`${s.namespace}/${s.name}`, s.clusterIP, ...(s.externalIPs ?? [])]) if (k && k !== 'None' && !anchors.has(k)) anchors.set(k, b);
    const ports = s.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',');
    parts.push(boxSvg(b, 'service', [short(`svc ${s.namespace}/${s.name}`, 28), short(`${s.type} ${s.clusterIP || s.externalName || ''}`, 28), short(ports || '(no ports)', 28)], `Service ${s.namespace}/${s.name} (${s.type}) ${s.clusterIP} ${ports}`, ['name', 'detail']));
  });
  if (svcPick.hidden > 0) parts.push(`<text x="${PAD + svcPick.shown.length * (SVC_W + GAP)}" y="${svcY + 30}" class="more">+${svcPick.hidden} more Services</text>`);

  // Nodes row, pods inside; pods without a node go into a "(not scheduled)" column.
  const pods = snap?.pods ?? [];
  const columns = [...nodes.map((n) => ({ name: n.name, ip: n.ip, roles: n.roles })), ...(pods.some((p) => !nodes.some((n) => n.name === p.node)) ? [{ name: '', ip: '', roles: [] as string[] }] : [])];
  const nodeY = svcY + SVC_H + GAP + 8;
  let bottom = svcY + SVC_H;
  columns.forEach((n, i) => {
    const mine = pods.filter((p) => (n.name === '' ? !nodes.some((m) => m.name === p.node) : p.node === n.name));
    const pp = pick<SnapshotPod>(mine, (p) => [`${p.namespace}/${p.name}`, p.ip], (p) => p.namespace, refs, MAX_PODS_PER_NODE);
    const h = 44 + pp.shown.length * (POD_H + 8) + (pp.hidden > 0 ? 18 : 0);
    const nb = { x: PAD + i * (NODE_W + GAP), y: nodeY, w: NODE_W, h };
    bottom = Math.max(bottom, nodeY + h);
    if (n.name) for (const k of [n.name, n.ip]) if (k) anchors.set(k, nb);
    const label = n.name ? [short(`node ${n.name}`, 28), short(`${n.ip}${n.roles.length ? ` (${n.roles.join(',')})` : ''}`, 28)] : ['(not scheduled)'];
    parts.push(boxSvg(nb, 'node', label, n.name ? `Node ${n.name} ${n.ip}` : 'Pods not scheduled on a node', ['name', 'detail']));
    pp.shown.forEach((p, j) => {
      const b = { x: nb.x + 10, y: nodeY + 40 + j * (POD_H + 8), w: POD_W, h: POD_H };
      for (const k of [`${p.namespace}/${p.name}`, p.ip]) if (k) anchors.set(k, b);
      const labels = Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join(',');
      parts.push(boxSvg(b, `pod${p.phase && p.phase !== 'Running' ? ' not-running' : ''}`, [short(`${p.namespace}/${p.name}`, 26), short(`${p.ip || 'no IP'}${p.phase && p.phase !== 'Running' ? ` ${p.phase}` : ''}${labels ? ` ${labels}` : ''}`, 26)], `Pod ${p.namespace}/${p.name} ${p.ip} ${p.phase ?? ''} ${labels}`, ['name', 'detail']));
    });
    if (pp.hidden > 0) parts.push(`<text x="${nb.x + 10}" y="${nb.y + h - 8}" class="more">+${pp.hidden} more pods</text>`);
  });

  const width = Math.max(PAD + outside.length * (OUT_W + GAP), PAD + Math.max(svcPick.shown.length + (svcPick.hidden > 0 ? 1 : 0), 1) * (SVC_W + GAP), PAD + Math.max(columns.length, 1) * (NODE_W + GAP));
  const height = bottom + PAD + 24;
  traces.forEach((t, i) => parts.push(pathSvg(t, i, anchors, idPrefix)));

  const defs = [FAIL, OK].map((c, i) => `<marker id="${idPrefix}-m${i}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="cluster" role="img" aria-label="cluster diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs}</defs>${parts.join('')}</svg>`;
  return { svg, traces };
}

/** The boxes a request passed through, in order, without repeats in a row. */
function boxesOf(t: RequestTrace, anchors: Map<string, Box>): { box: Box; hop: number }[] {
  const seq: { box: Box; hop: number }[] = [];
  const push = (at: string, hop: number) => {
    const b = anchors.get(hostOf(at)) ?? anchors.get(at);
    if (b && seq[seq.length - 1]?.box !== b) seq.push({ box: b, hop });
  };
  push(t.from, 0);
  t.hops.forEach((h: ReportHop, i) => push(h.at, i + 1));
  return seq;
}

function pathSvg(t: RequestTrace, index: number, anchors: Map<string, Box>, idPrefix: string): string {
  const seq = boxesOf(t, anchors);
  const colour = t.ok ? OK : FAIL;
  const off = index * 5; // several requests side by side, not on top of each other
  const out: string[] = [`<g class="path ${t.ok ? 'ok' : 'stopped'}">`];
  for (let i = 1; i < seq.length; i++) {
    const a = seq[i - 1]!.box;
    const b = seq[i]!.box;
    const [x1, y1] = edge(a, center(b));
    const [x2, y2] = edge(b, center(a));
    out.push(`<line x1="${x1 + off}" y1="${y1 + off}" x2="${x2 + off}" y2="${y2 + off}" stroke="${colour}" stroke-width="2.5" marker-end="url(#${idPrefix}-m${t.ok ? 1 : 0})"/>`);
    const [mx, my] = [(x1 + x2) / 2 + off, (y1 + y2) / 2 + off];
    out.push(`<circle cx="${mx}" cy="${my}" r="8" fill="#fff" stroke="${colour}"/><text x="${mx}" y="${my + 4}" text-anchor="middle" class="hop">${seq[i]!.hop}</text>`);
  }
  const last = seq[seq.length - 1];
  if (!t.ok && last) {
    const [cx, cy] = [last.box.x + last.box.w - 10 - off, last.box.y + 10 + off];
    out.push(`<g class="stop"><title>${escapeXml(`stopped here: ${t.reason ?? ''}`)}</title><circle cx="${cx}" cy="${cy}" r="9" fill="${FAIL}"/><path d="M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx + 4},${cy - 4}L${cx - 4},${cy + 4}" stroke="#fff" stroke-width="2.5"/></g>`);
  }
  out.push('</g>');
  return out.join('');
}
