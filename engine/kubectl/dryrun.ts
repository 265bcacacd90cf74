/**
 * `--dry-run` as cmdutil.AddDryRunFlag / GetDryRunStrategy read it
 * (kubernetes/kubectl pkg/cmd/util/helpers.go, v0.33.5).
 */
import { plainErr, type KubectlError } from './errors.ts';
import type { FlagSpec, Flags } from './flags.ts';

export type DryRun = 'none' | 'client' | 'server';

/** A bare `--dry-run` takes pflag's NoOptDefVal "unchanged". */
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', kind: 'string', noOptDefVal: 'unchanged' };

export function dryRunStrategy(f: Flags): DryRun | KubectlError {
  if (!f.changed('dry-run')) return 'none';
  const v = f.str('dry-run');
  switch (v) {
    case 'unchanged':
      return plainErr(`--dry-run flag without a value was specified. A value must be set to "none", "server", or "client".`);
    case 'client':
    case 'server':
    case 'none':
      return v;
    default:
      return plainErr(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

export function isDryRun(x: DryRun | KubectlError): x is DryRun {
  return typeof x === 'string';
}
