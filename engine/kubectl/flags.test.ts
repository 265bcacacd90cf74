/**
 * Flag parsing as spf13/pflag v1.0.9 does it (flag.go parseArgs,
 * parseLongArg, parseSingleShortArg; errors.go for the messages).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { FlagSet, Flags, type FlagSpec } from './flags.ts';
import { findSubcommand } from './cli.ts';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'env', kind: 'stringArray' },
  { name: 'filename', short: 'f', kind: 'stringSlice' },
  { name: 'replicas', short: 'r', kind: 'int' },
  { name: 'dry-run', kind: 'string', noOptDefVal: 'unchanged' },
];

function parse(...argv: string[]): Flags {
  const r = new FlagSet(SPECS).parse(argv);
  if (!r.ok) throw new Error(r.message);
  return new Flags(r.parsed);
}

function fail(...argv: string[]): string {
  const r = new FlagSet(SPECS).parse(argv);
  if (r.ok) throw new Error('expected a parse error');
  return r.message;
}

describe('kubectl flags (pflag)', () => {
  const values: Array<[string, string[], string, string]> = [
    ['-n ns', ['-n', 'ns'], 'namespace', 'ns'],
    ['-nkube-system', ['-nkube-system'], 'namespace', 'kube-system'],
    ['-n=ns (shorthand with =)', ['-n=ns'], 'namespace', 'ns'],
    ['--namespace=ns', ['--namespace=ns'], 'namespace', 'ns'],
    ['--namespace ns', ['--namespace', 'ns'], 'namespace', 'ns'],
    ['-owide', ['-owide'], 'output', 'wide'],
    ['-o wide', ['-o', 'wide'], 'output', 'wide'],
    ['-o=yaml', ['-o=yaml'], 'output', 'yaml'],
    ['-ojsonpath={.a}', ['-ojsonpath={.a}'], 'output', 'jsonpath={.a}'],
    ['-l a=b,c!=d', ['-l', 'a=b,c!=d'], 'selector', 'a=b,c!=d'],
    ['--dry-run=client', ['--dry-run=client'], 'dry-run', 'client'],
    ['bare --dry-run takes NoOptDefVal', ['--dry-run'], 'dry-run', 'unchanged'],
  ];
  for (const [name, argv, flag, want] of values) {
    it(name, () => {
      expect(parse(...argv).str(flag)).to.equal(want);
    });
  }

  it('groups booleans: -it', () => {
    const f = parse('-it', 'pod');
    expect(f.bool('stdin')).to.equal(true);
    expect(f.bool('tty')).to.equal(true);
    expect(f.args).to.deep.equal(['pod']);
  });

  it('-A is a boolean that takes no value', () => {
    const f = parse('-A', 'pods');
    expect(f.bool('all-namespaces')).to.equal(true);
    expect(f.args).to.deep.equal(['pods']);
  });

  it('intersperses flags and arguments', () => {
    const f = parse('pods', '-n', 'x', 'a', '-owide', 'b');
    expect(f.args).to.deep.equal(['pods', 'a', 'b']);
    expect(f.str('namespace')).to.equal('x');
  });

  it('-- ends the flags and records ArgsLenAtDash', () => {
    const f = parse('client', '-i', '--', 'sh', '-c', 'echo -n hi');
    expect(f.args).to.deep.equal(['client', 'sh', '-c', 'echo -n hi']);
    expect(f.parsed.argsLenAtDash).to.equal(1);
    expect(f.bool('stdin')).to.equal(true);
  });

  it('StringArray repeats without splitting; StringSlice splits on commas', () => {
    const f = parse('--env', 'A=1,2', '--env=B=3', '-f', 'a.yaml,b.yaml', '-f', 'c.yaml');
    expect(f.list('env')).to.deep.equal(['A=1,2', 'B=3']);
    expect(f.list('filename')).to.deep.equal(['a.yaml', 'b.yaml', 'c.yaml']);
  });

  it('ints parse, and --bool=false is accepted', () => {
    const f = parse('--replicas', '3', '--stdin=false');
    expect(f.int('replicas', 1)).to.equal(3);
    expect(f.bool('stdin', true)).to.equal(false);
  });

  // errors.go texts
  const errors: Array<[string, string[], string]> = [
    ['unknown long flag', ['--foo'], 'unknown flag: --foo'],
    ['unknown long flag with value', ['--foo=bar'], 'unknown flag: --foo'],
    ['unknown shorthand', ['-z'], "unknown shorthand flag: 'z' in -z"],
    ['unknown shorthand inside a group', ['-iz'], "unknown shorthand flag: 'z' in -z"],
    ['long flag missing its value', ['--namespace'], 'flag needs an argument: --namespace'],
    ['shorthand missing its value', ['-n'], "flag needs an argument: 'n' in -n"],
    ['bad int', ['--replicas', 'x'], 'invalid argument "x" for "-r, --replicas" flag: strconv.ParseInt: parsing "x": invalid syntax'],
    ['bad bool', ['--stdin=maybe'], 'invalid argument "maybe" for "-i, --stdin" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
    ['bad syntax', ['---x'], 'bad flag syntax: ---x'],
  ];
  for (const [name, argv, want] of errors) {
    it(`error: ${name}`, () => {
      expect(fail(...argv)).to.equal(want);
    });
  }

  it('finds the subcommand after global flags (cobra Find)', () => {
    expect(findSubcommand(['-n', 'kube-system', 'get', 'pods'])).to.deep.equal({ index: 2 });
    expect(findSubcommand(['--namespace=x', 'get'])).to.deep.equal({ index: 1 });
    expect(findSubcommand(['--insecure-skip-tls-verify', 'version'])).to.deep.equal({ index: 1 });
    expect(findSubcommand(['-n'])).to.equal(undefined);
  });
});
