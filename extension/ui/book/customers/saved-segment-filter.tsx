import type { TableQuery } from '../../../../core';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';

/**
 * The saved segment the list is narrowed to (`#/clientes?segmento-salvo=<id>`, Segmentos' "Abrir lista"), by name,
 * with a way back to every customer; a segment deleted since is said so.
 */
export function SavedSegmentFilter({ query, onChange }: { query: TableQuery; onChange: (query: TableQuery) => void }) {
  const { t } = useBook();
  const id = query.filters.segment;
  const saved = useBookQuery(async (b) => (id === undefined ? null : ((await b.segments.get(id)) ?? null)), { stores: ['segments'], deps: [id] });
  if (id === undefined || saved.data === undefined) return null;
  return (
    <p class="field rfm-filter" data-testid="saved-segment-filter">
      {saved.data ? t('customers.savedSegment', { name: saved.data.name }) : t('customers.savedSegmentGone')}{' '}
      <button
        type="button"
        class="secondary"
        onClick={() => {
          const filters = { ...query.filters };
          delete filters.segment;
          onChange({ ...query, filters });
        }}
      >
        {t('customers.clearSavedSegment')}
      </button>
    </p>
  );
}
