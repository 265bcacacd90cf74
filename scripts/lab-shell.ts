/**
 * Run commands in a fresh default lab from the command line, for debugging:
 *   node --import tsx scripts/lab-shell.ts 'kubectl get pods' ';;' 'curl …'
 * Each argument separated by ';;' is one "When I run" step; notes (the
 * model's reasons) are printed after the output.
 */
import { Lab } from '../engine/lab/index.ts';
import { loadJq } from '../engine/shell/index.ts';

async function main(): Promise<void> {
  await loadJq();
  const lab = new Lab();
  const steps = process.argv.slice(2).join(' ').split(/\s*;;\s*/);
  for (const script of steps) {
    const r = lab.run(script);
    process.stdout.write(`$ ${script}\n${r.output}[exit ${r.exitCode}]\n`);
    for (const n of r.notes) process.stdout.write(`  why: ${n.message}\n`);
  }
}

void main();
