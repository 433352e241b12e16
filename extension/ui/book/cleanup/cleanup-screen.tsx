import { useCallback, useRef } from 'preact/hooks';
import type { CleanupArchiveReason, QuickReply } from '../../../../core';
import { readPixKey } from '../../../background/pix-key';
import type { BookResponses } from '../../../messaging/protocol';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { ArchiveLog } from './archive-log';
import { CandidateGroup } from './candidate-group';
import { WinBackSection } from './win-back-section';
import '../today/today.css';
import './cleanup.css';

type CleanupReply = BookResponses['cleanup/list'];

/** Book stores whose changes may change the lists or the log (the background's table follows the same feed). */
const LIST_STORES = ['customers', 'orders', 'feedback', 'meta'] as const;

/**
 * Limpeza: core's clean-up candidates by reason, to archive in bulk with a reason (one write, logged in `meta` for
 * undo), the good lost customers to win back, and the log of archives with "Desfazer". The lists are the
 * background's (`cleanup/list`, from its table's facts), asked again on the change feed and on `table/updated`.
 */
export function CleanupScreen() {
  const { background, book, t, notify } = useBook();
  const refresh = useRef(new Set<() => void>());
  const list = useBookQuery(() => background.ask({ type: 'cleanup/list' }), {
    stores: [...LIST_STORES],
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
  const replies = useBookQuery(async (b) => ({ own: await b.quickReplies.list(), pixKey: await readPixKey(b) }), { stores: ['quickReplies', 'meta'] });
  const again = () => refresh.current.forEach((changed) => changed());

  const undo = useCallback(
    async (archiveId: string) => {
      try {
        const { restored } = await book.undoCleanupArchive(archiveId);
        notify(t('cleanup.undone', { count: restored }));
      } catch (error) {
        notify(t('cleanup.undoFailed', { error: error instanceof Error ? error.message : String(error) }), 'alert');
      }
      again();
    },
    [book, notify, t],
  );

  const archive = useCallback(
    async (ids: string[], reason: CleanupArchiveReason) => {
      try {
        const logged = await book.archiveForCleanup(ids, reason);
        notify(t('cleanup.archived', { count: logged.customerIds.length }), 'status', logged.customerIds.length > 0 ? { label: t('cleanup.undo'), run: () => void undo(logged.id) } : undefined);
      } catch (error) {
        notify(t('cleanup.failed', { error: error instanceof Error ? error.message : String(error) }), 'alert');
      }
      again();
    },
    [book, notify, t, undo],
  );

  if (list.error !== undefined && list.data === undefined) return <p class="error">{t('unavailable')}</p>;
  if (list.data === undefined) {
    return (
      <p class="today-loading" aria-busy="true">
        {t('cleanup.loading')}
      </p>
    );
  }
  return <CleanupLists reply={list.data} busy={list.loading} own={replies.data?.own ?? []} pixKey={replies.data?.pixKey ?? null} onArchive={archive} onUndo={(one) => undo(one.id)} />;
}

interface ListsProps {
  reply: CleanupReply;
  busy: boolean;
  own: QuickReply[];
  pixKey: string | null;
  onArchive: (ids: string[], reason: CleanupArchiveReason) => Promise<void>;
  onUndo: (archive: CleanupReply['archives'][number]) => Promise<void>;
}

function CleanupLists({ reply, busy, own, pixKey, onArchive, onUndo }: ListsProps) {
  const { t } = useBook();
  const groups = reply.groups.filter((group) => group.ids.length > 0);
  return (
    <div class="cleanup" data-testid="cleanup" aria-busy={busy ? 'true' : 'false'}>
      <p class="hint">{t('cleanup.intro')}</p>
      <section class="cleanup-section" aria-labelledby="cleanup-candidates" data-testid="cleanup-candidates">
        <h2 id="cleanup-candidates">
          {t('cleanup.candidates')} <span class="today-count">{groups.reduce((sum, group) => sum + group.ids.length, 0)}</span>
        </h2>
        {groups.length === 0 ? (
          <p>{t('cleanup.candidates.empty')}</p>
        ) : (
          groups.map((group) => <CandidateGroup key={group.reason} group={group} customers={reply.customers} onArchive={onArchive} />)
        )}
      </section>
      <WinBackSection reply={reply} own={own} pixKey={pixKey} />
      <ArchiveLog archives={reply.archives} onUndo={onUndo} />
    </div>
  );
}
