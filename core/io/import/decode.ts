/**
 * Decodes a file given in byte chunks, detecting its encoding as it goes. Sellers' files come as UTF-8 (with or
 * without a BOM), as Windows-1252 (a pt-BR Excel "CSV (separado por vírgulas)"), or as UTF-16 ("Texto Unicode",
 * always with a BOM). UTF-8 and Windows-1252 agree on ASCII, so the text is ASCII until the first byte above 0x7F:
 * if that byte starts a valid UTF-8 sequence the file is UTF-8 (later invalid bytes become U+FFFD), otherwise it is
 * Windows-1252. The sequence may straddle two chunks; its bytes are held until it is whole.
 */
export class ChunkDecoder {
  private decoder: TextDecoder | null = null;
  /** Bytes seen before the encoding was known and not decoded yet (a BOM's start, a sequence's start). */
  private held: Uint8Array = new Uint8Array(0);
  private started = false;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be' | null = null;

  push(chunk: Uint8Array): string {
    if (this.decoder) return this.decoder.decode(chunk, { stream: true });
    const bytes = this.held.length ? concat(this.held, chunk) : chunk;
    return this.detect(bytes, false);
  }

  end(): string {
    if (this.decoder) return this.decoder.decode();
    return this.detect(this.held, true);
  }

  private detect(bytes: Uint8Array, final: boolean): string {
    if (!this.started) {
      if (bytes.length < 3 && !final) return this.hold(bytes);
      this.started = true;
      if (bytes[0] === 0xff && bytes[1] === 0xfe) return this.choose('utf-16le', bytes, final);
      if (bytes[0] === 0xfe && bytes[1] === 0xff) return this.choose('utf-16be', bytes, final);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return this.choose('utf-8', bytes, final);
    }
    let at = 0;
    while (at < bytes.length && bytes[at] as number < 0x80) at++;
    if (at === bytes.length) {
      this.held = new Uint8Array(0);
      return latin(bytes);
    }
    const verdict = firstSequenceIsUtf8(bytes, at);
    if (verdict === null && !final) return latin(bytes.subarray(0, at)) + this.hold(bytes.subarray(at));
    return latin(bytes.subarray(0, at)) + this.choose(verdict ? 'utf-8' : 'windows-1252', bytes.subarray(at), final);
  }

  private choose(encoding: NonNullable<ChunkDecoder['encoding']>, bytes: Uint8Array, final: boolean): string {
    this.encoding = encoding;
    this.held = new Uint8Array(0);
    this.decoder = new TextDecoder(encoding);
    return this.decoder.decode(bytes, { stream: !final });
  }

  private hold(bytes: Uint8Array): string {
    this.held = bytes.slice();
    return '';
  }
}

const ascii = new TextDecoder('utf-8');

/** ASCII bytes as text (every byte below 0x80, so any ASCII-compatible decoder reads them alike). */
function latin(bytes: Uint8Array): string {
  return ascii.decode(bytes);
}

/** Whether the bytes from `at` (a byte ≥ 0x80) are one valid UTF-8 sequence; null when the chunk ends inside it. */
function firstSequenceIsUtf8(bytes: Uint8Array, at: number): boolean | null {
  const lead = bytes[at] as number;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0) return false;
  for (let i = 1; i < length; i++) {
    if (at + i >= bytes.length) return null;
    const next = bytes[at + i] as number;
    if (next < 0x80 || next > 0xbf) return false;
  }
  // Overlong and surrogate forms: the second byte's range depends on the lead (RFC 3629 §4).
  const second = bytes[at + 1] as number;
  if (lead === 0xe0 && second < 0xa0) return false;
  if (lead === 0xed && second > 0x9f) return false;
  if (lead === 0xf0 && second < 0x90) return false;
  if (lead === 0xf4 && second > 0x8f) return false;
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}
