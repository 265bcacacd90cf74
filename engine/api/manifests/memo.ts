/**
 * A small memo of loadText's results: a lab applies the same file (the
 * Background's manifest) in every scenario, and parsing and checking it
 * (YAML 1.1, token guards, schemas) is most of `kubectl apply`'s cost.
 * loadText is a pure function of (text, file name, limits), so its results
 * can be replayed; each replay hands out deep copies, since callers own the
 * objects they get (admission may mutate them).
 */
import type { LoadedDocument } from './load.ts';
import type { ManifestProblem } from './problems.ts';

interface Entry {
  documents: LoadedDocument[];
  problems: ManifestProblem[];
}

/** Enough for a chapter's files; big texts (a hostile submission) are not kept. */
const MAX_ENTRIES = 64;
const MAX_TEXT = 64 * 1024;
const memo = new Map<string, Entry>();

export function memoKey(text: string, file: string, limits: object): string | undefined {
  return text.length > MAX_TEXT ? undefined : `${file}\u0000${JSON.stringify(limits)}\u0000${text}`;
}

/** Copies of the remembered results, or undefined. */
export function recall(key: string): Entry | undefined {
  const e = memo.get(key);
  return e && structuredClone(e);
}

export function remember(key: string, entry: Entry): void {
  if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
  memo.set(key, structuredClone(entry));
}
