import type { Customer, Feedback, Identity, Order, OrderItem } from '../../model';
import { NO_CONSENT } from '../../model';
import { DAY_MS } from '../time';

/** Small seeded generator (xorshift32 over a mixed seed): the same seed always gives the same book. */
export function seededRandom(seed: number): () => number {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

export interface SyntheticBookSpec {
  readonly customers: number;
  readonly orders: number;
  readonly feedback: number;
  readonly seed: number;
  /** Epoch ms of "today"; no order is placed after it. */
  readonly now: number;
}

export interface SyntheticBook {
  readonly customers: Customer[];
  readonly orders: Order[];
  readonly feedback: Feedback[];
}

interface OrderRow {
  customerId: string;
  at: number;
  totalMinor: number;
  currency: string;
  items: OrderItem[];
  channel: Order['channel'];
  status: Order['status'];
}

const CATEGORIES = ['doces', 'salgados', 'bebidas', 'roupas', 'acessórios', 'cosméticos', 'papelaria', 'presentes'];
const CHANNELS: Order['channel'][] = ['whatsapp', 'whatsapp', 'whatsapp', 'instagram', 'instagram', 'store', 'store', 'in-person'];

/**
 * A book that looks like a small seller's: mostly BRL with some EUR customers (Portugal), cadences from weekly
 * to twice a year, many one-time buyers and some prospects, churned customers, same-day orders, ~3% refunds and
 * ~1% cancellations, a few ratings. Orders are returned in placement order, as a store log would hold them.
 */
export function syntheticBook(spec: SyntheticBookSpec): SyntheticBook {
  const rand = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const today = Math.floor(spec.now / DAY_MS);
  // Item lists are shared between orders: the segmentation only reads them, and a million copies would not fit.
  const catalog: OrderItem[][] = Array.from({ length: 60 }, (_, i) => [
    { name: `Produto ${i + 1}`, category: CATEGORIES[i % CATEGORIES.length] as string, quantity: 1, unitPriceMinor: 1_000 + i * 250 },
  ]);

  // Orders per customer: ~6% prospects, ~35% one-time buyers, the rest a long tail; then trimmed to the exact total.
  const counts = Array.from({ length: spec.customers }, () => {
    const u = rand();
    if (u < 0.06) return 0;
    if (u < 0.41) return 1;
    return 2 + Math.floor(-Math.log(1 - rand()) * 14);
  });
  let total = counts.reduce((a, b) => a + b, 0);
  // Trimming leaves buyers of two or more with two: below that floor the loop below could never stop.
  const floor = counts.reduce((sum, count) => sum + Math.min(count, 2), 0);
  if (spec.orders < floor) {
    throw new RangeError(`syntheticBook: ${spec.customers} customers need at least ${floor} orders (asked for ${spec.orders})`);
  }
  while (total !== spec.orders) {
    const i = Math.floor(rand() * spec.customers);
    const c = counts[i] as number;
    if (total < spec.orders && c >= 1) {
      counts[i] = c + 1;
      total++;
    } else if (total > spec.orders && c >= 3) {
      counts[i] = c - 1;
      total--;
    }
  }

  const customers: Customer[] = [];
  // Orders are first drawn as compact rows, then created in placement order (below).
  const rows: OrderRow[] = [];
  for (let i = 0; i < spec.customers; i++) {
    const id = `c${i}`;
    const currency = rand() < 0.08 ? 'EUR' : 'BRL';
    const count = counts[i] as number;
    // Cadence from weekly to twice a year, kept so that the whole history fits in about six years.
    const interval = Math.min(Math.exp(Math.log(7) + rand() * Math.log(180 / 7)), 2_000 / Math.max(1, count));
    const ticket = Math.round(2_000 + Math.exp(rand() * 2.5) * 3_000);
    // Recency: half recent, the rest spread over three years (churned customers).
    let day = today - Math.floor(rand() < 0.5 ? rand() * interval * 1.5 : rand() * 1_100);
    const days: number[] = [];
    for (let k = 0; k < count; k++) {
      days.push(day);
      day -= Math.round(-Math.log(1 - rand()) * interval * (0.5 + rand()));
    }
    const firstDay = count > 0 ? (days[count - 1] as number) : today - Math.floor(rand() * 700);
    const channel = pick(CHANNELS);
    for (const d of days) {
      const u = rand();
      rows.push({
        customerId: id,
        at: d * DAY_MS + Math.floor(rand() * DAY_MS),
        totalMinor: Math.round(ticket * (0.5 + rand())),
        currency,
        items: pick(catalog),
        channel: rand() < 0.8 ? channel : pick(CHANNELS),
        status: u < 0.03 ? 'refunded' : u < 0.04 ? 'cancelled' : 'paid',
      });
    }
    const createdAt = new Date((firstDay - Math.floor(rand() * 30)) * DAY_MS).toISOString();
    const kind = channel === 'store' ? 'email' : channel === 'instagram' ? 'instagram' : 'whatsapp';
    const identity: Identity = { kind, value: `${kind}-${i}`, raw: `${kind}-${i}`, addedAt: createdAt };
    customers.push({
      id,
      displayName: `Cliente ${i}`,
      identities: [identity],
      tagIds: rand() < 0.1 ? ['vip'] : [],
      funnelStage: count > 0 ? 'customer' : pick(['discovery', 'consideration', 'decision']),
      customFields: {},
      consent: NO_CONSENT,
      notesCount: 0,
      lastOrderAt: null,
      createdAt,
      updatedAt: createdAt,
      archivedAt: null,
      merges: [],
    });
  }
  // Placement order, like the store's log, and objects allocated in that order, as when the app loads them, so
  // memory layout matches array order. The sort is stable, so the book is fully determined by the seed.
  rows.sort((a, b) => a.at - b.at);
  const orders: Order[] = rows.map((row, k) => ({
    id: `o${k}`,
    customerId: row.customerId,
    placedAt: new Date(row.at).toISOString(),
    totalMinor: row.totalMinor,
    currency: row.currency,
    items: row.items,
    channel: row.channel,
    source: 'manual',
    externalRef: null,
    status: row.status,
  }));
  rows.length = 0;

  const feedback: Feedback[] = [];
  for (let k = 0; k < spec.feedback; k++) {
    const isNps = rand() < 0.5;
    const base = {
      id: `f${k}`,
      customerId: `c${Math.floor(rand() * spec.customers)}`,
      comment: null,
      receivedAt: new Date(spec.now - Math.floor(rand() * 365 * DAY_MS)).toISOString(),
      source: 'storefront' as const,
      verified: false,
      externalId: null,
      claim: null,
    };
    feedback.push(isNps ? { ...base, kind: 'nps', score: Math.floor(rand() * 11) } : { ...base, kind: 'csat', score: 1 + Math.floor(rand() * 5) });
  }
  return { customers, orders, feedback };
}
