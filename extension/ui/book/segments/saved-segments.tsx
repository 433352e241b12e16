import { useEffect, useRef, useState } from 'preact/hooks';
import { tableQuerySchema, type Tag } from '../../../../core';
import { numberFormat } from '../../../../core/locale';
import type { SegmentSummary } from '../../../background/segment-service';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { exportCsv } from '../customers/export/export-csv';
import { downloadParts, exportFileName } from '../customers/export/export-file';
import { paramsFromQuery } from '../customers/table-route';
import { draftOf } from './rule-draft';

/** The Clientes query of a saved segment: its members, archived ones too when its rule asks about them. */
export function segmentQuery(segment: Pick<SegmentSummary, 'id' | 'includesArchived'>) {
  return tableQuerySchema.parse({ filters: { segment: segment.id, archived: segment.includesArchived ? 'include' : 'exclude' } });
}

export function segmentHref(segment: Pick<SegmentSummary, 'id' | 'includesArchived'>): string {
  return hrefOf([CUSTOMERS_PATH], paramsFromQuery(segmentQuery(segment)));
}

interface SavedSegmentsProps {
  segments: readonly SegmentSummary[];
  tags: readonly Tag[];
  /** Told after a removal (the list reads again). */
  onRemoved: () => void;
  /** The book's main currency (a rule on money in another cannot be edited in the builder). */
  currency: string;
  /** "Editar": the segment goes to the builder (offered when the builder can show its rule). */
  onEdit: (segment: SegmentSummary) => void;
  /** Where an export goes (tests catch it); a download by default. */
  save?: (parts: readonly string[], fileName: string) => void;
}

/** The saved segments with their current counts; each opens as a Clientes list, exports as CSV, or is deleted after asking. */
export function SavedSegments({ segments, tags, onRemoved, currency, onEdit, save = downloadParts }: SavedSegmentsProps) {
  const tools = useBook();
  const { t, locale, book, background, notify } = tools;
  const [asking, setAsking] = useState<string | null>(null);
  const [exporting, setExporting] = useState<string | null>(null);
  const number = numberFormat(locale);

  const exportList = async (segment: SegmentSummary) => {
    setExporting(segment.id);
    try {
      const file = await exportCsv(
        { book, ask: (request) => background.ask(request) },
        { what: 'customers', dialect: 'excel-br', query: segmentQuery(segment), selected: new Set() },
        { ...tools, tags: new Map(tags.map((tag) => [tag.id, tag])) },
      );
      const fileName = exportFileName('customers', tools);
      save(file.parts, fileName);
      notify(t('export.doneCustomers', { count: file.rows, file: fileName }));
    } catch (error) {
      notify(t('export.failed', { error: error instanceof Error ? error.message : String(error) }), 'alert');
    } finally {
      setExporting(null);
    }
  };

  const remove = async (segment: SegmentSummary) => {
    try {
      await background.ask({ type: 'segments/remove', id: segment.id });
      setAsking(null);
      notify(t('rules.deleted', { name: segment.name }));
      onRemoved();
      document.getElementById('rules-saved-heading')?.focus();
    } catch (error) {
      notify(t('rules.deleteFailed', { error: error instanceof Error ? error.message : String(error) }), 'alert');
    }
  };

  return (
    <section class="panel" aria-labelledby="rules-saved-heading" data-testid="saved-segments">
      <h3 id="rules-saved-heading" tabIndex={-1}>
        {t('rules.savedHeading')}
      </h3>
      {segments.length === 0 ? (
        <p class="meta">{t('rules.none')}</p>
      ) : (
        <table class="count-table saved-segments">
          <caption class="visually-hidden">{t('rules.savedHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rules.segmentName')}</th>
              <th scope="col">{t('rules.customers')}</th>
              <th scope="col">{t('rules.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((segment) => (
              <tr key={segment.id} data-segment={segment.name}>
                <th scope="row">{segment.name}</th>
                <td class="count" data-testid="saved-count">
                  {number.format(segment.count)}
                </td>
                <td class="actions">
                  <a href={segmentHref(segment)} aria-label={t('rules.openNamed', { name: segment.name })}>
                    {t('rules.open')}
                  </a>
                  <button type="button" class="secondary" aria-label={t('rules.exportNamed', { name: segment.name })} disabled={exporting !== null} onClick={() => void exportList(segment)}>
                    {t('rules.export')}
                  </button>
                  {draftOf(segment.rule, locale, currency) !== null && (
                    <button type="button" class="secondary" aria-label={t('rules.editNamed', { name: segment.name })} onClick={() => onEdit(segment)}>
                      {t('rules.edit')}
                    </button>
                  )}
                  <button type="button" class="secondary" aria-label={t('rules.deleteNamed', { name: segment.name })} onClick={() => setAsking(segment.id)}>
                    {t('rules.delete')}
                  </button>
                  {asking === segment.id && <DeleteConfirm segment={segment} onConfirm={() => void remove(segment)} onCancel={() => setAsking(null)} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Asks before deleting; the focus goes to the question so it is heard, and back to the list's heading after. */
function DeleteConfirm({ segment, onConfirm, onCancel }: { segment: SegmentSummary; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useBook();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  const id = `delete-segment-${segment.id}`;
  return (
    <div class="confirm" role="group" aria-labelledby={id}>
      <p id={id} tabIndex={-1} ref={question}>
        {t('rules.confirmDelete', { name: segment.name })}
      </p>
      <div class="actions">
        <button type="button" class="danger" onClick={onConfirm}>
          {t('rules.delete')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('rules.cancel')}
        </button>
      </div>
    </div>
  );
}
