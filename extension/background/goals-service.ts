import { goalProgress, GOALS_KEY, parseGoal, readGoals, withGoal, withoutGoal, calendarOf, isoDay, type Book, type Goal, type GoalDraft, type GoalProgress } from '../../core';
import type { BookTableService } from './book-table-service';

export interface GoalsReply {
  /** The seller's date today (`YYYY-MM-DD`, in their zone). */
  today: string;
  /** The goals in the order they were made, each with its progress at this answer. */
  goals: { goal: Goal; progress: GoalProgress }[];
}

/**
 * The seller's goals (`meta` under GOALS_KEY, checked when read) with their progress, from the table's engine: its
 * metrics of each goal's days and its orders for recovered customers. Nothing reads the whole book per answer.
 */
export async function goalsReply(book: Book, table: BookTableService, now: Date): Promise<GoalsReply> {
  const goals = readGoals(await book.meta.get(GOALS_KEY));
  return table.read((built, timeZone) => {
    const inputs = built.goalInputs();
    return {
      today: isoDay(calendarOf(timeZone).day(now.getTime())),
      goals: goals.map((goal) => ({ goal, progress: goalProgress(goal, inputs, now, timeZone) })),
    };
  });
}

/**
 * Saves a goal (a new one gets an id) in one transaction with the list it joins: read, checked, written, or
 * nothing written (a stored list past MAX_GOALS, a goal that fails its schema).
 */
export async function saveGoal(book: Book, draft: GoalDraft, newId: () => string = () => crypto.randomUUID()): Promise<Goal> {
  const goal = parseGoal({ ...draft, id: draft.id ?? newId() });
  await book.meta.update(GOALS_KEY, (stored) => withGoal(readGoals(stored), goal));
  return goal;
}

/** Removes a goal by id, in one transaction; removing one that is not there changes nothing. */
export async function removeGoal(book: Book, id: string): Promise<void> {
  await book.meta.update(GOALS_KEY, (stored) => withoutGoal(readGoals(stored), id));
}
