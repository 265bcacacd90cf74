/**
 * Where a field is in a manifest's YAML: `spec.ports[0].nodePort` → line and
 * column, so the API server's validation errors (which name fields, not
 * lines) can be printed `file:line:column:` like the loader's own.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { parseYamlDocuments } from '../engine/api/manifests/yaml11.ts';

/** `spec.ports[0].nodePort` → ['spec', 'ports', 0, 'nodePort']; `metadata.labels[app.kubernetes.io/name]` keeps the key whole. */
export function fieldSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/\[(\d+)\]|\[([^\]]*)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else out.push(m[2] ?? m[3]!);
  }
  return out;
}

function child(doc: Document.Parsed, node: unknown, seg: string | number): unknown {
  if (isAlias(node)) node = node.resolve(doc);
  if (isMap(node)) return node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))?.value ?? undefined;
  if (isSeq(node) && typeof seg === 'number') return node.items[seg];
  return undefined;
}

function lineOf(node: unknown, lines: LineCounter): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? lines.linePos(range[0]).line : undefined;
}

/**
 * The deepest node on the path inside the object that starts at `startLine`
 * (a document, or an item of a `kind: List`), as 1-based line and column.
 */
export class ManifestLocator {
  private readonly parsed: { docs: Document.Parsed[]; lines: LineCounter } | undefined;

  constructor(text: string) {
    try {
      this.parsed = parseYamlDocuments(text);
    } catch {
      this.parsed = undefined;
    }
  }

  locate(docIndex: number, startLine: number, field: string): { line: number; column: number } {
    const fallback = { line: startLine, column: 1 };
    const doc = this.parsed?.docs[docIndex];
    if (!doc || !this.parsed) return fallback;
    const lines = this.parsed.lines;
    let node: unknown = doc.contents;
    // A List item: start from the item that begins on startLine.
    const items = child(doc, node, 'items');
    if (lineOf(node, lines) !== startLine && isSeq(items)) node = items.items.find((it) => lineOf(it, lines) === startLine) ?? node;
    for (const seg of fieldSegments(field)) {
      const next = child(doc, node, seg);
      if (next === undefined || next === null) break;
      node = next;
    }
    const range = (node as Node | undefined)?.range;
    if (!range) return fallback;
    const pos = lines.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  }
}
