/**
 * `kubectl delete TYPE NAME…|--all|-l SEL|-f FILE`: kubernetes/kubectl
 * pkg/cmd/delete/delete.go (v0.33.5) DeleteResult/PrintObj: one
 * `pod "x" deleted` line per object, `No resources found` on stdout when a
 * selector or --all matched nothing, NotFound errors per missing name.
 */
import type { KindInfo } from '../../api/kinds.ts';
import type { Kube, Subcommand } from '../context.ts';
import { addSourceToErr, combine, plainErr, statusErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun, type DryRun } from '../dryrun.ts';
import { parseResourceArgs } from '../resources.ts';
import { selectorFlag } from '../selector.ts';
import { FILENAME_FLAGS, loadObjects } from './files.ts';

export const deleteCommand: Subcommand = {
  name: 'delete',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'now', kind: 'bool' },
    { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int' },
    { name: 'wait', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    { name: 'cascade', kind: 'string', noOptDefVal: 'background' },
    { name: 'field-selector', kind: 'string' },
    { name: 'interactive', short: 'i', kind: 'bool' },
    { name: 'raw', kind: 'string' },
  ],
  run: runDelete,
};

interface Target {
  info: KindInfo;
  namespace: string | undefined;
  name: string;
  source: string;
}

function runDelete(k: Kube, f: Flags): KubectlError | undefined {
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  const files = f.list('filename');
  const sel = selectorFlag(f);
  if (!sel.ok) return plainErr(sel.message);
  const selector = sel.selector;
  const errs: KubectlError[] = [];
  const targets: Target[] = [];
  let listed = false;
  if (files.length > 0) {
    const loaded = loadObjects(k, f);
    if (loaded.fatal) return loaded.fatal;
    errs.push(...loaded.errors);
    for (const o of loaded.objects) targets.push({ info: o.info, namespace: o.info.namespaced ? o.namespace : undefined, name: o.obj.metadata.name, source: o.source });
  } else {
    if (f.args.length === 0) {
      return plainErr(
        `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
      );
    }
    const parsed = parseResourceArgs(f.args, 'delete');
    if (!parsed.ok) return parsed.error;
    const named = parsed.requests.some((r) => r.names.length > 0);
    const all = f.bool('all');
    if (named && (all || selector)) return plainErr(all ? 'cannot set --all and resource names at the same time' : 'name cannot be provided when a selector is specified');
    if (!named && !all && !selector && !f.changed('field-selector')) {
      return plainErr('resource(s) were provided, but no name was specified');
    }
    for (const req of parsed.requests) {
      const ns = req.info.namespaced ? k.namespace : undefined;
      if (req.names.length === 0) {
        listed = true;
        const allNs = f.bool('all-namespaces');
        for (const o of k.api.list(req.info.kind, allNs ? undefined : ns, selector)) {
          targets.push({ info: req.info, namespace: o.metadata.namespace, name: o.metadata.name, source: '' });
        }
      } else {
        for (const name of req.names) targets.push({ info: req.info, namespace: ns, name, source: '' });
      }
    }
  }
  const found = deleteAll(k, f, targets, dry, errs);
  if (found === 0 && listed && errs.length === 0) k.out('No resources found\n');
  if (found > 0 && dry === 'none') k.cluster.settle();
  return combine(errs);
}

function deleteAll(k: Kube, f: Flags, targets: Target[], dry: DryRun, errs: KubectlError[]): number {
  let found = 0;
  const ignore = f.bool('ignore-not-found');
  const force = f.bool('force') || f.bool('now') ? (f.int('grace-period', f.bool('force') ? 0 : 1) === 0) : f.int('grace-period', -1) === 0;
  for (const t of targets) {
    const live = k.api.get(t.info.kind, t.namespace, t.name);
    if (!live.ok) {
      if (!(ignore && live.error.reason === 'NotFound')) errs.push(addSourceToErr('deleting', t.source, statusErr(live.error)));
      continue;
    }
    found++;
    if (dry !== 'client') {
      const r = dry === 'server' ? live : k.api.delete(t.info.kind, t.namespace, t.name);
      if (!r.ok) {
        errs.push(addSourceToErr('deleting', t.source, statusErr(r.error)));
        continue;
      }
    }
    k.out(deletedLine(t.info, t.name, f.str('output'), dry, force));
  }
  return found;
}

/** DeleteOptions.PrintObj */
function deletedLine(info: KindInfo, name: string, output: string, dry: DryRun, force: boolean): string {
  const kind = info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
  if (output === 'name') return `${kind}/${name}\n`;
  let op = force ? 'force deleted' : 'deleted';
  if (dry === 'client') op += ' (dry run)';
  if (dry === 'server') op += ' (server dry run)';
  return `${kind} "${name}" ${op}\n`;
}
