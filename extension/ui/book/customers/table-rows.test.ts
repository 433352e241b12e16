import { describe, expect, it } from 'vitest';
import type { CustomerRow, TableQuery } from '../../../../core';
import type { BookRequest } from '../../../messaging/protocol';
import { BLOCK_SIZE, MAX_BLOCKS, TableRows } from './table-rows';
import { queryFromParams } from './table-route';

const query = (search: string): TableQuery => ({ ...queryFromParams(new URLSearchParams()), search });
const rowOf = (id: string) => ({ id, name: id }) as CustomerRow;

/** A background whose answers the test releases one at a time. */
function heldBackground() {
  const pending: { request: Extract<BookRequest, { type: 'table/query' }>; answer: (version?: number) => void }[] = [];
  const ask = ((request: Extract<BookRequest, { type: 'table/query' }>) =>
    new Promise((resolve) => {
      pending.push({
        request,
        answer: (version = 1) => {
          const offset = request.offset ?? 0;
          resolve({ total: 100_000, version, predictions: 'ready', rows: Array.from({ length: BLOCK_SIZE }, (_, i) => rowOf(`${request.search}:${version}:${offset + i}`)) });
        },
      });
    })) as never;
  return { ask, pending };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the table rows cache', () => {
  it('keeps one request in flight, asks for the latest query next, and shows the old rows until then', async () => {
    const { ask, pending } = heldBackground();
    const rows = new TableRows(ask, () => undefined);
    rows.setRange(0, 30);
    rows.setQuery(query(''));
    pending[0]?.answer();
    await settle();
    expect(rows.view().rowAt(0)?.id).toBe(':1:0');
    for (const text of ['a', 'an', 'ana']) rows.setQuery(query(text));
    expect(pending.map((p) => p.request.search)).toEqual(['', 'a']);
    expect(rows.view().rowAt(0)?.id).toBe(':1:0');
    pending[1]?.answer();
    await settle();
    // The answer for "a" is for nobody; "ana" is asked at once.
    expect(pending.map((p) => p.request.search)).toEqual(['', 'a', 'ana']);
    expect(rows.view().key).toBe('');
    pending[2]?.answer();
    await settle();
    expect(rows.view()).toMatchObject({ key: 'busca=ana', settled: true });
    expect(rows.view().rowAt(5)?.id).toBe('ana:1:5');
  });

  it('reads the visible blocks again after a table update, showing the old rows meanwhile; forgets blocks out of sight', async () => {
    const { ask, pending } = heldBackground();
    const rows = new TableRows(ask, () => undefined);
    rows.setRange(0, 30);
    rows.setQuery(query(''));
    pending[0]?.answer();
    await settle();
    rows.setRange(BLOCK_SIZE * 3, BLOCK_SIZE * 3 + 30);
    pending[1]?.answer();
    await settle();
    expect(pending.map((p) => p.request.offset)).toEqual([0, BLOCK_SIZE * 3]);
    rows.refresh();
    expect(rows.view()).toMatchObject({ settled: false, version: 1 });
    expect(rows.view().rowAt(BLOCK_SIZE * 3)?.id).toBe(`:1:${BLOCK_SIZE * 3}`);
    pending[2]?.answer(2);
    await settle();
    expect(pending.map((p) => p.request.offset)).toEqual([0, BLOCK_SIZE * 3, BLOCK_SIZE * 3]);
    expect(rows.view()).toMatchObject({ settled: true, version: 2 });
    expect(rows.view().rowAt(0)).toBeUndefined();
  });

  it('keeps the blocks nearest the view when scrolled through a long list', async () => {
    const { ask, pending } = heldBackground();
    const rows = new TableRows(ask, () => undefined);
    rows.setQuery(query(''));
    for (let block = 0; block < MAX_BLOCKS + 5; block++) {
      rows.setRange(block * BLOCK_SIZE, block * BLOCK_SIZE + 30);
      pending.at(-1)?.answer();
      await settle();
    }
    expect(pending).toHaveLength(MAX_BLOCKS + 5);
    const last = (MAX_BLOCKS + 4) * BLOCK_SIZE;
    expect(rows.view().rowAt(last)?.id).toBe(`:1:${last}`);
    expect(rows.view().rowAt(0)).toBeUndefined();
    expect(rows.view().rowAt(5 * BLOCK_SIZE)?.id).toBe(`:1:${5 * BLOCK_SIZE}`);
  });
});
