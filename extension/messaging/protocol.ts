import { z } from '../../core/zod';
import type { LastSync } from '../background/collector-sync';
import type { BackupRunResult, BackupStatus } from '../backup/backup-status';
import type { ShopsState } from '../shops/shop-service';
import type { TodayReply } from '../background/today-service';
import type { CleanupReply } from '../background/cleanup-service';
import type { GoalsReply } from '../background/goals-service';
import type { SegmentCountReply, SegmentListReply, SegmentSaveReply } from '../background/segment-service';
import type { DashboardReply } from '../background/dashboard-service';
import {
  cleanupArchiveReasonSchema,
  goalDraftSchema,
  identityKindSchema,
  DASHBOARD_PERIODS,
  storeOrderReadingSchema,
  tableFiltersSchema,
  tableQuerySchema,
  tableWindowSchema,
  type CustomerPredictionDetail,
  type CustomerRow,
  type PredictionState,
  type TableFacets,
  type Customer,
  type IdentityKind,
  type Feedback,
  type FollowUp,
  type Note,
  type Order,
  type QuickReply,
  type Tag,
  type CleanupArchive,
  type BuyerIdentity,
  type MissingField,
  type StoreOrderOutcome,
  type StoreOrderRefusal,
  type StoreOrderSummary,
} from '../../core';

/**
 * The one protocol between the extension's pages (the sidebar frame, the popup, the book page) and whoever answers
 * from the book: the page itself (page-client.ts) or the background. Every request is validated with these schemas
 * where it is answered. Content scripts never send these: the background refuses them (background/sender.ts).
 * Built on first use (requestSchema), not when the module loads: a page that only sends requests (the book page,
 * as it opens) does not pay for a hundred schemas it never parses with.
 */
