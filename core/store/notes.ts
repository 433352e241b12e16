import { newId, noteSchema, parseRecord, type Note } from '../model';
import { isoNow, writeAtomically, type StoreContext } from './context';

/** Notes about a customer; the customer's `notesCount` moves with them in the same transaction. */
export class NoteRepository {
  constructor(private readonly context: StoreContext) {}

  async add(customerId: string, text: string): Promise<Note> {
    const now = isoNow(this.context);
    const note = parseRecord(noteSchema, { id: newId(), customerId, text, createdAt: now, updatedAt: now }, 'The note');
    return writeAtomically(this.context, ['notes', 'customers'], async (tx) => {
      const customer = await tx.objectStore('customers').get(customerId);
      if (!customer) throw new Error(`No customer with id ${customerId}`);
      await tx.objectStore('notes').add(note);
      await tx.objectStore('customers').put({ ...customer, notesCount: customer.notesCount + 1, updatedAt: now });
      return { result: note, customerIds: [customerId] };
    });
  }

  async edit(id: string, text: string): Promise<Note> {
    const now = isoNow(this.context);
    return writeAtomically(this.context, ['notes'], async (tx) => {
      const before = await tx.objectStore('notes').get(id);
      if (!before) throw new Error(`No note with id ${id}`);
      const note = parseRecord(noteSchema, { ...before, text, updatedAt: now }, 'The note');
      await tx.objectStore('notes').put(note);
      return { result: note, customerIds: [note.customerId] };
    });
  }

  async remove(id: string): Promise<void> {
    const now = isoNow(this.context);
    await writeAtomically(this.context, ['notes', 'customers'], async (tx) => {
      const note = await tx.objectStore('notes').get(id);
      if (!note) return { result: undefined, customerIds: [] };
      await tx.objectStore('notes').delete(id);
      const customer = await tx.objectStore('customers').get(note.customerId);
      if (customer) await tx.objectStore('customers').put({ ...customer, notesCount: Math.max(0, customer.notesCount - 1), updatedAt: now });
      return { result: undefined, customerIds: [note.customerId] };
    });
  }

  /** A customer's notes, newest first. */
  async listByCustomer(customerId: string): Promise<Note[]> {
    const notes = await this.context.db.getAllFromIndex('notes', 'customerId', customerId);
    return notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
