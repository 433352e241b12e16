import { useRef, useState } from 'preact/hooks';
import type { Goal, GoalDraft } from '../../../../core';
import type { BookResponses } from '../../../messaging/protocol';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { GoalCard } from './goal-card';
import { GoalForm } from './goal-form';
import { goalTitle } from './goal-format';
import './goals.css';

type GoalsReply = BookResponses['goals/list'];

/** Book stores whose changes may move a goal's figures (the background's table follows the same feed). */
const GOAL_STORES = ['customers', 'orders', 'feedback', 'meta'] as const;

/**
 * Metas: SMART goals on the store's figures (core/goals), each with its progress and whether the current pace gets
 * there, from the background (`goals/list`, over its customer table's engine); a form to make or edit one. Asked
 * again when the book changes, when the table has applied a change, and after the seller's own save or delete.
 */
export function GoalsScreen() {
  const words = useBook();
  const { background, t, notify } = words;
  const refresh = useRef(new Set<() => void>());
  const [editing, setEditing] = useState<Goal | null>(null);
  const list = useBookQuery(() => background.ask({ type: 'goals/list' }), {
    stores: [...GOAL_STORES],
    watch: (changed) => {
      const controller = new AbortController();
      background.watchTable(() => changed(), controller.signal);
      refresh.current.add(changed);
      return () => {
        controller.abort();
        refresh.current.delete(changed);
      };
    },
  });
  const again = () => refresh.current.forEach((changed) => changed());

  if (list.error !== undefined && list.data === undefined) return <p class="error">{t('unavailable')}</p>;
  if (list.data === undefined) {
    return (
      <p class="goals-loading" aria-busy="true">
        {t('goals.loading')}
      </p>
    );
  }
  const reply: GoalsReply = list.data;

  const save = async (draft: GoalDraft): Promise<boolean> => {
    try {
      const saved = await background.ask({ type: 'goals/save', goal: draft });
      const goal = saved.goals.find((g) => g.goal.id === draft.id) ?? saved.goals[saved.goals.length - 1];
      notify(t('goals.saved', { name: goal ? goalTitle(goal.goal, words) : '' }));
      setEditing(null);
      again();
      return true;
    } catch (error) {
      notify(t('goals.error.save', { message: error instanceof Error ? error.message : String(error) }), 'alert');
      return false;
    }
  };
  const remove = async (goal: Goal) => {
    try {
      await background.ask({ type: 'goals/remove', id: goal.id });
      notify(t('goals.removed', { name: goalTitle(goal, words) }));
      if (editing?.id === goal.id) setEditing(null);
      again();
      document.querySelector<HTMLElement>('main h1')?.focus();
    } catch (error) {
      notify(t('goals.error.remove', { message: error instanceof Error ? error.message : String(error) }), 'alert');
    }
  };

  return (
    <div class="goals" data-testid="goals" data-today={reply.today} aria-busy={list.loading ? 'true' : 'false'}>
      <p class="goals-intro">{t('goals.intro')}</p>
      <GoalForm key={editing?.id ?? 'new'} today={reply.today} editing={editing} onSave={save} onCancel={() => setEditing(null)} />
      <section aria-labelledby="goals-list-heading">
        <h2 id="goals-list-heading">{t('goals.list')}</h2>
        {reply.goals.length === 0 ? (
          <p class="goals-empty">{t('goals.empty')}</p>
        ) : (
          <ul class="goals-list">
            {reply.goals.map(({ goal, progress }) => (
              <GoalCard key={goal.id} goal={goal} progress={progress} onEdit={setEditing} onRemove={(g) => void remove(g)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
