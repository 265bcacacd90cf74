/**
 * `kubectl label TYPE NAME k=v… k-… [--overwrite]`: kubernetes/kubectl
 * pkg/cmd/label/label.go (v0.33.5): `pod/x labeled`, `unlabeled`,
 * `not labeled`; `'run' already has a value (x), and --overwrite is false`;
 * `label "x" not found.` for a removal of a label the object lacks.
 */
import type { KObject } from '../../api/object.ts';
import type { Kube, Subcommand } from '../context.ts';
import { combine, plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { DRY_RUN_FLAG, dryRunStrategy, isDryRun } from '../dryrun.ts';
import { OUTPUT_FLAGS, parseOutput, printGeneric, printOperation } from '../output.ts';
import { parseResourceArgs } from '../resources.ts';
import { selectorFlag } from '../selector.ts';
import { goJson } from '../../api/json.ts';

export const labelCommand: Subcommand = {
  name: 'label',
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'overwrite', kind: 'bool' },
    { name: 'all', kind: 'bool' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'list', kind: 'bool' },
    { name: 'local', kind: 'bool' },
    { name: 'resource-version', kind: 'string' },
    { name: 'field-selector', kind: 'string' },
    { name: 'field-manager', kind: 'string' },
    { name: 'filename', short: 'f', kind: 'stringSlice' },
    { name: 'recursive', short: 'R', kind: 'bool' },
  ],
  run: runLabel,
};

/** cmdutil.GetResourcesAndPairs: label specs are the args with `=` or a trailing `-`. */
function splitArgs(args: readonly string[]): { resources: string[]; pairs: string[] } | KubectlError {
  const resources: string[] = [];
  const pairs: string[] = [];
  let first = true;
  for (const a of args) {
    const isPair = a.includes('=') || a.endsWith('-');
    if (isPair) {
      first = false;
      pairs.push(a);
    } else if (first) resources.push(a);
    else return usageErr('kubectl label', 'all resources must be specified before label changes: ' + a);
  }
  return { resources, pairs };
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parseLabelSpecs(specs: string[]): { labels: Record<string, string>; remove: string[] } | KubectlError {
  const labels: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return plainErr(`invalid label spec: ${spec}`);
      if (parts[1]!.length > 63 || !LABEL_VALUE.test(parts[1]!)) {
        return plainErr(
          `invalid label value: "${spec}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
        );
      }
      labels[parts[0]!] = parts[1]!;
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return plainErr(`unknown label spec: ${spec}`);
  }
  if (remove.some((r) => r in labels)) return plainErr('can not both modify and remove a label in the same command');
  return { labels, remove };
}

function runLabel(k: Kube, f: Flags): KubectlError | undefined {
  const parsedOut = parseOutput(f.str('output'), false);
  if (!parsedOut.ok) return parsedOut.error;
  const dry = dryRunStrategy(f);
  if (!isDryRun(dry)) return dry;
  const split = splitArgs(f.args);
  if ('type' in split) return split;
  if (f.bool('all') && f.changed('selector')) return plainErr('cannot set --all and --selector at the same time');
  if (split.resources.length === 0) return plainErr('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (split.pairs.length === 0 && !f.bool('list')) return plainErr('at least one label update is required');
  const specs = parseLabelSpecs(split.pairs);
  if ('type' in specs) return specs;
  const parsed = parseResourceArgs(split.resources, 'label');
  if (!parsed.ok) return parsed.error;
  const errs: KubectlError[] = [];
  const objects: KObject[] = [];
  for (const req of parsed.requests) {
    const ns = req.info.namespaced ? k.namespace : undefined;
    if (req.names.length === 0) {
      if (!f.bool('all') && !f.changed('selector')) return plainErr('resource(s) were provided, but no name was specified');
      const sel = selectorFlag(f);
      if (!sel.ok) return plainErr(sel.message);
      objects.push(...k.api.list(req.info.kind, f.bool('all-namespaces') ? undefined : ns, sel.selector));
      continue;
    }
    for (const name of req.names) {
      const r = k.api.get(req.info.kind, ns, name);
      if (r.ok) objects.push(r.value);
      else errs.push(statusErr(r.error));
    }
  }
  let wrote = false;
  for (const obj of objects) {
    const current = obj.metadata.labels ?? {};
    // label.go prints this (to stdout) before labelFunc runs, except on --dry-run=client.
    if (dry !== 'client') for (const r of specs.remove) if (!(r in current)) k.out(`label "${r}" not found.\n`);
    if (!f.bool('overwrite')) {
      const clashes = Object.entries(specs.labels)
        .filter(([key, v]) => key in current && current[key] !== v)
        .map(([key]) => plainErr(`'${key}' already has a value (${current[key]}), and --overwrite is false`));
      if (clashes.length > 0) {
        errs.push(combine(clashes)!);
        continue;
      }
    }
    const next = { ...current, ...specs.labels };
    for (const r of specs.remove) delete next[r];
    const before = goJson(obj);
    const updated: KObject = { ...obj, metadata: { ...obj.metadata, labels: next } };
    const msg = before === goJson(updated) ? 'not labeled' : !f.bool('overwrite') && goJson(updated).length < before.length ? 'unlabeled' : 'labeled';
    let shown = updated;
    if (dry !== 'client' && msg !== 'not labeled') {
      const r = k.api.update({ ...updated, metadata: { ...updated.metadata, resourceVersion: undefined } }, { dryRun: dry === 'server' });
      if (!r.ok) {
        errs.push(statusErr(r.error));
        continue;
      }
      shown = r.value;
      wrote = wrote || dry === 'none';
    }
    if (parsedOut.format.kind === 'table') k.out(printOperation(shown, msg, dry));
    else {
      const p = printGeneric(parsedOut.format, shown);
      if (p.ok) k.out(p.text);
      else errs.push(p.error);
    }
  }
  if (wrote) k.cluster.settle();
  return combine(errs);
}
