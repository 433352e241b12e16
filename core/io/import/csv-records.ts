import Papa from 'papaparse';

/** A CSV record with the physical lines it spans. `problem` is set when its quotes are not where CSV puts them. */
export interface CsvRecord {
  line: number;
  endLine: number;
  cells: string[];
  problem?: 'unclosed-quote' | 'stray-quote';
}

/** Text looked at before choosing the separator: the header and some rows, even behind a preamble. */
const SNIFF_CHARS = 64 * 1024;
const SNIFF_LINES = 30;
/** No real record is this long: a held record past it is a quote that never closes. */
const MAX_RECORD_CHARS = 1 << 20;
const SEPARATORS = [';', ',', '\t'] as const;

/**
 * Cuts decoded text, given in pieces of any size, into CSV records numbered by physical line. Papaparse has no push
 * API for text, so each push parses what is pending and holds back the last record, which may be cut (a quoted note
 * whose closing quote is in the next chunk); the held text is parsed again with the next piece. Line breaks are
 * read as CRLF, LF or a lone CR (Excel for Mac's "CSV (Macintosh)").
 */
export class CsvRecordSplitter {
  separator: string | null = null;
  private pending = '';
  private pendingLine = 1;
  private heldReturn = false;

  push(text: string): CsvRecord[] {
    this.pending += this.lineBreaks(text, false);
    if (this.separator === null) {
      if (this.pending.length < SNIFF_CHARS && countLines(this.pending, SNIFF_LINES) < SNIFF_LINES) return [];
      this.separator = detectSeparator(this.pending);
    }
    return this.parse(false);
  }

  end(): CsvRecord[] {
    this.pending += this.lineBreaks('', true);
    this.separator ??= detectSeparator(this.pending);
    return this.parse(true);
  }

  private lineBreaks(text: string, final: boolean): string {
    let joined = this.heldReturn ? `\r${text}` : text;
    this.heldReturn = !final && joined.endsWith('\r');
    if (this.heldReturn) joined = joined.slice(0, -1);
    return joined.includes('\r') ? joined.replace(/\r\n?/g, '\n') : joined;
  }

  private parse(final: boolean): CsvRecord[] {
    const parsed = Papa.parse<string[]>(this.pending, { delimiter: this.separator as string, newline: '\n', quoteChar: '"' });
    const problems = new Map<number, CsvRecord['problem']>();
    for (const error of parsed.errors) {
      if (error.type === 'Quotes' && error.row !== undefined) problems.set(error.row, error.code === 'MissingQuotes' ? 'unclosed-quote' : (problems.get(error.row) ?? 'stray-quote'));
    }
    const records: CsvRecord[] = [];
    const complete = final ? parsed.data.length : parsed.data.length - 1;
    let line = this.pendingLine;
    for (let index = 0; index < complete; index++) {
      const cells = parsed.data[index] as string[];
      const problem = problems.get(index);
      // A quote left open at the end swallows the file's last line break too; that break ends no line of the record.
      const span = breaksIn(cells) - (final && problem === 'unclosed-quote' && index === complete - 1 && this.pending.endsWith('\n') ? 1 : 0);
      if (problem || !isBlank(cells)) records.push(problem ? { line, endLine: line + span, cells, problem } : { line, endLine: line + span, cells });
      line += span + 1;
    }
    if (final) {
      this.pending = '';
      return records;
    }
    this.pending = this.pending.slice(offsetAfterBreaks(this.pending, line - this.pendingLine));
    this.pendingLine = line;
    if (this.pending.length > MAX_RECORD_CHARS && this.pending.lastIndexOf('\n') > 0) records.push(this.dropRunaway());
    return records;
  }

  /** The held record is a quote that never closes: report its lines so far and read on from the next line. */
  private dropRunaway(): CsvRecord {
    const cut = this.pending.lastIndexOf('\n') + 1;
    const lines = countLines(this.pending.slice(0, cut), Infinity);
    const record: CsvRecord = { line: this.pendingLine, endLine: this.pendingLine + lines - 1, cells: [], problem: 'unclosed-quote' };
    this.pending = this.pending.slice(cut);
    this.pendingLine += lines;
    return record;
  }
}

function breaksIn(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) breaks++;
  }
  return breaks;
}

function isBlank(cells: string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** Line breaks in `text`, counting no further than `limit`. */
function countLines(text: string, limit: number): number {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && lines < limit; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function offsetAfterBreaks(text: string, breaks: number): number {
  let at = 0;
  for (let seen = 0; seen < breaks; seen++) at = text.indexOf('\n', at) + 1;
  return at;
}

/**
 * The separator the first lines use most: the header has the most cells, and `;` files carry decimal commas in their
 * rows (`1.234,56`), so the largest count on any one line decides; ties go to `;`, then `,`.
 */
export function detectSeparator(text: string): string {
  let best: string = ',';
  let bestCount = 0;
  const lines = text.split('\n', SNIFF_LINES);
  for (const separator of SEPARATORS) {
    let most = 0;
    for (const line of lines) most = Math.max(most, line.split(separator).length - 1);
    if (most > bestCount) {
      best = separator;
      bestCount = most;
    }
  }
  return best;
}
