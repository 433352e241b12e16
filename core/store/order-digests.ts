/**
 * Numbers (an order's digest) by the ids of one source's imported orders, held small: a million-order import keeps
 * one entry per order of the file to the end. Every id starts with the source's prefix (`import:shopify:`), so only
 * the part after it is kept, and a part that is a number's own spelling (`100523`, not `0100523` or `1e3`) is kept
 * as that number: a small integer costs a Map no memory of its own, where a string key cost about 70 bytes.
 */
export class OrderDigests {
  private readonly digests = new Map<number | string, number>();

  constructor(private readonly prefix: string) {}

  get(id: string): number | undefined {
    return this.digests.get(this.keyOf(id));
  }

  set(id: string, digest: number): void {
    this.digests.set(this.keyOf(id), digest);
  }

  clear(): void {
    this.digests.clear();
  }

  /** One key per id: a number only for the text that number prints as, so `7` and `007` stay two orders. */
  private keyOf(id: string): number | string {
    const own = id.slice(this.prefix.length);
    const number = Number(own);
    return String(number) === own ? number : own;
  }
}
