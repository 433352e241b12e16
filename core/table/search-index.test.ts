import { describe, expect, it } from 'vitest';
import { customer } from '../segments/testing/builders';
import { CustomerSearchIndex } from './search-index';

const at = '2026-01-01T00:00:00.000Z';
const tags = new Map([
  ['t-vip', 'VIP'],
  ['t-doces', 'Doces finos'],
]);

function indexOf() {
  const index = new CustomerSearchIndex({ defaultCountry: 'BR' });
  index.addAll(
    [
      customer('ana', {
        displayName: 'Ana Conceição',
        identities: [
          { kind: 'whatsapp', value: '+5511987654321', raw: '5511987654321@c.us', addedAt: at },
          { kind: 'email', value: 'ana.loja@gmail.com', raw: 'Ana.Loja@gmail.com', addedAt: at },
        ],
        tagIds: ['t-vip'],
        customFields: { cpf: '123.456.789-09' },
      }),
      customer('bia', {
        displayName: 'Beatriz Lima',
        identities: [
          { kind: 'instagram', value: 'bia.bolos', raw: '@Bia.Bolos', addedAt: at },
          { kind: 'phone', value: '+5521998877665', raw: '(21) 99887-7665', addedAt: at },
        ],
        tagIds: ['t-doces'],
      }),
      customer('carla', { displayName: 'Carla Souza', identities: [{ kind: 'telegram', value: 'carlasouza', raw: '@carlasouza', addedAt: at }] }),
    ],
    tags,
  );
  return index;
}

const ids = (index: CustomerSearchIndex, query: string) => [...(index.matchingIds(query) ?? [])].sort();

describe('searching customers', () => {
  it('finds a phone in any spelling, and by its local digits', () => {
    const index = indexOf();
    for (const spelling of ['(11) 98765-4321', '11987654321', '+55 11 98765 4321', '98765-4321', '5511987654321', '011 98765-4321']) {
      expect(ids(index, spelling), spelling).toEqual(['ana']);
    }
    expect(ids(index, '99887')).toEqual(['bia']);
    expect(ids(index, '(21) 9')).toEqual(['bia']);
  });

  it('finds names without accents or case, and by prefix', () => {
    const index = indexOf();
    expect(ids(index, 'conceicao')).toEqual(['ana']);
    expect(ids(index, 'ANA CONCEI')).toEqual(['ana']);
    expect(ids(index, 'lima')).toEqual(['bia']);
  });

  it('finds emails and handles, with or without @', () => {
    const index = indexOf();
    expect(ids(index, 'ana.loja@gmail.com')).toEqual(['ana']);
    expect(ids(index, 'ana.loja@gm')).toEqual(['ana']);
    expect(ids(index, '@bia.bolos')).toEqual(['bia']);
    expect(ids(index, 'carlasouza')).toEqual(['carla']);
  });

  it('finds a CPF kept in a custom field, with or without dots and dash', () => {
    const index = indexOf();
    expect(ids(index, '123.456.789-09')).toEqual(['ana']);
    expect(ids(index, '12345678909')).toEqual(['ana']);
  });

  it('finds customers by tag name', () => {
    const index = indexOf();
    expect(ids(index, 'vip')).toEqual(['ana']);
    expect(ids(index, 'doces finos')).toEqual(['bia']);
  });

  it('follows changes, and a blank query filters nothing', () => {
    const index = indexOf();
    index.upsert(customer('ana', { displayName: 'Ana Prado' }), tags);
    expect(ids(index, 'conceicao')).toEqual([]);
    expect(ids(index, 'prado')).toEqual(['ana']);
    expect(ids(index, '98765-4321')).toEqual([]);
    index.remove('bia');
    expect(ids(index, 'lima')).toEqual([]);
    expect(index.matchingIds('  ')).toBeNull();
  });

  it('lists matches best first with the contacts as typed', () => {
    const hits = indexOf().search('ana', 5);
    expect(hits[0]).toEqual({ id: 'ana', displayName: 'Ana Conceição', identities: ['5511987654321@c.us', 'Ana.Loja@gmail.com'] });
  });
});
