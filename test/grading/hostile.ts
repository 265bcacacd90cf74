/**
 * The hostile submissions too big or too odd to commit (alias bombs, deep
 * nesting, huge files and document counts, thousands of files, symlinks
 * out of the submission, BOM + CRLF bytes that git could normalise),
 * written at test time into a temporary folder. Each starts as a copy of
 * submissions/correct and changes one thing, so the rest still earns points.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SUBMISSIONS = join(import.meta.dirname, 'submissions');
const CH05 = join('K8S', 'CH05');

function fromCorrect(root: string, name: string): string {
  const dir = join(root, name);
  cpSync(join(SUBMISSIONS, 'correct'), dir, { recursive: true });
  return dir;
}

/** A billion-laughs document: 10 levels of 10 aliases each (10^10 strings if expanded). */
function aliasBomb(): string {
  let s = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 "lol"\n';
  for (let i = 1; i <= 10; i++) s += `  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]\n`;
  return s;
}

/** name → how to write it under root; returns the folder. */
export const GENERATED: Record<string, (root: string) => string> = {
  'hostile-bom-crlf': (root) => {
    const dir = fromCorrect(root, 'hostile-bom-crlf');
    for (const f of ['myservice.yaml', 'node-port.yaml', 'web.yaml']) {
      const p = join(dir, CH05, f);
      writeFileSync(p, '\uFEFF' + readFileSync(p, 'utf8').replace(/\n/g, '\r\n'));
    }
    return dir;
  },
  'hostile-alias-bomb': (root) => {
    const dir = fromCorrect(root, 'hostile-alias-bomb');
    writeFileSync(join(dir, CH05, 'bomb.yaml'), aliasBomb());
    return dir;
  },
  'hostile-deep-nesting': (root) => {
    const dir = fromCorrect(root, 'hostile-deep-nesting');
    // 100,000 flow levels, and 1,200 block levels (indentation past the loader's 1,000 columns).
    writeFileSync(join(dir, CH05, 'deep-flow.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    let block = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deeper\n  labels:\n';
    for (let i = 0; i < 1200; i++) block += `${' '.repeat(4 + i)}k${i}:\n`;
    writeFileSync(join(dir, CH05, 'deep-block.yaml'), block);
    return dir;
  },
  'hostile-huge-file': (root) => {
    const dir = fromCorrect(root, 'hostile-huge-file');
    // 2 MiB: read, then refused by the manifest loader (1 MiB); 20 MiB: over the per-file read limit.
    writeFileSync(join(dir, CH05, 'big.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  x: "${'x'.repeat(2 * 1024 * 1024)}"\n`);
    writeFileSync(join(dir, 'video.mp4'), Buffer.alloc(20 * 1024 * 1024, 7));
    return dir;
  },
  'hostile-many-documents': (root) => {
    const dir = fromCorrect(root, 'hostile-many-documents');
    writeFileSync(join(dir, CH05, 'many.yaml'), Array.from({ length: 5000 }, (_, i) => `kind: ConfigMap\nmetadata: {name: c${i}}\n`).join('---\n'));
    return dir;
  },
  'hostile-many-files': (root) => {
    const dir = fromCorrect(root, 'hostile-many-files');
    const junk = join(dir, 'node_modules');
    mkdirSync(junk);
    for (let i = 0; i < 3000; i++) writeFileSync(join(junk, `f${String(i).padStart(4, '0')}.js`), 'x');
    return dir;
  },
  'hostile-symlinks': (root) => {
    const dir = fromCorrect(root, 'hostile-symlinks');
    const outside = join(root, 'outside-secret.yaml');
    writeFileSync(outside, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: secret-outside\n');
    // node-port.yaml points out of the submission; a folder link loops back to the root.
    const np = join(dir, CH05, 'node-port.yaml');
    rmSync(np);
    symlinkSync(outside, np);
    symlinkSync('/etc/passwd', join(dir, CH05, 'passwd.yaml'));
    symlinkSync('../..', join(dir, CH05, 'loop'));
    return dir;
  },
};
