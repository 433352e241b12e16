import { useState } from 'preact/hooks';
import { DEFAULT_FUNNEL_STAGES, type BulkChange, type Tag } from '../../../../core';
import { enumLabel } from '../../../i18n/labels';
import { useBook } from '../app/book-context';

/** Selections at least this large show a progress bar while an action runs. */
const SHOW_PROGRESS_FROM = 500;
const NO_STAGE = '';

interface SelectionBarProps {
  selected: ReadonlySet<string>;
  tags: readonly Tag[];
  onClear: () => void;
}

/**
 * What can be done to the selected customers: tag or untag, set the funnel stage, archive or unarchive (each one
 * transaction in the book: all of them or none). The outcome is told in the live region; the toolbar's Exportar
 * writes the selection to CSV (export/export-dialog.tsx).
 */
export function SelectionBar({ selected, tags, onClear }: SelectionBarProps) {
  const { book, t, locale, notify } = useBook();
  const [tagId, setTagId] = useState('');
  const [stage, setStage] = useState<string>(DEFAULT_FUNNEL_STAGES[0]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const busy = progress !== null;
  const tag = tags.find((candidate) => candidate.id === tagId) ?? tags[0];
  const count = selected.size;

  const track = (done: number) => count >= SHOW_PROGRESS_FROM && setProgress({ done, total: count });
  const run = async (change: BulkChange, said: (changed: number) => string) => {
    setProgress({ done: 0, total: count });
    try {
      const changed = await book.customers.updateMany([...selected], change, track);
      notify(said(changed));
    } catch (error) {
      notify(t('bulk.failed', { error: error instanceof Error ? error.message : String(error) }), 'alert');
    } finally {
      setProgress(null);
    }
  };

  return (
    <section class="selection-bar" aria-label={t('bulk.actions')} data-testid="selection-bar">
      <p class="selection-count">
        <strong>{t('selection.count', { count })}</strong>{' '}
        <button type="button" class="secondary" onClick={onClear} disabled={busy}>
          {t('selection.clear')}
        </button>
      </p>
      <div class="bulk-actions">
        {tag && (
          <div class="field">
            <label for="bulk-tag">{t('column.tags')}</label>
            <span class="inline">
              <select id="bulk-tag" value={tag.id} onChange={(event) => setTagId((event.currentTarget as HTMLSelectElement).value)} disabled={busy}>
                {tags.map((one) => (
                  <option key={one.id} value={one.id}>
                    {one.name}
                  </option>
                ))}
              </select>
              <button type="button" disabled={busy} onClick={() => void run({ kind: 'addTag', tagId: tag.id }, (n) => t('bulk.tagAdded', { tag: tag.name, count: n }))}>
                {t('bulk.addTag')}
              </button>
              <button type="button" class="secondary" disabled={busy} onClick={() => void run({ kind: 'removeTag', tagId: tag.id }, (n) => t('bulk.tagRemoved', { tag: tag.name, count: n }))}>
                {t('bulk.removeTag')}
              </button>
            </span>
          </div>
        )}
        <div class="field">
          <label for="bulk-stage">{t('filter.funnelStage')}</label>
          <span class="inline">
            <select id="bulk-stage" value={stage} onChange={(event) => setStage((event.currentTarget as HTMLSelectElement).value)} disabled={busy}>
              {DEFAULT_FUNNEL_STAGES.map((one) => (
                <option key={one} value={one}>
                  {enumLabel(locale, 'funnelStage', one)}
                </option>
              ))}
              <option value={NO_STAGE}>{t('filter.noFunnelStage')}</option>
            </select>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                const chosen = stage === NO_STAGE ? null : stage;
                const label = chosen === null ? t('filter.noFunnelStage') : enumLabel(locale, 'funnelStage', chosen as never);
                void run({ kind: 'funnelStage', stage: chosen }, (n) => t('bulk.stageSet', { stage: label, count: n }));
              }}
            >
              {t('bulk.setStage')}
            </button>
          </span>
        </div>
        <span class="inline">
          <button type="button" disabled={busy} onClick={() => void run({ kind: 'archive', archived: true }, (n) => t('bulk.archived', { count: n }))}>
            {t('bulk.archive')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => void run({ kind: 'archive', archived: false }, (n) => t('bulk.unarchived', { count: n }))}>
            {t('bulk.unarchive')}
          </button>
        </span>
      </div>
      {progress && (
        <p class="bulk-progress">
          <label>
            {t('bulk.working', { count: progress.total })}
            <progress max={progress.total} value={count >= SHOW_PROGRESS_FROM ? progress.done : undefined} />
          </label>
        </p>
      )}
    </section>
  );
}
