import { describe, expect, it } from 'vitest';
import type { CustomerRow, TableQuery } from '../../../../core';
import type { BookRequest } from '../../../messaging/protocol';
import { askFirstRows, opensOnDefaultList, opensOnToday, takeFirstRows, takeFirstToday } from './first-rows';
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

  it('reads the block of a kept row far from the view, and only the blocks in view: scrolling past it asks each block once', async () => {
    const { ask, pending } = heldBackground();
    const rows = new TableRows(ask, () => undefined);
    rows.setQuery(query(''));
    // The grid's active row stays at 5 (focused, then the seller scrolled with the wheel) while the view moves on.
    const blocks = MAX_BLOCKS * 2;
    for (let block = 0; block < blocks; block++) {
      rows.setRange(block * BLOCK_SIZE + 10, block * BLOCK_SIZE + 40, 5);
      for (let answered = 0; answered < 3 && pending.length > 0; answered++) {
        const waiting = pending.at(-1);
        waiting?.answer();
        await settle();
        if (pending.at(-1) === waiting) break;
      }
    }
    expect(pending.map((p) => p.request.offset)).toEqual(Array.from({ length: blocks }, (_, block) => block * BLOCK_SIZE));
    const last = (blocks - 1) * BLOCK_SIZE + 10;
    expect(rows.view()).toMatchObject({ settled: true });
    expect(rows.view().rowAt(last)?.id).toBe(`:1:${last}`);
    expect(rows.view().rowAt(5)?.id).toBe(':1:5');
    // A kept row whose block was forgotten is asked for too, after the view.
    rows.setRange(BLOCK_SIZE * 3, BLOCK_SIZE * 3 + 30, BLOCK_SIZE * 20 + 1);
    expect(pending.at(-1)?.request.offset).toBe(BLOCK_SIZE * 3);
    pending.at(-1)?.answer();
    await settle();
    expect(pending.at(-1)?.request.offset).toBe(BLOCK_SIZE * 20);
  });
});

describe('the first rows asked for as the page starts', () => {
  it('asks only when the page opens on the default list, and the table takes that answer once, for that list', async () => {
    expect(['#/clientes', '#/clientes/', '#clientes'].every(opensOnDefaultList)).toBe(true);
    // An empty address opens Hoje, which asks for its own list.
    expect(['', '#', '#/', '#/hoje', '#/clientes?busca=ana', '#/clientes?ordem=totalSpent.desc', '#/clientes/abc', '#/configuracoes'].some(opensOnDefaultList)).toBe(false);
    const sent: unknown[] = [];
    const wire = { total: 1, version: 3, predictions: 'ready', rows: [rowOf('early')] };
    askFirstRows(async (request) => {
      sent.push(request);
      return { ok: true, json: JSON.stringify(wire) };
    }, '#/clientes');
    // No query in it: the background's schema fills in the defaults, the same ones the table opens with.
    expect(sent).toEqual([{ type: 'table/query', offset: 0, limit: BLOCK_SIZE }]);
    const { ask, pending } = heldBackground();
    const rows = new TableRows(ask, () => undefined);
    rows.setRange(0, 30);
    rows.setQuery(query(''));
    await settle();
    expect(pending).toHaveLength(0);
    expect(rows.view().rowAt(0)?.id).toBe('early');
    expect(rows.view().version).toBe(3);
    // Taken once: the next page of rows, or a reopened table, asks the background.
    expect(takeFirstRows()).toBeUndefined();
    rows.setQuery(query('ana'));
    expect(pending.map((p) => p.request.search)).toEqual(['ana']);
  });

  it('asks for the Hoje list instead when the page opens on Hoje, taken once', async () => {
    for (const hash of ['', '#', '#/', '#/hoje', '#/hoje/']) expect(opensOnToday(hash), hash).toBe(true);
    for (const hash of ['#/clientes', '#/hojex', '#/painel']) expect(opensOnToday(hash), hash).toBe(false);
    const sent: unknown[] = [];
    askFirstRows(async (request) => {
      sent.push(request);
      return { ok: true, data: 'the list' };
    }, '');
    expect(sent).toEqual([{ type: 'today/list' }]);
    expect(takeFirstRows()).toBeUndefined();
    expect(await takeFirstToday()).toEqual({ ok: true, data: 'the list' });
    expect(takeFirstToday()).toBeUndefined();
  });

  it('is left for the table to ask again when the page opens elsewhere', () => {
    const sent: unknown[] = [];
    askFirstRows(async (request) => sent.push(request), '#/clientes?busca=ana');
    expect(sent).toEqual([]);
    expect(takeFirstRows()).toBeUndefined();
  });
});
