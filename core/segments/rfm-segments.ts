import { type LocalizedText, resolveLocale } from '../locale';

/** Stable ids of the named RFM segments (saved in rules; never rename). */
export const RFM_SEGMENT_IDS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegmentId = (typeof RFM_SEGMENT_IDS)[number];

/**
 * The common 11-segment grid of RFM guides (Champions … Lost, as popularised e.g. by Putler's RFM segmentation
 * guide): the segment is read from the recency score (rows) and the MEAN of the frequency and monetary scores
 * (columns). The published ranges overlap at their edges; each cell is given exactly one segment here:
 *
 *   R \ (F+M)/2 |  < 2            | 2 – 2.5             | 3 – 3.5 | ≥ 4
 *   5           |  new            | potential-loyalist  | loyal   | champions
 *   4           |  promising      | potential-loyalist  | loyal   | champions
 *   3           |  about-to-sleep | need-attention      | loyal   | loyal
 *   2           |  hibernating    | about-to-sleep      | at-risk | at-risk
 *   1           |  lost           | hibernating         | at-risk | cant-lose
 */
const GRID: readonly (readonly RfmSegmentId[])[] = [
  ['lost', 'hibernating', 'at-risk', 'cant-lose'],
  ['hibernating', 'about-to-sleep', 'at-risk', 'at-risk'],
  ['about-to-sleep', 'need-attention', 'loyal', 'loyal'],
  ['promising', 'potential-loyalist', 'loyal', 'champions'],
  ['new', 'potential-loyalist', 'loyal', 'champions'],
];

/** Segment of a customer from their R, F and M scores (each 1–5). */
export function rfmSegment(recency: number, frequency: number, monetary: number): RfmSegmentId {
  const fm = (frequency + monetary) / 2;
  const column = fm < 2 ? 0 : fm < 3 ? 1 : fm < 4 ? 2 : 3;
  const row = GRID[Math.min(5, Math.max(1, recency)) - 1] as readonly RfmSegmentId[];
  return row[column] as RfmSegmentId;
}

export const RFM_SEGMENT_LABELS: Readonly<Record<RfmSegmentId, LocalizedText>> = {
  champions: { en: 'Champions', 'pt-BR': 'Campeões', 'pt-PT': 'Campeões', es: 'Campeones' },
  loyal: { en: 'Loyal', 'pt-BR': 'Fiéis', 'pt-PT': 'Fiéis', es: 'Leales' },
  'potential-loyalist': { en: 'Potential loyalist', 'pt-BR': 'Potencial fiel', 'pt-PT': 'Potencial fiel', es: 'Potencial leal' },
  new: { en: 'New', 'pt-BR': 'Novos', 'pt-PT': 'Novos', es: 'Nuevos' },
  promising: { en: 'Promising', 'pt-BR': 'Promissores', 'pt-PT': 'Promissores', es: 'Prometedores' },
  'need-attention': { en: 'Need attention', 'pt-BR': 'Precisam de atenção', 'pt-PT': 'Precisam de atenção', es: 'Necesitan atención' },
  'about-to-sleep': { en: 'About to sleep', 'pt-BR': 'Quase dormindo', 'pt-PT': 'Prestes a adormecer', es: 'A punto de dormirse' },
  'at-risk': { en: 'At risk', 'pt-BR': 'Em risco', 'pt-PT': 'Em risco', es: 'En riesgo' },
  'cant-lose': { en: 'Can’t lose', 'pt-BR': 'Não pode perder', 'pt-PT': 'Não pode perder', es: 'No se pueden perder' },
  hibernating: { en: 'Hibernating', 'pt-BR': 'Hibernando', 'pt-PT': 'Em hibernação', es: 'Hibernando' },
  lost: { en: 'Lost', 'pt-BR': 'Perdidos', 'pt-PT': 'Perdidos', es: 'Perdidos' },
};

/** The segment's name in the seller's language (`locale` is any BCP 47 tag). */
export function rfmSegmentLabel(segment: RfmSegmentId, locale: string): string {
  return RFM_SEGMENT_LABELS[segment][resolveLocale(locale)];
}
