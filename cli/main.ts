/**
 * The kube-netlab command: test, grade, validate, reach.
 * Each sub-command lives in its own module; this file only dispatches.
 */
import { UsageError } from './args.ts';
import { gradeCommand, GRADE_HELP } from './grade-command.ts';
import { LabsError } from './run-labs.ts';
import { reachCommand, REACH_HELP } from './reach-command.ts';
import { shellCommand, SHELL_HELP } from './shell-command.ts';
import { testCommand, TEST_HELP } from './test-command.ts';
import { validateCommand, VALIDATE_HELP } from './validate-command.ts';
import { whyCommand, WHY_HELP } from './why-command.ts';

const HELP = `Usage: kube-netlab COMMAND [options]

kube-netlab runs Kubernetes networking labs (Gherkin feature files) against
an in-memory model of a k3s cluster, and grades homework with them.

Commands:
  test PATH...      run lab features; exit 0 only when every scenario passed
  grade SUBMISSION_DIR... --labs PATH... --out OUT_DIR
                    grade homework submissions with the labs; write reports
  validate FILE...  check manifests alone: located errors, exit 1 if any
  why FROM TARGET -f FILES...
                    explain why a pod can or cannot reach a Service, pod or IP
  reach --port N FILES...
                    apply manifests and print the pod-to-pod reachability table
  shell             a terminal on a fresh simulated cluster, to explore
  help [COMMAND]    show help

Run 'kube-netlab COMMAND --help' for a command's options.
`;

async function main(argv: string[]): Promise<number> {
  const io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case undefined:
    case '-h':
    case '--help':
      process.stdout.write(HELP);
      return cmd === undefined ? 2 : 0;
    case 'help':
      process.stdout.write(({ test: TEST_HELP, grade: GRADE_HELP, shell: SHELL_HELP, why: WHY_HELP, reach: REACH_HELP, validate: VALIDATE_HELP } as Record<string, string>)[rest[0] ?? ''] ?? HELP);
      return 0;
    case 'test':
      return testCommand(rest, io);
    case 'grade':
      return gradeCommand(rest, io);
    case 'validate':
      return validateCommand(rest, io);
    case 'why':
      return whyCommand(rest, io);
    case 'reach':
      return reachCommand(rest, io);
    case 'shell':
      return shellCommand(rest, { ...io, stdin: process.stdin, interactive: process.stdin.isTTY === true });
    default:
      throw new UsageError(`unknown command "${cmd}" (commands: test, grade, validate, why, reach, shell; see kube-netlab --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof LabsError) {
      process.stderr.write(`kube-netlab: ${err.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`kube-netlab: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 70;
    }
  },
);
