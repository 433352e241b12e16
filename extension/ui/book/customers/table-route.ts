import {
  ACTIVITY_STATUSES,
  DEFAULT_FUNNEL_STAGES,
  IDENTITY_KINDS,
  LIFECYCLE_STAGES,
  RFM_CELLS,
  RFM_SEGMENT_IDS,
  TABLE_COLUMNS,
  type TableColumn,
  type TableFilters,
  type TableQuery,
} from '../../../../core';

/**
 * The table's state in the route's query (`#/clientes?busca=ana&ordem=totalSpent.desc&atividade=at_risk`), so a
 * reload, a bookmark and back/forward keep it. Lists are comma-separated; `none` stands for "no segment" and
 * "no funnel stage". Values the model does not know are dropped, so an edited address never breaks the screen.
 */
export const ROUTE_PARAMS = {
  search: 'busca',
  sort: 'ordem',
  activity: 'atividade',
  segments: 'segmento',
  stages: 'estagio',
  funnelStages: 'funil',
  tagIds: 'tag',
  channels: 'canal',
  rfmCells: 'rfm',
  archived: 'arquivados',
  // A saved segment's id (Segmentos' "Abrir lista"); `segmento` already names the RFM groups.
  savedSegment: 'segmento-salvo',
} as const;

const NONE = 'none';
type ListFilter = 'activity' | 'segments' | 'stages' | 'funnelStages' | 'tagIds' | 'channels';

const listOf = (params: URLSearchParams, name: string) => (params.get(name) ?? '').split(',').filter((value) => value !== '');
const known = <T extends string>(values: readonly string[], allowed: readonly T[]) => values.filter((value): value is T => (allowed as readonly string[]).includes(value));
const withNone = <T extends string>(values: readonly string[], allowed: readonly T[]): (T | null)[] => values.flatMap((value) => (value === NONE ? [null] : known([value], allowed)));

export function queryFromParams(params: URLSearchParams): TableQuery {
  const [column, direction] = (params.get(ROUTE_PARAMS.sort) ?? '').split('.');
  const filters: TableFilters = { tagMode: 'any', archived: 'exclude' };
  const activity = known(listOf(params, ROUTE_PARAMS.activity), ACTIVITY_STATUSES);
  const segments = withNone(listOf(params, ROUTE_PARAMS.segments), RFM_SEGMENT_IDS);
  const stages = known(listOf(params, ROUTE_PARAMS.stages), LIFECYCLE_STAGES);
  const funnelStages = withNone(listOf(params, ROUTE_PARAMS.funnelStages), DEFAULT_FUNNEL_STAGES);
  const tagIds = listOf(params, ROUTE_PARAMS.tagIds).slice(0, 200);
  const channels = known(listOf(params, ROUTE_PARAMS.channels), IDENTITY_KINDS);
  if (activity.length) filters.activity = activity;
  if (segments.length) filters.segments = segments;
  if (stages.length) filters.stages = stages;
  if (funnelStages.length) filters.funnelStages = funnelStages;
  if (tagIds.length) filters.tagIds = tagIds;
  if (channels.length) filters.channels = channels;
  const rfmCells = listOf(params, ROUTE_PARAMS.rfmCells)
    .map(Number)
    .filter((cell) => RFM_CELLS.includes(cell));
  if (rfmCells.length) filters.rfmCells = rfmCells;
  const savedSegment = (params.get(ROUTE_PARAMS.savedSegment) ?? '').trim();
  if (savedSegment !== '' && savedSegment.length <= 100) filters.segment = savedSegment;
  const archived = params.get(ROUTE_PARAMS.archived);
  if (archived === 'only' || archived === 'include') filters.archived = archived;
  return {
    filters,
    sort: {
      column: (TABLE_COLUMNS as readonly string[]).includes(column ?? '') ? (column as TableColumn) : 'name',
      direction: direction === 'desc' ? 'desc' : 'asc',
    },
    search: (params.get(ROUTE_PARAMS.search) ?? '').slice(0, 200),
  };
}

/** The query's params, leaving out what is the default (so `#/clientes` is the plain list). */
export function paramsFromQuery(query: TableQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set(ROUTE_PARAMS.search, query.search);
  if (query.sort.column !== 'name' || query.sort.direction !== 'asc') params.set(ROUTE_PARAMS.sort, `${query.sort.column}.${query.sort.direction}`);
  for (const key of ['activity', 'segments', 'stages', 'funnelStages', 'tagIds', 'channels'] as const satisfies readonly ListFilter[]) {
    const values = query.filters[key];
    if (values?.length) params.set(ROUTE_PARAMS[key], values.map((value) => value ?? NONE).join(','));
  }
  if (query.filters.rfmCells?.length) params.set(ROUTE_PARAMS.rfmCells, query.filters.rfmCells.join(','));
  if (query.filters.archived !== 'exclude') params.set(ROUTE_PARAMS.archived, query.filters.archived);
  if (query.filters.segment) params.set(ROUTE_PARAMS.savedSegment, query.filters.segment);
  return params;
}

/** One filter set to a single value (or cleared with undefined); the others stay. */
export function withFilter<K extends ListFilter>(query: TableQuery, key: K, value: NonNullable<TableFilters[K]>[number] | undefined): TableQuery {
  const filters = { ...query.filters };
  if (value === undefined) delete filters[key];
  else filters[key] = [value] as TableFilters[K];
  return { ...query, filters };
}

/** A stable text of a query: equal queries give equal keys (the row cache is per key). */
export function queryKey(query: TableQuery): string {
  return paramsFromQuery(query).toString();
}
