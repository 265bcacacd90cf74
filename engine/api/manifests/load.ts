/**
 * `kubectl apply -f PATH…` reading: files and folders (a folder means its
 * .json, .yaml and .yml files, sorted; recursive with -R), multi-document
 * YAML 1.1 / JSON, `kind: List`, then the decode-time checks the API server
 * makes (known kind, strict unknown-field rejection, Go types). A document
 * with a problem never stops the others: kubectl applies the good ones.
 */
import { isScalar, visit, type Document } from 'yaml';
import { Workspace } from '../../workspace/index.ts';
import type { KObject } from '../object.ts';
import { kindInfo, apiVersionOf } from '../kinds.ts';
import { clone, isPlainObject } from '../json.ts';
import type { ManifestProblem, ManifestProblemCode } from './problems.ts';
import { DEFAULT_LIMITS, decodeText, tokenStats, type Limits } from './guards.ts';
import { memoKey, recall, remember } from './memo.ts';
import { nodeAt, parseYamlDocuments } from './yaml11.ts';
import { checkDocument } from './check.ts';
import * as say from './messages.ts';

export interface LoadedDocument {
  obj: KObject;
  /** The file as kubectl names it. */
  file: string;
  /** 0-based document index within the file. */
  index: number;
  /** 1-based line where the document (or List item) starts. */
  line: number;
}

export interface LoadOptions {
  recursive?: boolean;
  /** Content for the path `-` (standard input). */
  stdin?: string;
  limits?: Partial<Limits>;
}

export interface LoadResult {
  documents: LoadedDocument[];
  problems: ManifestProblem[];
}

const MANIFEST_EXT = /\.(ya?ml|json)$/;

/** The files a `-f` argument names, each with its display name. */
function expand(fs: Workspace, cwd: string, path: string, recursive: boolean): { files: { abs: string; shown: string }[]; missing?: boolean } {
  const abs = Workspace.resolve(cwd, path);
  const type = fs.type(abs);
  if (type === 'file') return { files: [{ abs, shown: path }] };
  if (type !== 'dir') return { files: [], missing: true };
  const base = path.replace(/\/+$/, '');
  const entries = recursive ? fs.walkFiles(abs).map((p) => p.slice(abs.length + 1)) : fs.list(abs).filter((n) => fs.type(`${abs}/${n}`.replace('//', '/')) === 'file');
  return {
    files: entries.filter((n) => MANIFEST_EXT.test(n)).map((n) => ({ abs: `${abs === '/' ? '' : abs}/${n}`, shown: `${base}/${n}` })),
  };
}

export function loadManifests(fs: Workspace, cwd: string, paths: string[], opts: LoadOptions = {}): LoadResult {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const out: LoadResult = { documents: [], problems: [] };
  for (const p of paths) {
    if (p === '-') {
      loadText(opts.stdin ?? '', 'STDIN', limits, out);
      continue;
    }
    const { files, missing } = expand(fs, cwd, p, opts.recursive ?? false);
    if (missing) {
      out.problems.push(fileProblem('NOT_FOUND', p, `the path "${p}" does not exist`, say.pathNotFound(p)));
      continue;
    }
    for (const f of files) {
      const bytes = fs.readBytes(f.abs);
      if (bytes.length > limits.maxFileBytes) {
        out.problems.push(fileProblem('TOO_LARGE', f.shown, `file is ${bytes.length} bytes; the limit is ${limits.maxFileBytes}`, `error: error reading ${f.shown}: file is larger than ${limits.maxFileBytes} bytes`));
        continue;
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) {
        const words = decoded.reason === 'utf8' ? 'invalid leading UTF-8 octet' : 'control characters are not allowed';
        out.problems.push(fileProblem('ENCODING', f.shown, `not UTF-8 text: ${words}`, say.yamlError(f.shown, words)));
        continue;
      }
      loadText(decoded.text, f.shown, limits, out);
    }
  }
  return out;
}

/** Parse and check one file's text (already decoded). Exported for `kubectl apply -f -` and tests. */
export function loadText(text: string, file: string, limits: Limits, out: LoadResult): void {
  const key = memoKey(text, file, limits);
  const seen = key === undefined ? undefined : recall(key);
  if (seen) {
    out.documents.push(...seen.documents);
    out.problems.push(...seen.problems);
    return;
  }
  const fresh: LoadResult = { documents: [], problems: [] };
  parseText(text, file, limits, fresh);
  if (key !== undefined) remember(key, fresh);
  out.documents.push(...fresh.documents);
  out.problems.push(...fresh.problems);
}

