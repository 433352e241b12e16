import { describe, expect, it } from 'vitest';
import { countSegment, evaluateSegment, filterSegment } from './evaluate';
import { type SegmentRule, parseSegmentRule } from './rules';
import { csat, customer, daysAgo, factsOf, nps, order } from './testing/builders';

const identity = (kind: 'whatsapp' | 'email' | 'instagram', value: string) => ({ kind, value, raw: value, addedAt: daysAgo(300) });
const cake = [{ name: 'Bolo de Pote', category: 'Doces', quantity: 2, unitPriceMinor: 5_000 }];
const shirt = [{ name: 'Camiseta', category: 'Roupas', quantity: 1, unitPriceMinor: 8_000 }];

const book = factsOf(
  [
    customer('ana', {
      tagIds: ['vip', 'doces'],
      identities: [identity('whatsapp', '+5511999990000'), identity('email', 'ana@example.com')],
      funnelStage: 'customer',
      customFields: { bairro: 'Centro Histórico', idade: 34, newsletter: true },
      createdAt: daysAgo(400),
    }),
    customer('bia', { tagIds: ['lead'], identities: [identity('instagram', 'bia.doces')], funnelStage: 'discovery', createdAt: daysAgo(10) }),
    customer('caio', { archivedAt: daysAgo(1), createdAt: daysAgo(250), customFields: { idade: '40' } }),
  ],
  [
    order('ana', daysAgo(95), { items: cake, totalMinor: 10_000 }),
    order('ana', daysAgo(65), { items: cake, totalMinor: 12_000 }),
    order('ana', daysAgo(35), { items: cake, totalMinor: 14_000 }),
    order('ana', daysAgo(30), { currency: 'EUR', totalMinor: 3_000, channel: 'store', items: cake }),
    order('caio', daysAgo(200), { channel: 'store', items: shirt, totalMinor: 8_000 }),
    order('caio', daysAgo(20), { channel: 'store', items: shirt, totalMinor: 8_000, status: 'refunded' }),
  ],
  [csat('ana', 5, daysAgo(34)), nps('caio', 3, daysAgo(190))],
);

function ids(json: unknown): string[] {
  const parsed = parseSegmentRule(json);
  if (!parsed.ok) throw new Error(parsed.message);
  return filterSegment(parsed.value, book).map((f) => f.customerId);
}

