/**
 * Runs a script's text the way its shell reads it: one complete command at a
 * time. Interactive bash reports a syntax error and goes on with the next
 * line; a non-interactive shell (`sh -c`) stops there with status 2. An open
 * quote swallows the rest of the input either way.
 */
import { syntaxError } from './messages.ts';
import { Parser } from './parser.ts';
import { Runner } from './runner.ts';
import { ExitRequest, type RunnerEnv, type ShellState, type Streams } from './state.ts';

export function runScriptText(env: RunnerEnv, state: ShellState, script: string, io: Streams): number {
  const parser = new Parser(script);
  const runner = new Runner(env, state);
  const lines = script.split('\n');
  for (;;) {
    const parsed = parser.nextLine();
    if (parsed.kind === 'eof') break;
    if (parsed.kind === 'empty') continue;
    if (parsed.kind === 'error') {
      const e = parsed.error;
      io.err(syntaxError(env.id, e, lines[e.pos.line - 1] ?? ''));
      state.status = 2;
      if (parsed.fatal || !env.id.interactive) break;
      continue;
    }
    try {
      runner.runList(parsed.list, io);
    } catch (e) {
      if (!(e instanceof ExitRequest)) throw e;
      state.status = e.code;
      break;
    }
  }
  return state.status;
}
