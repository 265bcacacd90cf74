/**
 * The kube-netlab command: test, grade, validate, why, reach, shell.
 * Each sub-command lives in its own module; this file only dispatches.
 */
import { LabsError, UsageError } from './args.ts';

/**
 * Each sub-command is imported only when it runs: `test` never loads what
 * `grade`, `why` or `shell` need (start-up time is a bound, see bench/).
 */
const COMMANDS = {
  test: async () => import('./test-command.ts').then((m) => ({ run: m.testCommand, help: m.TEST_HELP })),
  grade: async () => import('./grade-command.ts').then((m) => ({ run: m.gradeCommand, help: m.GRADE_HELP })),
  validate: async () => import('./validate-command.ts').then((m) => ({ run: m.validateCommand, help: m.VALIDATE_HELP })),
  why: async () => import('./why-command.ts').then((m) => ({ run: m.whyCommand, help: m.WHY_HELP })),
  reach: async () => import('./reach-command.ts').then((m) => ({ run: m.reachCommand, help: m.REACH_HELP })),
} as const;

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
    case 'help': {
      const load = COMMANDS[rest[0] as keyof typeof COMMANDS];
      const help = load ? (await load()).help : rest[0] === 'shell' ? (await import('./shell-command.ts')).SHELL_HELP : HELP;
      process.stdout.write(help);
      return 0;
    }
    case 'test':
    case 'grade':
    case 'validate':
    case 'why':
    case 'reach':
      return (await COMMANDS[cmd]()).run(rest, io);
    case 'shell':
      return (await import('./shell-command.ts')).shellCommand(rest, { ...io, stdin: process.stdin, interactive: process.stdin.isTTY === true });
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
