import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerTable } from './customer-table';
import { searchMatchesOf, type SearchMatches, type SlotSpace } from './search-matches';
import { TermIndex } from './term-index';
import type { CustomerRow } from './customer-row';
import { TABLE_COLUMNS, tableQuerySchema, type TableQuery } from './query';

function row(id: string, overrides: Partial<CustomerRow> = {}): CustomerRow {
  return {
    id,
    name: `Cliente ${id}`,
    contacts: [],
    tagIds: [],
    activity: 'prospect',
    segment: null,
    stage: 'prospect',
    funnelStage: null,
    lastPurchaseAt: null,
    totalSpent: [],
    orders: 0,
    predictedValue: null,
    probabilityAlive: null,
    archived: false,
    rfmCell: null,
    ...overrides,
  };
}

const brl = (minor: number) => ({ minor, currency: 'BRL' });
const query = (input: Record<string, unknown> = {}): TableQuery => tableQuerySchema.parse(input);

function tableOf(rows: CustomerRow[]): CustomerTable {
  const table = new CustomerTable({ mainCurrency: 'BRL', locale: 'pt-BR' });
  table.setTags([
    { id: 't-vip', name: 'VIP' },
    { id: 't-atacado', name: 'atacado' },
    { id: 't-bolo', name: 'Bolo' },
  ]);
  table.replaceAll(rows);
  return table;
}

const sortedIds = (table: CustomerTable, column: string, direction: 'asc' | 'desc') => [...table.ids(query({ sort: { column, direction } }))];

