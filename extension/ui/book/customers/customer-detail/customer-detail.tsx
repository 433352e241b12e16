import type { Feedback, Order } from '../../../../../core';
import { buildProfile } from '../../../../background/profiles';
import type { CustomerProfile } from '../../../../messaging/protocol';
import { formatDate, formatDateTime } from '../../../../i18n/format';
import { ClaimCard } from '../../../sidebar/claim-card';
import { FollowUpsPanel } from '../../../sidebar/follow-ups-panel';
import { InsightFacts } from '../../../sidebar/insight-facts';
import { NotesPanel } from '../../../sidebar/notes-panel';
import { PurchasesPanel } from '../../../sidebar/purchases-panel';
import { TagChips } from '../../../sidebar/tag-chips';
import { useBook } from '../../app/book-context';
import { CUSTOMERS_PATH } from '../../app/book-links';
import { hrefOf } from '../../app/router';
import { useBookQuery } from '../../data/use-book-query';
import { ArchiveButton } from './archive-button';
import { BookSidebarTools, useBookServices } from './book-sidebar-tools';
import { DuplicatesPanel, DUPLICATES_PATH } from './duplicates-panel';
import { FeedbackPanel } from './feedback-panel';
import { IdentitiesPanel } from './identities-panel';
import { OrdersPanel } from './orders-panel';
import { PredictionPanel } from './prediction-panel';
import { PrivacyPanel } from './privacy-panel';
import { ProfileForm } from './profile-form';
import './customer-detail.css';

interface Detail {
  profile: CustomerProfile;
  orders: Order[];
  feedback: Feedback[];
  erasedAt: string | null;
}

/** Every store the detail shows something of (meta: the insight cut points, merges to undo, erasures). */
const DETAIL_STORES = ['customers', 'orders', 'notes', 'feedback', 'followUps', 'tags', 'meta'] as const;

/**
 * One customer at `#/clientes/<id>`: what the sidebar shows (tags, purchases, insight, notes, follow-ups, the
 * claims to settle), the whole order history, every field editable, contacts and their chats, possible
 * duplicates and merges, and the customer's LGPD rights. Re-read when a write names them or the whole book.
 */
export function CustomerDetail({ customerId, now = () => new Date() }: { customerId: string; now?: () => Date }) {
  const { t, locale, timeZone } = useBook();
  const services = useBookServices();
  const found = useBookQuery(
    async (book): Promise<Detail | null> => {
      if (!(await book.customers.get(customerId))) return null;
      const [profile, orders, feedback, erasures] = await Promise.all([
        buildProfile(book, services.insights, customerId, locale),
        book.orders.listByCustomer(customerId),
        book.feedback.listByCustomer(customerId),
        book.erasures(),
      ]);
      return { profile, orders, feedback, erasedAt: erasures.filter((record) => record.customerId === customerId).at(-1)?.erasedAt ?? null };
    },
    { stores: [...DETAIL_STORES], customerId, deps: [services] },
  );
  const detail = found.data;
  const customer = detail?.profile.customer;
  return (
    <div class="customer-detail" aria-busy={detail === undefined} data-testid="customer-detail">
      <p class="detail-links">
        <a href={hrefOf([CUSTOMERS_PATH])}>{t('allCustomers')}</a>
        <a href={hrefOf([CUSTOMERS_PATH, DUPLICATES_PATH])}>{t('allDuplicates')}</a>
      </p>
      {found.error !== undefined && <p role="alert">{found.error instanceof Error ? found.error.message : String(found.error)}</p>}
      {detail === null && <p>{t('customerNotFound')}</p>}
      {detail && customer && (
        <BookSidebarTools>
          <h2 data-testid="detail-name">{customer.displayName}</h2>
          {detail.erasedAt && (
            <p class="notice" data-testid="erased-at">
              {t('erasedAt', { when: formatDateTime(detail.erasedAt, locale, timeZone) })}
            </p>
          )}
          <p class="meta detail-since">
            {t('customerSince')} {formatDate(customer.createdAt, locale, timeZone)}
            {customer.archivedAt && ` · ${t('archivedSince', { when: formatDate(customer.archivedAt, locale, timeZone) })}`} <ArchiveButton customer={customer} />
          </p>
          {detail.profile.insight && <InsightFacts insight={detail.profile.insight} t={t} />}
          <ClaimCard profile={detail.profile} />
          <div class="detail-columns">
            <div>
              <ProfileForm key={`${customer.id}:${customer.merges.length}:${detail.erasedAt ?? ''}`} customer={customer} now={now} />
              <IdentitiesPanel customer={customer} />
              <TagChips profile={detail.profile} />
            </div>
            <div>
              {/* The sidebar's summary and quick sale; the history below lists every order, not the last five. */}
              <PurchasesPanel profile={{ ...detail.profile, recentOrders: [] }} />
              <PredictionPanel customerId={customer.id} />
              <OrdersPanel orders={detail.orders} />
            </div>
          </div>
          <FeedbackPanel feedback={detail.feedback} />
          <FollowUpsPanel profile={detail.profile} />
          <NotesPanel profile={detail.profile} />
          <DuplicatesPanel customer={customer} />
          <PrivacyPanel customer={customer} erasedAt={detail.erasedAt} now={now} />
        </BookSidebarTools>
      )}
    </div>
  );
}
