import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorePage } from '../../extension/sites/expectations';
import { SITES } from '../../extension/sites/site-expectations';
import { launchWithExtension, siteAccessInBrowser, sidebarOf, type ExtensionSession } from './extension-harness';
import { expectNoSidebar, ShopsSettings, t } from './shops-settings';

/**
 * Each store's order pages, at their real URLs routed to the store's committed fixtures (extension/sites/<store>/
 * expectations.ts says which): the sidebar shows the buyer, "Salvar pedido em …" saves the order once however often
 * it is clicked, a status the store changed is picked up, a buyer with no e-mail is saved by phone, a page that
 * names no buyer saves nothing and says why, and a page the adapter cannot read falls back to basic mode. A shop on
 * the seller's own domain (WooCommerce) works only while the seller grants that domain.
 */

interface BookOrder {
  id: string;
  customerId: string;
  status: string;
  totalMinor: number;
  source: string | null;
}

interface BookCustomer {
  id: string;
  displayName: string;
  identities: string[];
}

/** The book's orders and customers, read from an extension page (the book's own origin). */
async function readBook(session: ExtensionSession): Promise<{ orders: BookOrder[]; customers: BookCustomer[] }> {
  const page = await session.openExtensionPage('book.html');
  try {
    // The book page opens (and on a new profile creates) the book: read it once the page shows it, never before
    // (an open of ours first would create an empty database for the page to upgrade).
    await page.getByRole('navigation').waitFor();
    return await page.evaluate(
      () =>
        new Promise<{ orders: BookOrder[]; customers: BookCustomer[] }>((done, fail) => {
          const open = indexedDB.open('clientela-book');
          open.onerror = () => fail(open.error);
          open.onupgradeneeded = () => {
            open.transaction?.abort();
            fail(new Error('the book does not exist yet'));
          };
          open.onsuccess = () => {
            let tx: IDBTransaction;
            try {
              tx = open.result.transaction(['orders', 'customers']);
            } catch (error) {
              open.result.close();
              fail(error);
              return;
            }
            const orders = tx.objectStore('orders').getAll();
            const customers = tx.objectStore('customers').getAll();
            tx.oncomplete = () => {
              open.result.close();
              done({
                orders: (orders.result as { id: string; customerId: string; status: string; totalMinor: number; source?: string }[]).map((order) => ({
                  id: order.id,
                  customerId: order.customerId,
                  status: order.status,
                  totalMinor: order.totalMinor,
                  source: order.source ?? null,
                })),
                customers: (customers.result as { id: string; displayName: string; identities: { kind: string; value: string }[] }[]).map((customer) => ({
                  id: customer.id,
                  displayName: customer.displayName,
                  identities: customer.identities.map((identity) => `${identity.kind}:${identity.value}`).sort(),
                })),
              });
            };
          };
        }),
    );
  } finally {
    await page.close();
  }
}

/** A new tab on one of the store's pages, its URLs answered with that page's fixture. */
async function openStorePage(session: ExtensionSession, routes: readonly string[], page: StorePage): Promise<Page> {
  const body = await readFile(resolve(import.meta.dirname, '../..', page.fixture), 'utf8');
  const tab = await session.context.newPage();
  for (const pattern of routes) await tab.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  await tab.goto(page.url);
  return tab;
}

/** The sidebar's live region once it says `text` (polled: the save answers asynchronously). */
async function sidebarSays(page: Page, text: string): Promise<void> {
  await expect.poll(() => sidebarOf(page).getByTestId('sidebar-message').textContent()).toBe(text);
}

const STATUS_WORDS = { paid: 'Pago', refunded: 'Reembolsado', cancelled: 'Cancelado' } as const;

