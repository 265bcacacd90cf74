/**
 * Which commands exist where. The terminal outside the cluster has bash's
 * built-ins, the filters, kubectl and curl; a container has what its image
 * ships (engine/images maps each binary on the image's PATH to one of the
 * implementation ids below).
 */
import { MapRegistry, type CommandHandler, type CommandRegistry } from '../shell/command.ts';
import { shellBinaries, terminalBuiltins } from '../shell/index.ts';
import { kubectlCommand } from '../kubectl/index.ts';
import { networkBinaries } from '../network/index.ts';
import { dnsBinaries } from '../dns/index.ts';
import { imageBinaries } from '../images/index.ts';

/** Implementation id → handler, for the image catalogue's binaries. */
export function binaryImplementations(): Record<string, CommandHandler> {
  return { ...shellBinaries, ...imageBinaries, ...networkBinaries, ...dnsBinaries };
}

let terminal: CommandRegistry | undefined;

export function terminalRegistry(): CommandRegistry {
  terminal ??= new MapRegistry({
    ...terminalBuiltins(),
    kubectl: kubectlCommand,
    curl: networkBinaries['curl:debian']!,
  });
  return terminal;
}
