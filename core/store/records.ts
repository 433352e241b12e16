import type { CountryCode } from '../identity';
import type { Customer, Feedback, FollowUp, Note, Order, QuickReply, Tag } from '../model';
import type { SavedSegment } from '../segments/rules';
import { fromRow, toRow } from './customer-rows';
import { fromFeedbackRow, toFeedbackRow } from './feedback';
import type { RecordStoreName } from './schema';

/** Every record of a book, store by store: what a backup carries. */
export interface BookContents {
  tags: Tag[];
  customers: Customer[];
  orders: Order[];
  notes: Note[];
  feedback: Feedback[];
  followUps: FollowUp[];
  segments: SavedSegment[];
  quickReplies: QuickReply[];
}

/** The model record a record store holds (a customer without its index keys, and so on). */
export type RecordOf<S extends RecordStoreName> = BookContents[S][number];

/** Some records of one store, as bulk reads hand them out and bulk writes take them. */
export type RecordBatch = { [S in RecordStoreName]: { store: S; records: ReadonlyArray<RecordOf<S>> } }[RecordStoreName];

/** How many records each record store holds. */
export type RecordCounts = Record<RecordStoreName, number>;

type Convert = (value: never) => unknown;
const same = <T>(value: T): T => value;

/** The row to store for a record of `store` (customers and feedback carry index keys the model does not). */
export function rowConverter(store: RecordStoreName, defaultCountry: CountryCode): Convert {
  if (store === 'customers') return toRow as Convert;
  if (store === 'feedback') return ((feedback: Feedback) => toFeedbackRow(feedback, defaultCountry)) as Convert;
  return same as Convert;
}

/** The model record of a stored row of `store`. */
export function recordConverter(store: RecordStoreName): Convert {
  if (store === 'customers') return fromRow as Convert;
  if (store === 'feedback') return fromFeedbackRow as Convert;
  return same as Convert;
}
