/**
 * Resource arguments as cli-runtime's resource.Builder reads them
 * (ResourceTypeOrNameArgs): `pods`, `pods x y`, `pods,svc`, `pod/x svc/y`,
 * `all`; names resolved through engine/api/kinds.ts as discovery would.
 */
import { resolveResource, type KindInfo, kindInfo } from '../api/kinds.ts';
import { plainErr, type KubectlError } from './errors.ts';

export interface ResourceRequest {
  info: KindInfo;
  /** Empty: every object of the kind (a list). */
  names: string[];
}

export type ResourceArgs =
  | { ok: true; requests: ResourceRequest[]; /** one object named, so -o yaml prints it alone */ singleItemImplied: boolean }
  | { ok: false; error: KubectlError };

/**
 * The `all` category on k3s, in discovery order (core, apps, autoscaling,
 * batch). Kinds the model does not serve (replicationcontrollers,
 * horizontalpodautoscalers, cronjobs) would print nothing anyway.
 */
const ALL = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job'];

export function resolveType(word: string): KindInfo | KubectlError {
  if (word === '') return plainErr(`the server doesn't have a resource type ""`);
  const info = resolveResource(word);
  if (!info) return plainErr(`the server doesn't have a resource type "${word}"`);
  return info;
}

function isError(x: KindInfo | KubectlError): x is KubectlError {
  return !('kind' in x);
}

/** Resolve `pods,svc` (or `all`) to kinds, each once, in the order typed. */
export function resolveTypes(list: string): KindInfo[] | KubectlError {
  const out: KindInfo[] = [];
  for (const word of list.split(',')) {
    if (word.toLowerCase() === 'all') {
      for (const k of ALL) pushOnce(out, kindInfo(k)!);
      continue;
    }
    const r = resolveType(word);
    if (isError(r)) return r;
    pushOnce(out, r);
  }
  return out;
}

function pushOnce(out: KindInfo[], info: KindInfo): void {
  if (!out.includes(info)) out.push(info);
}

export function parseResourceArgs(args: readonly string[], commandName = 'get'): ResourceArgs {
  if (args.length === 0) return { ok: true, requests: [], singleItemImplied: false };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return {
        ok: false,
        error: plainErr(
          `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${commandName} resource/<resource_name>' instead of 'kubectl ${commandName} resource resource/<resource_name>'`,
        ),
      };
    }
    const requests: ResourceRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const type = a.slice(0, i);
      const name = a.slice(i + 1);
      if (name === '' || name.includes('/')) return { ok: false, error: plainErr(`arguments in resource/name form must have a single resource and name`) };
      const r = resolveType(type);
      if (isError(r)) return { ok: false, error: r };
      requests.push({ info: r, names: [name] });
    }
    return { ok: true, requests, singleItemImplied: args.length === 1 };
  }
  const types = resolveTypes(args[0]!);
  if (!Array.isArray(types)) return { ok: false, error: types };
  const names = args.slice(1);
  return {
    ok: true,
    requests: types.map((info) => ({ info, names })),
    singleItemImplied: types.length === 1 && names.length === 1,
  };
}
