import { ruleFields, type Book, type SavedSegment, type SegmentRule } from '../../core';
import { translate, type Locale } from '../i18n/translate';
import type { BookTableService } from './book-table-service';
import { checkRule, type RuleProblem } from './rule-problems';

/**
 * Saved segments and live counts of rules (the Segmentos rule builder), from the background's one table: a rule's
 * members are read from the engine's fact columns (BookTable.matchingIds), judged as the rows the Clientes list
 * shows. Archived customers are left out, as in every count of the book, unless the rule asks about them
 * (`archived`): then they count, and the list opens with them.
 */

/** A rule's count, or its problems in the seller's words (nothing counted). */
export type SegmentCountReply = { ok: true; count: number; includesArchived: boolean } | { ok: false; problems: RuleProblem[] };

export interface SegmentSummary {
  id: string;
  name: string;
  rule: SegmentRule;
  count: number;
  /** The rule asks about archived customers: they are counted, and its list should include them. */
  includesArchived: boolean;
  updatedAt: string;
}

export interface SegmentListReply {
  segments: SegmentSummary[];
  /** The book's main currency: money conditions are written in it. */
  mainCurrency: string;
}

export type SegmentSaveReply = { ok: true; segment: SegmentSummary } | { ok: false; problems: RuleProblem[] };

const NAME_MAX = 100;

/** Whether a rule's members include archived customers: only when it asks about them. */
export function includesArchived(rule: SegmentRule): boolean {
  return ruleFields(rule).has('archived');
}

async function countOf(table: BookTableService, rule: SegmentRule): Promise<number> {
  const archivedToo = includesArchived(rule);
  return table.read((built) => {
    const ids = built.matchingIds(rule);
    return archivedToo ? ids.length : ids.filter((id) => built.isListed(id)).length;
  });
}

export async function countRule(table: BookTableService, json: unknown, locale: Locale): Promise<SegmentCountReply> {
  const checked = checkRule(json, locale);
  if (!checked.ok) return checked;
  return { ok: true, count: await countOf(table, checked.rule), includesArchived: includesArchived(checked.rule) };
}

async function summaryOf(table: BookTableService, segment: SavedSegment): Promise<SegmentSummary> {
  const { id, name, rule, updatedAt } = segment;
  return { id, name, rule, updatedAt, count: await countOf(table, rule), includesArchived: includesArchived(rule) };
}

export async function listSegments(book: Book, table: BookTableService): Promise<SegmentListReply> {
  const saved = await book.segments.list();
  const segments: SegmentSummary[] = [];
  for (const segment of saved) segments.push(await summaryOf(table, segment));
  return { segments, mainCurrency: table.mainCurrency };
}

/** Saves a named rule, all or nothing: with any problem in the name or the rule nothing is written. */
export async function saveSegment(book: Book, table: BookTableService, input: { id?: string | undefined; name: string; rule: unknown }, locale: Locale): Promise<SegmentSaveReply> {
  const problems: RuleProblem[] = [];
  const name = input.name.trim();
  if (name === '' || name.length > NAME_MAX) {
    const problem = translate(locale, name === '' ? 'rules.problem.nameEmpty' : 'rules.problem.nameLong');
    problems.push({ at: '', part: 'name', text: translate(locale, 'rules.problem.name', { problem }) });
  }
  const checked = checkRule(input.rule, locale);
  if (!checked.ok) problems.push(...checked.problems);
  if (problems.length > 0 || !checked.ok) return { ok: false, problems };
  const saved = await book.segments.save({ ...(input.id ? { id: input.id } : {}), name, rule: checked.rule });
  return { ok: true, segment: await summaryOf(table, saved) };
}
