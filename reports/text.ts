/**
 * Text shared by the human-facing writers (JUnit, Gradescope, HTML): student
 * output made safe to show, and a scenario's transcript. report.json keeps
 * output byte for byte; the other reports show it cleaned and bounded.
 */
import type { ReportScenario } from './model.ts';

/** Per command: more output than this is cut in the transcript (report.json keeps it all). */
export const MAX_OUTPUT_CHARS = 20_000;

// CSI / OSC / two-character escape sequences, as a terminal would interpret them.
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;
// Not XML 1.0 Chars (C0 controls but tab/LF/CR, DEL-less: U+FFFE/U+FFFF) plus lone surrogates.
const NOT_XML_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops terminal escape sequences and characters no XML or HTML document may hold; CRLF becomes LF. */
export function cleanText(s: string): string {
  return s.replace(ANSI, '').replace(/\r\n/g, '\n').replace(NOT_XML_CHAR, '');
}

/** Cuts `s` to `max` characters (never inside a surrogate pair), saying how much was left out. */
export function truncate(s: string, max = MAX_OUTPUT_CHARS): string {
  if (s.length <= max) return s;
  let end = max;
  if (/[\ud800-\udbff]/.test(s[end - 1] ?? '')) end--;
  return `${s.slice(0, end)}\n[… ${s.length - end} more characters cut; report.json has the full output]\n`;
}

/** `a < b` in UTF-16 code units: the order the reports sort in (no locale). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Numbers as the reports print them: integers bare, else up to two decimals (no locale). */
export function formatPoints(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** `$ script` then its output, per command, with the exit code when not 0. */
export function transcript(s: ReportScenario): string {
  const parts: string[] = [];
  for (const c of s.commands) {
    const script = cleanText(c.script).replace(/\n/g, '\n> ');
    let out = truncate(cleanText(c.output));
    if (out !== '' && !out.endsWith('\n')) out += '\n';
    parts.push(`$ ${script}\n${out}${c.exitCode !== 0 ? `[exit code ${c.exitCode}]\n` : ''}`);
  }
  return parts.join('');
}

/** The failure, the reasons and the transcript: the body of a failed test everywhere. */
export function failureText(s: ReportScenario): string {
  const blocks: string[] = [];
  if (s.failure !== undefined) blocks.push(cleanText(s.failure).replace(/\n*$/, '\n'));
  if (s.reasons.length > 0) blocks.push(`Why (the cluster model's reasons):\n${s.reasons.map((r) => `  - ${cleanText(r)}\n`).join('')}`);
  const t = transcript(s);
  if (t !== '') blocks.push(`Transcript:\n${t}`);
  return blocks.join('\n');
}

/** The first line of the failure: the one-line message CI systems show. */
export function failureHeadline(s: ReportScenario): string {
  const first = cleanText(s.failure ?? '').split('\n').find((l) => l.trim() !== '');
  return first?.trim() ?? `scenario ${s.status}`;
}

/** Cleans, then escapes for XML and HTML text and attribute values; newlines and tabs in attributes as character references so parsers keep them. */
export function escapeXml(s: string, attribute = false): string {
  // A bare CR would be read back as LF (XML end-of-line handling): keep it as a reference.
  const e = cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return attribute ? e.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : e;
}

