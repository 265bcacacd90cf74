/**
 * `npm run bench`: imports every bench/*.bench.ts (or the files named on the
 * command line), runs their benchmarks one after another, prints each one's
 * figures and bounds (value, limit, value/limit), and ends with
 * `bench: N/M bounds met`. Exits 1 when a bound is missed or not measured.
 *
 * Timing lives here and in bench/ only: the test suite has no timed assertions.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { availableParallelism, cpus } from 'node:os';
import type { Benchmark, Bound } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));

function benchFiles(args: string[]): string[] {
  if (args.length > 0) return args.map((a) => resolve(a));
  return readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()
    .map((f) => join(here, f));
}

const fmt = (x: number): string => (Number.isNaN(x) ? 'not measured' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3));

function boundLine(b: Bound): string {
  const met = boundMet(b);
  const ratio = Number.isNaN(b.value) || b.limit === 0 ? "" : `  (${(b.value / b.limit).toFixed(2)} of the limit)`;
  const note = b.note ? `  — ${b.note}` : '';
  return `  ${met ? 'ok  ' : 'MISS'} ${b.name}: ${fmt(b.value)} ${b.unit} ≤ ${fmt(b.limit)} ${b.unit}${ratio}${note}`;
}

const boundMet = (b: Bound): boolean => !Number.isNaN(b.value) && b.value <= b.limit;

async function main(): Promise<number> {
  const files = benchFiles(process.argv.slice(2));
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  console.log(`bench: node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown cpu'})`);
  const t0 = performance.now();
  let met = 0;
  let total = 0;
  for (const file of files) {
    const mod = (await import(pathToFileURL(file).href)) as { benchmarks?: Benchmark[] };
    for (const b of mod.benchmarks ?? []) {
      if (only && !only.test(b.name)) continue;
      console.log(`\n== ${b.name} (${basename(file)})`);
      const t = performance.now();
      try {
        const r = await b.run();
        for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k}: ${fmt(v)}`);
        for (const bound of r.bounds) {
          console.log(boundLine(bound));
          total++;
          if (boundMet(bound)) met++;
        }
      } catch (e) {
        total++;
        console.log(`  MISS ${b.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      console.log(`  (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`bench: ${met}/${total} bounds met`);
  return met === total ? 0 : 1;
}

process.exitCode = await main();
