import { feedbackSchema, newId, parseRecord, type Feedback } from '../model';
import { writeAtomically, type StoreContext } from './context';

export type NewFeedback = Omit<Feedback, 'id' | 'externalId'> & { id?: string; externalId?: string | null };

/** Feedback a customer left (storefront widget, or typed by the seller). */
export class FeedbackRepository {
  constructor(private readonly context: StoreContext) {}

  /**
   * Stores feedback unless feedback with the same `externalId` (the collector's id) is already in the book:
   * pulling from a collector twice must not count a rating twice. Returns the stored record either way.
   */
  async add(input: NewFeedback): Promise<Feedback> {
    const feedback = parseRecord(feedbackSchema, { externalId: null, ...input, id: input.id ?? newId() }, 'The feedback');
    return writeAtomically(this.context, ['feedback', 'customers'], async (tx) => {
      if (feedback.externalId !== null) {
        const existing = await tx.objectStore('feedback').index('externalId').get(feedback.externalId);
        if (existing) return { result: existing, customerIds: [] };
      }
      if (!(await tx.objectStore('customers').getKey(feedback.customerId))) {
        throw new Error(`The feedback refers to customer ${feedback.customerId}, who is not in the book`);
      }
      await tx.objectStore('feedback').add(feedback);
      return { result: feedback, customerIds: [feedback.customerId] };
    });
  }

  /** The feedback pulled from a collector under this id, if it is already in the book. */
  async findByExternalId(externalId: string): Promise<Feedback | undefined> {
    return this.context.db.getFromIndex('feedback', 'externalId', externalId);
  }

  /** A customer's feedback, newest first. */
  async listByCustomer(customerId: string): Promise<Feedback[]> {
    const list = await this.context.db.getAllFromIndex('feedback', 'customerId', customerId);
    return list.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  async list(): Promise<Feedback[]> {
    return this.context.db.getAll('feedback');
  }
}
