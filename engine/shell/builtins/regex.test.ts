/**
 * POSIX BRE/ERE to JavaScript: what GNU grep treats as an operator or a
 * literal (grep(1) "Basic vs Extended Regular Expressions"), checked by
 * matching, with GNU grep's error wording.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { translate, type Flavor } from './regex.ts';

const rows: [string, Flavor, string, string[], string[]][] = [
  ['BRE \\| alternates', 'basic', 'ab\\|cd', ['ab', 'xcd'], ['a|b']],
  ['BRE | is literal', 'basic', 'a|b', ['a|b'], ['a', 'b']],
  ['BRE \\( \\) group and \\{m,n\\}', 'basic', '\\(ab\\)\\{2\\}', ['abab'], ['ab']],
  ['BRE ( ) { } + ? literal', 'basic', '(a+)?', ['(a+)?'], ['aa']],
  ['BRE \\+ and \\?', 'basic', 'ab\\+c\\?', ['abbb', 'abc'], ['ac']],
  ['BRE leading * is literal', 'basic', '*a', ['*a'], ['a']],
  ['BRE ^ in the middle is literal', 'basic', 'a^b', ['a^b'], ['ab']],
  ['BRE $ in the middle is literal', 'basic', 'a$b', ['a$b'], ['ab']],
  ['ERE groups, |, +, ?', 'extended', '^(ab|cd)+e?$', ['abcd', 'abe'], ['ab|cd']],
  ['ERE \\( is literal', 'extended', '\\(x\\)', ['(x)'], ['x']],
  ['ERE {m,n}', 'extended', 'a{2,3}', ['aa'], ['a']],
  ['bracket classes', 'basic', '^[[:digit:]][[:alpha:]_]$', ['1a', '2_'], ['a1']],
  ['backslash is literal in a bracket', 'basic', '[\\]', ['\\'], ['a']],
  [']' + ' first in a bracket', 'basic', '[]a]', [']', 'a'], ['b']],
  ['\\< \\> word edges', 'basic', '\\<web\\>', ['my web'], ['website']],
  ['dot and escapes', 'basic', 'a\\.b', ['a.b'], ['axb']],
];

describe('POSIX regex translation', () => {
  for (const [name, flavor, pattern, yes, no] of rows) {
    it(name, () => {
      const t = translate(pattern, flavor);
      expect(t.ok, JSON.stringify(t)).to.equal(true);
      const re = new RegExp((t as { source: string }).source);
      for (const s of yes) expect(re.test(s), `${pattern} ~ ${s}`).to.equal(true);
      for (const s of no) expect(re.test(s), `${pattern} !~ ${s}`).to.equal(false);
    });
  }

  it('GNU grep error wording', () => {
    expect(translate('\\(a', 'basic')).to.deep.equal({ ok: false, error: 'Unmatched ( or \\(' });
    expect(translate('(a', 'extended')).to.deep.equal({ ok: false, error: 'Unmatched ( or \\(' });
    expect(translate('a\\)', 'basic')).to.deep.equal({ ok: false, error: 'Unmatched ) or \\)' });
    expect(translate('[a', 'basic')).to.deep.equal({ ok: false, error: 'Unmatched [, [^, [:, [., or [=' });
  });
});
