import { z } from '../zod';
import { isoDateTime, recordId } from './common';

export const followUpSchema = z.object({
  id: recordId,
  customerId: recordId,
  due: isoDateTime,
  text: z.string().trim().min(1, 'must not be empty').max(1000),
  done: z.boolean(),
  createdAt: isoDateTime,
});
export type FollowUp = z.infer<typeof followUpSchema>;
