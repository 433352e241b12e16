import { describe, expect, it } from 'vitest';
import { customer, daysAgo, factsOf, order } from '../segments/testing/builders';
import { KeptRow, plainRow } from './customer-row';
import { heldCustomer } from './held-customer';
import { TABLE_COLUMNS } from './query';
import { sortKeyOf } from './sort-keys';

describe('kept rows', () => {
  const ana = customer('ana', { identities: [{ kind: 'whatsapp', value: '+5511987654321', raw: '(11) 98765-4321', addedAt: daysAgo(30) }], tagIds: ['t1'] });
  const bia = customer('bia');
  const eva = customer('eva');
  const [anaFacts, biaFacts, evaFacts] = factsOf(
    [ana, bia, eva],
    [
      order('ana', daysAgo(40), { totalMinor: 1_000, currency: 'EUR' }),
      order('ana', daysAgo(10), { totalMinor: 5_000 }),
      order('ana', daysAgo(3), { totalMinor: 2_500 }),
      order('eva', daysAgo(8), { totalMinor: 700, currency: 'USD' }),
    ],
  );
  const rows = [new KeptRow(heldCustomer(ana), anaFacts!, 'BRL', { valueMinor: 12_345.6, probabilityAlive: 0.8234 }), new KeptRow(heldCustomer(bia), biaFacts!, 'BRL', null), new KeptRow(heldCustomer(eva), evaFacts!, 'BRL', { valueMinor: 0, probabilityAlive: 0 })];

  it('read as the plain row of the same customer, with money in the main currency first and the date as text', () => {
    expect(plainRow(rows[0]!)).toEqual({
      id: 'ana',
      name: ana.displayName,
      contacts: [{ kind: 'whatsapp', value: '+5511987654321', raw: '(11) 98765-4321' }],
      tagIds: ['t1'],
      activity: anaFacts!.activity.status,
      segment: anaFacts!.rfm?.segment ?? null,
      stage: anaFacts!.lifecycle.stage,
      funnelStage: null,
      lastPurchaseAt: new Date(anaFacts!.lastOrderAt!).toISOString(),
      totalSpent: [{ currency: 'BRL', minor: 7_500 }, { currency: 'EUR', minor: 1_000 }],
      orders: 3,
      // Kept as whole minor units and thousandths (small integers: no boxed fraction per kept row).
      predictedValue: { minor: 12_346, currency: 'BRL' },
      probabilityAlive: 0.823,
      archived: false,
      rfmCell: anaFacts!.rfm!.recency * 10 + anaFacts!.rfm!.frequency,
    });
    expect(anaFacts!.rfm).not.toBeNull();
    // Never bought: no cell of the RFM grid.
    expect(plainRow(rows[1]!)).toMatchObject({ lastPurchaseAt: null, totalSpent: [], orders: 0, predictedValue: null, probabilityAlive: null, rfmCell: null });
    // Recency first: R 5, F 2 is cell 52.
    expect(new KeptRow(heldCustomer(ana), { ...anaFacts!, rfm: { ...anaFacts!.rfm!, recency: 5, frequency: 2 } }, 'BRL', null).rfmCell).toBe(52);
    // The copy with another prediction keeps the cell.
    expect(rows[0]!.withPredicted({ valueMinor: 1, probabilityAlive: 0.5 }).rfmCell).toBe(rows[0]!.rfmCell);
  });

  it('sort by the same key as their plain rows in every column', () => {
    const tags = new Map([['t1', 'Atacado']]);
    const collator = new Intl.Collator('pt-BR');
    for (const row of rows) {
      for (const column of TABLE_COLUMNS) expect([column, sortKeyOf(row, column, tags, collator, 'BRL')]).toEqual([column, sortKeyOf(plainRow(row), column, tags, collator, 'BRL')]);
    }
    // Bought in another currency only: 0 in the main one, not "no purchase".
    expect(sortKeyOf(rows[2]!, 'totalSpent', tags, collator, 'BRL')).toBe(0);
    expect(sortKeyOf(rows[1]!, 'totalSpent', tags, collator, 'BRL')).toBeNull();
  });
});
