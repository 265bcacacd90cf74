import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'chai';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toGradescope } from './gradescope.ts';
import { toJUnit } from './junit.ts';
import { buildReport } from './model.ts';
import { cleanText, escapeXml, truncate } from './text.ts';
import { META, SCENARIOS } from './testdata/failing-run.ts';
import { expectGolden } from './testdata/golden.ts';
import { renderReports, writeReports, type FsLike } from './write.ts';

const ROOT = join(import.meta.dirname, '..');
const report = buildReport(SCENARIOS, META);

describe('text cleaning (student output into XML and HTML)', () => {
  const rows: [string, string, string][] = [
    ['ANSI colours go', '\x1b[31mred\x1b[0m', 'red'],
    ['OSC titles go', '\x1b]0;title\x07after', 'after'],
    ['NUL and BEL go, tab and LF stay', 'a\x00b\x07c\td\n', 'abc\td\n'],
    ['CRLF becomes LF', 'a\r\nb', 'a\nb'],
    ['a lone surrogate goes, a pair stays', 'x\ud800y\ud83d\ude00', 'xy\ud83d\ude00'],
    ['U+FFFE goes', 'a\ufffeb', 'ab'],
  ];
  for (const [name, input, want] of rows) {
    it(name, () => {
      expect(cleanText(input)).to.equal(want);
    });
  }

  it('escapes markup, and quotes and newlines in attributes', () => {
    expect(escapeXml('<a href="x">&\'</a>')).to.equal('&lt;a href="x"&gt;&amp;\'&lt;/a&gt;');
    expect(escapeXml('"\'\n', true)).to.equal('&quot;&apos;&#10;');
  });

  it('truncates long output and says so, never splitting a surrogate pair', () => {
    const t = truncate('ab\ud83d\ude00cd', 3);
    expect(t.startsWith('ab\n[… 4 more characters cut')).to.equal(true);
  });
});

describe('junit.xml', () => {
  const xml = toJUnit(report);

  it('is well-formed XML (fast-xml-parser XMLValidator) despite hostile output', () => {
    expect(XMLValidator.validate(xml)).to.equal(true);
    expect(xml).not.to.match(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  });

  it('one testsuite per feature, totals equal to the report\'s', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites).to.include({ tests: '6', failures: '3', errors: '0', skipped: '0' });
    expect(doc.testsuites.testsuite.name).to.equal('Chapter 5: Services');
  });

  it('classname is the Service type; repeated names get their id; failure has message and body', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const cases = doc.testsuites.testsuite.testcase as { classname: string; name: string; failure?: { message: string; '#text': string } }[];
    expect(cases.map((c) => c.classname)).to.deep.equal(['ClusterIP', 'NodePort', 'NodePort', 'LoadBalancer', 'ClusterIP', 'ClusterIP']);
    expect(cases[4]!.name).to.equal('The Service name resolves (features/chapter/ch05-services.feature:40)');
    expect(cases[1]!.failure!.message).to.equal('Expected the output to contain:');
    expect(cases[1]!.failure!['#text']).to.include('no endpoints').and.to.include('$ curl http://192.168.164.2:30080');
    expect(cases[3]!.failure!['#text']).to.include('<script>alert("x")</script>');
  });

  it('matches the golden failing-run.junit.xml', () => expectGolden('failing-run.junit.xml', xml));
});

describe('results.json (Gradescope)', () => {
  const text = toGradescope(report);
  const results = JSON.parse(text);
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'results.schema.json'), 'utf8')));

  it('is valid against schemas/results.schema.json', () => {
    validate(results);
    expect(validate.errors ?? []).to.deep.equal([]);
  });

  it('the schema rejects what Gradescope does not know', () => {
    expect(validate({ score: 1, tests: [{ status: 'ok' }] })).to.equal(false);
    expect(validate({ score: 1, visibility: 'public' })).to.equal(false);
    expect(validate({ output: 'no score and no tests' })).to.equal(false);
  });

  it('score, max_score, status per test; @hidden is after_published', () => {
    expect(results.score).to.equal(4);
    expect(results.tests.map((t: { score: number; max_score: number; status: string; visibility: string }) => [t.score, t.max_score, t.status, t.visibility])).to.deep.equal([
      [2, 2, 'passed', 'visible'],
      [0, 2, 'failed', 'visible'],
      [0, 3, 'failed', 'after_published'],
      [0, 1, 'failed', 'visible'],
      [1, 1, 'passed', 'visible'],
      [1, 1, 'passed', 'visible'],
    ]);
  });

  it('outputs are declared text (the top-level default would render HTML) and hold failure, reasons and transcript', () => {
    expect([results.output_format, results.test_output_format, results.test_name_format]).to.deep.equal(['text', 'text', 'text']);
    expect(results.tests[1].output).to.include('Why (the cluster model\'s reasons):').and.to.include('$ curl http://192.168.164.2:30080');
    expect(results.output).to.include('NodePort: 0 / 2 passed (0%), 0 / 5 points');
  });

  it('matches the golden failing-run.results.json', () => expectGolden('failing-run.results.json', text));
});

describe('writeReports', () => {
  it('writes the four files into the folder', () => {
    const written = new Map<string, string>();
    const fs: FsLike = { mkdirSync: () => undefined, writeFileSync: (p, d) => void written.set(p, d) };
    const r = writeReports(report, 'out', fs);
    expect(r).to.deep.equal({ ok: true, files: ['out/report.json', 'out/results.json', 'out/junit.xml', 'out/report.html'] });
    expect(written.get('out/junit.xml')).to.equal(renderReports(report)['junit.xml']);
  });

  it('a write error is a result, not an exception', () => {
    const fs: FsLike = { mkdirSync: () => { throw new Error('EACCES: permission denied'); }, writeFileSync: () => undefined };
    expect(writeReports(report, '/root/x', fs)).to.deep.equal({ ok: false, error: 'could not write the reports to /root/x: EACCES: permission denied' });
  });

  it('two renders of one run are byte-identical', () => {
    expect(renderReports(buildReport(SCENARIOS, META))).to.deep.equal(renderReports(report));
  });
});
