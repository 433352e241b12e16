import { describe, expect, it } from 'vitest';
import { activeFacts, cleanupCandidates, countsAsActive } from './cleanup';
import { cleanupReasonLabel, describeCleanupReason } from './cleanup-text';
import { csat, customer, daysAgo, factsOf, nps, order } from './testing/builders';

// Eight steady monthly buyers give the book its cut points; the candidates are judged against them.
const regulars = Array.from({ length: 8 }, (_, i) => customer(`r${i}`));
const regularOrders = regulars.flatMap((c, i) => [order(c.id, daysAgo(70 + i), { totalMinor: 20_000 }), order(c.id, daysAgo(40 + i), { totalMinor: 20_000 }), order(c.id, daysAgo(10 + i), { totalMinor: 20_000 })]);

const book = factsOf(
  [
    ...regulars,
    customer('lost', { createdAt: daysAgo(900) }),
    customer('cheap', { createdAt: daysAgo(500) }),
    customer('grumpy'),
    customer('grumpy-came-back'),
    customer('ghost', { createdAt: daysAgo(200) }),
    customer('newbie', { createdAt: daysAgo(20) }),
    customer('archived-ghost', { createdAt: daysAgo(900), archivedAt: daysAgo(1) }),
  ],
  [
    ...regularOrders,
    order('lost', daysAgo(500), { totalMinor: 90_000 }),
    order('cheap', daysAgo(420), { totalMinor: 1_000 }),
    order('cheap', daysAgo(320), { totalMinor: 1_000 }),
    order('grumpy', daysAgo(15)),
    order('grumpy-came-back', daysAgo(30)),
    order('grumpy-came-back', daysAgo(2)),
  ],
  [nps('grumpy', 4, daysAgo(12)), csat('grumpy-came-back', 1, daysAgo(20))],
);

describe('clean-up candidates', () => {
  const candidates = cleanupCandidates(book);
  const byId = new Map(candidates.map((c) => [c.customerId, c.reasons]));

  it('suggests lost, inactive low-value, unhappy and old never-bought customers, and nobody else', () => {
    expect(Object.fromEntries(byId)).toEqual({
      lost: ['lost'],
      cheap: ['inactive-low-value'],
      grumpy: ['unhappy'],
      ghost: ['never-bought-old'],
    });
  });

  it('explains each reason in the seller’s words', () => {
    const facts = (id: string) => book.find((f) => f.customerId === id)!;
    expect(describeCleanupReason('lost', facts('lost'), 'en')).toBe('lost: bought once; your customers buy about every 30 days; last purchase 500 days ago');
    expect(describeCleanupReason('inactive-low-value', facts('cheap'), 'pt-BR')).toBe(
      'inativo e de baixo valor (nota de gasto 1 de 5): compra a cada 100 dias, mais ou menos; última compra há 320 dias',
    );
    expect(describeCleanupReason('unhappy', facts('grumpy'), 'en')).toBe('unhappy: NPS 4/10, 12 days ago; no purchase since');
    expect(describeCleanupReason('unhappy', facts('grumpy'), 'es')).toBe('insatisfecho: NPS 4/10, hace 12 días; ninguna compra desde entonces');
    expect(describeCleanupReason('never-bought-old', facts('ghost'), 'pt-BR')).toBe('nunca comprou; cadastrado há 200 dias');
    expect(cleanupReasonLabel('never-bought-old', 'pt-PT')).toBe('nunca comprou');
  });

  it('leaves archived customers out of candidates and active counts', () => {
    expect(byId.has('archived-ghost')).toBe(false);
    expect(activeFacts(book).map((f) => f.customerId)).not.toContain('archived-ghost');
    expect(activeFacts(book)).toHaveLength(book.length - 1);
    expect(countsAsActive(customer('x', { archivedAt: daysAgo(1) }))).toBe(false);
    expect(countsAsActive(customer('x'))).toBe(true);
  });
});