describe('store admin order pages', () => {
  // A browser and a book per store: the stores' fixtures share their buyers (Ana Souza buys everywhere), and a
  // buyer the book already knows would be found, not created.
  let session: ExtensionSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  const launchStore = async () => (session = await launchWithExtension());

  for (const { expectations } of SITES) {
    const store = expectations.store;
    if (!store) continue;
    const { site } = expectations;

    it(`${site}: shows the buyer, saves the order once, follows a status change, saves by phone without an e-mail, refuses a page with no buyer`, { timeout: 240_000 }, async () => {
      const session = await launchStore();
      let settings: ShopsSettings | null = null;
      const origin = store.customDomain?.origin;
      if (origin) {
        // Not granted yet: the shop's pages get no sidebar at all.
        const before = await openStorePage(session, store.routes, store.order);
        await expectNoSidebar(before);
        await before.close();
        settings = await ShopsSettings.open(session);
        await siteAccessInBrowser(session, 'allow', `${origin}/*`);
        await settings.typeAndSubmit(origin);
        await expect.poll(() => settings?.status(origin)).toBe(t('shops.status.active'));
      }
      const start = await readBook(session);

      // The order page: the buyer is shown, and is new to the book.
      const order = await openStorePage(session, store.routes, store.order);
      const sidebar = sidebarOf(order);
      await expect.poll(() => sidebar.getByTestId('order-buyer').textContent()).toBe(store.order.buyerName);
      const save = sidebar.getByTestId('save-order');
      await expect.poll(() => save.textContent()).toBe(t('storeOrder.saveNew', { name: store.order.buyerName }));
      await save.click();
      await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(store.order.buyerName);
      await expect.poll(() => sidebar.getByTestId('order-count').textContent()).toBe(t('orderCount', { count: 1 }));
      // Found now: the button names the customer the order goes to.
      await expect.poll(() => save.textContent()).toBe(t('storeOrder.save', { name: store.order.buyerName }));
      const saved = await readBook(session);
      const added = saved.orders.filter((candidate) => !start.orders.some((known) => known.id === candidate.id));
      expect(added).toHaveLength(1);
      const [first] = added as [BookOrder];
      expect(first.source).toBe('store-page');
      const buyer = saved.customers.find((customer) => customer.id === first.customerId);
      expect(buyer?.displayName).toBe(store.order.buyerName);
      if ('email' in store.order) expect(buyer?.identities).toContain(`email:${store.order.email}`);

      // Saved again: nothing changes.
      await save.click();
      const reference = (await sidebar.getByTestId('store-order').getAttribute('data-reference')) ?? '';
      await sidebarSays(order, t('storeOrder.unchanged', { name: store.order.buyerName, reference }));
      expect((await readBook(session)).orders).toEqual(saved.orders);
      await order.close();

      // The store changed the order's status: the same order is updated, and a refund or cancellation stops counting.
      const changed = await openStorePage(session, store.routes, store.changedStatus);
      const changedSidebar = sidebarOf(changed);
      await expect.poll(() => changedSidebar.getByTestId('order-status').textContent()).toBe(STATUS_WORDS[store.changedStatus.status]);
      await expect.poll(() => changedSidebar.getByTestId('customer-name').textContent()).toBe(store.order.buyerName);
      await changedSidebar.getByTestId('save-order').click();
      await sidebarSays(changed, t('storeOrder.updated', { name: store.order.buyerName, reference }));
      const updated = await readBook(session);
      expect(updated.orders.filter((candidate) => !start.orders.some((known) => known.id === candidate.id))).toEqual([{ ...first, status: store.changedStatus.status }]);
      if (store.changedStatus.status !== 'paid') await expect.poll(() => changedSidebar.getByTestId('order-count').textContent()).toBe(t('orderCount', { count: 0 }));
      await changed.close();

      // No e-mail on the page: the buyer is saved by phone, and the sidebar says the e-mail was not there.
      const phoneOnly = await openStorePage(session, store.routes, store.noEmail);
      const phoneSidebar = sidebarOf(phoneOnly);
      await expect.poll(() => phoneSidebar.getByTestId('order-buyer').textContent()).toBe(store.noEmail.buyerName);
      await expect.poll(() => phoneSidebar.locator('[data-testid="order-missing"] [data-field="email"]').textContent()).toBe(
        t('storeOrder.missing.absent', { field: t('storeOrder.field.email') }),
      );
      await phoneSidebar.getByTestId('save-order').click();
      await expect.poll(() => phoneSidebar.getByTestId('customer-name').textContent()).toBe(store.noEmail.buyerName);
      const byPhone = await readBook(session);
      const phoneBuyer = byPhone.customers.find((customer) => customer.displayName === store.noEmail.buyerName);
      expect(phoneBuyer?.identities.some((identity) => identity.startsWith('phone:') || identity.startsWith('whatsapp:'))).toBe(true);
      expect(phoneBuyer?.identities.some((identity) => identity.startsWith('email:'))).toBe(false);
      expect(byPhone.orders.filter((candidate) => candidate.customerId === phoneBuyer?.id)).toHaveLength(1);
      await phoneOnly.close();

      // No buyer identity at all: nothing can be saved, and the sidebar says why.
      const nameless = await openStorePage(session, store.routes, store.noIdentity);
      const namelessSidebar = sidebarOf(nameless);
      await expect.poll(() => namelessSidebar.getByTestId('order-refusal').textContent()).toBe(t('storeOrder.refusal.no-identity'));
      expect(await namelessSidebar.getByTestId('save-order').count()).toBe(0);
      expect(await readBook(session)).toEqual(byPhone);
      await nameless.close();

      // A page the adapter cannot read: basic mode, as on a chat site.
      const broken = await openStorePage(session, store.routes, store.broken);
      await sidebarOf(broken).getByTestId('basic-mode').waitFor();
      await broken.close();

      if (origin && settings) {
        // Removed: the shop's pages get no sidebar any more.
        await settings.page.getByRole('button', { name: t('shops.removeNamed', { origin }) }).click();
        await settings.says('status', t('shops.removed', { origin }));
        const after = await openStorePage(session, store.routes, store.order);
        await expectNoSidebar(after);
        await Promise.all([after.close(), settings.page.close()]);
      }
    });
  }
});
