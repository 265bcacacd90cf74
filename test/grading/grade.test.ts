/**
 * `kube-netlab grade` end to end, through the real CLI: the homework lab
 * (test/grading/labs/homework.feature, 10 points) against a correct
 * submission, one per classic mistake and one per hostile case. Checks the
 * scores, that each mistake's reason is named and located, that reports
 * validate against schemas/report.schema.json, that every hostile case is
 * graded within 60 s (--timeout 60 would report TIMEOUT) and 1 GiB, that
 * submissions are unchanged and nothing is written outside OUT_DIR (and
 * the temp folder), and that reports are the same bytes run to run and
 * with 1 or 2 workers.
 */
import { after, before, describe, it } from 'node:test';
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { LabReport } from '../../reports/index.ts';
import { GENERATED, SUBMISSIONS } from './hostile.ts';
import { LABS, ROOT, listTree, runCli, treeHash, type CliRun } from './run-grader.ts';

const STAMP = '2025-01-31T12:00:00.000Z';
const GiB_KiB = 1024 * 1024;

interface Expect {
  score: number;
  /** Text that names the mistake, in a failure or a problem. */
  reason: RegExp;
  /** `file:line` (or the file alone for whole-file problems) that must appear in a problem or failure. */
  where?: string;
}

const MISTAKES: Record<string, Expect> = {
  'mistake-indentation': { score: 6, reason: /did not find expected key/, where: 'K8S/CH05/web.yaml:11' },
  'mistake-kind-case': { score: 6, reason: /no matches for kind "service" in version "v1"/, where: 'K8S/CH05/myservice.yaml:3' },
  'mistake-missing-file': { score: 7, reason: /the path "K8S\/CH05\/node-port.yaml" does not exist/ },
  'mistake-node-port-range': { score: 6, reason: /nodePort: Invalid value: 8080: provided port is not in the valid range/, where: 'K8S/CH05/node-port.yaml:12' },
  'mistake-selector': { score: 7, reason: /service myservice has no endpoints: its selector app=mynginx matches no pod/ },
  'mistake-target-port': { score: 7, reason: /pod mynginx listens on 80, not on targetPort 8080/ },
  'mistake-template-labels': { score: 6, reason: /`selector` does not match template `labels`/, where: 'K8S/CH05/web.yaml:14' },
};

const HOSTILE: Record<string, Expect> = {
  'hostile-absurd-ports': { score: 6, reason: /spec.ports\[0\].port: Invalid value: 99999999: must be between 1 and 65535/, where: 'K8S/CH05/web.yaml:30' },
  'hostile-absurd-replicas': { score: 7, reason: /web\s+\d+\/100000/ },
  'hostile-binary': { score: 6, reason: /invalid leading UTF-8 octet/, where: 'K8S/CH05/node-port.yaml:6' },
  'hostile-missing-files': { score: 0, reason: /the path "K8S\/CH05\/myservice.yaml" does not exist/ },
  'hostile-proto-keys': { score: 6, reason: /unknown field "metadata.__proto__"/, where: 'K8S/CH05/myservice.yaml:10' },
  'hostile-unknown-kinds': { score: 9, reason: /no matches for kind "Frobnicator" in version "v1"/, where: 'K8S/CH05/extra.yaml:2' },
  'hostile-bom-crlf': { score: 10, reason: /^$/ },
  'hostile-alias-bomb': { score: 9, reason: /excessive aliasing/, where: 'K8S/CH05/bomb.yaml:1' },
  'hostile-deep-nesting': { score: 9, reason: /exceeded max depth of 64/, where: 'K8S/CH05/deep-flow.yaml:1' },
  'hostile-huge-file': { score: 9, reason: /file is larger than 1048576 bytes/, where: 'video.mp4' },
  'hostile-many-documents': { score: 9, reason: /more than 500 documents/, where: 'K8S/CH05/many.yaml:1' },
  'hostile-many-files': { score: 10, reason: /more than 1000 files/, where: 'node_modules/' },
  'hostile-symlinks': { score: 7, reason: /links are never followed/, where: 'K8S/CH05/node-port.yaml' },
};

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateReport = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')));

function readReport(dir: string): LabReport {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as LabReport;
}

/** Everything a student would read about their mistakes: failures, reasons, transcripts, located problems. */
function explanation(r: LabReport): string {
  const lines = (r.problems ?? []).map((p) => `${p.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  for (const s of r.scenarios) {
    if (s.failure) lines.push(s.failure);
    lines.push(...s.reasons);
    for (const c of s.commands) lines.push(c.output);
  }
  return lines.join('\n');
}

function checkGraded(out: string, name: string, e: Expect): void {
  const r = readReport(join(out, name));
  expect(validateReport(r), `${name}: ${JSON.stringify(validateReport.errors?.slice(0, 3))}`).to.equal(true);
  expect(r.totals.maxScore, name).to.equal(10);
  expect(r.totals.score, `${name}'s score`).to.equal(e.score);
  expect((r.problems ?? []).map((p) => p.code), `${name} was not cut short`).to.not.include.members(['TIMEOUT', 'CRASH', 'GRADING_ERROR']);
  if (e.score < 10) expect(explanation(r), `${name}'s reason`).to.match(e.reason);
  if (e.where) expect(explanation(r), `${name}'s location`).to.include(e.where);
}

let tmp: string;
before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'knl-grade-'));
});
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('kube-netlab grade: the homework', () => {
  let run: CliRun;
  let out: string;
  const names = ['correct', ...Object.keys(MISTAKES)];
  before(() => {
    out = join(tmp, 'mistakes-out');
    run = runCli(['grade', ...names.map((n) => join(SUBMISSIONS, n)), '--labs', LABS, '--out', out, '--timestamp', STAMP, '--parallel', '2']);
  });

  it('exits 0 and prints one line per submission, in order', () => {
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout.trim().split('\n').map((l) => l.split(':')[0]!.split('/').pop())).to.deep.equal(names);
  });

  it('gives the correct submission full marks', () => checkGraded(out, 'correct', { score: 10, reason: /^$/ }));

  for (const [name, e] of Object.entries(MISTAKES)) {
    it(`${name}: partial credit (${e.score}/10) and a reason naming the mistake`, () => checkGraded(out, name, e));
  }
});

