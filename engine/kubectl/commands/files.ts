/**
 * `-f FILE|DIR` (repeatable, `-R`) as cli-runtime's FilenameOptions and the
 * resource builder read them: every document of every file, in order, each
 * with its source path as typed; what cannot be read or mapped becomes an
 * error kubectl prints while the good documents still go through.
 */
import type { KindInfo } from '../../api/kinds.ts';
import type { KObject } from '../../api/object.ts';
import type { Kube } from '../context.ts';
import { plainErr, type KubectlError } from '../errors.ts';
import type { FlagSpec, Flags } from '../flags.ts';
import { readManifests } from '../manifests.ts';

export const FILENAME_FLAGS: readonly FlagSpec[] = [
  { name: 'filename', short: 'f', kind: 'stringSlice' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'kustomize', short: 'k', kind: 'string' },
];

export interface FileObject {
  info: KindInfo;
  obj: KObject;
  /** The path as kubectl names it in `error when creating "x.yaml"`. */
  source: string;
  /** The namespace the object goes to: its own, else -n, else default. */
  namespace: string;
}

export interface Loaded {
  objects: FileObject[];
  errors: KubectlError[];
  /** A path that does not exist stops everything before any request (builder error). */
  fatal?: KubectlError;
}

export function loadObjects(k: Kube, f: Flags): Loaded {
  const r = readManifests(k.ctx.fs, k.ctx.cwd, f.list('filename'), { recursive: f.bool('recursive'), stdin: k.ctx.stdin });
  if (r.fatal) return { objects: [], errors: [], fatal: r.fatal };
  const objects: FileObject[] = [];
  const errors: KubectlError[] = [...r.problems];
  for (const d of r.documents) {
    const own = d.obj.metadata?.namespace;
    if (d.info.namespaced && k.explicitNamespace && own && own !== k.namespace) {
      // cli-runtime builder: the object's namespace must match an enforced -n
      errors.push(
        plainErr(
          `the namespace from the provided object "${own}" does not match the namespace "${k.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        ),
      );
      continue;
    }
    const namespace = d.info.namespaced ? own || k.namespace : '';
    const obj: KObject = { ...d.obj, metadata: { ...d.obj.metadata } };
    if (d.info.namespaced) obj.metadata.namespace = namespace;
    objects.push({ info: d.info, obj, source: d.source, namespace });
  }
  return { objects, errors };
}