function buildRequestSchema() {
  const id = z.string().min(1).max(100);
  const identity = z.object({ kind: identityKindSchema, value: z.string().trim().min(1).max(320) });
  const displayName = z.string().trim().min(1).max(200);
  return z.discriminatedUnion('type', [
    z.object({ type: z.literal('book/summary') }),
    z.object({ type: z.literal('ui/open-book') }),
    // From an extension page that wrote to the book: the background may have slept through the change feed.
    z.object({ type: z.literal('book/written') }),
    z.object({ type: z.literal('customers/find-by-identity'), kind: identityKindSchema, value: z.string().min(1).max(320) }),
    z.object({ type: z.literal('customers/create'), displayName, identities: z.array(identity).max(10) }),
    z.object({ type: z.literal('chat/lookup'), identities: z.array(identity).min(1).max(5) }),
    z.object({ type: z.literal('customers/profile'), customerId: id }),
    z.object({ type: z.literal('customers/search'), query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }),
    z.object({ type: z.literal('customers/link-identities'), customerId: id, identities: z.array(identity).min(1).max(5) }),
    z.object({ type: z.literal('customers/rename'), customerId: id, displayName }),
    z.object({ type: z.literal('customers/toggle-tag'), customerId: id, tagId: id }),
    z.object({ type: z.literal('customers/set-funnel-stage'), customerId: id, stage: z.string().max(60).nullable() }),
    z.object({ type: z.literal('tags/create'), name: z.string().trim().min(1).max(60), customerId: id.optional() }),
    z.object({
      type: z.literal('orders/quick-add'),
      customerId: id,
      amount: z.string().min(1).max(40),
      currency: z.string().regex(/^[A-Z]{3}$/).default('BRL'),
      placedOn: z.iso.date().optional(),
      items: z.string().max(500).optional(),
    }),
    z.object({ type: z.literal('notes/add'), customerId: id, text: z.string().trim().min(1).max(10_000) }),
    z.object({ type: z.literal('notes/edit'), noteId: id, text: z.string().trim().min(1).max(10_000) }),
    z.object({ type: z.literal('follow-ups/add'), customerId: id, due: z.iso.datetime({ offset: true }), text: z.string().trim().min(1).max(1000) }),
    z.object({ type: z.literal('follow-ups/set-done'), followUpId: id, done: z.boolean() }),
    // The seller's answer to feedback left with an unsigned contact: it was this customer (`link`), or not.
    z.object({ type: z.literal('feedback/settle-claim'), feedbackId: id, answer: z.enum(['link', 'dismiss']), customerId: id }),
    z.object({ type: z.literal('feedback/pending-claims') }),
    z.object({ type: z.literal('collectors/list') }),
    z.object({ type: z.literal('collectors/add'), url: z.url({ message: 'must be the collector address, such as https://avaliacoes.minhaloja.com.br' }), site: z.string().trim().min(1).max(63), token: z.string().trim().min(8).max(200) }),
    z.object({ type: z.literal('collectors/remove'), id }),
    z.object({ type: z.literal('collectors/sync'), id: id.optional() }),
    // Shops on the seller's own domain (extension/shops/): the page asks the browser for the origin at the seller's
    // click, then hands it here; the background checks it again, keeps the list and registers the sidebar there.
    z.object({ type: z.literal('shops/list') }),
    z.object({ type: z.literal('shops/add'), origin: z.string().max(2048) }),
    z.object({ type: z.literal('shops/remove'), origin: z.string().max(2048) }),
    // Backups (extension/backup/): what the sidebar shows, and "back up now" through the background's downloads.
    z.object({ type: z.literal('backup/status'), integrity: z.boolean().default(false) }),
    z.object({ type: z.literal('backup/run') }),
    // The customer table, answered by the background's one engine per book (background/book-table-service.ts):
    // a window of rows, every matching id ("select all matching"), and the counts for the filter chips.
    tableQuerySchema.extend({ type: z.literal('table/query'), ...tableWindowSchema.shape }),
    tableQuerySchema.extend({ type: z.literal('table/ids') }),
    z.object({ type: z.literal('table/facets'), search: tableQuerySchema.shape.search, archived: tableFiltersSchema.shape.archived }),
    // The Hoje list (background/today-service.ts), from the background's table: the list, and the seller's done or
    // snooze on one item (its key, core/today `itemKey`).
    // One customer's predicted value with the model behind it (the detail's "Previsão"), from the background's table.
    z.object({ type: z.literal('customers/prediction'), customerId: id }),
    z.object({ type: z.literal('today/list') }),
    z.object({ type: z.literal('today/done'), key: z.string().min(1).max(250) }),
    z.object({ type: z.literal('today/snooze'), key: z.string().min(1).max(250), days: z.union([z.literal(1), z.literal(3), z.literal(7)]) }),
    // Limpeza (background/cleanup-service.ts): the candidates by reason and the win-back list from the table's facts;
    // a clean-up archive with the seller's reason (customers and its log in `meta`, one transaction), and its undo.
    z.object({ type: z.literal('cleanup/list') }),
    z.object({ type: z.literal('cleanup/archive'), customerIds: z.array(id).min(1).max(100_000), reason: cleanupArchiveReasonSchema }),
    z.object({ type: z.literal('cleanup/undo'), archiveId: id }),
    // Metas (background/goals-service.ts): the goals with their progress from the background's table; a goal saved
    // (new without an id) or removed, each in one `meta` transaction.
    z.object({ type: z.literal('goals/list') }),
    z.object({ type: z.literal('goals/save'), goal: goalDraftSchema }),
    z.object({ type: z.literal('goals/remove'), id: z.string().min(1).max(100) }),
    // Saved segments and live counts of rules (background/segment-service.ts): a rule is checked by core where it is
    // answered, so it crosses as any JSON; its problems come back in the seller's words.
    z.object({ type: z.literal('segments/count'), rule: z.unknown() }),
    z.object({ type: z.literal('segments/list') }),
    z.object({ type: z.literal('segments/save'), id: id.optional(), name: z.string().max(1000), rule: z.unknown() }),
    z.object({ type: z.literal('segments/remove'), id }),
    // The Painel's figures for a period (background/dashboard-service.ts), from the background's table.
    z.object({ type: z.literal('dashboard/figures'), period: z.enum(DASHBOARD_PERIODS) }),
    // A store's order page as its adapter read it in the content script (untrusted text; background/store-orders.ts):
    // what would be saved and whose profile it is, without writing; and the seller's "Salvar pedido em <cliente>".
    z.object({ type: z.literal('store/preview-order'), reading: storeOrderReadingSchema }),
    z.object({ type: z.literal('store/save-order'), reading: storeOrderReadingSchema }),
  ]);
}

