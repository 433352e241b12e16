import { useState } from 'preact/hooks';
import { CLEANUP_REASONS, type CleanupArchiveReason, type CleanupReason } from '../../../../core';
import type { CleanupCustomerSummary, CleanupGroup } from '../../../background/cleanup-service';
import { enumLabel } from '../../../i18n/labels';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { cleanupWhy, spentText } from './cleanup-why';

/** The reason select's value for "my own words". */
const OWN_WORDS = 'text';

interface GroupProps {
  group: CleanupGroup;
  customers: Record<string, CleanupCustomerSummary>;
  /** Archives the ids with the reason, in one write; resolves once done (or failed, said in the notice). */
  onArchive: (ids: string[], reason: CleanupArchiveReason) => Promise<void>;
}

/**
 * One reason's candidates: a checkbox per row and one for the whole group (every candidate of the reason, shown or
 * not), and the archive form: the group's reason by default, or the seller's own short words.
 */
export function CandidateGroup({ group, customers, onArchive }: GroupProps) {
  const book = useBook();
  const { t, locale } = book;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [choice, setChoice] = useState<string>(group.reason);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const label = enumLabel(locale, 'cleanupReason', group.reason);
  const shown = group.ids.filter((id) => customers[id] !== undefined);
  // Only what the group still holds counts: a list answered again (another tab archived) may drop a selected row.
  const chosen = group.ids.reduce((sum, id) => sum + (selected.has(id) ? 1 : 0), 0);
  const all = chosen === group.ids.length;
  const headingId = `cleanup-${group.reason}`;

  const toggle = (id: string) =>
    setSelected((before) => {
      const next = new Set(before);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  async function archive(event: Event) {
    event.preventDefault();
    const words = text.trim();
    if (choice === OWN_WORDS && words === '') {
      book.notify(t('cleanup.reasonMissing'), 'alert');
      return;
    }
    const reason: CleanupArchiveReason = choice === OWN_WORDS ? { kind: 'text', text: words } : { kind: 'reason', reason: choice as CleanupReason };
    setBusy(true);
    // Only ids still in the group: a row the list no longer holds was archived or changed meanwhile.
    await onArchive(group.ids.filter((id) => selected.has(id)), reason);
    setSelected(new Set());
    setBusy(false);
  }

  return (
    <section class="cleanup-group" aria-labelledby={headingId} data-testid={`cleanup-${group.reason}`}>
      <h3 id={headingId}>
        {label} <span class="today-count">{group.ids.length}</span>
      </h3>
      <label class="cleanup-all">
        <input type="checkbox" checked={all} onChange={() => setSelected(all ? new Set() : new Set(group.ids))} disabled={busy} />{' '}
        {t('cleanup.selectAll', { count: group.ids.length, group: label })}
      </label>
      <ul class="cleanup-rows">
        {shown.map((id) => (
          <CandidateRow key={id} who={customers[id] as CleanupCustomerSummary} checked={selected.has(id)} disabled={busy} onToggle={() => toggle(id)} />
        ))}
      </ul>
      {group.ids.length > shown.length && <p class="hint">{t('cleanup.more', { count: group.ids.length - shown.length })}</p>}
      <form class="cleanup-archive" onSubmit={(event) => void archive(event)} aria-label={t('cleanup.archiveGroup', { group: label })}>
        <p class="selection-count" aria-live="polite">
          {t('cleanup.selected', { count: chosen })}
        </p>
        <div class="field">
          <label for={`${headingId}-reason`}>{t('cleanup.reason')}</label>
          <select id={`${headingId}-reason`} value={choice} disabled={busy} onChange={(event) => setChoice((event.currentTarget as HTMLSelectElement).value)}>
            {CLEANUP_REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {enumLabel(locale, 'cleanupReason', reason)}
              </option>
            ))}
            <option value={OWN_WORDS}>{t('cleanup.reason.text')}</option>
          </select>
        </div>
        {choice === OWN_WORDS && (
          <div class="field">
            <label for={`${headingId}-text`}>{t('cleanup.reasonText')}</label>
            <input id={`${headingId}-text`} type="text" maxLength={120} value={text} disabled={busy} onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
          </div>
        )}
        <button type="submit" disabled={busy || chosen === 0}>
          {t('cleanup.archive')}
        </button>
      </form>
    </section>
  );
}

interface RowProps {
  who: CleanupCustomerSummary;
  checked: boolean;
  disabled: boolean;
  onToggle: () => void;
}

function CandidateRow({ who, checked, disabled, onToggle }: RowProps) {
  const book = useBook();
  const spent = spentText(who, book);
  return (
    <li class="cleanup-row" data-testid="cleanup-row" data-customer-id={who.id}>
      <input type="checkbox" checked={checked} disabled={disabled} onChange={onToggle} aria-label={book.t('cleanup.select', { name: who.name })} />
      <div class="cleanup-why">
        <a class="cleanup-name" href={hrefOf([CUSTOMERS_PATH, who.id])}>
          {who.name}
        </a>
        <ul class="cleanup-reasons">
          {who.reasons.map((reason) => (
            <li key={reason}>
              <strong>{enumLabel(book.locale, 'cleanupReason', reason)}</strong>: {cleanupWhy(reason, who, book)}
            </li>
          ))}
        </ul>
        {spent && <p class="hint">{spent}</p>}
      </div>
    </li>
  );
}
