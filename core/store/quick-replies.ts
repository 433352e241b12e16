import { newId, parseRecord, quickReplySchema, type QuickReply } from '../model';
import { writeAtomically, type StoreContext } from './context';
import { byPosition, moveIds, nextPosition } from './positions';

/** What the seller types: a new reply has no id or place yet (it goes at the end). */
export type QuickReplyInput = Omit<QuickReply, 'id' | 'position'> & { id?: string };

/**
 * The seller's quick replies, in their order. The text is checked when saving: a variable Clientela does not know
 * (`{nome_do_pet}`) is refused naming the field, so the sidebar never sends a customer a raw `{…}`.
 */
export class QuickReplyRepository {
  constructor(private readonly context: StoreContext) {}

  /** Adds a reply at the end of the list, or saves the changes to one (keeping its place). */
  async save(input: QuickReplyInput): Promise<QuickReply> {
    return writeAtomically(this.context, ['quickReplies'], async (tx) => {
      const store = tx.objectStore('quickReplies');
      const existing = input.id === undefined ? undefined : await store.get(input.id);
      if (input.id !== undefined && !existing) throw new Error(`No quick reply with id ${input.id}`);
      const position = existing ? existing.position : nextPosition(await store.getAll());
      const reply = parseRecord(quickReplySchema, { ...input, id: input.id ?? newId(), position }, 'The quick reply');
      await store.put(reply);
      return { result: reply, customerIds: [] };
    });
  }

  /** Adds several new replies at the end of the list, in one transaction: all of them, or none if one is refused. */
  async addMany(inputs: readonly Omit<QuickReplyInput, 'id'>[]): Promise<QuickReply[]> {
    return writeAtomically(this.context, ['quickReplies'], async (tx) => {
      const store = tx.objectStore('quickReplies');
      const first = nextPosition(await store.getAll());
      const added = inputs.map((input, index) => parseRecord(quickReplySchema, { ...input, id: newId(), position: first + index }, `Quick reply ${index + 1}`));
      for (const reply of added) await store.add(reply);
      return { result: added, customerIds: [] };
    });
  }

  /** Puts the replies in the order of `ids` (each once), in one transaction. */
  async reorder(ids: readonly string[]): Promise<QuickReply[]> {
    return writeAtomically(this.context, ['quickReplies'], async (tx) => {
      const store = tx.objectStore('quickReplies');
      const reordered = moveIds(await store.getAll(), ids, 'quick replies');
      for (const reply of reordered) await store.put(reply);
      return { result: reordered, customerIds: [] };
    });
  }

  async remove(id: string): Promise<void> {
    await writeAtomically(this.context, ['quickReplies'], async (tx) => {
      await tx.objectStore('quickReplies').delete(id);
      return { result: undefined, customerIds: [] };
    });
  }

  /** Every reply in the seller's order. */
  async list(): Promise<QuickReply[]> {
    return byPosition(await this.context.db.getAll('quickReplies'));
  }
}
