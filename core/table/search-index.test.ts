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

describe('searching a large book', () => {
  it('forgives a typo only when nothing matches as typed', () => {
    const index = indexOf();
    expect(ids(index, 'conseicao')).toEqual(['ana']);
    expect(ids(index, 'beatris lima')).toEqual(['bia']);
    // "ana" matches as typed, so the fuzzy "ama"-like neighbours are not added; three letters are never fuzzy.
    expect(ids(index, 'ana')).toEqual(['ana']);
    expect(ids(index, 'xyz')).toEqual([]);
  });

  it('ranks a word found in the name above the same word elsewhere', () => {
    const index = new CustomerSearchIndex();
    index.addAll(
      [
        customer('by-email', { displayName: 'Abel Prado', identities: [{ kind: 'email', value: 'flor@loja.com', raw: 'flor@loja.com', addedAt: at }] }),
        customer('by-name', { displayName: 'Flor de Lis' }),
      ],
      new Map(),
    );
    expect(index.search('flor').map((hit) => hit.id)).toEqual(['by-name', 'by-email']);
  });

  it('answers a one-letter prefix shared by thousands with exactly those customers, and follows edits', () => {
    const index = new CustomerSearchIndex();
    const names = ['Maria', 'Mariana', 'Marcos', 'Ana', 'Bruno'];
    index.addAll(
      Array.from({ length: 5_000 }, (_, i) => customer(`c${i}`, { displayName: `${names[i % names.length]} ${i}` })),
      new Map(),
    );
    expect(index.matchingIds('m')?.size).toBe(3_000);
    expect(index.matchingIds('mari')?.size).toBe(2_000);
    expect(index.matchingIds('maria')?.size).toBe(2_000);
    // Maria and Mariana (i % 5 is 0 or 1) whose number starts with 10: 10, 100–109, 1000–1099.
    const expected = [10, ...Array.from({ length: 10 }, (_, d) => 100 + d), ...Array.from({ length: 100 }, (_, d) => 1000 + d)].filter((i) => i % 5 <= 1);
    expect(index.matchingIds('maria 10')).toEqual(new Set(expected.map((i) => `c${i}`)));
    index.upsert(customer('c0', { displayName: 'Bruna' }), new Map());
    index.remove('c1');
    index.upsert(customer('new', { displayName: 'Marta' }), new Map());
    expect(index.matchingIds('mar')?.size).toBe(3_000 - 2 + 1);
    expect(index.matchingIds('brun')?.has('c0')).toBe(true);
    expect(index.size).toBe(5_000);
  });
});
