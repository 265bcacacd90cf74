/**
 * Reading `-f` paths into objects through engine/api/manifests
 * (loadManifests: YAML 1.1 as kubectl's sigs.k8s.io/yaml reads it, with
 * kubectl's own words for each problem), mapped to what the commands need:
 * the kind, the object, the file it came from, and the problems as kubectl
 * errors in the order the builder reports them.
 */
import type { Workspace } from '../workspace/index.ts';
import { kindInfo, type KindInfo } from '../api/kinds.ts';
import type { KObject } from '../api/object.ts';
import { loadManifests, type ManifestProblem } from '../api/manifests/index.ts';
import { plainErr, statusErr, type KubectlError } from './errors.ts';

export interface ReadDocument {
  info: KindInfo;
  obj: KObject;
  source: string;
}

export interface ReadResult {
  documents: ReadDocument[];
  /** One kubectl error per bad document or file, in order. */
  problems: KubectlError[];
  /** A path that does not exist: the builder fails before any request. */
  fatal?: KubectlError;
}

const SERVER_BAD_REQUEST = 'Error from server (BadRequest): ';

/** A problem's complete kubectl text back into the error kubectl had (so aggregates print as kubectl's do). */
export function problemError(p: ManifestProblem): KubectlError | undefined {
  const text = p.kubectl;
  if (!text) return undefined;
  if (text.startsWith(SERVER_BAD_REQUEST)) return statusErr({ code: 400, reason: 'BadRequest', message: text.slice(SERVER_BAD_REQUEST.length) });
  return plainErr(text.startsWith('error: ') ? text.slice('error: '.length) : text);
}

export function readManifests(fs: Workspace, cwd: string, paths: readonly string[], opts: { recursive: boolean; stdin?: string }): ReadResult {
  const r = loadManifests(fs, cwd, [...paths], { recursive: opts.recursive, stdin: opts.stdin });
  const missing = r.problems.find((p) => p.code === 'NOT_FOUND');
  if (missing) return { documents: [], problems: [], fatal: problemError(missing) };
  const problems: KubectlError[] = [];
  for (const p of r.problems) {
    if (p.warning) continue;
    const e = problemError(p);
    if (e) problems.push(e);
  }
  const documents: ReadDocument[] = [];
  for (const d of r.documents) {
    const info = kindInfo(d.obj.kind);
    if (info) documents.push({ info, obj: d.obj, source: d.file });
  }
  return { documents, problems };
}