function parseText(text: string, file: string, limits: Limits, out: LoadResult): void {
  const src = text.replace(/^\uFEFF/, '');
  const stats = tokenStats(src);
  if (stats.flowDepth > limits.maxFlowDepth) {
    out.problems.push(fileProblem('TOO_DEEP', file, `flow collections nest ${stats.flowDepth} deep; the limit is ${limits.maxFlowDepth}`, say.yamlError(file, 'exceeded max depth of ' + limits.maxFlowDepth)));
    return;
  }
  if (stats.maxIndent > limits.maxIndent) {
    out.problems.push(fileProblem('TOO_DEEP', file, `indentation reaches ${stats.maxIndent} columns; the limit is ${limits.maxIndent}`, say.yamlError(file, 'exceeded max depth of ' + limits.maxIndent)));
    return;
  }
  if (stats.documents + 1 > limits.maxDocuments) {
    out.problems.push(fileProblem('TOO_MANY_DOCUMENTS', file, `more than ${limits.maxDocuments} documents`, `error: error reading ${file}: more than ${limits.maxDocuments} documents`));
    return;
  }
  let parsed;
  try {
    parsed = parseYamlDocuments(src);
  } catch (e) {
    out.problems.push(fileProblem('YAML_SYNTAX', file, String(e), say.yamlError(file, String(e))));
    return;
  }
  const srcLines = src.split('\n');
  parsed.docs.forEach((doc, index) => loadDocument(doc, index, file, parsed.lines, srcLines, limits, out));
}

function loadDocument(doc: Document.Parsed, index: number, file: string, lines: import('yaml').LineCounter, srcLines: readonly string[], limits: Limits, out: LoadResult): void {
  const pos = (offset: number) => lines.linePos(offset);
  const startOffset = doc.contents?.range?.[0] ?? doc.range[0];
  // go-yaml numbers lines within each `---` chunk, which starts after the separator line.
  const chunkStart = pos(doc.range[0]).line - (doc.directives?.docStart ? 0 : 1);
  const problem = (code: ManifestProblemCode, offset: number, field: string, message: string, kubectl: string, extra: Partial<ManifestProblem> = {}): ManifestProblem => {
    const { line, col } = pos(offset);
    return { code, file, document: index, line, column: col, field, message, kubectl, ...extra };
  };
  const fatal = doc.errors[0];
  if (fatal) {
    const { line } = pos(fatal.pos[0]);
    const words = say.goYamlWords(fatal.code, fatal.message);
    const goLine = say.goYamlLine(words, line - chunkStart, srcLines.slice(chunkStart));
    out.problems.push(problem('YAML_SYNTAX', fatal.pos[0], '', fatal.message.split('\n')[0]!, say.yamlError(file, say.goYamlWhere(goLine, words))));
    return;
  }
  for (const offset of duplicateKeys(doc)) {
    const { line } = pos(offset);
    // Only UnmarshalStrict fails here; kubectl keeps the last value, so this is a warning.
    out.problems.push(problem('DUPLICATE_KEY', offset, '', 'duplicate key; the last value wins', say.yamlError(file, `line ${line - chunkStart}: key already set in map`), { warning: true }));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const words = e instanceof ReferenceError && /alias/i.test(e.message) ? 'document contains excessive aliasing' : String((e as Error)?.message ?? e);
    out.problems.push(problem('ALIASES', startOffset, '', words, say.yamlError(file, words)));
    return;
  }
  if (value === null || value === undefined) return; // an empty document, as between `---` markers
  if (!isPlainObject(value)) {
    const t = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
    out.problems.push(problem('NOT_AN_OBJECT', startOffset, '', `the document is a ${t}, not an object`, say.yamlError(file, `json: cannot unmarshal ${t} into Go value of type map[string]interface {}`)));
    return;
  }
  const line = pos(startOffset).line;
  if (value.kind === 'List' && Array.isArray(value.items)) {
    value.items.forEach((item: unknown, i: number) => addObject(item, doc, ['items', i], index, file, pos, problem, out));
    return;
  }
  addObject(value, doc, [], index, file, pos, problem, out, line);
}

type ProblemFn = (code: ManifestProblemCode, offset: number, field: string, message: string, kubectl: string, extra?: Partial<ManifestProblem>) => ManifestProblem;

function addObject(
  value: unknown,
  doc: Document.Parsed,
  prefix: (string | number)[],
  index: number,
  file: string,
  pos: (o: number) => { line: number; col: number },
  problem: ProblemFn,
  out: LoadResult,
  line?: number,
): void {
  const at = (path: (string | number)[], key = false) => nodeAt(doc, [...prefix, ...path], key)?.range?.[0] ?? doc.range[0];
  const startLine = line ?? pos(at([])).line;
  const found = checkDocument(value, file);
  if (found.length === 0) {
    out.documents.push({ obj: clone(value) as KObject, file, index, line: startLine });
    return;
  }
  for (const f of found) out.problems.push(problem(f.code, at(f.path, f.atKey), f.field, f.message, f.kubectl, f.serverMessage ? { serverMessage: f.serverMessage } : {}));
}

function fileProblem(code: ManifestProblemCode, file: string, message: string, kubectl: string): ManifestProblem {
  return { code, file, document: -1, line: 0, column: 0, field: '', message, kubectl };
}

export { kindInfo, apiVersionOf };

/** Offsets of map keys that repeat an earlier key of the same map (`<<` merges aside). */
function duplicateKeys(doc: Document.Parsed): number[] {
  const found: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (key === '<<') continue;
        if (seen.has(key)) found.push(pair.key.range?.[0] ?? 0);
        seen.add(key);
      }
    },
  });
  return found;
}
