/**
 * Writes the four report files of a run into a folder. The only module here
 * that touches the file system; it takes the fs functions as a parameter so
 * tests (and the CLI) can pass node:fs or a fake.
 */
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { toGradescope } from './gradescope.ts';
import { toHtml } from './html.ts';
import { toJson } from './json.ts';
import { toJUnit } from './junit.ts';
import type { LabReport } from './model.ts';

export interface FsLike {
  mkdirSync(path: string, opts: { recursive: true }): unknown;
  writeFileSync(path: string, data: string, encoding: 'utf8'): void;
}

export const REPORT_FILES = ['report.json', 'results.json', 'junit.xml', 'report.html'] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

/** Renders every report in memory first, so a writer bug leaves no half-written folder. */
export function renderReports(report: LabReport): Record<ReportFile, string> {
  return {
    'report.json': toJson(report),
    'results.json': toGradescope(report),
    'junit.xml': toJUnit(report),
    'report.html': toHtml(report),
  };
}

export type WriteResult = { ok: true; files: string[] } | { ok: false; error: string };

/** Writes report.json, results.json, junit.xml and report.html into outDir (created if missing). */
export function writeReports(report: LabReport, outDir: string, fs: FsLike = nodeFs): WriteResult {
  let rendered: Record<ReportFile, string>;
  try {
    rendered = renderReports(report);
  } catch (e) {
    return { ok: false, error: `could not render the reports: ${(e as Error).message}` };
  }
  const files: string[] = [];
  try {
    fs.mkdirSync(outDir, { recursive: true });
    for (const name of REPORT_FILES) {
      const path = join(outDir, name);
      fs.writeFileSync(path, rendered[name], 'utf8');
      files.push(path);
    }
  } catch (e) {
    return { ok: false, error: `could not write the reports to ${outDir}: ${(e as Error).message}` };
  }
  return { ok: true, files };
}
