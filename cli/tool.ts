import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './run-labs.ts';

let info: { name: string; version: string } | undefined;

/** kube-netlab's name and version, from package.json. */
export function toolInfo(): { name: string; version: string } {
  info ??= { name: 'kube-netlab', version: (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version };
  return info;
}
