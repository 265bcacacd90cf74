/**
 * `kubectl get`: kubernetes/kubectl pkg/cmd/get/get.go (v0.33.5). Tables go
 * through the human-readable printer (one table per kind, `kind/name` when
 * kinds are mixed, `No resources found in X namespace.` on stderr); other
 * formats through printGeneric (a List around several items).
 */
import type { KObject } from '../../api/object.ts';
import type { Kube, Subcommand } from '../context.ts';
import { combine, plainErr, statusErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { OUTPUT_FLAGS, parseOutput, printGeneric, wrapList, type OutputFormat } from '../output.ts';
import { parseResourceArgs, type ResourceRequest } from '../resources.ts';
import { selectorFlag } from '../selector.ts';
import { printTables, noResourcesMessage, type TableGroup } from '../printers/index.ts';
import type { LabelSelector } from '../../api/object.ts';
import type { KindInfo } from '../../api/kinds.ts';
import { loadObjects, FILENAME_FLAGS } from './files.ts';
import { sortByField } from '../sort-by.ts';

/** One result of the builder: a list for a kind, or one named object. */
interface Info {
  info: KindInfo;
  objects: KObject[];
  named: boolean;
}

export const getCommand: Subcommand = {
  name: 'get',
  flags: [
    ...OUTPUT_FLAGS,
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'show-labels', kind: 'bool' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'show-kind', kind: 'bool' },
    { name: 'label-columns', short: 'L', kind: 'stringSlice' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'watch-only', kind: 'bool' },
    { name: 'field-selector', kind: 'string' },
    { name: 'sort-by', kind: 'string' },
    { name: 'chunk-size', kind: 'int' },
    { name: 'server-print', kind: 'bool' },
    { name: 'output-watch-events', kind: 'bool' },
    { name: 'subresource', kind: 'string' },
    { name: 'raw', kind: 'string' },
    ...FILENAME_FLAGS,
  ],
  run: runGet,
};

function runGet(k: Kube, f: Flags): KubectlError | undefined {
  const parsedOut = parseOutput(f.str('output'), true);
  if (!parsedOut.ok) return parsedOut.error;
  const out: OutputFormat = parsedOut.format;
  const files = f.list('filename');
  if (f.args.length === 0 && files.length === 0) {
    k.err('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    return usageErr(
      k.commandPath,
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  const sel = selectorFlag(f);
  if (!sel.ok) return plainErr(sel.message);
  const selector = sel.selector;
  const allNs = f.bool('all-namespaces');
  const errs: KubectlError[] = [];
  let infos: Info[];
  let singleItemImplied: boolean;
  if (files.length > 0) {
    const loaded = loadObjects(k, f);
    errs.push(...loaded.errors);
    infos = [];
    for (const o of loaded.objects) {
      const r = k.api.get(o.info.kind, o.obj.metadata.namespace ?? (k.explicitNamespace ? k.namespace : o.namespace), o.obj.metadata.name);
      if (r.ok) infos.push({ info: o.info, objects: [r.value], named: true });
      else errs.push(statusErr(r.error));
    }
    singleItemImplied = loaded.objects.length === 1;
  } else {
    const parsed = parseResourceArgs(f.args, 'get');
    if (!parsed.ok) return parsed.error;
    const named = parsed.requests.some((r) => r.names.length > 0);
    if (named && selector) return plainErr('name cannot be provided when a selector is specified');
    if (named && allNs) return plainErr('a resource cannot be retrieved by name across all namespaces');
    infos = fetch(k, parsed.requests, selector, allNs, errs);
    singleItemImplied = parsed.singleItemImplied;
  }
  if (f.bool('ignore-not-found')) {
    for (let i = errs.length - 1; i >= 0; i--) {
      const e = errs[i]!;
      if (e.type === 'status' && e.status.reason === 'NotFound') errs.splice(i, 1);
    }
  }
  if (f.changed('sort-by') && f.str('sort-by') !== '') {
    const sorted = sortInfos(infos, f.str('sort-by'), out.kind === 'table');
    if (sorted) return sorted;
  }
  if (out.kind === 'table') {
    printHuman(k, f, infos, out.wide, allNs, errs.length === 0);
    return combine(errs);
  }
  if (singleItemImplied && errs.length > 0) return errs[0];
  let items = infos.flatMap((i) => i.objects);
  const single = singleItemImplied && items.length === 1;
  if (!single && f.changed('sort-by') && f.str('sort-by') !== '') {
    // SortingPrinter.sortObj: the List's items are sorted together.
    const sorted = sortByField(items, (o) => o, f.str('sort-by'));
    if (!sorted.ok) return plainErr(sorted.message);
    items = sorted.items;
  }
  const obj = single ? items[0]! : wrapList(items);
  const printed = printGeneric(out, obj, { noHeaders: f.bool('no-headers') });
  if (!printed.ok) return combine([...errs, printed.error]);
  k.out(printed.text);
  return combine(errs);
}

/**
 * The human-readable branch's RuntimeSorter: each list request is one server
 * Table whose rows are sorted on their own (named objects are one-row tables);
 * the first failure stops the command before anything is printed.
 */
function sortInfos(infos: Info[], sortBy: string, human: boolean): KubectlError | undefined {
  if (!human) return undefined;
  for (const i of infos) {
    if (i.named) continue;
    const sorted = sortByField(i.objects, (o) => o, sortBy);
    if (!sorted.ok) return plainErr(sorted.message);
    i.objects = sorted.items;
  }
  return undefined;
}

function fetch(k: Kube, requests: ResourceRequest[], selector: LabelSelector | undefined, allNs: boolean, errs: KubectlError[]): Info[] {
  const infos: Info[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? k.namespace : undefined;
    if (req.names.length === 0) {
      const objects = k.api.list(req.info.kind, allNs ? undefined : ns, selector);
      infos.push({ info: req.info, objects, named: false });
      continue;
    }
    for (const name of req.names) {
      const r = k.api.get(req.info.kind, ns, name);
      if (r.ok) infos.push({ info: req.info, objects: [r.value], named: true });
      else errs.push(statusErr(r.error));
    }
  }
  return infos;
}

/** The human-readable branch of Run: consecutive infos of one kind share a table. */
function printHuman(k: Kube, f: Flags, infos: Info[], wide: boolean, allNs: boolean, noErrors: boolean): void {
  const groups: TableGroup[] = [];
  for (const i of infos) {
    const last = groups[groups.length - 1];
    if (last && last.kind === i.info.kind) (last.objects as KObject[]).push(...i.objects);
    else groups.push({ kind: i.info.kind, objects: [...i.objects] });
  }
  const kinds = new Set(infos.map((i) => i.info.kind));
  const text = printTables(groups, {
    now: k.cluster.clock.now(),
    wide,
    showLabels: f.bool('show-labels'),
    noHeaders: f.bool('no-headers'),
    withNamespace: allNs,
    withKind: f.bool('show-kind') || kinds.size > 1,
    labelColumns: f.list('label-columns'),
  });
  k.out(text);
  if (text === '' && noErrors && !f.bool('ignore-not-found')) {
    const allNamespaced = !allNs && infos.every((i) => i.info.namespaced);
    k.err(noResourcesMessage(allNamespaced ? k.namespace : undefined));
  }
}
