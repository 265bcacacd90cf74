/**
 * A port of Go's text/tabwriter as forked by github.com/liggitt/tabwriter
 * (the fork kubectl uses: it adds RememberWidths). Only the parts kubectl
 * reaches are ported: left alignment, space padding, the RememberWidths and
 * DiscardEmptyColumns flags; no HTML filtering, no Escape sequences.
 *
 * The rule, from the source: cells are terminated by '\t' (or '\v'); lines by
 * '\n' (or '\f'). Tab-terminated cells in contiguous lines form a column
 * whose width is max(minwidth, longest cell + padding); the last cell of a
 * line is not part of any column, so it is never padded. A line with a single
 * cell (no tab) flushes everything buffered, which ends the column blocks.
 * Widths count runes (code points), as utf8.RuneCount does.
 */

export const RememberWidths = 1 << 6;
export const DiscardEmptyColumns = 1 << 3;

interface Cell {
  text: string;
  width: number; // runes
  htab: boolean; // terminated by '\t' (not '\v')
}

export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  /** One character; '\t' padding is not supported (kubectl never uses it). */
  padchar: string;
  flags: number;
}

/** kubectl get / custom-columns: cli-runtime pkg/printers/tabwriter.go GetNewTabWriter. */
export const TABLE_TABWRITER: TabWriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', flags: RememberWidths };
/** kubectl describe: tabbedString in kubectl pkg/describe/describe.go, tabwriter.NewWriter(out, 0, 8, 2, ' ', 0). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ', flags: 0 };

export function runeLength(s: string): number {
  let n = 0;
  // for..of iterates code points, which is what Go's RuneCount counts for valid UTF-8.
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cell = ''; // current incomplete cell
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(private readonly opts: TabWriterOptions = TABLE_TABWRITER) {}

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line with one cell does not affect the formatting of later lines: flush.
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Format and emit everything buffered (see take()). */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  /** The text written so far (call flush first to include buffered lines). */
  take(): string {
    const s = this.out;
    this.out = '';
    return s;
  }

  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  setRememberedWidths(widths: readonly number[] | null): void {
    this.maxwidths = widths ? [...widths] : [];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: runeLength(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let self = line0; self < line1; self++) {
      const line = this.lines[self]!;
      if (column >= line.length - 1) continue;
      // This line has a cell in this column: print the lines above the block.
      this.writeLines(line0, self);
      line0 = self;
      let width = this.opts.minwidth;
      let discardable = true;
      for (; self < line1; self++) {
        const l = this.lines[self]!;
        if (column >= l.length - 1) break;
        const c = l[column]!;
        width = Math.max(width, c.width + this.opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.opts.flags & DiscardEmptyColumns) width = 0;
      width = this.remember(width);
      this.widths.push(width);
      this.format(line0, self);
      this.widths.pop();
      // As in Go, the loop's increment skips the line that ended the block: it
      // has no cell in this column, so the check above would skip it anyway.
      line0 = self;
    }
    this.writeLines(line0, line1);
  }

  /** RememberWidths: a column never gets narrower than it was before a flush. */
  private remember(width: number): number {
    if (!(this.opts.flags & RememberWidths)) return width;
    const col = this.widths.length;
    if (this.maxwidths.length < col) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === col) this.maxwidths.push(width);
    else if (this.maxwidths[col]! > width) width = this.maxwidths[col]!;
    else if (this.maxwidths[col]! < width) this.maxwidths[col] = width;
    return width;
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += this.opts.padchar.repeat(this.widths[j]! - c.width);
      });
      // The last buffered line has no newline yet; Flush emits its pending text.
      if (i + 1 === this.lines.length) this.out += this.cell;
      else this.out += '\n';
    }
  }
}

/** Run `text` through a fresh tabwriter and flush: what kubectl's printers emit. */
export function tabwrite(text: string, opts: TabWriterOptions = TABLE_TABWRITER): string {
  const w = new TabWriter(opts);
  w.write(text);
  w.flush();
  return w.take();
}
