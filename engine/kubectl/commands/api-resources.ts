/**
 * `kubectl api-resources`: kubernetes/kubectl pkg/cmd/apiresources/
 * apiresources.go (v0.33.5), over the kinds the model's API server serves
 * (engine/api/kinds.ts). Columns NAME SHORTNAMES APIVERSION NAMESPACED KIND
 * (`-o wide` adds VERBS CATEGORIES, `-o name` prints `resource.group`), rows
 * sorted by API group then name (sortableResource; `--sort-by name|kind`),
 * filters `--namespaced`, `--api-group`, `--verbs`, `--categories`.
 */
import { KINDS, apiVersionOf, type KindInfo } from '../../api/kinds.ts';
import type { Kube, Subcommand } from '../context.ts';
import { plainErr, usageErr, type KubectlError } from '../errors.ts';
import type { Flags } from '../flags.ts';
import { TabWriter, TABLE_TABWRITER, compareGoStrings } from '../printers/index.ts';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** Discovery's verbs where they differ from the full set (namespaces have no deletecollection). */
const VERBS: Record<string, string[]> = {
  namespaces: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
};
/** The `all` category: what `kubectl get all` lists. */
const CATEGORIES: Record<string, string[]> = {
  pods: ['all'],
  services: ['all'],
  deployments: ['all'],
  replicasets: ['all'],
  statefulsets: ['all'],
  daemonsets: ['all'],
  jobs: ['all'],
};

export const verbsOf = (i: KindInfo): string[] => VERBS[i.resource] ?? ALL_VERBS;
export const categoriesOf = (i: KindInfo): string[] => CATEGORIES[i.resource] ?? [];

export const apiResourcesCommand: Subcommand = {
  name: 'api-resources',
  flags: [
    { name: 'no-headers', kind: 'bool' },
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'api-group', kind: 'string' },
    { name: 'namespaced', kind: 'bool' },
    { name: 'verbs', kind: 'stringSlice' },
    { name: 'sort-by', kind: 'string' },
    { name: 'cached', kind: 'bool' },
    { name: 'categories', kind: 'stringSlice' },
  ],
  run: runApiResources,
};

function runApiResources(k: Kube, f: Flags): KubectlError | undefined {
  if (f.args.length > 0) return usageErr(k.commandPath, `unexpected arguments: [${f.args.join(' ')}]`);
  const output = f.str('output');
  if (!['', 'wide', 'name'].includes(output)) return plainErr(`--output ${output} is not available`);
  const sortBy = f.str('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') return plainErr('--sort-by accepts only name or kind');
  const rows = selected(f);
  const w = new TabWriter(TABLE_TABWRITER);
  if (!f.bool('no-headers') && output !== 'name') {
    w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${output === 'wide' ? '\tVERBS\tCATEGORIES' : ''}\n`);
  }
  for (const i of rows) {
    if (output === 'name') w.write(`${i.resource}${i.group ? `.${i.group}` : ''}\n`);
    else {
      const cells = [i.resource, i.shortNames.join(','), apiVersionOf(i), String(i.namespaced), i.kind];
      if (output === 'wide') cells.push(verbsOf(i).join(','), categoriesOf(i).join(','));
      w.write(`${cells.join('\t')}\n`);
    }
  }
  w.flush();
  k.out(w.take());
  return undefined;
}

function selected(f: Flags): KindInfo[] {
  const verbs = f.list('verbs');
  const categories = f.list('categories');
  const rows = KINDS.filter(
    (i) =>
      (!f.changed('api-group') || i.group === f.str('api-group')) &&
      (!f.changed('namespaced') || i.namespaced === f.bool('namespaced')) &&
      verbs.every((v) => verbsOf(i).includes(v)) &&
      categories.every((c) => categoriesOf(i).includes(c)),
  );
  const sortBy = f.str('sort-by');
  const key = (i: KindInfo): string => (sortBy === 'name' ? i.resource : sortBy === 'kind' ? i.kind : i.group);
  // sort.Stable with sortableResource.Less: the key, then the resource name.
  return [...rows].sort((a, b) => compareGoStrings(key(a), key(b)) || compareGoStrings(a.resource, b.resource));
}
