/**
 * kubectl 1.33 as a k3s user runs it, against the simulated cluster.
 * `kubectlCommand` is the terminal's `kubectl`.
 */
import type { CommandContext } from '../shell/command.ts';
import { makeKubectl } from './cli.ts';
import { getCommand } from './commands/get.ts';
import { describeCommand } from './commands/describe.ts';
import { runCommand } from './commands/run.ts';
import { createCommand } from './commands/create.ts';
import { applyCommand } from './commands/apply.ts';
import { deleteCommand } from './commands/delete.ts';
import { exposeCommand } from './commands/expose.ts';
import { labelCommand } from './commands/label.ts';
import { scaleCommand } from './commands/scale.ts';
import { logsCommand } from './commands/logs.ts';
import { execCommand } from './commands/exec.ts';
import { clusterInfoCommand, versionCommand } from './commands/info.ts';
import { apiResourcesCommand } from './commands/api-resources.ts';
import { ROOT_HELP } from './help.ts';

export const SUBCOMMANDS = [
  getCommand,
  describeCommand,
  runCommand,
  createCommand,
  applyCommand,
  deleteCommand,
  exposeCommand,
  labelCommand,
  scaleCommand,
  logsCommand,
  execCommand,
  versionCommand,
  clusterInfoCommand,
  apiResourcesCommand,
] as const;

/** `kubectl` with no subcommand prints its help (cobra's root Run), exit 0. */
function rootWithoutSubcommand(ctx: CommandContext): number {
  ctx.stdout(ROOT_HELP);
  return 0;
}

export const kubectlCommand = makeKubectl(SUBCOMMANDS, rootWithoutSubcommand);

export { makeKubectl, findSubcommand, GLOBAL_FLAGS } from './cli.ts';
export { FlagSet, Flags, type FlagSpec, type ParsedArgs, type ParseResult } from './flags.ts';
export { renderError, type KubectlError } from './errors.ts';
export { parseSelector } from './selector.ts';
export { parseResourceArgs } from './resources.ts';
export { generatePod, generateService, generateDeployment, generateNamespace, generateCreateService } from './generators.ts';
export type { Kube, Subcommand } from './context.ts';
