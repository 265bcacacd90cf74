/**
 * The kube-netlab command: test, grade, validate, reach.
 * Each sub-command lives in its own module; this file only dispatches.
 */
import { UsageError } from './args.ts';
import { gradeCommand, GRADE_HELP } from './grade-command.ts';
import { LabsError } from './run-labs.ts';
import { testCommand, TEST_HELP } from './test-command.ts';

const HELP = `Usage: kube-netlab COMMAND [options]

kube-netlab runs Kubernetes networking labs (Gherkin feature files) against
an in-memory model of a k3s cluster, and grades homework with them.

Commands:
  test PATH...      run lab features; exit 0 only when every scenario passed
  grade SUBMISSION_DIR... --labs PATH... --out OUT_DIR
                    grade homework submissions with the labs; write reports
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
      process.stdout.write(rest[0] === 'test' ? TEST_HELP : rest[0] === 'grade' ? GRADE_HELP : HELP);
      return 0;
    case 'test':
      return testCommand(rest, io);
    case 'grade':
      return gradeCommand(rest, io);
    default:
      throw new UsageError(`unknown command "${cmd}" (commands: test, grade; see kube-netlab --help)`);
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
