#!/usr/bin/env node
/**
 * `npm run build` (and npm's `prepare`, so `npm ci` runs it): bundles the
 * TypeScript sources into one plain JavaScript file, so the kube-netlab
 * command starts without tsx compiling every module on the fly.
 *
 *   dist/kube-netlab.cjs  cli/ + steps/ + engine/ + reports/ + grading/, one
 *                         CommonJS bundle (packages in node_modules stay
 *                         outside it and load as usual)
 *   dist/load.cjs         loads the bundle through V8's code cache (see below)
 *   dist/steps.mjs        the Cucumber support module: registers the bundle's
 *                         step definitions (steps/world.ts, steps/*.steps.ts)
 *   dist/worker.cjs       a grading worker (grading/pool.ts forks it when the
 *                         command runs from the bundle): grading/worker.ts,
 *                         from the same bundle and code cache
 *   dist/inputs.json      the sources the bundle came from and the build time:
 *                         bin/kube-netlab.js uses dist/ only while none of them
 *                         changed since (else it falls back to tsx)
 *
 * Why CommonJS and a hand-made loader: Node 20 keeps no compiled code between
 * runs for ES modules, and compiling ~1 MB of JavaScript at every start-up is
 * most of what kube-netlab adds to Cucumber's own start-up (bench/startup).
 * load.cjs compiles the bundle with vm.Script and V8's code cache
 * (dist/kube-netlab.<hash>.<flags>.v8cache), written after the first run
 * that misses it; the build makes that first run on the course chapter, so
 * functions a lab uses are in the cache already compiled. V8 rejects a
 * cache made under other V8 flags (grading workers run with their own heap
 * flags): each flag set has its own file, so one never overwrites another's.
 *
 * Plain JavaScript, so it runs before anything is built.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loaderSource } from './loader-source.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const BUNDLE = 'kube-netlab.cjs';

/** The step files Cucumber would load: world.ts first, then steps/*.steps.ts (bin/kube-netlab.js compares this list). */
function stepFiles() {
  return ['world.ts', ...readdirSync(join(ROOT, 'steps')).filter((f) => f.endsWith('.steps.ts')).sort()];
}

/**
 * The bundle's entry: `main()` runs the command; `worker()` makes this
 * process a grading worker (dist/worker.cjs); `registerSteps()` evaluates
 * the step files, which Cucumber allows only while it loads support code
 * (dist/steps.mjs calls it then). esbuild evaluates each module on its first
 * require, so nothing runs at load.
 */
