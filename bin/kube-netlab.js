#!/usr/bin/env node
// Runs the prebuilt bundle in dist/ (scripts/build.mjs, run by `npm ci`
// through npm's `prepare`, or `npm run build`) when it is up to date with the
// sources; otherwise registers tsx so the TypeScript sources (cli/, steps/,
// engine/) load as-is. Both start cli/main.ts. KUBE_NETLAB_FROM_SOURCE=1
// forces the sources (e.g. for readable stack traces while debugging).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** dist/ exists and no source it was built from (nor the list of step files) changed since. */
function distIsFresh() {
  if (process.env.KUBE_NETLAB_FROM_SOURCE) return false;
  try {
    const info = JSON.parse(readFileSync(root + 'dist/inputs.json', 'utf8'));
    const steps = ['world.ts', ...readdirSync(root + 'steps').filter((f) => f.endsWith('.steps.ts')).sort()];
    if (steps.join('\n') !== info.steps.join('\n')) return false;
    // Plain path strings: ~270 files, and this runs before every command.
    for (const p of info.inputs) {
      if (statSync(root + p).mtimeMs > info.builtAt) return false;
    }
    return true;
  } catch {
    return false; // not built, or a source file is gone
  }
}

if (distIsFresh()) {
  createRequire(import.meta.url)('../dist/load.cjs').bundle().main();
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../cli/main.ts');
}
