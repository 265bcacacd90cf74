/**
 * `kubectl apply -f FILE|DIR` (client-side apply): kubernetes/kubectl
 * pkg/cmd/apply/apply.go (v0.33.5) Run/applyOneObject. Each document is
 * applied in order and printed as `service/x created|configured|unchanged`;
 * reading errors come first in the error list, then each failed object's
 * error (`error when creating "x.yaml": …`); one error prints alone, several
 * as an aggregate, and the exit code is 1 when anything failed.
 */
import type { Kube, Subcommand } from '../context.ts';
import { addSourceToErr, combine, plainErr, statusErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun } from '../dryrun.ts';
import { OUTPUT_FLAGS, parseOutput, printGeneric, printOperation } from '../output.ts';
import { FILENAME_FLAGS, loadObjects } from './files.ts';
import { forServer } from '../generators.ts';

export const applyCommand: Subcommand = {
  name: 'apply',
  flags: [
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'force', kind: 'bool' },
    { name: 'server-side', kind: 'bool' },
    { name: 'force-conflicts', kind: 'bool' },
    { name: 'field-manager', kind: 'string' },
    { name: 'validate', kind: 'string', noOptDefVal: 'strict' },
    { name: 'prune', kind: 'bool' },
    { name: 'all', kind: 'bool' },
    { name: 'overwrite', kind: 'bool' },
    { name: 'record', kind: 'bool' },
    { name: 'wait', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    { name: 'grace-period', kind: 'int' },
    { name: 'cascade', kind: 'string', noOptDefVal: 'background' },
  ],
  run: runApply,
};

function runApply(k: Kube, f: Flags): KubectlError | undefined {
  const parsedOut = parseOutput(f.str('output'), false);
  if (!parsedOut.ok) return parsedOut.error;
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  if (f.list('filename').length === 0 && !f.changed('kustomize')) {
    return plainErr(`must specify one of -f and -k`);
  }
  if (f.args.length > 0) return plainErr(`Unexpected args: [${f.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
  const loaded = loadObjects(k, f);
  if (loaded.fatal) return loaded.fatal;
  const errs: KubectlError[] = [];
  if (loaded.errors.length > 0) errs.push(combine(loaded.errors)!);
  if (loaded.objects.length === 0 && errs.length === 0) return plainErr('no objects passed to apply');
  let wrote = false;
  for (const o of loaded.objects) {
    if (!o.obj.metadata.name) {
      if (o.obj.metadata.generateName) {
        errs.push(plainErr(`from ${o.obj.metadata.generateName}: cannot use generate name with apply`));
        continue;
      }
    }
    const live = k.api.get(o.info.kind, o.namespace || undefined, o.obj.metadata.name);
    if (dry === 'client') {
      k.out(printOperation(o.obj, live.ok ? 'configured' : 'created', dry));
      continue;
    }
    const r = k.api.apply(forServer(o.obj), { dryRun: dry === 'server' });
    if (!r.ok) {
      // apply.go: AddSourceToErr("creating", …) for a create; the patch path
      // names the patch too, which only shows for non-Invalid errors.
      errs.push(addSourceToErr(live.ok ? 'applying patch' : 'creating', o.source, statusErr(r.error)));
      continue;
    }
    wrote = wrote || dry === 'none';
    if (parsedOut.format.kind === 'table') {
      k.out(printOperation(r.value.obj, r.value.outcome, dry));
    } else {
      const p = printGeneric(parsedOut.format, r.value.obj);
      if (p.ok) k.out(p.text);
      else errs.push(p.error);
    }
  }
  if (wrote) k.cluster.settle();
  return combine(errs);
}
