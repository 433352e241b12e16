import { useRef, useState } from 'preact/hooks';
import type { Customer, CustomerRecordCounts } from '../../../../../core';
import { formatDateTime } from '../../../../i18n/format';
import { useBackupPage } from '../../backup/backup-page';
import { useBook } from '../../app/book-context';
import { CUSTOMERS_PATH } from '../../app/book-links';
import { hrefOf, navigate } from '../../app/router';
import { useBookQuery } from '../../data/use-book-query';
import { sharedKeyText } from './merge-words';

/** Every store a merge or its undo writes: the panel re-reads after any of them. */
const MERGE_STORES = ['customers', 'orders', 'notes', 'feedback', 'followUps', 'meta'] as const;

interface Candidate {
  customer: Customer;
  sharedKeys: string[];
  counts: CustomerRecordCounts;
}

/**
 * "Possíveis duplicados" of one customer: who may be the same person and why; the seller picks who stays, sees
 * what moves, and merges in one transaction (after a backup, when the page may save one). The latest merge into
 * this customer can be undone, also in one transaction.
 */
export function DuplicatesPanel({ customer }: { customer: Customer }) {
  const { t, locale, timeZone } = useBook();
  const found = useBookQuery(
    async (book) => {
      const [candidates, ownCounts, lastMerge] = await Promise.all([book.duplicatesOf(customer.id), book.recordCounts(customer.id), book.lastMerge(customer.id)]);
      const withCounts: Candidate[] = await Promise.all(candidates.map(async (candidate) => ({ ...candidate, counts: await book.recordCounts(candidate.customer.id) })));
      return { candidates: withCounts, ownCounts, lastMerge };
    },
    { stores: [...MERGE_STORES], deps: [customer.id] },
  );
  const data = found.data;
  // The button pressed goes away with what it did (the candidate merged, the merge undone): the keyboard resumes at
  // the panel's heading instead of the top of the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const refocus = () => heading.current?.focus();
  return (
    <section aria-labelledby="detail-duplicates-title" class="detail-section" data-testid="duplicates-panel" aria-busy={data === undefined}>
      <h3 id="detail-duplicates-title" ref={heading} tabIndex={-1}>
        {t('possibleDuplicates')}
      </h3>
      {data?.lastMerge && <UndoMerge customer={customer} names={data.lastMerge.absorbed.map((c) => c.displayName)} when={formatDateTime(data.lastMerge.mergedAt, locale, timeZone)} onDone={refocus} />}
      {data && data.candidates.length === 0 && <p class="meta">{t('noDuplicates')}</p>}
      {data && data.candidates.length > 0 && (
        <ul class="duplicates">
          {data.candidates.map((candidate) => (
            <li key={candidate.customer.id}>
              <MergeCandidate customer={customer} ownCounts={data.ownCounts} candidate={candidate} onMerged={refocus} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={hrefOf([CUSTOMERS_PATH, DUPLICATES_PATH])}>{t('allDuplicates')}</a>
      </p>
    </section>
  );
}

/** `#/clientes/duplicados`: every group of possible duplicates in the book. */
export const DUPLICATES_PATH = 'duplicados';

function MergeCandidate({ customer, ownCounts, candidate, onMerged }: { customer: Customer; ownCounts: CustomerRecordCounts; candidate: Candidate; onMerged: () => void }) {
  const { book, t, locale, notify } = useBook();
  const backups = useBackupPage();
  const [open, setOpen] = useState(false);
  const [survivorId, setSurvivorId] = useState(customer.id);
  const [busy, setBusy] = useState(false);
  const other = candidate.customer;
  const absorbed = survivorId === customer.id ? other : customer;
  const survivor = survivorId === customer.id ? customer : other;
  const counts = survivorId === customer.id ? candidate.counts : ownCounts;
  const radioName = `survivor-${other.id}`;

  const merge = async () => {
    setBusy(true);
    try {
      // A copy of the book first, when this page may save one without asking (the downloads permission).
      if (backups.downloadsGranted) await backups.services.backUp('before-merge');
      await book.merge(survivor.id, [absorbed.id]);
      notify(t('merged', { absorbed: absorbed.displayName, survivor: survivor.displayName }));
      if (survivor.id !== customer.id) navigate(hrefOf([CUSTOMERS_PATH, survivor.id]));
      else onMerged();
    } catch (error) {
      notify(t('mergeFailed', { message: error instanceof Error ? error.message : String(error) }), 'alert');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        <a href={hrefOf([CUSTOMERS_PATH, other.id])}>
          <strong>{other.displayName}</strong>
        </a>{' '}
        <span class="meta">{candidate.sharedKeys.map((key) => sharedKeyText(key, t, locale)).join(' · ')}</span>
      </p>
      {!open ? (
        <button type="button" class="secondary" onClick={() => setOpen(true)} aria-label={t('mergeWith', { name: other.displayName })}>
          {t('mergeAction')}
        </button>
      ) : (
        <div class="merge-step">
          <fieldset>
            <legend>{t('whoStays')}</legend>
            {[customer, other].map((option) => (
              <label class="check" key={option.id}>
                <input type="radio" name={radioName} value={option.id} checked={survivorId === option.id} onChange={() => setSurvivorId(option.id)} />
                {option.displayName}
              </label>
            ))}
          </fieldset>
          <p data-testid="merge-moves">
            {t('mergeMoves', {
              absorbed: absorbed.displayName,
              survivor: survivor.displayName,
              orders: counts.orders,
              notes: counts.notes,
              feedback: counts.feedback,
              followUps: counts.followUps,
              tags: absorbed.tagIds.length,
              contacts: absorbed.identities.length,
            })}
          </p>
          <div class="actions">
            <button type="button" onClick={() => void merge()} aria-disabled={busy} disabled={busy}>
              {t('mergeConfirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function UndoMerge({ customer, names, when, onDone }: { customer: Customer; names: string[]; when: string; onDone: () => void }) {
  const { book, t, notify } = useBook();
  const undo = async () => {
    try {
      const restored = await book.undoMerge(customer.id);
      notify(t('mergeUndone', { names: restored.slice(1).map((c) => c.displayName).join(', ') }));
      onDone();
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'alert');
    }
  };
  return (
    <p class="notice" data-testid="last-merge">
      {t('lastMerge', { names: names.join(', '), when })}{' '}
      <button type="button" class="secondary" onClick={() => void undo()}>
        {t('undoMerge')}
      </button>
    </p>
  );
}
