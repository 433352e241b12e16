import { newId, parseRecord, tagSchema, type Tag } from '../model';
import { isoNow, writeAtomically, type StoreContext } from './context';
import { byPosition, moveIds, nextPosition } from './positions';

export type NewTag = Omit<Tag, 'id' | 'key' | 'position'> & { id?: string; key?: string | null };

/** The seller's tags, in their order. Names are unique regardless of case; so are keyboard keys. */
export class TagRepository {
  constructor(private readonly context: StoreContext) {}

  /** Adds a tag at the end of the list. */
  async create(input: NewTag): Promise<Tag> {
    return writeAtomically(this.context, ['tags'], async (tx) => {
      const others = await tx.objectStore('tags').getAll();
      const position = nextPosition(others);
      const tag = parseRecord(tagSchema, { key: null, ...input, id: input.id ?? newId(), position }, 'The tag');
      checkUnique(tag, others);
      await tx.objectStore('tags').add(tag);
      return { result: tag, customerIds: [] };
    });
  }

  /** Renames, recolours or rekeys a tag (its place is kept; reorder moves it). */
  async update(tag: Tag): Promise<Tag> {
    const parsed = parseRecord(tagSchema, tag, 'The tag');
    return writeAtomically(this.context, ['tags'], async (tx) => {
      const stored = await tx.objectStore('tags').get(parsed.id);
      if (!stored) throw new Error(`No tag with id ${parsed.id}`);
      checkUnique(parsed, await tx.objectStore('tags').getAll());
      const saved = { ...parsed, position: stored.position };
      await tx.objectStore('tags').put(saved);
      return { result: saved, customerIds: [] };
    });
  }

  /**
   * Puts the tags in the order of `ids` (every tag once), in one transaction: the sidebar's keys 1–9 follow it.
   * A list that leaves a tag out or names one twice is refused, since another page may have added one meanwhile.
   */
  async reorder(ids: readonly string[]): Promise<Tag[]> {
    return writeAtomically(this.context, ['tags'], async (tx) => {
      const store = tx.objectStore('tags');
      const reordered = moveIds(await store.getAll(), ids, 'tags');
      for (const tag of reordered) await store.put(tag);
      return { result: reordered, customerIds: [] };
    });
  }

  /** Deletes a tag and takes it off every customer, in one transaction. */
  async remove(id: string): Promise<void> {
    const now = isoNow(this.context);
    await writeAtomically(this.context, ['tags', 'customers'], async (tx) => {
      const customers = tx.objectStore('customers');
      const tagged = await customers.index('tagIds').getAll(id);
      for (const row of tagged) await customers.put({ ...row, tagIds: row.tagIds.filter((t) => t !== id), updatedAt: now });
      await tx.objectStore('tags').delete(id);
      return { result: undefined, customerIds: tagged.map((c) => c.id) };
    });
  }

  /** Tags in the seller's order, as the sidebar lists them (the first nine get keys 1–9 when they have none). */
  async list(): Promise<Tag[]> {
    return byPosition(await this.context.db.getAll('tags'));
  }

  /** How many customers carry each tag, archived ones included, from the `tagIds` index (no customer is read). */
  async customerCounts(): Promise<Map<string, number>> {
    const tx = this.context.db.transaction(['tags', 'customers']);
    const index = tx.objectStore('customers').index('tagIds');
    const tags = await tx.objectStore('tags').getAllKeys();
    const counts = await Promise.all(tags.map((id) => index.count(id)));
    return new Map(tags.map((id, i) => [id, counts[i] ?? 0]));
  }
}

function checkUnique(tag: Tag, others: readonly Tag[]): void {
  for (const other of others) {
    if (other.id === tag.id) continue;
    if (other.name.toLocaleLowerCase() === tag.name.toLocaleLowerCase()) throw new Error(`name: a tag named "${other.name}" already exists`);
    if (tag.key !== null && other.key === tag.key) throw new Error(`key: the key "${tag.key}" already toggles the tag "${other.name}"`);
  }
}
