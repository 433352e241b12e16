import { useRef, useState } from 'preact/hooks';
import type { QuickReply } from '../../../../core';
import { enumLabel, type EnumValue } from '../../../i18n/labels';
import { starterQuickReplies } from '../../quick-reply-values';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { focusAfterRender, MoveButtons, moved, useRefocusMoved, type MovedRow } from './move-buttons';
import { QuickReplyEditor } from './quick-reply-editor';

/**
 * Configurações › Respostas rápidas: the seller's own replies, in their order (the sidebar offers a stage's
 * replies in it). Add, edit, move and delete, each one write; an empty list can start from Clientela's suggestions.
 */
export function QuickRepliesPanel() {
  const { book, t, locale, notify } = useBook();
  const { data: replies } = useBookQuery((b) => b.quickReplies.list(), { stores: ['quickReplies'] });
  const [editing, setEditing] = useState<string | null>(null);
  const [movedRow, setMovedRow] = useState<MovedRow | null>(null);
  const list = useRef<HTMLOListElement>(null);
  useRefocusMoved(list, (replies ?? []).map((reply) => reply.id), movedRow, () => setMovedRow(null));

  const act = async (action: () => Promise<string>) => {
    try {
      notify(await action());
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };
  const move = (from: number, to: number) =>
    act(async () => {
      const all = replies ?? [];
      const reply = all[from] as QuickReply;
      await book.quickReplies.reorder(moved(all.map((each) => each.id), from, to));
      setMovedRow({ id: reply.id, to, direction: to < from ? 'up' : 'down' });
      return t('movedTo', { name: reply.name, position: to + 1, count: all.length });
    });
  const remove = (reply: QuickReply) =>
    act(async () => {
      await book.quickReplies.remove(reply.id);
      return t('quickReplyDeleted', { name: reply.name });
    });
  const addSuggestions = () =>
    act(async () => {
      const added = await book.quickReplies.addMany(starterQuickReplies(t, locale));
      return t('suggestedRepliesAdded', { count: added.length });
    });

  const stageLabel = (reply: QuickReply) =>
    !reply.stage
      ? t('quickReplyAnyStage')
      : reply.stage.kind === 'funnel'
        ? `${t('quickReplyFunnelGroup')}: ${enumLabel(locale, 'funnelStage', reply.stage.id as EnumValue<'funnelStage'>)}`
        : `${t('quickReplyLifecycleGroup')}: ${enumLabel(locale, 'lifecycleStage', reply.stage.id as EnumValue<'lifecycleStage'>)}`;

  return (
    <section aria-labelledby="replies-title" class="panel" data-testid="quick-replies-panel">
      <h2 id="replies-title">{t('quickReplies')}</h2>
      <p class="meta">{t('quickRepliesHint')}</p>
      {replies?.length === 0 && (
        <p>
          {t('noQuickReplies')}{' '}
          <button type="button" class="secondary" onClick={() => void addSuggestions()}>
            {t('addSuggestedReplies')}
          </button>
        </p>
      )}
      <ol class="ordered-list" ref={list}>
        {(replies ?? []).map((reply, index, all) => (
          <li key={reply.id} data-testid="reply-row">
            <div class="row">
              <strong>{reply.name}</strong>
              <span class="meta">{stageLabel(reply)}</span>
              <span class="row-actions">
                <MoveButtons id={reply.id} name={reply.name} index={index} count={all.length} onMove={(from, to) => void move(from, to)} />
                <button type="button" class="secondary" data-edit={reply.id} aria-label={t('editQuickReplyNamed', { name: reply.name })} aria-expanded={editing === reply.id} onClick={() => setEditing(editing === reply.id ? null : reply.id)}>
                  {t('edit')}
                </button>
                <button type="button" class="secondary" aria-label={t('deleteQuickReplyNamed', { name: reply.name })} onClick={() => void remove(reply)}>
                  {t('delete')}
                </button>
              </span>
            </div>
            <p class="reply-text">{reply.text}</p>
            {editing === reply.id && (
              <QuickReplyEditor
                reply={reply}
                onDone={() => {
                  setEditing(null);
                  focusAfterRender(list.current, `[data-edit="${CSS.escape(reply.id)}"]`);
                }}
              />
            )}
          </li>
        ))}
      </ol>
      <h3>{t('newQuickReply')}</h3>
      <QuickReplyEditor onDone={() => undefined} />
    </section>
  );
}
