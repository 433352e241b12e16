import { newId } from '../model';
import { parseSavedSegment, type SavedSegment, type SegmentRule } from '../segments/rules';
import { isoNow, writeAtomically, type StoreContext } from './context';

export interface SegmentInput {
  id?: string;
  name: string;
  /** The rule as JSON text or a parsed value; validated here, problems named by their place in the rule. */
  rule: SegmentRule | unknown;
}

/** The seller's saved segments. Their counts are computed live from customer facts (core/segments). */
export class SegmentRepository {
  constructor(private readonly context: StoreContext) {}

  /** Creates or replaces a saved segment; an invalid rule is refused naming the bad part (`rule.all[2].op: …`). */
  async save(input: SegmentInput): Promise<SavedSegment> {
    const now = isoNow(this.context);
    const existing = input.id ? await this.context.db.get('segments', input.id) : undefined;
    const parsed = parseSavedSegment({
      id: input.id ?? newId(),
      name: input.name,
      rule: typeof input.rule === 'string' ? JSON.parse(input.rule) : input.rule,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    if (!parsed.ok) throw new Error(`The segment is invalid: ${parsed.message}`);
    return writeAtomically(this.context, ['segments'], async (tx) => {
      await tx.objectStore('segments').put(parsed.value);
      return { result: parsed.value, customerIds: [] };
    });
  }

  async remove(id: string): Promise<void> {
    await writeAtomically(this.context, ['segments'], async (tx) => {
      await tx.objectStore('segments').delete(id);
      return { result: undefined, customerIds: [] };
    });
  }

  async get(id: string): Promise<SavedSegment | undefined> {
    return this.context.db.get('segments', id);
  }

  /** Saved segments in name order. */
  async list(): Promise<SavedSegment[]> {
    return (await this.context.db.getAll('segments')).sort((a, b) => a.name.localeCompare(b.name));
  }
}
