import { describe, expect, it } from 'vitest';
import type { Customer, Order } from '../model';
import { computeBookFacts, filterSegment, parseSegmentRule } from '../segments';
import { NOW, customer, daysAgo, order } from '../segments/testing/builders';
import { syntheticBook } from '../segments/testing/synthetic-book';
import { BookTable, type PredictionState } from './book-table';
import { fitPredictionModel, predictCustomer } from './predicted-values';
import { tableQuerySchema } from './query';

const options = { mainCurrency: 'BRL', timeZone: 'UTC', now: NOW, locale: 'pt-BR' };
const everyone = tableQuerySchema.parse({ filters: { archived: 'include' } });

function runPredictions(table: BookTable): PredictionState {
  const steps = table.predictSteps(50);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('the book table', () => {
  const book = syntheticBook({ customers: 300, orders: 1_500, feedback: 40, seed: 13, now: NOW });

  it('has one row per customer, with the facts the segmentation engine derives', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    const { facts } = computeBookFacts(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, NOW);
    const { total, rows } = table.query(everyone, { offset: 0, limit: 500 });
    expect(total).toBe(book.customers.length);
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const fact of facts) {
      const row = byId.get(fact.customerId);
      expect(row?.activity).toBe(fact.activity.status);
      expect(row?.segment).toBe(fact.rfm?.segment ?? null);
      expect(row?.stage).toBe(fact.lifecycle.stage);
      expect(row?.orders).toBe(fact.orderCount);
      expect(row?.totalSpent.find((money) => money.currency === 'BRL')?.minor ?? 0).toBe(fact.totalSpentMinor.BRL ?? 0);
    }
  });

  it('opens a saved segment as exactly its members, with the other filters and the sort applied to them', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    const parsed = parseSegmentRule({ any: [{ field: 'orderCount', op: 'gte', value: 6 }, { field: 'activity', op: 'eq', value: 'prospect' }] });
    if (!parsed.ok) throw new Error(parsed.message);
    const members = table.matchingIds(parsed.value);
    const { facts } = computeBookFacts(book, { mainCurrency: 'BRL', timeZone: 'UTC' }, NOW);
    const expected = filterSegment(parsed.value, facts).map((f) => f.customerId);
    expect([...members].sort()).toEqual([...expected].sort());
    expect(members.length).toBeGreaterThan(5);
    expect(members.length).toBeLessThan(book.customers.length);
    const inSegment = tableQuerySchema.parse({ filters: { archived: 'include', segment: 'seg-1' }, sort: { column: 'orders', direction: 'desc' } });
    const window = table.query(inSegment, { offset: 0, limit: 500 }, null, new Set(members));
    expect(window.total).toBe(members.length);
    expect(window.rows.map((row) => row.id).sort()).toEqual([...members].sort());
    expect(window.rows.map((row) => row.orders)).toEqual(window.rows.map((row) => row.orders).sort((x, y) => y - x));
    // Another filter narrows the members further; without the members the filter is refused rather than ignored.
    const prospects = table.ids(tableQuerySchema.parse({ filters: { archived: 'include', segment: 'seg-1', activity: ['prospect'] } }), null, new Set(members));
    expect(prospects.length).toBe(facts.filter((f) => f.activity.status === 'prospect').length);
    expect(() => table.ids(inSegment)).toThrow(/members/);
  });

  it('answers before the predictions, then fills them in for the main currency’s buyers', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    const first = table.query(everyone, { offset: 0, limit: 500 });
    expect(first.predictions).toBe('pending');
    expect(first.rows.every((row) => row.predictedValue === null)).toBe(true);
    expect(runPredictions(table)).toBe('ready');
    const after = table.query(everyone, { offset: 0, limit: 500 });
    expect(after.version).toBeGreaterThan(first.version);
    for (const row of after.rows) {
      // Predicted in the main currency only: a customer who paid only in EUR has none.
      if (!row.totalSpent.some((money) => money.currency === 'BRL')) expect(row.predictedValue).toBeNull();
      else expect(row.predictedValue).toEqual({ minor: expect.any(Number), currency: 'BRL' });
    }
    // Sorting by it puts the most valuable first.
    const top = table.query(tableQuerySchema.parse({ sort: { column: 'predictedValue', direction: 'desc' }, filters: { archived: 'include' } }), { offset: 0, limit: 2 });
    expect(top.rows[0]?.predictedValue?.minor).toBeGreaterThanOrEqual(top.rows[1]?.predictedValue?.minor ?? 0);
  });

  it('sums the book’s predicted 90 days over the customers not archived, in the main currency', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    expect(table.predictedBook()).toBeNull();
    runPredictions(table);
    const rows = table.query(everyone, { offset: 0, limit: 500 }).rows;
    const kept = rows.filter((row) => !row.archived && row.predictedValue !== null);
    const expected = kept.reduce((sum, row) => sum + (row.predictedValue?.minor ?? 0), 0);
    expect(kept.length).toBeGreaterThan(0);
    expect(table.predictedBook()).toEqual({ currency: 'BRL', minor: expected, customers: kept.length, fittedAtMs: NOW });
  });

  it('tells one customer’s prediction with the model’s date and size, as core’s formula gives it', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    const buyer = book.customers.find((c) => book.orders.some((o) => o.customerId === c.id && o.currency === 'BRL' && o.status === 'paid'));
    if (!buyer) throw new Error('the synthetic book has a BRL buyer');
    expect(table.customerPrediction(buyer.id)).toMatchObject({ state: 'pending', prediction: null, fittedAtMs: null, days: 90, currency: 'BRL' });
    runPredictions(table);
    const model = table.predictionModel;
    if (!model) throw new Error('fitted');
    const detail = table.customerPrediction(buyer.id);
    expect(detail).toEqual({
      state: 'ready',
      currency: 'BRL',
      days: 90,
      minBuyers: 20,
      fittedAtMs: NOW,
      buyers: model.buyers,
      prediction: predictCustomer(model, book.orders.filter((o) => o.customerId === buyer.id), NOW),
    });
    expect(detail?.prediction?.probabilityAlive).toBeGreaterThan(0);
    expect(table.customerPrediction('no-such-customer')).toBeUndefined();
  });

  it('keeps the predicted values of customers changed during a prediction run, and through a rebuild of every row', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    // A buyer of the first chunk, predicted before the change comes.
    const buyer = book.customers.slice(0, 50).find((c) => book.orders.some((o) => o.customerId === c.id && o.status === 'paid' && o.currency === 'BRL'))!.id;
    const records = () => ({ id: buyer, customer: book.customers.find((c) => c.id === buyer)!, orders: book.orders.filter((o) => o.customerId === buyer), feedback: [] });
    const steps = table.predictSteps(50);
    steps.next();
    steps.next();
    // A fresh order for the buyer while the run is halfway: their value is predicted from it, not from the old ones.
    const fresh = order(buyer, daysAgo(0), { totalMinor: 90_000 });
    const changed = { ...records(), orders: [...records().orders, fresh] };
    table.update([changed]);
    for (let step = steps.next(); !step.done; step = steps.next());
    // The run's model was fitted before the order came; the buyer's value is its prediction from their orders now.
    const model = fitPredictionModel(
      book.customers.map((c) => book.orders.filter((o) => o.customerId === c.id)),
      'BRL',
      NOW,
      'UTC',
    );
    const rowOf = () => table.query(everyone, { offset: 0, limit: 500 }).rows.find((row) => row.id === buyer);
    expect(rowOf()?.predictedValue?.minor).toBe(predictCustomer(model!, changed.orders, NOW)!.valueMinor);
    const before = table.query(everyone, { offset: 0, limit: 500 }).rows;
    // A new day re-derives every row from the engine's facts; the predicted values stay until the next run.
    expect(table.setNow(NOW + 86_400_000)).toBe(true);
    const after = new Map(table.query(everyone, { offset: 0, limit: 500 }).rows.map((row) => [row.id, row]));
    for (const row of before) expect(after.get(row.id)?.predictedValue).toEqual(row.predictedValue);
    expect(before.filter((row) => row.predictedValue !== null).length).toBeGreaterThan(100);
  });

  it('predicts and judges from what the engine keeps of the orders as from the whole orders, after orders move and go', () => {
    const table = new BookTable({ ...book, tags: [] }, options);
    const buyers = [...new Set(book.orders.map((o) => o.customerId))];
    const [survivor, merged, trimmed] = buyers as [string, string, string];
    const orders = new Map(book.orders.map((o) => [o.id, o]));
    // A merge moves one customer's orders to another; a correction deletes one order of a third.
    for (const o of book.orders) if (o.customerId === merged) orders.set(o.id, { ...o, customerId: survivor });
    orders.delete(book.orders.find((o) => o.customerId === trimmed)?.id ?? '');
    const customers = book.customers.filter((c) => c.id !== merged);
    const after = { customers, orders: [...orders.values()], feedback: book.feedback.filter((f) => f.customerId !== merged) };
    const recordsOf = (id: string) => ({
      id,
      customer: customers.find((c) => c.id === id) ?? null,
      orders: after.orders.filter((o) => o.customerId === id),
      feedback: after.feedback.filter((f) => f.customerId === id),
    });
    table.update([survivor, merged, trimmed].map(recordsOf));
    expect(runPredictions(table)).toBe('ready');

    const ordersOf = (id: string) => after.orders.filter((o) => o.customerId === id);
    const model = fitPredictionModel(customers.map((c) => ordersOf(c.id)), 'BRL', NOW, 'UTC');
    const { facts } = computeBookFacts(after, { mainCurrency: 'BRL', timeZone: 'UTC' }, NOW);
    expect(model).not.toBeNull();
    let predicted = 0;
    for (const fact of facts) {
      const prediction = predictCustomer(model!, ordersOf(fact.customerId), NOW);
      if (prediction !== null) predicted += 1;
      expect(table.table.row(fact.customerId)).toMatchObject({
        // Core's formula, in whole minor units like every amount, and the chance alive in thousandths.
        predictedValue: prediction === null ? null : { minor: prediction.valueMinor, currency: 'BRL' },
        probabilityAlive: prediction === null ? null : Math.round(prediction.probabilityAlive * 1000) / 1000,
        orders: fact.orderCount,
        activity: fact.activity.status,
        segment: fact.rfm?.segment ?? null,
        stage: fact.lifecycle.stage,
      });
    }
    expect(predicted).toBeGreaterThan(100);
    expect(table.table.row(merged)).toBeUndefined();
  });

  it('says predictions are unavailable for a book too small to fit', () => {
    const table = new BookTable({ customers: [customer('a')], orders: [order('a', daysAgo(3))], feedback: [], tags: [] }, options);
    expect(runPredictions(table)).toBe('unavailable');
    expect(table.query(everyone, { offset: 0, limit: 1 }).rows[0]?.predictedValue).toBeNull();
  });
});

