import { newId, parseRecord, tagSchema, type Tag } from '../model';
import { isoNow, writeAtomically, type StoreContext } from './context';

export type NewTag = Omit<Tag, 'id' | 'key'> & { id?: string; key?: string | null };

/** The seller's tags. Names are unique regardless of case; so are keyboard keys. */
export class TagRepository {
  constructor(private readonly context: StoreContext) {}

  async create(input: NewTag): Promise<Tag> {
    const tag = parseRecord(tagSchema, { key: null, ...input, id: input.id ?? newId() }, 'The tag');
    return this.save(tag, true);
  }

  async update(tag: Tag): Promise<Tag> {
    return this.save(parseRecord(tagSchema, tag, 'The tag'), false);
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

  /** Tags in name order, as the sidebar lists them (the first nine get keys 1–9 when they have none). */
  async list(): Promise<Tag[]> {
    const tags = await this.context.db.getAll('tags');
    return tags.sort((a, b) => a.name.localeCompare(b.name));
  }

  private async save(tag: Tag, isNew: boolean): Promise<Tag> {
    return writeAtomically(this.context, ['tags'], async (tx) => {
      for (const other of await tx.objectStore('tags').getAll()) {
        if (other.id === tag.id) continue;
        if (other.name.toLocaleLowerCase() === tag.name.toLocaleLowerCase()) throw new Error(`A tag named "${other.name}" already exists`);
        if (tag.key !== null && other.key === tag.key) throw new Error(`The key "${tag.key}" already toggles the tag "${other.name}"`);
      }
      if (isNew) await tx.objectStore('tags').add(tag);
      else await tx.objectStore('tags').put(tag);
      return { result: tag, customerIds: [] };
    });
  }
}
