import { fieldProblems, parseAmount, validateFunnelStage, DEFAULT_FUNNEL_STAGES, TAG_PALETTE, type Book, type IdentityInput, type Tag } from '../../core';
import { requestSchema, type BookResponses, type CollectorsState, type ParsedRequest, type Reply } from '../messaging/protocol';
import { backupStatus, type BackupRunResult } from '../backup/backup-status';
import { enumLabel } from '../i18n/labels';
import { translate, translator, type Locale } from '../i18n/translate';
import type { CollectorService } from './collectors';
import { ShopError, type ShopService } from '../shops/shop-service';
import { shopProblemText } from '../shops/shop-problem-text';
import type { BookTableService } from './book-table-service';
import type { CustomerSearch } from './customer-search';
import { findByIdentities } from './customer-lookup';
import { buildProfile, type InsightProvider } from './profiles';
import { previewStoreOrder, saveStoreOrderFromPage } from './store-orders';
import { cleanupReply } from './cleanup-service';
import { markTodayDone, snoozeTodayItem, todayReply } from './today-service';
import { dashboardReply } from './dashboard-service';
import { goalsReply, removeGoal, saveGoal } from './goals-service';
import { countRule, listSegments, saveSegment } from './segment-service';

/**
 * What every request is answered with. The background has all of it; the sidebar frame and the popup answer
 * from the book they open themselves and leave search and collectors to the background (frame-client.ts).
 */
export interface BookServices {
  book: Book;
  insights: InsightProvider;
  search?: CustomerSearch;
  /** The customer table of the whole book (background only: it holds every customer's facts in memory). */
  table?: BookTableService;
  locale: Locale;
  now?: () => Date;
  /** Opens the customer book in a tab (the sidebar's "open the book" link). */
  openBookPage?: () => void;
  collectors?: CollectorService;
  /** The seller's shops on their own domains and the sidebar's registration there (background only). */
  shops?: ShopService;
  /** Told when an extension page wrote to the book (the background recomputes the insight cut points). */
  onBookWritten?: () => void;
  /** Backups through the background's downloads (background/backups in extension/backup). */
  backups?: BackupServices;
}

export interface BackupServices {
  downloadsGranted: () => Promise<boolean>;
  /** Backs up now (the seller asked), or opens the book page to do it there without `downloads`. */
  run: () => Promise<BackupRunResult>;
  /** The seller's IANA zone; the browser's by default. */
  timeZone?: string;
}

type Handlers = { [T in ParsedRequest['type']]: (request: Extract<ParsedRequest, { type: T }>) => Promise<BookResponses[T]> };

/** Tag colours offered in turn, readable on light and dark sidebars. */

