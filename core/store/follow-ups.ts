import { followUpSchema, newId, parseRecord, type FollowUp } from '../model';
import { isoNow, writeAtomically, type StoreContext } from './context';

/** Things to do for a customer by a date ("send the new catalogue on Friday"). */
export class FollowUpRepository {
  constructor(private readonly context: StoreContext) {}

  async add(customerId: string, due: string, text: string): Promise<FollowUp> {
    const followUp = parseRecord(
      followUpSchema,
      { id: newId(), customerId, due, text, done: false, createdAt: isoNow(this.context) },
      'The follow-up',
    );
    return writeAtomically(this.context, ['followUps', 'customers'], async (tx) => {
      if (!(await tx.objectStore('customers').getKey(customerId))) throw new Error(`No customer with id ${customerId}`);
      await tx.objectStore('followUps').add(followUp);
      return { result: followUp, customerIds: [customerId] };
    });
  }

  async setDone(id: string, done: boolean): Promise<FollowUp> {
    return writeAtomically(this.context, ['followUps'], async (tx) => {
      const before = await tx.objectStore('followUps').get(id);
      if (!before) throw new Error(`No follow-up with id ${id}`);
      const followUp = { ...before, done };
      await tx.objectStore('followUps').put(followUp);
      return { result: followUp, customerIds: [followUp.customerId] };
    });
  }

  async remove(id: string): Promise<void> {
    await writeAtomically(this.context, ['followUps'], async (tx) => {
      const followUp = await tx.objectStore('followUps').get(id);
      if (followUp) await tx.objectStore('followUps').delete(id);
      return { result: undefined, customerIds: followUp ? [followUp.customerId] : [] };
    });
  }

  /** A customer's follow-ups: open ones first, soonest due first. */
  async listByCustomer(customerId: string): Promise<FollowUp[]> {
    const list = await this.context.db.getAllFromIndex('followUps', 'customerId', customerId);
    return list.sort((a, b) => Number(a.done) - Number(b.done) || a.due.localeCompare(b.due));
  }

  /** Open follow-ups due at or before `at`, across the book. */
  async listDue(at: Date): Promise<FollowUp[]> {
    const due = await this.context.db.getAllFromIndex('followUps', 'due', IDBKeyRange.upperBound(at.toISOString()));
    return due.filter((f) => !f.done);
  }
}
