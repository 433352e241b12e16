import { NO_CONSENT, SCHEMA_VERSION, type Customer, type Feedback, type Order } from '../../model';
import { normalizeIdentityValue } from '../../identity';
import type { BackupDocument } from '../../io/backup-format';
import type { CleanupReason } from '../../segments/cleanup';

const DAY_MS = 86_400_000;

/** What a Limpeza test book's lists must hold (names). */
export interface CleanupAnswer {
  /** Candidates under the first of their reasons, by longest silence first. */
  groups: Record<CleanupReason, string[]>;
  /** Good lost customers, highest past value first. */
  winBack: string[];
  /** Customers on no list at all. */
  absent: string[];
}

/**
 * A small book whose Limpeza lists are known, dated from `now` at whole days (noon UTC ± whole days, so any zone
 * from UTC−12 to UTC+11 gives the same answer). Every buyer bought on two days or more, so each is judged by their
 * own rhythm (lost past 6 intervals or a year, inactive past 3); spends are spread so the RFM monetary scores of the
 * 9 unarchived buyers are Ana 5, Júlia and Davi 4 (high value), Bruno and Carla 1:
 * - Ana Sumida bought 260 and 230 days ago, R$ 1.000 in all: every 30 days, lost; high value: win back first;
 * - Júlia Perdida Valiosa 400 and 380 days ago, R$ 800, then NPS 3: lost (and unhappy): win back second;
 * - Bruno Sumido 300 and 280 days ago, R$ 40: lost, low value: a candidate only;
 * - Lia Perdida Média 250 and 220 days ago, R$ 150: lost, middling value: a candidate only;
 * - Carla Inativa 150 and 120 days ago, R$ 30: inactive for 120 days, lowest spend: inactive and low value;
 * - Davi Inativo Valioso the same days, R$ 600: inactive but high value: on no list;
 * - Eva Insatisfeita buys every ~18 days (40, 20, 5 days ago) and left CSAT 1 yesterday: unhappy;
 * - Fábio Nunca Comprou joined 200 days ago and never bought: never bought; Gabi Nova joined 30 days ago: no list;
 * - Helena Fiel and Karla Ativa buy on rhythm: no list; Ivo Arquivado is lost but archived: no list.
 */
export function cleanupBookDocument(now: Date): { document: BackupDocument; answer: CleanupAnswer } {
  const noon = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 12);
  const daysAgo = (days: number) => new Date(noon - days * DAY_MS).toISOString();
  const customers: Customer[] = [];
  const orders: Order[] = [];
  const add = (id: string, displayName: string, bought: number[], eachMinor: number, fields: Partial<Customer> = {}, phone?: string) => {
    customers.push({
      id,
      displayName,
      identities: phone ? [{ kind: 'whatsapp', value: normalizeIdentityValue('whatsapp', phone), raw: phone, addedAt: daysAgo(500) }] : [],
      tagIds: [],
      funnelStage: null,
      customFields: {},
      consent: NO_CONSENT,
      notesCount: 0,
      lastOrderAt: bought.length ? daysAgo(Math.min(...bought)) : null,
      createdAt: daysAgo(500),
      updatedAt: daysAgo(500),
      archivedAt: null,
      merges: [],
      ...fields,
    });
    bought.forEach((days, i) =>
      orders.push({ id: `${id}-o${i}`, customerId: id, placedAt: daysAgo(days), totalMinor: eachMinor, currency: 'BRL', items: [], channel: 'whatsapp', source: 'manual', externalRef: null, status: 'paid' }),
    );
  };
  add('ana', 'Ana Sumida', [260, 230], 50_000, {}, '+55 11 97777-0001');
  add('julia', 'Júlia Perdida Valiosa', [400, 380], 40_000, {}, '+55 11 97777-0002');
  add('bruno', 'Bruno Sumido', [300, 280], 2_000);
  add('lia', 'Lia Perdida Média', [250, 220], 7_500);
  add('carla', 'Carla Inativa', [150, 120], 1_500);
  add('davi', 'Davi Inativo Valioso', [150, 120], 30_000);
  add('eva', 'Eva Insatisfeita', [40, 20, 5], 4_000);
  add('fabio', 'Fábio Nunca Comprou', [], 0, { createdAt: daysAgo(200) });
  add('gabi', 'Gabi Nova', [], 0, { createdAt: daysAgo(30) });
  add('helena', 'Helena Fiel', [60, 30, 10], 6_000);
  add('karla', 'Karla Ativa', [30, 10], 12_000);
  add('ivo', 'Ivo Arquivado', [400, 370], 2_500, { archivedAt: daysAgo(3) });
  const rating = (id: string, customerId: string, kind: 'csat' | 'nps', score: number, days: number): Feedback =>
    ({ id, customerId, kind, score, comment: null, receivedAt: daysAgo(days), source: 'storefront', verified: true, externalId: null, claim: null }) as Feedback;
  const feedback = [rating('eva-csat', 'eva', 'csat', 1, 1), rating('julia-nps', 'julia', 'nps', 3, 370), rating('helena-nps', 'helena', 'nps', 10, 9)];
  const contents = { tags: [], customers, orders, notes: [], feedback, followUps: [], segments: [], quickReplies: [] };
  const counts = Object.fromEntries(Object.entries(contents).map(([store, records]) => [store, records.length])) as BackupDocument['counts'];
  return {
    document: { format: 'clientela-backup', schemaVersion: SCHEMA_VERSION, exportedAt: now.toISOString(), counts, ...contents },
    answer: {
      groups: {
        lost: ['Júlia Perdida Valiosa', 'Bruno Sumido', 'Ana Sumida', 'Lia Perdida Média'],
        'inactive-low-value': ['Carla Inativa'],
        unhappy: ['Eva Insatisfeita'],
        'never-bought-old': ['Fábio Nunca Comprou'],
      },
      winBack: ['Ana Sumida', 'Júlia Perdida Valiosa'],
      absent: ['Davi Inativo Valioso', 'Gabi Nova', 'Helena Fiel', 'Karla Ativa', 'Ivo Arquivado'],
    },
  };
}
