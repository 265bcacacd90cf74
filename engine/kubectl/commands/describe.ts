/**
 * `kubectl describe TYPE [NAME_PREFIX]`: kubernetes/kubectl
 * pkg/cmd/describe/describe.go (v0.33.5): each object's description, a
 * blank line between objects; a name that matches nothing exactly falls back
 * to every object whose name starts with it; NotFound when none does.
 */
import type { KObject } from '../../api/object.ts';
import type { Kube, Subcommand } from '../context.ts';
import { combine, plainErr, statusErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { parseResourceArgs } from '../resources.ts';
import { selectorFlag } from '../selector.ts';
import { describeObject } from '../describe-port.ts';
import { FILENAME_FLAGS, loadObjects } from './files.ts';

export const describeCommand: Subcommand = {
  name: 'describe',
  flags: [
    ...FILENAME_FLAGS,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'show-events', kind: 'bool' },
    { name: 'chunk-size', kind: 'int' },
  ],
  run: runDescribe,
};

function runDescribe(k: Kube, f: Flags): KubectlError | undefined {
  const sel = selectorFlag(f);
  if (!sel.ok) return plainErr(sel.message);
  const selector = sel.selector;
  const allNs = f.bool('all-namespaces');
  const errs: KubectlError[] = [];
  const objects: KObject[] = [];
  let listed = false;
  if (f.list('filename').length > 0) {
    const loaded = loadObjects(k, f);
    if (loaded.fatal) return loaded.fatal;
    errs.push(...loaded.errors);
    for (const o of loaded.objects) {
      const r = k.api.get(o.info.kind, o.info.namespaced ? o.namespace : undefined, o.obj.metadata.name);
      if (r.ok) objects.push(r.value);
      else errs.push(statusErr(r.error));
    }
  } else {
    if (f.args.length === 0) {
      return plainErr(
        `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`,
      );
    }
    const parsed = parseResourceArgs(f.args, 'describe');
    if (!parsed.ok) return parsed.error;
    for (const req of parsed.requests) {
      const ns = req.info.namespaced && !allNs ? k.namespace : undefined;
      if (req.names.length === 0) {
        listed = true;
        objects.push(...k.api.list(req.info.kind, ns, selector));
        continue;
      }
      for (const name of req.names) {
        const r = k.api.get(req.info.kind, req.info.namespaced ? k.namespace : undefined, name);
        if (r.ok) {
          objects.push(r.value);
          continue;
        }
        // describe.go DescribeMatchingResources: a name prefix
        const prefixed = k.api.list(req.info.kind, req.info.namespaced ? k.namespace : undefined).filter((o) => o.metadata.name.startsWith(name));
        if (prefixed.length > 0) objects.push(...prefixed);
        else errs.push(statusErr(r.error));
      }
    }
  }
  let first = true;
  for (const obj of objects) {
    const text = describeObject(k.cluster, obj, { showEvents: !f.changed('show-events') || f.bool('show-events') });
    k.out(first ? text : `\n\n${text}`);
    first = false;
  }
  if (objects.length === 0 && listed && errs.length === 0) {
    k.err(allNs ? 'No resources found\n' : `No resources found in ${k.namespace} namespace.\n`);
  }
  return combine(errs);
}
