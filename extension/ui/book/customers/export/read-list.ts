import { MAX_TABLE_WINDOW, type CustomerRow, type TableQuery } from '../../../../../core';
import type { BackgroundClient } from '../../app/book-context';

/** A read of the table gives up after this many changes under it (each one starts it over). */
const ATTEMPTS = 3;

export type Ask = BackgroundClient['ask'];

/** Thrown when the table kept changing while it was read: the file would have mixed two lists. */
export class ListChangedError extends Error {
  constructor() {
    super('the list changed while it was read');
    this.name = 'ListChangedError';
  }
}

/** Rejects with the signal's reason (an AbortError) once it is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('The export was cancelled', 'AbortError');
}

/**
 * Every row the query matches, in its order (filters, then search, then sort: as the table shows them, not just
 * the rows in view), read from the background's table in windows of the largest size it answers. The table's
 * version must be the same in every answer: a write in between can move rows across windows (one twice, another
 * never), so the read starts over, at most ATTEMPTS times. `keep` picks rows (a selection); `wanted` ends the read
 * once that many are kept.
 */
export async function readListRows(
  ask: Ask,
  query: TableQuery,
  options: { keep?: (row: CustomerRow) => boolean; wanted?: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<CustomerRow[]> {
  const { keep, wanted, signal, onProgress } = options;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const rows: CustomerRow[] = [];
    let version: number | null = null;
    let changed = false;
    for (let offset = 0; ; offset += MAX_TABLE_WINDOW) {
      throwIfAborted(signal);
      const answer = await ask({ type: 'table/query', ...query, offset, limit: MAX_TABLE_WINDOW });
      if (version !== null && answer.version !== version) {
        changed = true;
        break;
      }
      version = answer.version;
      for (const row of answer.rows) if (!keep || keep(row)) rows.push(row);
      const read = Math.min(offset + answer.rows.length, answer.total);
      onProgress?.(wanted === undefined ? read : rows.length, wanted ?? answer.total);
      if (read >= answer.total || answer.rows.length === 0 || (wanted !== undefined && rows.length >= wanted)) break;
    }
    if (!changed) return rows;
  }
  throw new ListChangedError();
}
