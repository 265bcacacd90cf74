/**
 * YAML as kubectl reads it: sigs.k8s.io/yaml over go-yaml v2, so YAML 1.1
 * scalars (yes/no/on/off are booleans, 0755 is octal, `<<` merges), no
 * timestamps and no sexagesimal numbers (LIBRARIES.md note 1).
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type ParseOptions, type DocumentOptions, type SchemaOptions } from 'yaml';

export const K8S_YAML: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || (t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp')).map(goYamlFloat),
  // sigs.k8s.io/yaml's Unmarshal (what kubectl's YAMLOrJSONDecoder uses) is not strict:
  // a repeated key is no error there, the last value wins. The loader reports it as a warning.
  uniqueKeys: false,
  prettyErrors: false,
  merge: true,
};

/**
 * go-yaml v2 reads a plain scalar as a float only when its mantissa has a
 * digit (resolve.go, yamlStyleFloat `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`):
 * `e1`, `E5` and `.` stay strings. The yaml package's 1.1 float tags accept
 * them and make NaN (so `name: e1` became a number).
 */
function goYamlFloat<T>(t: T): T {
  const tag = t as { tag?: string; test?: RegExp; format?: string };
  if (typeof t === 'string' || tag.tag !== 'tag:yaml.org,2002:float' || !tag.test || /inf/i.test(tag.test.source)) return t;
  const test = tag.format === 'EXP' ? /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*(?:\.[0-9_]*)?)[eE][-+]?[0-9]+$/ : /^[-+]?(?:\.[0-9_]+|[0-9][0-9_]*\.[0-9_]*)$/;
  return { ...t, test };
}

export function parseYamlDocuments(src: string): { docs: Document.Parsed[]; lines: LineCounter } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(src, { ...K8S_YAML, lineCounter: lines });
  return { docs: Array.isArray(docs) ? docs : [], lines };
}

/**
 * The node at a path, walking aliases by hand (`getIn` stops at them), or
 * the deepest node reached. `key: true` returns the key node of the last
 * segment instead of its value (where an unknown field is named).
 */
export function nodeAt(doc: Document.Parsed, path: (string | number)[], key = false): Node | undefined {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    const seg = path[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node as Node;
      if (key && i === path.length - 1) return pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return node as Node;
      node = item;
    } else {
      return node as Node;
    }
  }
  return node as Node;
}