describe('kube-netlab grade: hostile submissions are graded, not crashed on', () => {
  const committed = Object.keys(HOSTILE).filter((n) => !(n in GENERATED));
  let run: CliRun;
  let out: string;
  let cwd: string;
  let home: string;
  let temp: string;
  let genRoot: string;
  const before_: Record<string, string> = {};
  before(() => {
    genRoot = join(tmp, 'generated');
    mkdirSync(genRoot);
    const dirs = [...committed.map((n) => join(SUBMISSIONS, n)), ...Object.values(GENERATED).map((make) => make(genRoot))];
    for (const d of dirs) before_[d] = treeHash(d);
    // An empty working folder, home and temp folder: afterwards only OUT_DIR may be in them.
    cwd = join(tmp, 'cwd');
    home = join(tmp, 'home');
    temp = join(tmp, 'temp');
    for (const d of [cwd, home, temp]) mkdirSync(d);
    out = join(cwd, 'out');
    run = runCli(['grade', ...dirs, '--labs', LABS, '--out', 'out', '--timestamp', STAMP, '--timeout', '60', '--parallel', '2'], { cwd, env: { ...process.env, HOME: home, TMPDIR: temp } });
    process.stdout.write(`# hostile run: ${dirs.length} submissions in ${(run.wallMs / 1000).toFixed(1)} s, peak RSS ${run.peakKiB ?? '?'} KiB\n`);
  });

  it('exits 0', () => {
    expect(run.status, run.stderr).to.equal(0);
  });

  for (const [name, e] of Object.entries(HOSTILE)) {
    it(`${name}: ${e.score}/10 within the 60 s limit, the error located`, () => checkGraded(out, name, e));
  }

  it('stays under 1 GiB of memory', () => {
    if (run.peakKiB !== undefined) expect(run.peakKiB).to.be.below(GiB_KiB);
  });

  it('leaves every submission unchanged', () => {
    for (const [d, h] of Object.entries(before_)) expect(treeHash(d), d).to.equal(h);
  });

  it('writes nothing outside OUT_DIR (working folder and home untouched)', () => {
    expect(listTree(cwd).filter((p) => !p.startsWith('out'))).to.deep.equal([]);
    expect(listTree(home)).to.deep.equal([]);
    expect(readdirSync(genRoot).sort()).to.deep.equal([...Object.keys(GENERATED), 'outside-secret.yaml'].sort());
  });

  it('caps absurd replica counts with the object budget instead of creating 100,000 pods', () => {
    const r = readReport(join(out, 'hostile-absurd-replicas'));
    const text = explanation(r);
    expect(text).to.match(/web\s+\d+\/100000/);
    expect(text).to.not.match(/web\s+100000\/100000/);
  });
});

describe('kube-netlab grade: determinism, workers, shards, time limit', () => {
  const subs = ['correct', 'mistake-selector', 'mistake-indentation'].map((n) => join(SUBMISSIONS, n));
  const FILES = ['report.json', 'results.json', 'junit.xml', 'report.html'];

  it('gives the same bytes twice, and with 1 or 2 workers', () => {
    const outs = [1, 1, 2].map((p, i) => {
      const out = join(tmp, `det-${i}`);
      const r = runCli(['grade', ...subs, '--labs', LABS, '--out', out, '--timestamp', STAMP, '--parallel', String(p)]);
      expect(r.status, r.stderr).to.equal(0);
      process.stdout.write(`# ${subs.length} submissions with --parallel ${p}: ${(r.wallMs / 1000).toFixed(1)} s\n`);
      return out;
    });
    for (const name of ['correct', 'mistake-selector', 'mistake-indentation']) {
      for (const f of FILES) {
        const first = readFileSync(join(outs[0]!, name, f), 'utf8');
        expect(readFileSync(join(outs[1]!, name, f), 'utf8'), `${name}/${f} run twice`).to.equal(first);
        expect(readFileSync(join(outs[2]!, name, f), 'utf8'), `${name}/${f} with 2 workers`).to.equal(first);
      }
    }
  });

  it('--shard 2/2 grades every second submission, named as in the whole list', () => {
    const out = join(tmp, 'shard');
    const r = runCli(['grade', ...subs, '--labs', LABS, '--out', out, '--shard', '2/2', '--timestamp', STAMP]);
    expect(r.status, r.stderr).to.equal(0);
    expect(readdirSync(out)).to.deep.equal(['mistake-selector']);
  });

  it('reports a submission that runs past --timeout instead of stopping', () => {
    const out = join(tmp, 'timeout');
    // 1 ms: less than any grading takes, whatever the machine's load.
    const r = runCli(['grade', subs[0]!, '--labs', LABS, '--out', out, '--timeout', '0.001', '--timestamp', STAMP]);
    expect(r.status, r.stderr).to.equal(0);
    const report = readReport(out);
    expect(validateReport(report)).to.equal(true);
    expect(report.problems?.map((p) => p.code)).to.deep.equal(['TIMEOUT']);
    expect(report.totals).to.include({ score: 0, maxScore: 10, scenarios: 4 });
    expect(report.scenarios[0]!.failure).to.match(/^not graded: grading took longer than 0.001 s and was stopped/);
  });
});