describe('keeping the book table current', () => {
  const ana = customer('ana', { displayName: 'Ana' });
  const bia = customer('bia', { displayName: 'Bia' });
  const caio = customer('caio', { displayName: 'Caio' });
  const start = () => {
    const orders: Order[] = [order('ana', daysAgo(10)), order('ana', daysAgo(40)), order('bia', daysAgo(20))];
    return { table: new BookTable({ customers: [ana, bia, caio], orders, feedback: [], tags: [{ id: 't1', name: 'VIP', colour: '#000000', key: null, position: 0 }] }, options), orders };
  };
  const byOrders = tableQuerySchema.parse({ sort: { column: 'orders', direction: 'desc' } });

  it('reflects a new order in the customer’s row and order', () => {
    const { table } = start();
    expect([...table.ids(byOrders)]).toEqual(['ana', 'bia', 'caio']);
    const caioOrders = [order('caio', daysAgo(1)), order('caio', daysAgo(2)), order('caio', daysAgo(30))];
    table.update([{ id: 'caio', customer: caio, orders: caioOrders, feedback: [] }]);
    expect([...table.ids(byOrders)]).toEqual(['caio', 'ana', 'bia']);
    const row = table.table.row('caio');
    expect(row?.orders).toBe(3);
    expect(row?.lastPurchaseAt).toBe(daysAgo(1));
    expect(row?.activity).not.toBe('prospect');
  });

  it('judges a change against the last cut points until they are refreshed, then re-derives every row', () => {
    const { table, orders } = start();
    const caioOrders = [order('caio', daysAgo(1), { totalMinor: 90_000 }), order('caio', daysAgo(5), { totalMinor: 90_000 })];
    table.update([{ id: 'caio', customer: caio, orders: caioOrders, feedback: [] }]);
    expect(table.cutPointsStale).toBe(true);
    table.refreshCutPoints();
    expect(table.cutPointsStale).toBe(false);
    const { facts } = computeBookFacts({ customers: [ana, bia, caio], orders: [...orders, ...caioOrders], feedback: [] }, { mainCurrency: 'BRL', timeZone: 'UTC' }, NOW);
    for (const fact of facts) {
      expect(table.table.row(fact.customerId)).toMatchObject({ activity: fact.activity.status, segment: fact.rfm?.segment ?? null, stage: fact.lifecycle.stage });
    }
  });

  it('reflects a tag and a rename', () => {
    const { table, orders } = start();
    const tagged: Customer = { ...bia, displayName: 'Beatriz', tagIds: ['t1'] };
    table.update([{ id: 'bia', customer: tagged, orders: orders.filter((o) => o.customerId === 'bia'), feedback: [] }]);
    expect([...table.ids(tableQuerySchema.parse({ filters: { tagIds: ['t1'] } }))]).toEqual(['bia']);
    expect(table.table.row('bia')?.name).toBe('Beatriz');
    expect(table.table.row('bia')?.orders).toBe(1);
  });

  it('forgets an erased customer', () => {
    const { table } = start();
    table.update([{ id: 'ana', customer: null, orders: [], feedback: [] }]);
    expect([...table.ids(byOrders)]).toEqual(['bia', 'caio']);
    expect(table.table.row('ana')).toBeUndefined();
  });

  it('moves orders to the survivor of a merge, whichever customer is read first', () => {
    for (const survivorFirst of [true, false]) {
      const { table, orders } = start();
      const moved = orders.map((o) => (o.customerId === 'bia' ? { ...o, customerId: 'ana' } : o));
      const changes = [
        { id: 'ana', customer: ana, orders: moved, feedback: [] },
        { id: 'bia', customer: null, orders: [], feedback: [] },
      ];
      table.update(survivorFirst ? changes : changes.reverse());
      expect(table.table.row('ana')?.orders).toBe(3);
      expect(table.table.row('bia')).toBeUndefined();
    }
  });
});
