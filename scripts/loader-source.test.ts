/**
 * dist/load.cjs's code cache: one file per V8 flag set. V8 rejects a cache
 * made under other flags, and a loader that rewrote a rejected cache let a
 * grading worker (heap flags) replace the build's cache every plain run
 * reads.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loaderSource } from './loader-source.mjs';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kube-netlab-loader-'));
  // A bundle with enough code for V8 to cache, and a main() to run.
  const fns = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x * ${i} + ${i}; }`).join('\n');
  writeFileSync(join(dir, 'mini.cjs'), `${fns}\nexports.main = () => { let s = 0; for (let i = 0; i < 50; i++) s += eval('f' + i)(i); return s; };\n`);
  writeFileSync(join(dir, 'load.cjs'), loaderSource('mini.cjs', 'mini.abc123.v8cache'));
  writeFileSync(join(dir, 'run.cjs'), "require('./load.cjs').bundle().main();\n");
  return dir;
}

function run(dir: string, flags: string[] = []): void {
  const r = spawnSync(process.execPath, [...flags, join(dir, 'run.cjs')], { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8cache')).sort();

describe('the bundle loader\'s code cache', () => {
  it('a plain run writes mini.<hash>.0.v8cache and the next plain run reads it without rewriting it', () => {
    const dir = project();
    try {
      run(dir);
      expect(caches(dir)).to.deep.equal(['mini.abc123.0.v8cache']);
      const first = statSync(join(dir, 'mini.abc123.0.v8cache')).mtimeMs;
      run(dir);
      expect(statSync(join(dir, 'mini.abc123.0.v8cache')).mtimeMs).to.equal(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run under other V8 flags (a grading worker\'s) writes its own cache and leaves the plain one alone', () => {
    const dir = project();
    try {
      run(dir);
      const plain = statSync(join(dir, 'mini.abc123.0.v8cache'));
      run(dir, ['--max-semi-space-size=32']);
      const files = caches(dir);
      expect(files).to.have.length(2);
      expect(files).to.include('mini.abc123.0.v8cache');
      const after = statSync(join(dir, 'mini.abc123.0.v8cache'));
      expect([after.mtimeMs, after.size]).to.deep.equal([plain.mtimeMs, plain.size]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