function handlersFor({ book, insights, search, table, locale, now = () => new Date(), openBookPage, collectors, shops, onBookWritten, backups }: BookServices): Handlers {
  const profile = (customerId: string) => buildProfile(book, insights, customerId, locale);
  const collectorsState = async (): Promise<CollectorsState> => {
    if (!collectors) throw new Error('Collectors are managed by the background only');
    const { collectors: list, syncing } = await collectors.list();
    return {
      collectors: list.map(({ id, url, site, lastSync, quarantine }) => ({
        id,
        url,
        site,
        lastSync,
        quarantine: { total: quarantine?.total ?? 0, latest: (quarantine?.items ?? []).slice(-5).reverse().map(({ at, id: itemId, reason }) => ({ at, id: itemId, reason })) },
      })),
      syncing,
    };
  };
  const requireCollectors = () => {
    if (!collectors) throw new Error('Collectors are managed by the background only');
    return collectors;
  };
  // A shop refused or not started is said in the seller's words, naming what they typed.
  const shopAction = <T,>(run: (service: ShopService) => Promise<T>) => {
    if (!shops) throw new Error('Shops are managed by the background only');
    return run(shops).catch((error: unknown) => {
      throw error instanceof ShopError ? new Error(shopProblemText(translator(locale), error.detail)) : error;
    });
  };
  const requireTable = () => {
    if (!table) throw new Error('The customer table is answered by the background');
    return table;
  };
  const requireBackups = () => {
    if (!backups) throw new Error('Backups are answered by the background');
    return backups;
  };
  return {
    'book/summary': async () => ({ customerCount: (await table?.customerCount()) ?? (await book.customers.count()) }),
    'ui/open-book': async () => {
      if (!openBookPage) throw new Error('The customer book cannot be opened from here');
      openBookPage();
      return { opened: true as const };
    },
    'book/written': async () => {
      onBookWritten?.();
      return { noted: true as const };
    },
    'customers/find-by-identity': async ({ kind, value }) => ({ customers: await book.customers.findByIdentity(kind, value) }),
    'customers/create': async ({ displayName, identities }) => {
      const customer = await book.customers.create({ displayName, identities });
      return { profile: await profile(customer.id) };
    },
    // A lookup never writes: what the host page says about the chat is a hint. Identities of the chat that nobody
    // in the book has yet come back as `unlinked`, for the seller to confirm ("Este contato é a Ana? Vincular").
    'chat/lookup': async ({ identities }) => {
      const { customer, unowned } = await findByIdentities(book, identities);
      if (!customer) return { profile: null, unlinked: [] };
      return { profile: await profile(customer.id), unlinked: unowned };
    },
    'customers/profile': async ({ customerId }) => ({ profile: await profile(customerId) }),
    'customers/search': async ({ query, limit }) => {
      if (!search) throw new Error('Search is answered by the background');
      return { hits: await search.search(query, limit) };
    },
    'customers/link-identities': async ({ customerId, identities }) => {
      await linkMissing(book, customerId, identities, locale);
      return { profile: await profile(customerId) };
    },
    'customers/rename': async ({ customerId, displayName }) => {
      await book.customers.update(customerId, { displayName });
      return { profile: await profile(customerId) };
    },
    'customers/toggle-tag': async ({ customerId, tagId }) => {
      await book.customers.toggleTag(customerId, tagId);
      return { profile: await profile(customerId) };
    },
    'customers/set-funnel-stage': async ({ customerId, stage }) => {
      const check = validateFunnelStage(stage, DEFAULT_FUNNEL_STAGES);
      if (!check.ok) throw new Error(`stage: ${check.message}`);
      await book.customers.update(customerId, { funnelStage: check.stage });
      return { profile: await profile(customerId) };
    },
    'tags/create': async ({ name, customerId }) => {
      const existing = await book.tags.list();
      const same = existing.find((tag) => tag.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      const tag: Tag = same ?? (await book.tags.create({ name, colour: TAG_PALETTE[existing.length % TAG_PALETTE.length] as string }));
      if (customerId) {
        const customer = await book.customers.get(customerId);
        if (customer && !customer.tagIds.includes(tag.id)) await book.customers.toggleTag(customerId, tag.id);
      }
      return { tag, profile: customerId ? await profile(customerId) : null };
    },
    'orders/quick-add': async ({ customerId, amount, currency, placedOn, items }) => {
      const totalMinor = parseAmount(amount, currency);
      if (totalMinor === 0) throw new Error('amount: must be more than zero');
      // A date without a time is the seller's day: noon UTC keeps it on that calendar day in every Lusophone zone.
      const placedAt = placedOn ? `${placedOn}T12:00:00.000Z` : now().toISOString();
      const itemNames = (items ?? '').split(/[,;\n]/).map((name) => name.trim()).filter(Boolean);
      await book.orders.add({
        customerId,
        placedAt,
        totalMinor,
        currency,
        channel: 'other',
        source: 'manual',
        items: itemNames.map((name) => ({ name, category: null, quantity: 1, unitPriceMinor: itemNames.length === 1 ? totalMinor : 0 })),
      });
      return { profile: await profile(customerId) };
    },
    'notes/add': async ({ customerId, text }) => {
      await book.notes.add(customerId, text);
      return { profile: await profile(customerId) };
    },
    'notes/edit': async ({ noteId, text }) => {
      const note = await book.notes.edit(noteId, text);
      return { profile: await profile(note.customerId) };
    },
    'follow-ups/add': async ({ customerId, due, text }) => {
      await book.followUps.add(customerId, due, text);
      return { profile: await profile(customerId) };
    },
    'feedback/settle-claim': async ({ feedbackId, answer, customerId }) => {
      await book.feedback.settleClaim(feedbackId, answer === 'link' ? { link: customerId } : 'dismiss');
      return { profile: await profile(customerId) };
    },
    'feedback/pending-claims': async () => {
      const claims = await book.feedback.pendingClaims();
      const names = new Map<string, string>();
      for (const id of new Set(claims.flatMap((claim) => claim.customerIds))) names.set(id, (await book.customers.get(id))?.displayName ?? id);
      return { claims: claims.map(({ feedback, customerIds }) => ({ feedback, customers: customerIds.map((id) => ({ id, displayName: names.get(id) ?? id })) })) };
    },
    'collectors/list': collectorsState,
    'collectors/add': async ({ url, site, token }) => {
      await requireCollectors().add({ url, site, token });
      return collectorsState();
    },
    'collectors/remove': async ({ id }) => {
      await requireCollectors().remove(id);
      return collectorsState();
    },
    'collectors/sync': async ({ id }) => {
      const results = await requireCollectors().sync(id);
      return { ...(await collectorsState()), added: results.reduce((sum, r) => sum + r.added, 0) };
    },
    'shops/list': () => shopAction((service) => service.list()),
    'shops/add': ({ origin }) => shopAction((service) => service.add(origin)),
    'shops/remove': ({ origin }) => shopAction((service) => service.remove(origin)),
    'backup/status': async ({ integrity }) => {
      const { downloadsGranted, timeZone } = requireBackups();
      return backupStatus(book, { downloadsGranted, now: now(), integrity, ...(timeZone ? { timeZone } : {}) });
    },
    'backup/run': () => requireBackups().run(),
    'table/query': async ({ filters, sort, search: text, offset, limit }) => requireTable().query({ filters, sort, search: text }, { offset, limit }),
    'table/ids': async ({ filters, sort, search: text }) => requireTable().ids({ filters, sort, search: text }),
    'table/facets': async ({ search: text, archived }) => requireTable().facets(text, archived),
    'customers/prediction': ({ customerId }) => requireTable().read((table) => table.customerPrediction(customerId) ?? null),
    'today/list': () => todayReply(book, requireTable(), now()),
    'today/done': async ({ key }) => {
      await markTodayDone(book, requireTable().timeZone, now(), key);
      return { noted: true as const };
    },
    'today/snooze': async ({ key, days }) => {
      await snoozeTodayItem(book, requireTable().timeZone, now(), key, days);
      return { noted: true as const };
    },
    'cleanup/list': () => cleanupReply(book, requireTable()),
    'cleanup/archive': async ({ customerIds, reason }) => ({ archive: await book.archiveForCleanup(customerIds, reason) }),
    'cleanup/undo': ({ archiveId }) => book.undoCleanupArchive(archiveId),
    'goals/list': () => goalsReply(book, requireTable(), now()),
    'goals/save': async ({ goal }) => {
      await saveGoal(book, goal);
      return goalsReply(book, requireTable(), now());
    },
    'goals/remove': async ({ id }) => {
      await removeGoal(book, id);
      return goalsReply(book, requireTable(), now());
    },
    'segments/count': ({ rule }) => countRule(requireTable(), rule, locale),
    'segments/list': () => listSegments(book, requireTable()),
    'segments/save': ({ id: segmentId, name, rule }) => saveSegment(book, requireTable(), { id: segmentId, name, rule }, locale),
    'segments/remove': async ({ id: segmentId }) => {
      await book.segments.remove(segmentId);
      return { removed: true as const };
    },
    'dashboard/figures': ({ period }) => dashboardReply(requireTable(), period, now()),
    'store/preview-order': ({ reading }) => previewStoreOrder(book, reading, profile),
    'store/save-order': ({ reading }) => saveStoreOrderFromPage(book, reading, profile),
    'follow-ups/set-done': async ({ followUpId, done }) => {
      const followUp = await book.followUps.setDone(followUpId, done);
      return { profile: await profile(followUp.customerId) };
    },
  };
}

async function linkMissing(book: Book, customerId: string, identities: IdentityInput[], locale: Locale) {
  for (const identity of identities) {
    const owners = await book.customers.findByIdentity(identity.kind, identity.value);
    if (owners.some((owner) => owner.id === customerId)) continue;
    if (owners.length) throw new Error(translate(locale, 'identityTaken', { kind: enumLabel(locale, 'identityKind', identity.kind), name: owners[0]?.displayName ?? '' }));
    await book.customers.addIdentity(customerId, identity);
  }
}

/**
 * Validates a message from a content script or page and runs it against the book. Never throws: the reply
 * carries the error in words, with the bad field named when the message itself was malformed.
 */
export async function handleRequest(services: BookServices, message: unknown): Promise<Reply<unknown>> {
  const parsed = requestSchema().safeParse(message);
  if (!parsed.success) {
    const problems = fieldProblems(parsed.error).map((p) => `${p.field}: ${p.message}`);
    return { ok: false, error: `Malformed request: ${problems.join('; ')}` };
  }
  const request = parsed.data;
  const handler = handlersFor(services)[request.type] as (r: ParsedRequest) => Promise<unknown>;
  try {
    return { ok: true, data: await handler(request) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
