/** Reads bytes in order from a list of chunks, copying only what spans two of them. */
export class ByteReader {
  private chunk = 0;
  private offset = 0;
  /** Bytes not read yet. */
  remaining: number;

  constructor(private readonly chunks: readonly Uint8Array[]) {
    this.remaining = chunks.reduce((sum, bytes) => sum + bytes.length, 0);
  }

  /** The next `count` bytes (fewer only at the end). */
  read(count: number): Uint8Array {
    count = Math.min(count, this.remaining);
    this.remaining -= count;
    const first = this.skipEmpty();
    if (first && first.length - this.offset >= count) {
      this.offset += count;
      return first.subarray(this.offset - count, this.offset);
    }
    const out = new Uint8Array(count);
    for (let filled = 0; filled < count; ) {
      const bytes = this.skipEmpty() as Uint8Array;
      const take = Math.min(count - filled, bytes.length - this.offset);
      out.set(bytes.subarray(this.offset, this.offset + take), filled);
      filled += take;
      this.offset += take;
    }
    return out;
  }

  /** Where the next `byte` is, counted from here, looking no further than `limit` bytes; -1 when not found. */
  indexOf(byte: number, limit: number): number {
    let seen = 0;
    for (let chunk = this.chunk, offset = this.offset; chunk < this.chunks.length && seen < limit; chunk++, offset = 0) {
      const bytes = this.chunks[chunk] as Uint8Array;
      const end = Math.min(bytes.length, offset + (limit - seen));
      const found = bytes.subarray(offset, end).indexOf(byte);
      if (found !== -1) return seen + found;
      seen += end - offset;
    }
    return -1;
  }

  private skipEmpty(): Uint8Array | undefined {
    while (this.chunk < this.chunks.length && this.offset >= (this.chunks[this.chunk] as Uint8Array).length) {
      this.chunk++;
      this.offset = 0;
    }
    return this.chunks[this.chunk];
  }
}
