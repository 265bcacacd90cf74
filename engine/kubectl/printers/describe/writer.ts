/**
 * The plumbing of kubectl pkg/describe/describe.go: tabbedString (a
 * tabwriter(0, 8, 2, ' ', 0) around the whole text) and PrefixWriter (two
 * spaces per level, terminal escapes neutralised, Flush ends the column
 * blocks — DescribeEvents flushes before its table), plus the shared
 * sections: labels, annotations and the Events table.
 */
import type { KObject } from '../../../api/object.ts';
import { DESCRIBE_TABWRITER, TabWriter } from '../tabwriter.ts';
import { humanDuration, parseTimestamp } from '../duration.ts';
import { compareGoStrings } from '../gojson.ts';

export const LEVEL_0 = 0, LEVEL_1 = 1, LEVEL_2 = 2, LEVEL_3 = 3;

export class PrefixWriter {
  private readonly tw = new TabWriter(DESCRIBE_TABWRITER);
  private out = '';

  /** w.Write(level, text): `text` is already formatted (Go's Sprintf happens at the call site). */
  write(level: number, text: string): void {
    this.tw.write(('  '.repeat(level) + text).replace(/\x1b/g, '^[').replace(/\r/g, '\\r'));
  }
  /** w.WriteLine(x): Sprintln, i.e. the text and a newline. */
  writeLine(text: string): void {
    this.write(LEVEL_0, `${text}\n`);
  }
  flush(): void {
    this.tw.flush();
    this.out += this.tw.take();
  }
  /** tabbedString's final Flush and the buffer. */
  text(): string {
    this.flush();
    return this.out;
  }
}

/** tabbedString(func): run the body against a fresh PrefixWriter. */
export function tabbedString(body: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  body(w);
  return w.text();
}

/** printLabelsMultiline: `Labels:\tk=v` then `\tk2=v2`, keys sorted, `<none>` when empty. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(compareGoStrings);
  if (keys.length === 0) return w.writeLine('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Go's len() counts bytes; shorten cuts at a byte count. */
const byteLen = (s: string) => new TextEncoder().encode(s).length;
function shorten(s: string, max: number): string {
  const b = new TextEncoder().encode(s);
  return b.length > max ? `${new TextDecoder().decode(b.slice(0, max))}...` : s;
}

/** printAnnotationsMultiline: last-applied-configuration skipped, long or multi-line values on their own lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const a = annotations ?? {};
  const keys = Object.keys(a).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort(compareGoStrings);
  if (keys.length === 0) return w.writeLine('<none>');
  const indent = '\t';
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = a[k]!.replace(/\n$/, '');
    if (byteLen(value) + byteLen(k) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${k}: ${value}\n`);
    }
  });
}

function since(ts: unknown, now: number): string {
  const t = parseTimestamp(ts);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

/** DescribeEvents: `<none>`, or the Type/Reason/Age/From/Message table sorted by lastTimestamp. */
export function describeEvents(events: readonly KObject[], w: PrefixWriter, now: number): void {
  if (events.length === 0) return w.write(LEVEL_0, 'Events:\t<none>\n');
  w.flush();
  const sorted = [...events].sort((a, b) => (parseTimestamp(a['lastTimestamp']) ?? 0) - (parseTimestamp(b['lastTimestamp']) ?? 0));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const ev = e as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    let first = since(ev['eventTime'], now);
    if (!ev['eventTime']) first = since(ev['firstTimestamp'], now);
    let interval: string;
    if (ev['series']) interval = `${since(ev['series'].lastObservedTime, now)} (x${ev['series'].count ?? 0} over ${first})`;
    else if ((ev['count'] ?? 0) > 1) interval = `${since(ev['lastTimestamp'], now)} (x${ev['count']} over ${first})`;
    else interval = first;
    const source = ev['source']?.component || ev['reportingComponent'] || '';
    w.write(LEVEL_1, `${ev['type'] ?? ''}\t${ev['reason'] ?? ''}\t${interval}\t${source}\t${String(ev['message'] ?? '').trim()}\n`);
  }
}
