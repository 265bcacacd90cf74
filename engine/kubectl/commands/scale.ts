/**
 * `kubectl scale deployment|replicaset|statefulset NAME --replicas N`:
 * kubernetes/kubectl pkg/cmd/scale/scale.go (v0.33.5): `deployment.apps/web
 * scaled`.
 */
import type { Kube, Subcommand } from '../context.ts';
import { combine, plainErr, statusErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun } from '../dryrun.ts';
import { OUTPUT_FLAGS, printOperation } from '../output.ts';
import { parseResourceArgs } from '../resources.ts';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'Job']);

export const scaleCommand: Subcommand = {
  name: 'scale',
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'replicas', kind: 'int' },
    { name: 'current-replicas', kind: 'int' },
    { name: 'resource-version', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all', kind: 'bool' },
    { name: 'timeout', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'stringSlice' },
    { name: 'recursive', short: 'R', kind: 'bool' },
    { name: 'record', kind: 'bool' },
  ],
  run: runScale,
};

function runScale(k: Kube, f: Flags): KubectlError | undefined {
  if (!f.changed('replicas')) return plainErr('required flag(s) "replicas" not set');
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  const replicas = f.int('replicas', -1);
  if (replicas < 0) return plainErr('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const parsed = parseResourceArgs(f.args, 'scale');
  if (!parsed.ok) return parsed.error;
  if (parsed.requests.length === 0) {
    return plainErr(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  }
  const errs: KubectlError[] = [];
  const infoErrs: string[] = [];
  let found = 0;
  let wrote = false;
  for (const req of parsed.requests) {
    if (req.names.length === 0 && !f.bool('all')) return plainErr('resource(s) were provided, but no name was specified');
    const names = req.names.length ? req.names : k.api.list(req.info.kind, k.namespace).map((o) => o.metadata.name);
    for (const name of names) {
      const r = k.api.get(req.info.kind, k.namespace, name);
      if (!r.ok) {
        errs.push(statusErr(r.error));
        infoErrs.push(r.error.message);
        continue;
      }
      found++;
      if (!SCALABLE.has(r.value.kind)) {
        errs.push(plainErr(`cannot scale ${req.info.group ? `${r.value.kind}.${req.info.group}` : r.value.kind}`));
        continue;
      }
      if (f.changed('current-replicas') && r.value.spec?.replicas !== f.int('current-replicas', -1)) {
        errs.push(plainErr(`Expected replicas to be ${f.int('current-replicas', -1)}, was ${r.value.spec?.replicas}`));
        continue;
      }
      if (dry !== 'client') {
        const u = k.api.update({ ...r.value, metadata: { ...r.value.metadata, resourceVersion: undefined }, spec: { ...r.value.spec, replicas } }, { dryRun: dry === 'server' });
        if (!u.ok) {
          errs.push(statusErr(u.error));
          continue;
        }
        wrote = wrote || dry === 'none';
      }
      k.out(printOperation(r.value, 'scaled', dry));
    }
  }
  if (wrote) k.cluster.settle();
  // scale.go RunScale: with no object found, `no objects passed to scale %w` around the
  // builder's aggregate (one message alone, several as `[a, b]`).
  if (found === 0 && infoErrs.length > 0) {
    const unique = [...new Set(infoErrs)]; // utilerrors.aggregate.Error() drops repeated messages
    return plainErr(`no objects passed to scale ${unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`}`);
  }
  return combine(errs);
}
