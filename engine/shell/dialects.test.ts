/**
 * Child shells inside containers: `sh -c` as Debian's dash (rows replayed
 * against the real dash by replay.test.ts), as BusyBox ash (wording from
 * mirror/busybox shell/ash.c: ash_vmsg, raise_error_unexpected_syntax,
 * tokname_array, "can't cd to"), and as non-interactive bash; plus
 * CommandContext.exec and runScript as kubectl exec uses them.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { CommandHandler, ShellDialect } from './command.ts';
import { shellBinaries } from './index.ts';
import { containerRegistry, makeLab } from './testdata/harness.ts';
import { Workspace } from '../workspace/index.ts';

import { d, DASH_ROWS, type DialectRow } from './testdata/dash-rows.ts';

/** BusyBox 1.36 ash, from shell/ash.c (no BusyBox binary to replay against). */
const BUSYBOX_ROWS: DialectRow[] = [
  d('not found (no line number with -c)', 'foo', 'sh: foo: not found\n', 127),
  d('syntax error', 'echo a | | b', 'sh: syntax error: unexpected "|"\n', 2),
  d('unterminated quote', 'echo "abc', 'sh: syntax error: unterminated quoted string\n', 2),
  d('unexpected newline', 'echo a >\n', 'sh: syntax error: unexpected newline\n', 2),
  d('cd to a missing folder', 'cd nope', "sh: cd: can't cd to nope: No such file or directory\n", 2),
  d('echo -e works', 'echo -e "a\\tb"', 'a\tb\n'),
];

/** bash 5.2 as `bash -c SCRIPT` (non-interactive: line numbers, the line echoed). */
const BASH_C_ROWS: DialectRow[] = [
  d('not found', 'foo', 'bash: line 1: foo: command not found\n', 127),
  d('syntax error echoes the line', 'echo a | | b', "bash: -c: line 1: syntax error near unexpected token `|'\nbash: -c: line 1: `echo a | | b'\n", 2),
  d('cd', 'cd nope', 'bash: line 1: cd: nope: No such file or directory\n', 1),
];

function runSh(dialect: ShellDialect, self: string, script: string): { output: string; exitCode: number } {
  const impl = shellBinaries[dialect === 'dash' ? 'sh:dash' : dialect === 'busybox' ? 'sh:busybox' : 'sh:bash'];
  const lab = makeLab('/root', { [self]: impl });
  lab.shell.setVar('S', script);
  const res = lab.shell.run(`${self} -c "$S"`);
  return { output: res.output, exitCode: res.exitCode };
}

describe('sh -c as dash', () => {
  for (const row of DASH_ROWS) it(row.name, () => {
      expect(runSh('dash', 'sh', row.script)).to.deep.equal({ output: row.output, exitCode: row.exitCode });
    });
});

describe('sh -c as BusyBox ash', () => {
  for (const row of BUSYBOX_ROWS) it(row.name, () => {
      expect(runSh('busybox', 'sh', row.script)).to.deep.equal({ output: row.output, exitCode: row.exitCode });
    });
});

describe('bash -c', () => {
  for (const row of BASH_C_ROWS) it(row.name, () => {
      expect(runSh('bash', 'bash', row.script)).to.deep.equal({ output: row.output, exitCode: row.exitCode });
    });
});

/** A kubectl-exec-like command: `kx [--sh] CMD...` runs argv in a BusyBox container's registry. */
function kx(podFs: Workspace): CommandHandler {
  return (ctx) => {
    const opts = { registry: containerRegistry('busybox'), fs: podFs, cwd: '/', host: { kind: 'pod' as const, namespace: 'default', pod: 'p', container: 'c' }, dialect: 'busybox' as const, env: new Map([['HOSTNAME', 'p']]) };
    if (ctx.argv[1] === '--script') return ctx.runScript(ctx.argv[2], opts);
    const code = ctx.exec(ctx.argv.slice(1), opts);
    if (code === 127 && !opts.registry.get(ctx.argv[1])) ctx.stderr(`kx: ${ctx.argv[1]}: executable file not found\n`);
    return code;
  };
}

describe('CommandContext.exec and runScript', () => {
  const podFs = new Workspace();
  podFs.write('/etc/hostname', 'p\n', { parents: true });
  podFs.write('/etc/resolv.conf', 'nameserver 10.43.0.10\n', { parents: true });

  it('exec runs argv without parsing: quotes and $ stay as they are', () => {
    const { shell } = makeLab('/home/lab', { kx: kx(podFs) });
    const res = shell.run(`kx echo '$HOME' "a  b"`);
    expect(res.output).to.equal('$HOME a  b\n');
  });

  it('exec reads the container file tree and env, output piped on the terminal', () => {
    const { shell } = makeLab('/home/lab', { kx: kx(podFs) });
    expect(shell.run('kx cat /etc/resolv.conf | grep -c nameserver; kx hostname; kx env').output).to.equal('1\np\nHOSTNAME=p\n');
  });

  it('exec of an unknown binary returns 127 and prints nothing itself', () => {
    const { shell } = makeLab('/home/lab', { kx: kx(podFs) });
    const res = shell.run('kx nslookup x');
    expect(res).to.include({ output: 'kx: nslookup: executable file not found\n', exitCode: 127 });
  });

  it('sh -c inside the container sees the container, and writes to the caller streams', () => {
    const { shell } = makeLab('/home/lab', { kx: kx(podFs) });
    const res = shell.run(`kx sh -c 'cat /etc/hostname; nope; echo "$HOSTNAME"' 2>&1 | cat`);
    expect(res.output).to.equal('p\nsh: nope: not found\np\n');
  });

  it('runScript shares the streams and returns the exit code', () => {
    const { shell } = makeLab('/home/lab', { kx: kx(podFs) });
    const res = shell.run(`kx --script 'echo out; echo err >&2; exit 4'; echo "rc=$?"`);
    expect(res.chunks).to.deep.equal([
      { fd: 1, text: 'out\n' },
      { fd: 2, text: 'err\n' },
      { fd: 1, text: 'rc=4\n' },
    ]);
  });

  it('sh FILE runs a script file', () => {
    const { shell, fs } = makeLab('/home/lab', { sh: shellBinaries['sh:dash'] });
    fs.write('/home/lab/s.sh', 'echo from file\nfoo\n');
    expect(shell.run('sh s.sh').output).to.equal('from file\ns.sh: 2: foo: not found\n');
  });

  it('sh -e stops at the first failure', () => {
    const { shell } = makeLab('/home/lab', { sh: shellBinaries['sh:dash'] });
    expect(shell.run(`sh -ec 'echo a; false; echo b'`)).to.include({ output: 'a\n', exitCode: 1 });
  });
});
