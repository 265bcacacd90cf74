import { describe, it } from 'node:test';
import { expect } from 'chai';
import { parseArgs, UsageError } from './args.ts';

const spec = { tags: { value: true }, name: { value: true, repeatable: true }, help: { value: false, short: 'h' }, port: { value: true, short: 'p' } };

describe('parseArgs', () => {
  it('values with = or as the next word, repeatable options, positionals', () => {
    const r = parseArgs(['a.feature', '--tags=@x', '--name', 'n1', '--name=n2', 'b'], spec);
    expect(r.positional).to.deep.equal(['a.feature', 'b']);
    expect(r.options.get('tags')).to.deep.equal(['@x']);
    expect(r.options.get('name')).to.deep.equal(['n1', 'n2']);
  });
  it('short options, attached or not', () => {
    expect(parseArgs(['-p80'], spec).options.get('port')).to.deep.equal(['80']);
    expect(parseArgs(['-p', '80', '-h'], spec).options.get('help')).to.deep.equal(['true']);
  });
  it('-- ends the options', () => {
    expect(parseArgs(['--', '--tags'], spec).positional).to.deep.equal(['--tags']);
  });
  const bad: [string, string[], string][] = [
    ['unknown option', ['--nope'], 'unknown option --nope'],
    ['unknown short option', ['-x'], 'unknown option -x'],
    ['missing value', ['--tags'], 'option --tags needs a value'],
    ['value for a switch', ['--help=1'], 'option --help takes no value'],
    ['twice', ['--tags', 'a', '--tags', 'b'], 'option --tags given twice'],
  ];
  for (const [name, argv, message] of bad) {
    it(`usage error: ${name}`, () => {
      expect(() => parseArgs(argv, spec)).to.throw(UsageError, message);
    });
  }
});
