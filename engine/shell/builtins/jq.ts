/**
 * `jq` through jq-web (the real jq 1.7.0 in WebAssembly): its output, its
 * error messages and its exit codes. loadJq() must run once at start-up;
 * afterwards every call is synchronous.
 *
 * jq-web's quirks handled here (LIBRARIES.md note 6): it drops one trailing
 * newline of stdout; on a non-zero exit it throws and loses stdout (so `-e`
 * and runtime errors are re-run to recover what jq printed before failing);
 * it names its input file `inputString`; and on success it reports stderr
 * (`debug`, `stderr`) through console.warn, which is captured here.
 */
import type { JqModule } from 'jq-web';
import type { CommandContext, CommandHandler } from '../command.ts';
import { readOperand } from './io.ts';

let jqModule: JqModule | undefined;

export async function loadJq(): Promise<void> {
  if (jqModule) return;
  const mod = (await import('jq-web')) as unknown as { default: PromiseLike<JqModule> };
  jqModule = await mod.default;
}

const NO_ARG = new Map<string, string>([
  ['-r', '-r'], ['--raw-output', '-r'], ['-c', '-c'], ['--compact-output', '-c'], ['-e', '-e'], ['--exit-status', '-e'],
  ['-n', '-n'], ['--null-input', '-n'], ['-s', '-s'], ['--slurp', '-s'], ['-j', '-j'], ['--join-output', '-j'],
  ['-S', '-S'], ['--sort-keys', '-S'], ['-a', '-a'], ['--ascii-output', '-a'], ['--tab', '--tab'], ['-R', '-R'], ['--raw-input', '-R'],
  ['-M', ''], ['-C', ''], ['--monochrome-output', ''], ['--color-output', ''],
]);
const TWO_ARGS = new Set(['--arg', '--argjson']);

interface JqCall {
  flags: string[];
  filter: string;
  files: string[];
}

function parseArgs(argv: readonly string[]): JqCall | string {
  const flags: string[] = [];
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (TWO_ARGS.has(a)) {
      if (i + 2 >= argv.length) return `jq: error: ${a} takes two parameters (e.g. ${a} varname value)`;
      flags.push(a, argv[i + 1], argv[i + 2]);
      i += 2;
    } else if (a === '--indent') {
      flags.push(a, argv[++i] ?? '2');
    } else if (NO_ARG.has(a)) {
      const f = NO_ARG.get(a)!;
      if (f) flags.push(f);
    } else if (/^-[rcenjsSaRMC]+$/.test(a)) {
      for (const c of a.slice(1)) if (NO_ARG.get('-' + c)) flags.push('-' + c);
    } else if (a.startsWith('-') && a !== '-' && positional.length === 0) {
      return `jq: Unknown option: ${a}\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq`;
    } else positional.push(a);
  }
  return { flags, filter: positional[0] ?? '.', files: positional.slice(1) };
}

export const jq: CommandHandler = (ctx) => {
  if (!jqModule) throw new Error('jq is not loaded: call loadJq() once at start-up');
  const call = parseArgs(ctx.argv.slice(1));
  if (typeof call === 'string') {
    ctx.stderr(call + '\n');
    return 2;
  }
  let input = '';
  for (const f of call.files) {
    const r = readOperand(ctx, f);
    if ('error' in r) {
      ctx.stderr(`jq: error: Could not open ${f}: ${r.error}\n`);
      return 2;
    }
    input += r.text;
  }
  if (call.files.length === 0) input = ctx.stdin;
  const source = call.files.length === 1 ? call.files[0] : '<stdin>';
  return runJq(ctx, jqModule, input, call, source);
};

function runJq(ctx: CommandContext, mod: JqModule, input: string, call: JqCall, source: string): number {
  const joined = call.flags.includes('-j');
  const first = attempt(mod, input, call.filter, call.flags);
  let stdout = first.stdout;
  if (first.code !== 0 && first.stdout === undefined) {
    // jq-web threw away what jq printed before failing; get it back.
    const noE = call.flags.filter((f) => f !== '-e');
    const retry = first.code === 5 ? attempt(mod, input, `try (${call.filter}) catch empty`, noE) : attempt(mod, input, call.filter, noE);
    if (retry.code === 0 || first.code === 1 || first.code === 4) stdout = retry.stdout;
  }
  if (stdout) ctx.stdout(stdout + (joined ? '' : '\n'));
  if (first.stderr) ctx.stderr(first.stderr.replaceAll('inputString', source) + '\n');
  return first.code;
}

interface Attempt {
  code: number;
  stdout?: string;
  stderr?: string;
}

function attempt(mod: JqModule, input: string, filter: string, flags: string[]): Attempt {
  const warned: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warned.push(String(args[args.length - 1]));
  };
  try {
    const stdout = mod.raw(input, filter, [...flags]);
    return { code: 0, stdout: stdout ?? '', stderr: warned.join('\n') || undefined };
  } catch (e) {
    const err = e as { exitCode?: number; stderr?: string; message?: string };
    if (err.exitCode === undefined) return { code: 5, stderr: `jq: error: ${err.message ?? String(e)}` };
    return { code: err.exitCode, stderr: err.stderr };
  } finally {
    console.warn = warn;
  }
}
