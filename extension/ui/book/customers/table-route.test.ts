import { describe, expect, it } from 'vitest';
import { paramsFromQuery, queryFromParams, withFilter } from './table-route';

describe('the table state in the route', () => {
  it('reads search, sort and filters, and writes them back the same', () => {
    const params = new URLSearchParams('busca=ana&ordem=totalSpent.desc&atividade=active,at-risk&segmento=champions,none&funil=none&tag=t1&canal=whatsapp&rfm=53,11&arquivados=only');
    const query = queryFromParams(params);
    expect(query).toEqual({
      search: 'ana',
      sort: { column: 'totalSpent', direction: 'desc' },
      filters: { tagMode: 'any', archived: 'only', activity: ['active', 'at-risk'], segments: ['champions', null], funnelStages: [null], tagIds: ['t1'], channels: ['whatsapp'], rfmCells: [53, 11] },
    });
    expect(queryFromParams(paramsFromQuery(query))).toEqual(query);
  });

  it('drops what the model does not know and leaves defaults out of the address', () => {
    const query = queryFromParams(new URLSearchParams('ordem=shoeSize.up&atividade=sleepy&rfm=60,5,x&arquivados=maybe'));
    expect(query.sort).toEqual({ column: 'name', direction: 'asc' });
    expect(query.filters).toEqual({ tagMode: 'any', archived: 'exclude' });
    expect(paramsFromQuery(query).toString()).toBe('');
  });

  it('opens a saved segment by its id beside the RFM groups, and writes it back', () => {
    const query = queryFromParams(new URLSearchParams('segmento=champions&segmento-salvo=seg-42'));
    expect(query.filters).toEqual({ tagMode: 'any', archived: 'exclude', segments: ['champions'], segment: 'seg-42' });
    expect(paramsFromQuery(query).toString()).toBe('segmento=champions&segmento-salvo=seg-42');
    expect(queryFromParams(new URLSearchParams(`segmento-salvo=${'x'.repeat(101)}`)).filters.segment).toBeUndefined();
  });

  it('sets and clears one filter', () => {
    const query = withFilter(queryFromParams(new URLSearchParams('canal=email')), 'activity', 'lost');
    expect(query.filters).toMatchObject({ activity: ['lost'], channels: ['email'] });
    expect(withFilter(query, 'channels', undefined).filters.channels).toBeUndefined();
  });
});
