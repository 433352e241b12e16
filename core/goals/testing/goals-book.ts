import { NO_CONSENT, SCHEMA_VERSION, type Customer, type Order } from '../../model';
import type { BackupDocument } from '../../io/backup-format';

const HOUR_MS = 3_600_000;

/**
 * A small book for the Metas screen, dated back from `now` in whole hours so every order is in the past whatever
 * the clock: seven customers, paid orders in BRL spread over the last 50 days (some at 22:00–23:59 in São Paulo,
 * the next day in UTC), one refunded order and one in USD (neither is BRL revenue). A test computes a goal's
 * figure from `document.orders` itself (the paid BRL orders whose São Paulo day is in the goal's days).
 */
export function goalsBookDocument(now: Date): BackupDocument {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS).toISOString();
  const customers: Customer[] = ['Ana Lima', 'Bia Souza', 'Caio Reis', 'Duda Melo', 'Edu Prado', 'Fê Rocha', 'Gil Nunes'].map((displayName, i) => ({
    id: `c${i + 1}`,
    displayName,
    identities: [],
    tagIds: [],
    funnelStage: null,
    customFields: {},
    consent: NO_CONSENT,
    notesCount: 0,
    lastOrderAt: null,
    createdAt: at(24 * 400),
    updatedAt: at(24 * 400),
    archivedAt: null,
    merges: [],
  }));
  // [customer, hours ago, total in minor units, status, currency]
  const plan: [number, number, number, Order['status'], string][] = [
    [1, 1, 15_000, 'paid', 'BRL'],
    [2, 5, 8_990, 'paid', 'BRL'],
    [3, 20, 12_000, 'paid', 'BRL'],
    [1, 50, 4_550, 'paid', 'BRL'],
    [4, 75, 30_000, 'refunded', 'BRL'],
    [5, 100, 21_000, 'paid', 'BRL'],
    [2, 150, 6_000, 'paid', 'USD'],
    [6, 200, 9_900, 'paid', 'BRL'],
    [3, 24 * 12, 17_500, 'paid', 'BRL'],
    [7, 24 * 20, 25_000, 'paid', 'BRL'],
    [4, 24 * 33, 11_000, 'paid', 'BRL'],
    [5, 24 * 41, 13_300, 'paid', 'BRL'],
    [6, 24 * 50, 7_700, 'paid', 'BRL'],
  ];
  const orders: Order[] = plan.map(([c, hours, totalMinor, status, currency], i) => ({
    id: `o${i + 1}`,
    customerId: `c${c}`,
    placedAt: at(hours),
    totalMinor,
    currency,
    items: [],
    channel: 'whatsapp',
    source: 'manual',
    externalRef: null,
    status,
  }));
  const contents = { tags: [], customers, orders, notes: [], feedback: [], followUps: [], segments: [], quickReplies: [] };
  const counts = Object.fromEntries(Object.entries(contents).map(([store, records]) => [store, records.length])) as BackupDocument['counts'];
  return { format: 'clientela-backup', schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts, ...contents };
}