describe('sorting the customer table', () => {
  // Every column has two equal values (ties broken by id) and, where it can be empty, a null (always last).
  const rows = [
    row('a', { name: 'Bruno 10', contacts: [{ kind: 'email', value: 'z@x.com', raw: 'z@x.com' }], tagIds: ['t-vip'], activity: 'lost', segment: 'lost', stage: 'recovery', lastPurchaseAt: '2026-01-01T00:00:00.000Z', totalSpent: [brl(500)], orders: 1, predictedValue: brl(100), probabilityAlive: 0.12 }),
    row('b', { name: 'Álvaro', contacts: [{ kind: 'phone', value: '+5511987654321', raw: '(11) 98765-4321' }], tagIds: ['t-atacado'], activity: 'active', segment: 'champions', stage: 'repeat', lastPurchaseAt: '2026-05-01T00:00:00.000Z', totalSpent: [brl(9000)], orders: 5, predictedValue: brl(900), probabilityAlive: 0.9 }),
    row('c', { name: 'bruno 9', contacts: [{ kind: 'instagram', value: 'ana', raw: '@ana' }], tagIds: ['t-bolo', 't-vip'], activity: 'active', segment: 'champions', stage: 'repeat', lastPurchaseAt: '2026-05-01T00:00:00.000Z', totalSpent: [brl(9000)], orders: 5, predictedValue: brl(900), probabilityAlive: 0.9 }),
    row('d', { name: 'alice' }),
    row('e', { name: 'ALICE', totalSpent: [{ minor: 700, currency: 'EUR' }] }),
  ];
  const table = tableOf(rows);

  const expected: Record<(typeof TABLE_COLUMNS)[number], { asc: string[]; desc: string[] }> = {
    // Collated in pt-BR, accents and case ignored, numbers read as numbers; ALICE = alice, so by id.
    name: { asc: ['d', 'e', 'b', 'c', 'a'], desc: ['a', 'c', 'b', 'd', 'e'] },
    // By the first contact's normalized value: 5511… < ana < z@x.com.
    contacts: { asc: ['b', 'c', 'a', 'd', 'e'], desc: ['a', 'c', 'b', 'd', 'e'] },
    // Tags by their names: "atacado" < "Bolo, VIP" < "VIP".
    tags: { asc: ['b', 'c', 'a', 'd', 'e'], desc: ['a', 'c', 'b', 'd', 'e'] },
    activity: { asc: ['d', 'e', 'b', 'c', 'a'], desc: ['a', 'b', 'c', 'd', 'e'] },
    segment: { asc: ['b', 'c', 'a', 'd', 'e'], desc: ['a', 'b', 'c', 'd', 'e'] },
    stage: { asc: ['d', 'e', 'b', 'c', 'a'], desc: ['a', 'b', 'c', 'd', 'e'] },
    lastPurchase: { asc: ['a', 'b', 'c', 'd', 'e'], desc: ['b', 'c', 'a', 'd', 'e'] },
    // Only EUR spent sorts as 0 in the main currency, before a BRL buyer; no spend at all is null, last.
    totalSpent: { asc: ['e', 'a', 'b', 'c', 'd'], desc: ['b', 'c', 'a', 'e', 'd'] },
    orders: { asc: ['d', 'e', 'a', 'b', 'c'], desc: ['b', 'c', 'a', 'd', 'e'] },
    predictedValue: { asc: ['a', 'b', 'c', 'd', 'e'], desc: ['b', 'c', 'a', 'd', 'e'] },
    alive: { asc: ['a', 'b', 'c', 'd', 'e'], desc: ['b', 'c', 'a', 'd', 'e'] },
  };

  for (const column of TABLE_COLUMNS) {
    it(`sorts by ${column} both ways, nulls last, ties by id`, () => {
      expect(sortedIds(table, column, 'asc')).toEqual(expected[column].asc);
      expect(sortedIds(table, column, 'desc')).toEqual(expected[column].desc);
    });
  }

  it('re-places a changed row without re-sorting, as a fresh sort would', () => {
    const live = tableOf(rows);
    expect(sortedIds(live, 'name', 'asc')).toEqual(expected.name.asc);
    live.upsert([row('d', { name: 'Zeca' }), row('f', { name: 'Bia' })]);
    live.remove(['a']);
    const fresh = tableOf([...rows.filter((r) => r.id !== 'a' && r.id !== 'd'), row('d', { name: 'Zeca' }), row('f', { name: 'Bia' })]);
    expect(sortedIds(live, 'name', 'asc')).toEqual(['e', 'b', 'f', 'c', 'd']);
    expect(sortedIds(live, 'name', 'asc')).toEqual(sortedIds(fresh, 'name', 'asc'));
  });

  it('moves rows sorted by tags when a tag is renamed', () => {
    const live = tableOf(rows);
    expect(sortedIds(live, 'tags', 'asc')).toEqual(['b', 'c', 'a', 'd', 'e']);
    live.setTags([
      { id: 't-vip', name: 'VIP' },
      { id: 't-atacado', name: 'Varejo' },
      { id: 't-bolo', name: 'Bolo' },
    ]);
    expect(sortedIds(live, 'tags', 'asc')).toEqual(['c', 'b', 'a', 'd', 'e']);
  });
});