let requestSchemaBuilt: ReturnType<typeof buildRequestSchema> | undefined;

/** The request schema (buildRequestSchema), built once, when the first request is parsed. */
export function requestSchema(): ReturnType<typeof buildRequestSchema> {
  return (requestSchemaBuilt ??= buildRequestSchema());
}

export type BookRequest = z.input<ReturnType<typeof buildRequestSchema>>;
export type ParsedRequest = z.output<ReturnType<typeof buildRequestSchema>>;

/** What the sidebar shows about the activity, RFM and stages, in the seller's language. */
export interface CustomerInsight {
  activity: { status: string; label: string; reason: string };
  rfm: { segment: string; label: string; scores: string } | null;
  lifecycle: { stage: string; label: string; worthRecovering: boolean };
  nextPurchaseExpectedAt: string | null;
  typicalIntervalDays: number | null;
}

/** Totals per currency: money in different currencies is never added together. */
export interface CurrencyTotal {
  currency: string;
  totalMinor: number;
  averageTicketMinor: number;
  orders: number;
}

/** Everything the sidebar shows for one customer, gathered in one round trip. */
export interface CustomerProfile {
  customer: Customer;
  tags: Tag[];
  /** The seller's funnel, in order, with labels in the sidebar's language. */
  funnelStages: { id: string; label: string }[];
  recentOrders: Order[];
  orderCount: number;
  totals: CurrencyTotal[];
  insight: CustomerInsight | null;
  notes: Note[];
  followUps: FollowUp[];
  latestFeedback: Feedback | null;
  /** Feedback left with one of this customer's contacts but unsigned: waiting for the seller to say it was them. */
  pendingClaims: Feedback[];
  /** Every quick reply of the seller, in their order (the sidebar picks those for this customer's stage). */
  quickReplies: QuickReply[];
  /** The seller's chave PIX, for the `{chave_pix}` of quick replies; null when not set in Configurações. */
  pixKey: string | null;
}

/**
 * A store order page before saving: what was read of it (money in minor units, the status as read, `unpaid`
 * included), the buyer's identities as the book keys them, what the page lacks, why it cannot be saved (null when
 * it can), and the profile of the customer those identities find (null: saving creates them).
 */
export interface StoreOrderPreview {
  read: StoreOrderSummary;
  identities: BuyerIdentity[];
  missing: MissingField[];
  refusal: StoreOrderRefusal | null;
  profile: CustomerProfile | null;
}

/** A store order page saved, or refused (the page changed since its preview): nothing was written then. */
export type StoreOrderSaveReply =
  | { outcome: StoreOrderOutcome; customerId: string; newCustomer: boolean; profile: CustomerProfile; missing: MissingField[] }
  | { outcome: 'refused'; refusal: StoreOrderRefusal; missing: MissingField[] };

/** A pending claim as the book lists it: the feedback and the customers whose contact it names. */
export interface PendingClaimSummary {
  feedback: Feedback;
  customers: { id: string; displayName: string }[];
}

export interface SearchHit {
  id: string;
  displayName: string;
  identities: string[];
}

