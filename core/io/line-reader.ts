import { BackupError } from './backup-format';

/** Bytes decoded per step: lines are cut from text of about this size, never from one string of the whole file. */
const BLOCK_BYTES = 1 << 20;

/** Hands out a text's lines one at a time, without their line break ("\n" or "\r\n"); `line` is the last one's number. */
export class LineReader {
  /** Number (from 1) of the line `next()` returned last. */
  line = 0;
  private text = '';
  private position = 0;
  private exhausted = false;

  /** `more()` gives the next piece of text (any size, cut anywhere), or null at the end. */
  constructor(private readonly more: () => string | null) {}

  next(): string | null {
    for (;;) {
      const end = this.text.indexOf('\n', this.position);
      if (end !== -1) return this.take(end, end + 1);
      if (this.exhausted) return this.position < this.text.length ? this.take(this.text.length, this.text.length) : null;
      const piece = this.more();
      if (piece === null) this.exhausted = true;
      else {
        this.text = this.text.slice(this.position) + piece;
        this.position = 0;
      }
    }
  }

  private take(end: number, after: number): string {
    const line = this.text.slice(this.position, this.text.charCodeAt(end - 1) === 13 && end > this.position ? end - 1 : end);
    this.position = after;
    this.line++;
    return line;
  }
}

/** The lines of a string already in memory (a leading byte order mark is dropped). */
export function linesOfText(text: string): LineReader {
  let given = false;
  return new LineReader(() => {
    if (given) return null;
    given = true;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  });
}

/**
 * The lines of UTF-8 bytes in chunks, decoded a block at a time: a character split across two chunks (or two
 * blocks) is decoded whole, and the byte order mark is dropped. Bytes that are not UTF-8 throw a `not-json`
 * BackupError naming the line they are on.
 */
export function linesOfBytes(chunks: readonly Uint8Array[]): LineReader {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let chunk = 0;
  let offset = 0;
  let flushed = false;
  const reader: LineReader = new LineReader(() => {
    try {
      while (chunk < chunks.length) {
        const bytes = chunks[chunk] as Uint8Array;
        if (offset >= bytes.length) {
          chunk++;
          offset = 0;
          continue;
        }
        const block = bytes.subarray(offset, offset + BLOCK_BYTES);
        offset += block.length;
        return decoder.decode(block, { stream: true });
      }
      if (flushed) return null;
      flushed = true;
      return decoder.decode();
    } catch {
      throw new BackupError('not-json', `The file is not UTF-8 text (near line ${reader.line + 1})`);
    }
  });
  return reader;
}

/** The whole text of UTF-8 bytes in chunks, for the old whole-document layout. */
export function textOfBytes(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    let text = '';
    for (const bytes of chunks) text += decoder.decode(bytes, { stream: true });
    return text + decoder.decode();
  } catch {
    throw new BackupError('not-json', 'The file is not UTF-8 text');
  }
}