describe('filtering the customer table', () => {
  const rows = [
    row('a', { activity: 'active', segment: 'champions', stage: 'repeat', tagIds: ['t1', 't2'], contacts: [{ kind: 'whatsapp', value: '+5511987654321', raw: '11987654321' }, { kind: 'cpf', value: '52998224725', raw: '529.982.247-25' }], funnelStage: 'decision', rfmCell: 54 }),
    row('b', { activity: 'at-risk', segment: 'at-risk', stage: 'needs-retention', tagIds: ['t1'], rfmCell: 21, contacts: [{ kind: 'instagram', value: 'bia', raw: '@bia' }] }),
    row('c', { activity: 'lost', segment: null, stage: 'recovery', archived: true, contacts: [{ kind: 'email', value: 'c@x.com', raw: 'c@x.com' }] }),
    row('d', { activity: 'prospect' }),
  ];
  const table = tableOf(rows);
  const ids = (filters: Record<string, unknown>) => [...table.ids(query({ filters }))];

  it('leaves archived customers out unless asked, or shows only them', () => {
    expect(ids({})).toEqual(['a', 'b', 'd']);
    expect(ids({ archived: 'include' })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ archived: 'only' })).toEqual(['c']);
  });

  it('filters by activity, segment (null for the unscored), stage and funnel stage', () => {
    expect(ids({ activity: ['active', 'at-risk'] })).toEqual(['a', 'b']);
    expect(ids({ segments: ['champions'] })).toEqual(['a']);
    expect(ids({ segments: [null], archived: 'include' })).toEqual(['c', 'd']);
    expect(ids({ stages: ['needs-retention', 'recovery'] })).toEqual(['b']);
    expect(ids({ funnelStages: ['decision'] })).toEqual(['a']);
  });

  it('filters by cells of the RFM grid, never matching the unscored', () => {
    expect(ids({ rfmCells: [21] })).toEqual(['b']);
    expect(ids({ rfmCells: [54, 21] })).toEqual(['a', 'b']);
    expect(ids({ rfmCells: [55], archived: 'include' })).toEqual([]);
    expect(() => query({ filters: { rfmCells: [60] } })).toThrow(/RFM grid/);
  });

  it('filters by tags, any or all of them, and by channel', () => {
    expect(ids({ tagIds: ['t2', 't1'] })).toEqual(['a', 'b']);
    expect(ids({ tagIds: ['t2', 't1'], tagMode: 'all' })).toEqual(['a']);
    expect(ids({ channels: ['instagram', 'email'], archived: 'include' })).toEqual(['b', 'c']);
  });

  it('combines filters with the search ids', () => {
    expect([...table.ids(query({ filters: { tagIds: ['t1'] }, search: 'x' }), searchMatchesOf(['b', 'c', 'd']))]).toEqual(['b']);
  });

  it('reads a search index’s slots again when it gives a slot to another customer', () => {
    const index = new TermIndex();
    const table = tableOf([row('a', { name: 'Ana' }), row('b', { name: 'Bia' }), row('c', { name: 'Caio' })]);
    for (const id of ['a', 'b']) index.set(id, [`n:${id}`]);
    table.prepareSearch({ column: 'name', direction: 'asc' }, index);
    const matching = (...ids: string[]): SearchMatches => {
      const slots = new Uint8Array(index.slotCount);
      for (const id of ids) slots[index.slotOf(id) as number] = 1;
      return { slots, size: ids.length, space: index };
    };
    const q = (search: string) => query({ search });
    expect([...table.ids(q('a'), matching('a'))]).toEqual(['a']);
    // Ana leaves the index and Caio takes her slot: the table must not read that slot as Ana's place.
    index.delete('a');
    index.set('c', ['n:c']);
    expect(index.slotOf('c')).toBe(0);
    expect([...table.ids(q('c'), matching('c'))]).toEqual(['c']);
    expect([...table.ids(q('b c'), matching('b', 'c'))]).toEqual(['b', 'c']);
  });

  it('lays the search out again when every row is replaced, so the next keystroke does not', () => {
    const index = new TermIndex();
    const rows = [row('a', { name: 'Ana' }), row('b', { name: 'Bia' }), row('c', { name: 'Caio' })];
    const table = tableOf(rows);
    for (const r of rows) index.set(r.id, [`n:${r.id}`]);
    let lookups = 0;
    const space: SlotSpace = { slotOf: (id) => (lookups++, index.slotOf(id)), idAt: (slot) => index.idAt(slot), slotCount: index.slotCount, epoch: index.epoch };
    table.prepareSearch({ column: 'name', direction: 'asc' }, space);
    table.replaceAll(rows.map((r) => ({ ...r, orders: r.orders + 1 })));
    lookups = 0;
    const slots = new Uint8Array(index.slotCount);
    slots[index.slotOf('b') as number] = 1;
    expect([...table.ids(query({ search: 'bia' }), { slots, size: 1, space })]).toEqual(['b']);
    expect(lookups).toBe(0);
  });

  it('counts each filter value over what the search and archived filter leave', () => {
    const facets = table.facets({ archived: 'exclude' });
    expect(facets.total).toBe(3);
    expect(facets.activity).toEqual({ active: 1, 'at-risk': 1, prospect: 1 });
    expect(facets.segments).toEqual({ champions: 1, 'at-risk': 1, none: 1 });
    expect(facets.tags).toEqual({ t1: 2, t2: 1 });
    expect(facets.rfmCells).toEqual({ 54: 1, 21: 1 });
    // A CPF names a customer but reaches no one: no channel.
    expect(facets.channels).toEqual({ whatsapp: 1, instagram: 1 });
    expect(table.facets({ archived: 'only' }).stages).toEqual({ recovery: 1 });
    expect(table.facets({ archived: 'include' }, searchMatchesOf(['a'])).total).toBe(1);
  });

  it('serves a window and the total from one list', () => {
    expect(table.query(query({ filters: { archived: 'include' } }), { offset: 1, limit: 2 })).toEqual({ total: 4, rows: [rows[1], rows[2]] });
  });
});

