import type { CustomerRow } from './customer-row';
import type { TableFilters } from './query';

/** Whether a row passes the filters: any value within a list, every list at once (see tableFiltersSchema). */
export function rowMatches(row: CustomerRow, filters: Partial<TableFilters>): boolean {
  const archived = filters.archived ?? 'exclude';
  if (archived === 'exclude' && row.archived) return false;
  if (archived === 'only' && !row.archived) return false;
  if (filters.activity?.length && !filters.activity.includes(row.activity)) return false;
  if (filters.segments?.length && !filters.segments.includes(row.segment)) return false;
  if (filters.stages?.length && !filters.stages.includes(row.stage)) return false;
  if (filters.funnelStages?.length && !filters.funnelStages.includes(row.funnelStage)) return false;
  if (filters.tagIds?.length) {
    const has = (id: string) => row.tagIds.includes(id);
    if (filters.tagMode === 'all' ? !filters.tagIds.every(has) : !filters.tagIds.some(has)) return false;
  }
  if (filters.rfmCells?.length && (row.rfmCell === null || !filters.rfmCells.includes(row.rfmCell))) return false;
  if (filters.channels?.length && !row.contacts.some((contact) => filters.channels?.includes(contact.kind))) return false;
  return true;
}
