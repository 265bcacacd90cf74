#!/usr/bin/env node
// Runs every *.test.ts under the project's source folders with node's own
// test runner (Node 20's --test expands no globs, so the files are listed here).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['engine', 'steps', 'reports', 'cli', 'grading', 'test', 'scripts'];
const files = [];
function walk(dir) {
  let names;
  try { names = readdirSync(dir); } catch { return; }
  for (const n of names.sort()) {
    if (n === 'node_modules' || n.startsWith('.')) continue;
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.test.ts')) files.push(p);
  }
}
const only = process.argv.slice(2);
for (const r of only.length ? only : roots) {
  if (r.endsWith('.test.ts')) files.push(r); else walk(r);
}
if (files.length === 0) { console.error('no unit tests found'); process.exit(1); }
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
