import { NO_CONSENT, SCHEMA_VERSION, type Customer, type Feedback, type Order } from '../../model';
import type { BackupDocument } from '../../io/backup-format';
import { calendarOf } from '../../locale/calendar';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * A book for the Painel with figures a test works out on its own from its orders and ratings, dated back from
 * `now` (so it is current whenever it runs). 24 customers buy on a fixed pattern over the last 18 months: the
 * i-th buys about every (20 + 9·(i mod 5)) days from (5 + 11·i) days ago (one in three 200 days earlier) back to 540
 * days, at an hour that moves with i
 * (late evenings included), for an amount that moves with i and the purchase. Three of them pay in EUR, one order
 * in nine is refunded, and one customer is archived (their history stays). Ten more bought once, and eight
 * three times in a month a year or more ago. Lia buys once at 22:00 in São Paulo on
 * the last day of the month before now's: on that calendar it is that month's, on UTC the next one's. Ratings:
 * a CSAT and an NPS from each customer every 45 days.
 */
export function dashboardBookDocument(now: Date): BackupDocument {
  const nowMs = now.getTime();
  const at = (ms: number) => new Date(ms).toISOString();
  const customers: Customer[] = [];
  const orders: Order[] = [];
  const feedback: Feedback[] = [];
  const customer = (id: string, displayName: string, createdMs: number, fields: Partial<Customer> = {}): Customer => ({
    id,
    displayName,
    identities: [],
    tagIds: [],
    funnelStage: null,
    customFields: {},
    consent: NO_CONSENT,
    notesCount: 0,
    lastOrderAt: null,
    createdAt: at(createdMs),
    updatedAt: at(createdMs),
    archivedAt: null,
    merges: [],
    ...fields,
  });
  const order = (id: string, customerId: string, placedMs: number, totalMinor: number, currency: string, status: Order['status']): Order => ({
    id,
    customerId,
    placedAt: at(placedMs),
    totalMinor,
    currency,
    items: [],
    channel: 'whatsapp',
    source: 'manual',
    externalRef: null,
    status,
  });
  for (let i = 0; i < 24; i++) {
    const id = `c${String(i).padStart(2, '0')}`;
    const every = 20 + 9 * (i % 5);
    const placed: number[] = [];
    // One in three stopped buying over half a year ago: the prediction models need some who left.
    const since = 5 + 11 * i + (i % 3 === 1 ? 200 : 0);
    for (let days = since, k = 0; days <= 540; days += every + ((k * i) % 9), k++) placed.push(nowMs - days * DAY_MS - ((i * 5) % 24) * HOUR_MS);
    const currency = i % 8 === 3 ? 'EUR' : 'BRL';
    placed.forEach((ms, k) => orders.push(order(`${id}-o${k}`, id, ms, 4_990 + 1_250 * ((i + 3 * k) % 17), currency, (i + k) % 9 === 4 ? 'refunded' : 'paid')));
    const last = Math.max(...placed);
    customers.push(customer(id, `Cliente ${String(i + 1).padStart(2, '0')}`, Math.min(...placed) - DAY_MS, { lastOrderAt: at(last), ...(i === 7 ? { archivedAt: at(nowMs - 2 * DAY_MS) } : {}) }));
    for (let days = 2 + i; days <= 400; days += 45) {
      feedback.push(rating(`${id}-csat-${days}`, id, 'csat', 1 + ((i + days) % 5), nowMs - days * DAY_MS));
      feedback.push(rating(`${id}-nps-${days}`, id, 'nps', (i * 3 + days) % 11, nowMs - days * DAY_MS - 5 * HOUR_MS));
    }
  }
  // Ten who bought once, at times spread over the last year and a half.
  for (let j = 0; j < 10; j++) {
    const ms = nowMs - (12 + 53 * j) * DAY_MS - (j % 3) * 7 * HOUR_MS;
    customers.push(customer(`u${j}`, `Avulso ${j + 1}`, ms - DAY_MS, { lastOrderAt: at(ms) }));
    orders.push(order(`u${j}-o0`, `u${j}`, ms, 3_000 + 700 * j, 'BRL', 'paid'));
  }
  // Eight who bought three times in a month, a year or more ago, and never again.
  for (let j = 0; j < 8; j++) {
    const first = nowMs - (330 + 25 * j) * DAY_MS - 3 * HOUR_MS;
    const times = [first, first + 9 * DAY_MS, first + 20 * DAY_MS];
    customers.push(customer(`b${j}`, `Breve ${j + 1}`, first - DAY_MS, { lastOrderAt: at(times[2] as number) }));
    times.forEach((ms, k) => orders.push(order(`b${j}-o${k}`, `b${j}`, ms, 6_000 + 900 * j + 500 * k, 'BRL', 'paid')));
  }
  // 22:00 in São Paulo on the last day of the month before now's (there): its first instant minus two hours.
  const saoPaulo = calendarOf('America/Sao_Paulo');
  const today = new Date(saoPaulo.day(nowMs) * DAY_MS);
  const monthStart = saoPaulo.dayStart(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1) / DAY_MS);
  const lia = monthStart - 2 * HOUR_MS;
  customers.push(customer('lia', 'Lia Noite', lia - DAY_MS, { lastOrderAt: at(lia) }));
  orders.push(order('lia-o0', 'lia', lia, 12_345, 'BRL', 'paid'));
  const contents = { tags: [], customers, orders, notes: [], feedback, followUps: [], segments: [], quickReplies: [] };
  const counts = Object.fromEntries(Object.entries(contents).map(([store, records]) => [store, records.length])) as BackupDocument['counts'];
  return { format: 'clientela-backup', schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts, ...contents };
}

function rating(id: string, customerId: string, kind: 'csat' | 'nps', score: number, ms: number): Feedback {
  return { id, customerId, kind, score, comment: null, receivedAt: new Date(ms).toISOString(), source: 'manual', verified: false, externalId: null, claim: null } as Feedback;
}
