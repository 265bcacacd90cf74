import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { toJson } from './json.ts';
import { buildReport, type LabReport } from './model.ts';
import { META, SCENARIOS } from './testdata/failing-run.ts';
import { expectGolden } from './testdata/golden.ts';

const ROOT = join(import.meta.dirname, '..');

export function reportValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile<LabReport>(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));
}

describe('buildReport', () => {
  const report = buildReport(SCENARIOS, META);

  it('totals: score counts only passed scenarios, by @points', () => {
    expect(report.totals).to.deep.equal({ scenarios: 6, passed: 3, failed: 3, score: 4, maxScore: 10 });
  });

  it('summary: Service types first, then other tags, then all, each with passed / failed / points', () => {
    expect(report.summary.map((g) => [g.group, g.kind, g.passed, g.failed, g.points, g.maxPoints])).to.deep.equal([
      ['ClusterIP', 'service-type', 3, 0, 4, 4],
      ['NodePort', 'service-type', 0, 2, 0, 5],
      ['LoadBalancer', 'service-type', 0, 1, 0, 1],
      ['DNS', 'tag', 2, 0, 2, 2],
      ['all', 'all', 3, 3, 4, 10],
    ]);
  });

  it('ids are uri:line (#n for repeats), never Cucumber\'s per-run UUIDs', () => {
    expect(report.scenarios.map((s) => s.id)).to.deep.equal([
      'features/chapter/ch05-services.feature:8',
      'features/chapter/ch05-services.feature:15',
      'features/chapter/ch05-services.feature:24',
      'features/chapter/ch05-services.feature:30',
      'features/chapter/ch05-services.feature:40',
      'features/chapter/ch05-services.feature:40#2',
    ]);
    expect(toJson(report)).not.to.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
  });

  it('a failed scenario keeps its failure, reasons, commands with hops, and cluster', () => {
    const s = report.scenarios[1]!;
    expect([s.status, s.score, s.points, s.serviceTypes]).to.deep.equal(['failed', 0, 2, ['NodePort']]);
    expect(s.failure).to.match(/^Expected the output to contain:/);
    expect(s.reasons).to.deep.equal([SCENARIOS[1]!.reasons[0]]);
    expect(s.commands[1]!.notes[0]!.hops).to.have.length(3);
    expect(s.cluster?.services.map((x) => x.name)).to.deep.equal(['kubernetes', 'mynginx', 'kube-dns']);
  });

  it('@hidden is carried as hidden: true', () => {
    expect(report.scenarios.filter((s) => s.hidden).map((s) => s.line)).to.deep.equal([24]);
  });

  it('is pure: the same input gives the same report, and inputs are not shared', () => {
    const again = buildReport(SCENARIOS, META);
    expect(toJson(again)).to.equal(toJson(report));
    again.scenarios[0]!.tags.push('@changed');
    expect(SCENARIOS[0]!.tags).not.to.include('@changed');
  });

  it('points add without float drift (0.1 + 0.2)', () => {
    const tenths = SCENARIOS.slice(0, 2).map((s) => ({ ...s, status: 'passed' as const, points: s === SCENARIOS[0] ? 0.1 : 0.2 }));
    expect(buildReport(tenths, META).totals.score).to.equal(0.3);
  });
});

describe('report.json', () => {
  const validate = reportValidator();
  const report = buildReport(SCENARIOS, META);

  it('is valid against schemas/report.schema.json (Ajv2020, strict)', () => {
    const ok = validate(JSON.parse(toJson(report)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).to.deep.equal([]);
    expect(ok).to.equal(true);
  });

  it('an empty run is valid too', () => {
    expect(validate(JSON.parse(toJson(buildReport([], META))))).to.equal(true);
  });

  it('the schema rejects unknown members (additionalProperties: false)', () => {
    const bad = JSON.parse(toJson(report));
    bad.scenarios[0].extra = 1;
    expect(validate(bad)).to.equal(false);
    expect(validate.errors?.[0]?.keyword).to.equal('additionalProperties');
  });

  it('the schema rejects a status that is not Cucumber\'s', () => {
    const bad = JSON.parse(toJson(report));
    bad.scenarios[0].status = 'ok';
    expect(validate(bad)).to.equal(false);
  });

  it('has a stable key order, 2-space indent and a trailing newline', () => {
    const text = toJson(report);
    expect(text.endsWith('}\n')).to.equal(true);
    expect(text.split('\n').slice(0, 3)).to.deep.equal(['{', '  "version": 1,', '  "tool": {']);
    expect(Object.keys(JSON.parse(text).scenarios[0])).to.deep.equal(['id', 'name', 'feature', 'uri', 'line', 'tags', 'serviceTypes', 'status', 'points', 'score', 'hidden', 'reasons', 'steps', 'commands']);
  });

  it('keeps student output byte for byte (report.json is data)', () => {
    expect(JSON.parse(toJson(report)).scenarios[3].commands[0].output).to.equal(SCENARIOS[3]!.commands[0]!.output);
  });

  it('a label named __proto__ stays a label', () => {
    const s = { ...SCENARIOS[1]!, cluster: { nodes: [], services: [], pods: [{ namespace: 'a', name: 'b', ip: '', node: '', labels: JSON.parse('{"__proto__":"x","z":"y"}') as Record<string, string> }] } };
    expect(toJson(buildReport([s], META))).to.include('"__proto__": "x"');
  });

  it('matches the golden failing-run.report.json', () => {
    expectGolden('failing-run.report.json', toJson(report));
  });
});