const entry = {
  name: 'kube-netlab-entry',
  setup(b) {
    b.onResolve({ filter: /^kube-netlab:entry$/ }, () => ({ path: 'entry', namespace: 'kube-netlab' }));
    b.onLoad({ filter: /.*/, namespace: 'kube-netlab' }, () => ({
      contents: [
        "exports.main = () => require('./cli/main.ts');",
        "exports.worker = () => require('./grading/worker.ts');",
        'exports.registerSteps = () => {',
        ...stepFiles().map((f) => `  require('./steps/${f}');`),
        '};',
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/**
 * `import.meta` in a CommonJS bundle: `import.meta.url` stays the source
 * file's URL (modules find files beside them: schemas/, grading/worker.ts),
 * and `import.meta.resolve` resolves from the project (bin/ and dist/ share
 * node_modules). Paths are relative to dist/, so the project may move.
 */
const importMeta = {
  name: 'import-meta',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const rel = JSON.stringify(relative(DIST, args.path).split('\\').join('/'));
      const contents = text.replaceAll('import.meta.url', `__knlSourceUrl(${rel})`).replaceAll('import.meta.resolve(', '__knlResolve(');
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * \`await import('jq-web')\`: with dynamic import off, esbuild would resolve
 * it to the package's CommonJS exports, and jq-web's exports are a Promise,
 * which \`await\` would then unwrap too early (and fail on). Going through a
 * small ES module keeps the namespace object \`import()\` gives.
 */
const dynamicPackages = {
  name: 'dynamic-packages',
  setup(b) {
    b.onResolve({ filter: /^[@a-z]/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'kube-netlab-dynamic' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'kube-netlab-dynamic' }, (args) => ({
      contents: `import * as ns from ${JSON.stringify(args.path)};\nexport default ns.default ?? ns;\n`,
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

const BANNER = `var __knlSourceUrl = (rel) => require('node:url').pathToFileURL(require('node:path').join(__dirname, rel)).href;
var __knlResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;`;

const STEPS_MJS = `// Generated by scripts/build.mjs: Cucumber's support module for the bundled steps.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./load.cjs').bundle().registerSteps();
`;

const WORKER_CJS = `// Generated by scripts/build.mjs: a grading worker (grading/pool.ts forks it) running from the bundle.
'use strict';
require('./load.cjs').bundle().worker();
`;

/** A small lab run once after the build, so the code cache holds what every lab uses. */
const WARM_UP = `Feature: warm-up
  Scenario: a pod behind a Service
    Given a k3s cluster
    When I run "kubectl create deployment web --image nginx --replicas 2"
    Then the command should succeed
    When I run "kubectl expose deployment web --port 80"
    And I run "kubectl get pods,svc -o wide"
    Then the output should contain "web"
    When I run "kubectl run client --image curlimages/curl --restart Never -- sleep 3600"
    And I run "kubectl exec client -- curl -s web"
    Then the output should contain "nginx"
`;

/**
 * The code cache holds the functions the warm-up run compiled: the course
 * chapter's labs when they are here (what most labs use: kubectl's printers,
 * curl, nslookup, jq; measured in bench/scenario: a cold scenario pays the
 * compiling of whatever the cache lacks), else the small lab above.
 */
function warmUp() {
  const dir = mkdtempSync(join(tmpdir(), 'kube-netlab-warm-up-'));
  try {
    writeFileSync(join(dir, 'warm-up.feature'), WARM_UP);
    const chapter = join(ROOT, 'features', 'chapter');
    const labs = existsSync(chapter) ? [chapter, 'warm-up.feature'] : ['warm-up.feature'];
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kube-netlab.js'), 'test', ...labs, '--no-reports', '--no-summary'], { cwd: dir, encoding: 'utf8' });
    // A failing warm-up only means a smaller cache; say so, but the build stands.
    if (r.status !== 0) process.stderr.write(`kube-netlab: build warm-up lab did not pass (the code cache is built on the first run instead):\n${(r.stdout + r.stderr).slice(-2000)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const steps = stepFiles();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { 'kube-netlab': 'kube-netlab:entry' },
    outdir: DIST,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // Packages load with require(): vm.Script code has no ES module loader of its own.
    supported: { 'dynamic-import': false },
    define: { __KUBE_NETLAB_BUNDLE__: 'true' },
    banner: { js: BANNER },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [entry, importMeta, dynamicPackages],
  });
  const hash = createHash('sha256').update(readFileSync(join(DIST, BUNDLE))).digest('hex').slice(0, 16);
  writeFileSync(join(DIST, 'load.cjs'), loaderSource(BUNDLE, `kube-netlab.${hash}.v8cache`));
  writeFileSync(join(DIST, 'steps.mjs'), STEPS_MJS);
  writeFileSync(join(DIST, 'worker.cjs'), WORKER_CJS);
  // Files only: virtual modules are named namespace:path.
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !/^[a-z-]+:/.test(p) && !p.includes('node_modules/')).sort();
  writeFileSync(join(DIST, 'inputs.json'), JSON.stringify({ builtAt: started, steps, inputs }, null, 1) + '\n');
  warmUp();
  process.stdout.write(`kube-netlab: built dist/ from ${inputs.length} source files in ${Date.now() - started} ms\n`);
}

main().catch((e) => {
  process.stderr.write(`kube-netlab: build failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
