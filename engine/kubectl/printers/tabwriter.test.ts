/**
 * Goldens for the tabwriter port. Rows are transcribed from
 * github.com/liggitt/tabwriter tabwriter_test.go (the `tests` table, which is
 * Go's text/tabwriter table, and TestMultiWrite); only the rows using
 * features kubectl reaches are kept (no HTML, escapes, AlignRight, Debug or
 * tab padding).
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { DiscardEmptyColumns, RememberWidths, TabWriter, TABLE_TABWRITER, DESCRIBE_TABWRITER, tabwrite, type TabWriterOptions } from './tabwriter.ts';

type Row = [name: string, minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number, src: string, expected: string];

const rows: Row[] = [
  ['1a', 8, 0, 1, '.', 0, '', ''],
  ['2', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', 0, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 0, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 0, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 0, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', 0, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n11\t222\t3333\t44444\n', '1.2..3...4\n11222333344444\n'],
  ['9c', 1, 0, 0, '.', 0, '1\t2\t3\t4\f11\t222\t3333\t44444\n', '1234\n11222333344444\n'],
  ['10a', 5, 0, 0, '.', 0, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  ['11', 8, 0, 1, '.', 0,
    '本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n',
    '本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n'],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a  b  c\naa bbbcccc\naaabbbb\n'],
  ['12c', 8, 0, 1, '_', 0, 'a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n', 'a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n'],
  ['13a', 4, 0, 1, '-', 0,
    '4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n'],
  ['13b', 4, 0, 3, '.', 0,
    '4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n'],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', DiscardEmptyColumns, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', DiscardEmptyColumns, 'a\v\vb', 'a...b'],
];

function run(o: TabWriterOptions, chunks: string[]): string {
  const w = new TabWriter(o);
  for (const c of chunks) w.write(c);
  w.flush();
  return w.take();
}

describe('TabWriter (liggitt/tabwriter tests table)', () => {
  for (const [name, minwidth, tabwidth, padding, padchar, flags, src, expected] of rows) {
    const o = { minwidth, tabwidth, padding, padchar, flags };
    it(`${name} (written all at once)`, () => { expect(run(o, [src])).to.equal(expected); });
    it(`${name} (written char by char)`, () => { expect(run(o, [...src])).to.equal(expected); });
  }
});

describe('TabWriter RememberWidths (liggitt/tabwriter TestMultiWrite)', () => {
  it('keeps column widths across flushes, and resets them on request', () => {
    const w = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths });
    const step = (s: string) => { w.write(s); w.flush(); return w.take(); };
    w.write('First\tMiddle\tLast\n');
    w.write('a\tbb\tccc\n');
    expect(step('ddd\teeeeeeeeeeeeee\tf\n')).to.equal('First   Middle           Last\na       bb               ccc\nddd     eeeeeeeeeeeeee   f\n');
    expect(step('g\th\ti\n')).to.equal('g       h                i\n');
    expect(step('j\t\t\n') + step('\tk\t\n') + step('\t\tl\n')).to.equal('j                        \n        k                \n                         l\n');
    expect(step('mmmmmmmmmmmmmmm\tnnn\tooo\n')).to.equal('mmmmmmmmmmmmmmm   nnn              ooo\n');
    const w2 = new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths });
    w2.setRememberedWidths(w.rememberedWidths());
    w2.write('p\tq\tr\n'); w2.flush();
    expect(w2.take()).to.equal('p                 q                r\n');
    expect(w2.rememberedWidths()).to.deep.equal([18, 17]);
    w2.setRememberedWidths(null);
    w2.write('sssss\tt\tu\n'); w2.flush();
    expect(w2.take()).to.equal('sssss   t     u\n');
    expect(w2.rememberedWidths()).to.deep.equal([8, 6]);
    w2.setRememberedWidths([10, 5, 5]);
    w2.write('v\tw\tx\n'); w2.flush();
    expect(w2.take()).to.equal('v         w     x\n');
  });
});

describe("kubectl's two configurations", () => {
  it('table: max(6, longest + 3), last cell unpadded (LIBRARIES.md note 5 check)', () => {
    const src = 'NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nnginx\t1/1\tRunning\t0\t10s\n';
    expect(tabwrite(src, TABLE_TABWRITER)).to.equal('NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10s\n');
  });
  it('table: widths count runes, not UTF-16 units', () => {
    expect(tabwrite('𝒳𝒳\tb\nc\td\n')).to.equal('𝒳𝒳    b\nc     d\n'); // UTF-16 length would give 7
  });
  it('describe: longest + 2, no minimum', () => {
    expect(tabwrite('Name:\tx\nNamespace:\tdefault\n', DESCRIBE_TABWRITER)).to.equal('Name:       x\nNamespace:  default\n');
  });
});