/** What each request answers. */
export interface BookResponses {
  'book/summary': { customerCount: number };
  'ui/open-book': { opened: true };
  'book/written': { noted: true };
  'customers/find-by-identity': { customers: Customer[] };
  'customers/create': { profile: CustomerProfile };
  /** `unlinked`: identities of the chat no customer has; linking them is the seller's call. */
  'chat/lookup': { profile: CustomerProfile | null; unlinked: { kind: IdentityKind; value: string }[] };
  'customers/profile': { profile: CustomerProfile };
  'customers/search': { hits: SearchHit[] };
  'customers/link-identities': { profile: CustomerProfile };
  'customers/rename': { profile: CustomerProfile };
  'customers/toggle-tag': { profile: CustomerProfile };
  'customers/set-funnel-stage': { profile: CustomerProfile };
  'tags/create': { tag: Tag; profile: CustomerProfile | null };
  'orders/quick-add': { profile: CustomerProfile };
  'notes/add': { profile: CustomerProfile };
  'notes/edit': { profile: CustomerProfile };
  'follow-ups/add': { profile: CustomerProfile };
  'follow-ups/set-done': { profile: CustomerProfile };
  'feedback/settle-claim': { profile: CustomerProfile };
  'feedback/pending-claims': { claims: PendingClaimSummary[] };
  'collectors/list': CollectorsState;
  'collectors/add': CollectorsState;
  'collectors/remove': CollectorsState;
  'collectors/sync': CollectorsState & { added: number };
  'shops/list': ShopsState;
  'shops/add': ShopsState;
  'shops/remove': ShopsState;
  'backup/status': BackupStatus;
  'backup/run': BackupRunResult;
  /** `version` grows with every change to the table; `predictions: 'pending'` while predicted values are computed. */
  'table/query': { total: number; rows: CustomerRow[]; version: number; predictions: PredictionState };
  'table/ids': { ids: string[]; version: number };
  'table/facets': TableFacets & { version: number };
  /** Null for a customer the table does not hold (erased, or not yet read). */
  'customers/prediction': CustomerPredictionDetail | null;
  'today/list': TodayReply;
  'today/done': { noted: true };
  'today/snooze': { noted: true };
  'cleanup/list': CleanupReply;
  'cleanup/archive': { archive: CleanupArchive };
  'cleanup/undo': { archive: CleanupArchive; restored: number };
  'goals/list': GoalsReply;
  'goals/save': GoalsReply;
  'goals/remove': GoalsReply;
  'segments/count': SegmentCountReply;
  'segments/list': SegmentListReply;
  'segments/save': SegmentSaveReply;
  'segments/remove': { removed: true };
  'dashboard/figures': DashboardReply;
  'store/preview-order': StoreOrderPreview;
  'store/save-order': StoreOrderSaveReply;
}

/** Pushed on TABLE_PORT when the table changed under an open page (a write, predictions ready): query again. */
export interface TableUpdatedMessage {
  type: 'table/updated';
  version: number;
  predictions: PredictionState;
}

/** A collector as the settings screen shows it (the token stays in the background). */
export interface CollectorSummary {
  id: string;
  url: string;
  site: string;
  lastSync: LastSync | null;
  /** Items set aside as unreadable, in all; the latest few with their reasons. */
  quarantine: { total: number; latest: { at: string; id: string | null; reason: string }[] };
}

export interface CollectorsState {
  collectors: CollectorSummary[];
  syncing: { collectorId: string; fetched: number } | null;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * A reply as it crosses `runtime.sendMessage`: the data as one JSON string. Chrome converts a message value by
 * value (a window of 200 table rows is thousands of them, twice: into the browser and out to the page), which
 * cost more than the search it answered; one string is converted at once, and JSON.parse on the page is native.
 */
export type WireReply = { ok: true; json: string } | { ok: false; error: string };

export function toWire(reply: Reply<unknown>): WireReply {
  return reply.ok ? { ok: true, json: JSON.stringify(reply.data) ?? 'null' } : reply;
}

export function fromWire<T>(wire: WireReply | undefined): Reply<T> | undefined {
  if (!wire || !wire.ok) return wire;
  return { ok: true, data: JSON.parse(wire.json) as T };
}

/** A committed write, as screens hear of it (from the book's change feed). */
export interface ChangeMessage {
  type: 'book/changed';
  /** The stores the write touched (a profile shows tags, quick replies and settings of every customer). */
  stores: string[];
  customerIds: string[];
  wholeBook?: boolean;
}
