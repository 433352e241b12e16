// A seller's book at the size issue 12 names (100k customers, 1M orders) as a backup document, for the bench and
// the restore e2e test. Built from core's synthetic book, with the contacts a real book has (normalized phones,
// handles, emails) so a restore pays for every index it would in real life.
import { normalizeIdentityValue } from '../core/identity';
import { latestPaidOrderAt, SCHEMA_VERSION, type Customer, type IdentityKind, type Tag } from '../core/model';
import type { BackupDocument } from '../core/io';
import { syntheticBook } from '../core/segments/testing/synthetic-book';

export interface BigBookSize {
  customers: number;
  orders: number;
  feedback?: number;
  seed?: number;
}

const NOW = Date.parse('2026-11-29T12:00:00Z');

export function bigBackupDocument({ customers: customerCount, orders: orderCount, feedback = 0, seed = 12 }: BigBookSize): BackupDocument {
  const book = syntheticBook({ customers: customerCount, orders: orderCount, feedback, seed, now: NOW });
  const tags: Tag[] = [{ id: 'vip', name: 'VIP', colour: '#b3261e', key: '1', position: 0 }];
  const paid = new Map<string, { placedAt: string; status: 'paid' | 'refunded' | 'cancelled' }[]>();
  for (const order of book.orders) {
    let list = paid.get(order.customerId);
    if (!list) paid.set(order.customerId, (list = []));
    list.push(order);
  }
  const customers: Customer[] = book.customers.map((customer, i) => {
    const kind = customer.identities[0]?.kind as IdentityKind;
    const raw = kind === 'email' ? `cliente.${i}@example.com` : kind === 'instagram' ? `@cliente_${i}` : `(11) 9${String(10_000_000 + i).slice(-8).replace(/^(\d{4})/, '$1-')}`;
    const addedAt = customer.createdAt;
    return {
      ...customer,
      displayName: i % 7 === 0 ? `Conceição ${i} 🌸` : customer.displayName,
      identities: [{ kind, value: normalizeIdentityValue(kind, raw), raw, addedAt }],
      lastOrderAt: latestPaidOrderAt(paid.get(customer.id) ?? []),
    };
  });
  const contents = { tags, customers, orders: book.orders, notes: [], feedback: book.feedback, followUps: [], segments: [], quickReplies: [] };
  const counts = Object.fromEntries(Object.entries(contents).map(([store, records]) => [store, records.length])) as BackupDocument['counts'];
  return { format: 'clientela-backup', schemaVersion: SCHEMA_VERSION, exportedAt: new Date(NOW).toISOString(), counts, ...contents };
}
