import { ACTIVITY_STATUSES, DEFAULT_FUNNEL_STAGES, IDENTITY_KINDS, LIFECYCLE_STAGES, RFM_SEGMENT_IDS, type TableFacets, type TableFilters as Filters, type TableQuery, type Tag } from '../../../../core';
import { enumLabel } from '../../../i18n/labels';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';
import { SavedSegmentFilter } from './saved-segment-filter';
import { withFilter } from './table-route';

type ListFilter = 'activity' | 'segments' | 'stages' | 'funnelStages' | 'tagIds' | 'channels';
/** Identity kinds a seller reaches customers by: a CPF names a customer but is no channel (search still finds it). */
const CHANNEL_KINDS = IDENTITY_KINDS.filter((kind) => kind !== 'cpf');
/** `none` is the option for "no segment" / "no funnel stage" (null in the filter). */
const NONE = 'none';

interface FiltersProps {
  query: TableQuery;
  facets: TableFacets | null;
  tags: readonly Tag[];
  onChange: (query: TableQuery) => void;
  /** The seller reached for a filter (pointer over the group, or focus in it): the counts are wanted. */
  onReach?: () => void;
}

/**
 * One choice per filter (any value, or one of them), each value with how many customers of the current search
 * have it (`table/facets`). Several values per filter are kept when the address asks for them.
 */
export function TableFilters({ query, facets, tags, onChange, onReach }: FiltersProps) {
  const { t, locale } = useBook();
  const noSegment = t('filter.noSegment');
  const noStage = t('filter.noFunnelStage');
  const lists: { key: ListFilter; label: MessageKey; counts: Record<string, number> | undefined; options: { value: string; label: string }[] }[] = [
    { key: 'activity', label: 'column.activity', counts: facets?.activity, options: ACTIVITY_STATUSES.map((value) => ({ value, label: enumLabel(locale, 'activityStatus', value) })) },
    {
      key: 'segments',
      label: 'column.segment',
      counts: facets?.segments,
      options: [...RFM_SEGMENT_IDS.map((value) => ({ value, label: enumLabel(locale, 'rfmSegment', value) })), { value: NONE, label: noSegment }],
    },
    { key: 'tagIds', label: 'column.tags', counts: facets?.tags, options: tags.map((tag) => ({ value: tag.id, label: tag.name })) },
    { key: 'stages', label: 'column.stage', counts: facets?.stages, options: LIFECYCLE_STAGES.map((value) => ({ value, label: enumLabel(locale, 'lifecycleStage', value) })) },
    {
      key: 'funnelStages',
      label: 'filter.funnelStage',
      counts: facets?.funnelStages,
      options: [...DEFAULT_FUNNEL_STAGES.map((value) => ({ value, label: enumLabel(locale, 'funnelStage', value) })), { value: NONE, label: noStage }],
    },
    { key: 'channels', label: 'filter.channel', counts: facets?.channels, options: CHANNEL_KINDS.map((value) => ({ value, label: enumLabel(locale, 'identityKind', value) })) },
  ];
  const archivedChoices = ['exclude', 'only', 'include'] as const satisfies readonly Filters['archived'][];
  return (
    <div class="table-filters" role="group" aria-label={t('filters')} onPointerEnter={onReach} onFocusIn={onReach}>
      {lists.map(({ key, label, counts, options }) => {
        const chosen = query.filters[key]?.[0];
        const value = chosen === undefined ? '' : (chosen ?? NONE);
        return (
          <div class="field" key={key}>
            <label for={`filter-${key}`}>{t(label)}</label>
            <select
              id={`filter-${key}`}
              value={value}
              onChange={(event) => {
                const picked = (event.currentTarget as HTMLSelectElement).value;
                onChange(withFilter(query, key, picked === '' ? undefined : ((picked === NONE && key !== 'tagIds' ? null : picked) as never)));
              }}
            >
              <option value="">{t('filter.any')}</option>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {counts ? t('filter.option', { label: option.label, count: counts[option.value] ?? 0 }) : option.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <div class="field">
        <label for="filter-archived">{t('filter.archived')}</label>
        <select
          id="filter-archived"
          value={query.filters.archived}
          onChange={(event) => onChange({ ...query, filters: { ...query.filters, archived: (event.currentTarget as HTMLSelectElement).value as Filters['archived'] } })}
        >
          {archivedChoices.map((choice) => (
            <option key={choice} value={choice}>
              {t(`archived.${choice}`)}
            </option>
          ))}
        </select>
      </div>
      {query.filters.rfmCells?.length ? (
        <p class="field rfm-filter" data-testid="rfm-filter">
          {t('filter.rfmCells', { cells: query.filters.rfmCells.map((cell) => `R${Math.floor(cell / 10)} F${cell % 10}`).join(', ') })}{' '}
          <button
            type="button"
            class="secondary"
            onClick={() => {
              const filters = { ...query.filters };
              delete filters.rfmCells;
              onChange({ ...query, filters });
            }}
          >
            {t('filter.rfmCellsClear')}
          </button>
        </p>
      ) : null}
      <SavedSegmentFilter query={query} onChange={onChange} />
    </div>
  );
}
