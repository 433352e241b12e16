import { z } from '../zod';
import { recordId } from './common';

export const tagSchema = z.object({
  id: recordId,
  name: z.string().trim().min(1, 'must not be empty').max(60, 'is too long (60 characters at most)'),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour such as #1a7f37'),
  /** Single key that toggles the tag in the sidebar; null when the tag has none. */
  key: z.string().regex(/^[a-z0-9]$/, 'must be one letter or digit').nullable(),
  /**
   * Place in the seller's list (0 first; equal places fall back to name order, as every tag of a book older than
   * schema 6 has 0). The sidebar gives the first nine without a key of their own the keys 1–9 in this order.
   */
  position: z.number().int().nonnegative(),
});
export type Tag = z.infer<typeof tagSchema>;

/** The key that toggles a tag in the sidebar: its own, else 1–9 by its place among the first nine of the list. */
export function tagKey(tag: { key: string | null }, index: number): string | null {
  return tag.key ?? (index < 9 ? String(index + 1) : null);
}
