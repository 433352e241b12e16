import { describe, expect, it } from 'vitest';
import { ValidationError } from '../model';
import type { BookChange } from './changes';
import { openTestBook } from './test-book';

describe("the seller's quick replies", () => {
  it('adds replies at the end, keeps a reply’s place when it is edited, and reorders them in one write', async () => {
    const book = await openTestBook();
    const hello = await book.quickReplies.save({ name: 'Oi', stage: null, text: 'Oi, {nome}!' });
    const pix = await book.quickReplies.save({ name: 'PIX', stage: { kind: 'funnel', id: 'decision' }, text: 'A chave é {chave_pix}' });
    const back = await book.quickReplies.save({ name: 'Volta', stage: { kind: 'lifecycle', id: 'recovery' }, text: 'Saudade, {nome}!' });
    expect((await book.quickReplies.list()).map((r) => [r.name, r.position])).toEqual([
      ['Oi', 0],
      ['PIX', 1],
      ['Volta', 2],
    ]);
    await book.quickReplies.save({ ...pix, name: 'Chave PIX' });
    expect((await book.quickReplies.list()).map((r) => r.name)).toEqual(['Oi', 'Chave PIX', 'Volta']);
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    await book.quickReplies.reorder([back.id, hello.id, pix.id]);
    expect((await book.quickReplies.list()).map((r) => r.name)).toEqual(['Volta', 'Oi', 'Chave PIX']);
    expect(changes.map((c) => c.stores)).toEqual([['quickReplies']]);
    await book.quickReplies.remove(hello.id);
    expect((await book.quickReplies.list()).map((r) => r.name)).toEqual(['Volta', 'Chave PIX']);
  });

  it('refuses a variable it does not know, naming the field and the variable, and writes nothing', async () => {
    const book = await openTestBook();
    const error = await book.quickReplies.save({ name: 'Pet', stage: null, text: 'Oi {nome}, como está o {nome_do_pet}? {nome_do_pet}!' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([{ field: 'text', message: expect.stringMatching(/^uses \{nome_do_pet\}, which Clientela does not know \(use \{nome\}, /) }]);
    await expect(book.quickReplies.save({ name: ' ', stage: { kind: 'funnel', id: '' }, text: 'x' })).rejects.toThrowError(/name: must not be empty.*stage\.id: must not be empty/);
    expect(await book.quickReplies.list()).toEqual([]);
  });

  it('adds several replies at the end in one write, or none of them when one is refused', async () => {
    const book = await openTestBook();
    await book.quickReplies.save({ name: 'Primeira', stage: null, text: 'a' });
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    await expect(book.quickReplies.addMany([{ name: 'B', stage: null, text: 'b' }, { name: 'C', stage: null, text: '{cupom}' }])).rejects.toThrowError(/Quick reply 2 is invalid: text: uses \{cupom\}/);
    expect((await book.quickReplies.list()).map((r) => r.name)).toEqual(['Primeira']);
    await book.quickReplies.addMany([{ name: 'B', stage: null, text: 'b' }, { name: 'C', stage: { kind: 'funnel', id: 'customer' }, text: 'c' }]);
    expect((await book.quickReplies.list()).map((r) => [r.name, r.position])).toEqual([
      ['Primeira', 0],
      ['B', 1],
      ['C', 2],
    ]);
    expect(changes).toHaveLength(1);
  });

  it('refuses a new order that leaves a reply out or names one twice', async () => {
    const book = await openTestBook();
    const a = await book.quickReplies.save({ name: 'A', stage: null, text: 'a' });
    const b = await book.quickReplies.save({ name: 'B', stage: null, text: 'b' });
    await expect(book.quickReplies.reorder([a.id])).rejects.toThrowError(/ids: the new order must name each of the 2 quick replies once/);
    await expect(book.quickReplies.reorder([a.id, a.id])).rejects.toThrowError(/ids:/);
    await expect(book.quickReplies.save({ id: 'gone', name: 'C', stage: null, text: 'c' })).rejects.toThrowError(/No quick reply with id gone/);
    expect((await book.quickReplies.list()).map((r) => r.id)).toEqual([a.id, b.id]);
  });
});

describe("the seller's tags", () => {
  it('lists tags in the seller’s order, new ones last; reordering moves the keys the sidebar gives them', async () => {
    const book = await openTestBook();
    const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000' });
    const atacado = await book.tags.create({ name: 'Atacado', colour: '#00aa00' });
    const revenda = await book.tags.create({ name: 'Revenda', colour: '#0000aa' });
    expect((await book.tags.list()).map((t) => t.name)).toEqual(['VIP', 'Atacado', 'Revenda']);
    await book.tags.reorder([revenda.id, vip.id, atacado.id]);
    expect((await book.tags.list()).map((t) => t.name)).toEqual(['Revenda', 'VIP', 'Atacado']);
    // Renaming and recolouring keep the place.
    await book.tags.update({ ...vip, name: 'Cliente VIP', colour: '#123456', position: 99 });
    expect((await book.tags.list()).map((t) => [t.name, t.colour, t.position])).toEqual([
      ['Revenda', '#0000aa', 0],
      ['Cliente VIP', '#123456', 1],
      ['Atacado', '#00aa00', 2],
    ]);
    await expect(book.tags.update({ ...atacado, name: 'revenda' })).rejects.toThrowError(/name: a tag named "Revenda" already exists/);
  });

  it('counts the customers of each tag from the index, and deleting a tag takes it off them in the same write', async () => {
    const book = await openTestBook();
    const vip = await book.tags.create({ name: 'VIP', colour: '#aa0000' });
    const atacado = await book.tags.create({ name: 'Atacado', colour: '#00aa00' });
    const ana = await book.customers.create({ displayName: 'Ana', tagIds: [vip.id, atacado.id] });
    await book.customers.create({ displayName: 'Bia', tagIds: [vip.id] });
    const caio = await book.customers.create({ displayName: 'Caio', tagIds: [vip.id] });
    await book.customers.setArchived([caio.id], true);
    expect(await book.tags.customerCounts()).toEqual(
      new Map([
        [vip.id, 3],
        [atacado.id, 1],
      ]),
    );
    const changes: BookChange[] = [];
    book.onChange((change) => changes.push(change));
    await book.tags.remove(vip.id);
    expect(changes).toHaveLength(1);
    expect((await book.customers.get(ana.id))?.tagIds).toEqual([atacado.id]);
    expect(await book.customers.countBy({ tagId: vip.id, includeArchived: true })).toBe(0);
    expect((await book.tags.list()).map((t) => t.name)).toEqual(['Atacado']);
  });
});
