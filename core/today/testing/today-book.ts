import { NO_CONSENT, SCHEMA_VERSION, type Customer, type Feedback, type FollowUp, type Order } from '../../model';
import { normalizeIdentityValue } from '../../identity';
import type { BackupDocument } from '../../io/backup-format';

const DAY_MS = 86_400_000;

/** Who a Hoje test book's list must hold, by section (names, in no particular order within a section). */
export interface TodayAnswer {
  followUps: string[];
  late: string[];
  lowFeedback: string[];
  prospects: string[];
  /** Customers who must not be on the list at all. */
  absent: string[];
}

/**
 * A small book whose Hoje list is known, dated from `now` at whole days (noon UTC ± whole days, so any seller's
 * zone from UTC−12 to UTC+11 gives the same answer). Orders are spaced so each customer's own interval is exact:
 * - Ana Atrasada bought 100, 70 and 40 days ago: every 30 days, expected 10 days ago, late;
 * - Bruno Atrasado 60, 45 and 30 days ago: every 15 days, expected 15 days ago, late (at risk, not lost);
 * - Carla Em Dia 40, 20 and 5 days ago: expected in about 13 days;
 * - Davi Perdido 400 and 370 days ago: silent past a year, judged lost, left out;
 * - Eva Única bought once, 60 days ago: no rhythm of her own;
 * - Fábio Arquivado is late but archived;
 * - Gabi Retorno has a follow-up due yesterday, one due in 3 days and one done; Helena Hoje one due an hour ago;
 * - Ivo Nota Baixa left CSAT 1 yesterday (with markup in the comment, which must show as text), Carla NPS 9;
 * - Júlia Loja came from the storefront yesterday and never bought; Karla Antiga did 30 days ago.
 */
export function todayBookDocument(now: Date): { document: BackupDocument; answer: TodayAnswer } {
  const noon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12);
  const daysAgo = (days: number) => new Date(noon - days * DAY_MS).toISOString();
  const customers: Customer[] = [];
  const orders: Order[] = [];
  const add = (id: string, displayName: string, bought: number[], fields: Partial<Customer> = {}, phone?: string) => {
    customers.push({
      id,
      displayName,
      identities: phone ? [{ kind: 'whatsapp', value: normalizeIdentityValue('whatsapp', phone), raw: phone, addedAt: daysAgo(120) }] : [],
      tagIds: [],
      funnelStage: null,
      customFields: {},
      consent: NO_CONSENT,
      notesCount: 0,
      lastOrderAt: bought.length ? daysAgo(Math.min(...bought)) : null,
      createdAt: daysAgo(120),
      updatedAt: daysAgo(120),
      archivedAt: null,
      merges: [],
      ...fields,
    });
    bought.forEach((days, i) =>
      orders.push({ id: `${id}-o${i}`, customerId: id, placedAt: daysAgo(days), totalMinor: 10_000 + 1_000 * i, currency: 'BRL', items: [], channel: 'whatsapp', source: 'manual', externalRef: null, status: 'paid' }),
    );
  };
  add('ana', 'Ana Atrasada', [100, 70, 40], {}, '+55 11 98888-0001');
  add('bruno', 'Bruno Atrasado', [60, 45, 30], {}, '+55 11 98888-0002');
  add('carla', 'Carla Em Dia', [40, 20, 5]);
  add('davi', 'Davi Perdido', [400, 370], { createdAt: daysAgo(400) });
  add('eva', 'Eva Única', [60]);
  add('fabio', 'Fábio Arquivado', [90, 60, 30], { archivedAt: daysAgo(2) });
  add('gabi', 'Gabi Retorno', []);
  add('helena', 'Helena Hoje', []);
  add('ivo', 'Ivo Nota Baixa', []);
  add('julia', 'Júlia Loja', [], { createdAt: daysAgo(1), identities: [{ kind: 'storefront', value: normalizeIdentityValue('storefront', 'loja:julia'), raw: 'loja:julia', addedAt: daysAgo(1) }] });
  add('karla', 'Karla Antiga', [], { createdAt: daysAgo(30), identities: [{ kind: 'storefront', value: normalizeIdentityValue('storefront', 'loja:karla'), raw: 'loja:karla', addedAt: daysAgo(30) }] });
  const followUp = (id: string, customerId: string, due: string, done = false): FollowUp => ({ id, customerId, due, text: `Retornar (${id})`, done, createdAt: daysAgo(10) });
  const followUps = [
    followUp('gabi-yesterday', 'gabi', daysAgo(1)),
    followUp('gabi-later', 'gabi', daysAgo(-3)),
    followUp('gabi-done', 'gabi', daysAgo(5), true),
    followUp('helena-now', 'helena', new Date(now.getTime() - 3_600_000).toISOString()),
  ];
  const rating = (id: string, customerId: string, kind: 'csat' | 'nps', score: number, comment: string): Feedback =>
    ({ id, customerId, kind, score, comment, receivedAt: daysAgo(1), source: 'storefront', verified: true, externalId: null, claim: null }) as Feedback;
  const feedback = [rating('ivo-csat', 'ivo', 'csat', 1, '<b>Demorou</b> a entrega'), rating('carla-nps', 'carla', 'nps', 9, 'Ótimo')];
  const contents = { tags: [], customers, orders, notes: [], feedback, followUps, segments: [], quickReplies: [] };
  const counts = Object.fromEntries(Object.entries(contents).map(([store, records]) => [store, records.length])) as BackupDocument['counts'];
  return {
    document: { format: 'clientela-backup', schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts, ...contents },
    answer: {
      followUps: ['Gabi Retorno', 'Helena Hoje'],
      late: ['Ana Atrasada', 'Bruno Atrasado'],
      lowFeedback: ['Ivo Nota Baixa'],
      prospects: ['Júlia Loja'],
      absent: ['Carla Em Dia', 'Davi Perdido', 'Eva Única', 'Fábio Arquivado', 'Karla Antiga'],
    },
  };
}