describe('windows of a query', () => {
  const arbitraryRow = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.constantFrom('ana', 'Ana', 'Ána', 'bruno', 'Bruno 2', 'bruno 10', 'Çarla'),
    orders: fc.integer({ min: 0, max: 3 }),
    spent: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    archived: fc.boolean(),
  });

  it('concatenated in any window size, equal the whole sorted list, even after rows change', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (r) => r.id, maxLength: 40 }),
        fc.constantFrom(...TABLE_COLUMNS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 7 }),
        fc.uniqueArray(arbitraryRow, { selector: (r) => r.id, maxLength: 6 }),
        (records, column, direction, size, changes) => {
          const toRow = (r: (typeof records)[number]) => row(r.id, { name: r.name, orders: r.orders, archived: r.archived, totalSpent: r.spent === null ? [] : [brl(r.spent)], predictedValue: r.spent === null ? null : brl(r.spent) });
          const table = tableOf(records.map(toRow));
          const q = query({ sort: { column, direction } });
          table.ids(q);
          table.upsert(changes.map(toRow));
          const whole = [...table.ids(q)];
          const windows: string[] = [];
          for (let offset = 0; offset < whole.length; offset += size) windows.push(...table.query(q, { offset, limit: size }).rows.map((r) => r.id));
          expect(windows).toEqual(whole);
          // The patched list is the list a fresh table sorts.
          const byId = new Map(records.map((r) => [r.id, toRow(r)]));
          for (const change of changes) byId.set(change.id, toRow(change));
          expect(whole).toEqual([...tableOf([...byId.values()]).ids(q)]);
        },
      ),
    );
  });

  it('puts a search in the list order, whether it matches a few rows or most, before and after rows change', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryRow, { selector: (r) => r.id, minLength: 20, maxLength: 60 }),
        fc.constantFrom(...TABLE_COLUMNS),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 10 }),
        fc.uniqueArray(arbitraryRow, { selector: (r) => r.id, maxLength: 6 }),
        (records, column, direction, every, changes) => {
          const toRow = (r: (typeof records)[number]) => row(r.id, { name: r.name, orders: r.orders, archived: r.archived, totalSpent: r.spent === null ? [] : [brl(r.spent)] });
          const table = tableOf(records.map(toRow));
          // Every row matched (the list filtered) down to one in ten (ordered from their places), and an id the table lacks.
          const matched = new Set([...records.filter((_, i) => i % every === 0).map((r) => r.id), 'no-such-id']);
          const q = query({ sort: { column, direction }, search: 'x', filters: { archived: 'include' } });
          const expected = () => [...table.ids(query({ sort: { column, direction }, filters: { archived: 'include' } }))].filter((id) => matched.has(id));
          // One answer kept across the change: the places the table keeps for its slots must follow the rows.
          const matches = searchMatchesOf(matched);
          expect([...table.ids(q, matches)]).toEqual(expected());
          table.upsert(changes.map(toRow));
          expect([...table.ids(q, matches)]).toEqual(expected());
          expect(table.facets({ archived: 'include' }, matches).total).toBe(expected().length);
        },
      ),
    );
  });
});