describe('segment rule operators', () => {
  it('hasAny / hasAll / hasNone over tags, identity kinds and channels', () => {
    expect(ids({ field: 'tags', op: 'hasAny', value: ['vip', 'lead'] })).toEqual(['ana', 'bia']);
    expect(ids({ field: 'tags', op: 'hasAll', value: ['vip', 'doces'] })).toEqual(['ana']);
    expect(ids({ field: 'tags', op: 'hasAll', value: ['vip', 'lead'] })).toEqual([]);
    expect(ids({ field: 'tags', op: 'hasNone', value: ['vip'] })).toEqual(['bia', 'caio']);
    expect(ids({ field: 'identityKinds', op: 'hasAny', value: ['instagram', 'whatsapp'] })).toEqual(['ana', 'bia']);
    expect(ids({ field: 'channels', op: 'hasAll', value: ['whatsapp', 'store'] })).toEqual(['ana']);
  });

  it('products and categories match ignoring case, and contains finds part of a name', () => {
    expect(ids({ field: 'products', op: 'hasAny', value: ['bolo de pote'] })).toEqual(['ana']);
    expect(ids({ field: 'categories', op: 'hasNone', value: ['DOCES'] })).toEqual(['bia', 'caio']);
    expect(ids({ field: 'products', op: 'contains', value: 'camis' })).toEqual(['caio']);
  });

  it('eq / neq / in / notIn over choices, with missing values counting as "not"', () => {
    expect(ids({ field: 'activity', op: 'eq', value: 'prospect' })).toEqual(['bia']);
    expect(ids({ field: 'lifecycle', op: 'neq', value: 'prospect' })).toEqual(['ana', 'caio']);
    expect(ids({ field: 'purchaseClass', op: 'in', value: ['new', 'recurring'] })).toEqual(['ana', 'caio']);
    expect(ids({ field: 'origin', op: 'notIn', value: ['store'] })).toEqual(['ana', 'bia']);
    expect(ids({ field: 'rfmSegment', op: 'notIn', value: ['champions'] })).toContain('bia');
    expect(ids({ field: 'funnelStage', op: 'in', value: ['discovery', 'consideration'] })).toEqual(['bia']);
    expect(ids({ field: 'funnelStage', op: 'exists', value: false })).toEqual(['caio']);
  });

  it('gt / gte / lt / lte / between / in / notIn / exists over numbers', () => {
    expect(ids({ field: 'orderCount', op: 'gt', value: 1 })).toEqual(['ana']);
    expect(ids({ field: 'orderCount', op: 'gte', value: 1 })).toEqual(['ana', 'caio']);
    expect(ids({ field: 'purchaseDays', op: 'lt', value: 1 })).toEqual(['bia']);
    expect(ids({ field: 'daysSinceLastOrder', op: 'lte', value: 30 })).toEqual(['ana']);
    expect(ids({ field: 'daysSinceLastOrder', op: 'between', value: [100, 250] })).toEqual(['caio']);
    expect(ids({ field: 'daysSinceLastOrder', op: 'exists', value: false })).toEqual(['bia']);
    expect(ids({ field: 'latestCsat', op: 'eq', value: 5 })).toEqual(['ana']);
    expect(ids({ field: 'latestNps', op: 'in', value: [0, 1, 2, 3] })).toEqual(['caio']);
    expect(ids({ field: 'latestNps', op: 'neq', value: 3 })).toEqual(['ana', 'bia']);
    expect(ids({ field: 'orderCount', op: 'notIn', value: [0, 1] })).toEqual(['ana']);
    expect(ids({ field: 'frequencyScore', op: 'exists', value: true })).toEqual(['ana', 'caio']);
  });

  it('compares money in one currency only', () => {
    expect(ids({ field: 'totalSpent', currency: 'BRL', op: 'gte', value: 36_000 })).toEqual(['ana']);
    expect(ids({ field: 'totalSpent', currency: 'EUR', op: 'eq', value: 3_000 })).toEqual(['ana']);
    expect(ids({ field: 'totalSpent', currency: 'BRL', op: 'lt', value: 1 })).toEqual(['bia']);
    expect(ids({ field: 'averageTicket', currency: 'BRL', op: 'eq', value: 10_000 })).toEqual([]);
    expect(ids({ field: 'averageTicket', currency: 'BRL', op: 'eq', value: 12_000 })).toEqual(['ana']);
    expect(ids({ field: 'averageTicket', currency: 'BRL', op: 'between', value: [8_000, 8_000] })).toEqual(['caio']);
  });

  it('before / after / between / withinLastDays over the created date', () => {
    const cut = daysAgo(100);
    expect(ids({ field: 'createdAt', op: 'before', value: cut })).toEqual(['ana', 'caio']);
    expect(ids({ field: 'createdAt', op: 'after', value: cut })).toEqual(['bia']);
    expect(ids({ field: 'createdAt', op: 'after', value: daysAgo(10) })).toEqual(['bia']);
    expect(ids({ field: 'createdAt', op: 'between', value: [daysAgo(300), daysAgo(5)] })).toEqual(['bia', 'caio']);
    expect(ids({ field: 'createdAt', op: 'withinLastDays', value: 30 })).toEqual(['bia']);
  });

  it('eq / neq / contains / exists / gt / lt / between over custom fields', () => {
    expect(ids({ field: 'customField', key: 'bairro', op: 'eq', value: ' centro histórico ' })).toEqual(['ana']);
    expect(ids({ field: 'customField', key: 'bairro', op: 'neq', value: 'Centro Histórico' })).toEqual(['bia', 'caio']);
    expect(ids({ field: 'customField', key: 'bairro', op: 'eq', value: null })).toEqual(['bia', 'caio']);
    expect(ids({ field: 'customField', key: 'bairro', op: 'contains', value: 'CENTRO' })).toEqual(['ana']);
    expect(ids({ field: 'customField', key: 'idade', op: 'exists', value: true })).toEqual(['ana', 'caio']);
    // "40" is text, so number comparisons do not see it.
    expect(ids({ field: 'customField', key: 'idade', op: 'gt', value: 30 })).toEqual(['ana']);
    expect(ids({ field: 'customField', key: 'idade', op: 'lte', value: 30 })).toEqual([]);
    expect(ids({ field: 'customField', key: 'idade', op: 'between', value: [30, 35] })).toEqual(['ana']);
    expect(ids({ field: 'customField', key: 'newsletter', op: 'eq', value: true })).toEqual(['ana']);
  });

  it('eq over flags', () => {
    expect(ids({ field: 'archived', op: 'eq', value: true })).toEqual(['caio']);
    expect(ids({ field: 'worthRecovering', op: 'eq', value: false })).toEqual(['ana', 'bia', 'caio']);
  });

  it('combines with all / any / not, empty all = everyone and empty any = no one', () => {
    const rule = {
      all: [
        { field: 'archived', op: 'eq', value: false },
        { any: [{ field: 'tags', op: 'hasAny', value: ['lead'] }, { field: 'latestCsat', op: 'gte', value: 4 }] },
        { not: { field: 'identityKinds', op: 'hasAny', value: ['email'] } },
      ],
    };
    expect(ids(rule)).toEqual(['bia']);
    expect(ids({ all: [] })).toEqual(['ana', 'bia', 'caio']);
    expect(ids({ any: [] })).toEqual([]);
  });

  it('counts and evaluates the same way', () => {
    const rule: SegmentRule = { field: 'orderCount', op: 'gte', value: 1 };
    expect(countSegment(rule, book)).toBe(2);
    expect(book.map((f) => evaluateSegment(rule, f))).toEqual([true, false, true]);
  });
});
