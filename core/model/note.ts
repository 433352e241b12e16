import { z } from '../zod';
import { isoDateTime, recordId } from './common';

export const noteSchema = z.object({
  id: recordId,
  customerId: recordId,
  text: z.string().trim().min(1, 'must not be empty').max(10_000),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Note = z.infer<typeof noteSchema>;
