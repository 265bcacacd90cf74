/**
 * The submission's manifests checked on their own before the labs run
 * (what `kube-netlab validate` prints), so the report locates every broken
 * manifest by file and line even when a lab never applies it, or when
 * kubectl's own message has no line (bad UTF-8, alias bombs, limits).
 */
import type { Workspace } from '../engine/workspace/index.ts';
import type { ReportProblem } from '../reports/index.ts';
import type { Submission } from './submission.ts';
import { validateManifests } from './validate.ts';

/** Bounds on the check, so a submission of many manifests costs no more than grading it. */
export const LINT_LIMITS = { maxFiles: 200, maxAdmittedDocuments: 1000 } as const;

const MANIFEST = /\.(ya?ml|json)$/;

export function lintSubmission(sub: Submission, ws: Workspace): ReportProblem[] {
  const paths = [...sub.files.keys()].filter((p) => MANIFEST.test(p)).slice(0, LINT_LIMITS.maxFiles);
  if (paths.length === 0) return [];
  const { diagnostics } = validateManifests(ws, paths, LINT_LIMITS.maxAdmittedDocuments);
  return diagnostics.map((d) => {
    const bytes = sub.files.get(d.file);
    const line = d.line <= 1 && bytes && /UTF-8/.test(d.message) ? firstBadUtf8Line(bytes) : d.line;
    return { code: d.severity === 'warning' ? 'MANIFEST_WARNING' : 'MANIFEST_ERROR', path: d.file, line, message: d.field ? `${d.field}: ${d.message}` : d.message };
  });
}

/** 1-based line of the first byte that is not valid UTF-8 (1 when none is found). */
export function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return line;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    if (b === 0x0a) line++;
    i += n;
  }
  return 1;
}

