// Every language's messages, before any module that translates is evaluated.
import '../i18n/catalogs';
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openBook } from '../../core';
import { BookTableService } from '../background/book-table-service';
import { CollectorService } from '../background/collectors';
import { CustomerSearch } from '../background/customer-search';
import { dueReminders } from '../background/follow-up-reminders';
import { handleRequest, type BookServices } from '../background/handle-request';
import { InsightService } from '../background/insights';
import { relayFramePorts } from '../background/frame-relay';
import { isExtensionPage } from '../background/sender';
import { bookSettings } from '../background/book-settings';
import { noticeTodayIfDue, TODAY_NOTICE_ALARM } from '../background/today-notice';
import { BACKUP_ALARM, BackgroundBackups } from '../backup/background-backups';
import { OFFSCREEN_PAGE, OFFSCREEN_PORT } from '../backup/offscreen-relay';
import { downloadsGranted } from '../backup/save-backup';
import { CHANGES_PORT } from '../messaging/client';
import { toWire, type ChangeMessage, type TableUpdatedMessage } from '../messaging/protocol';
import { TABLE_PORT } from '../messaging/table-port';
import { CHANNEL_HELLO, isChannelHello, serveChannel } from '../messaging/worker-channel';
import { browserTimeZone } from '../../core/locale';
import { readTimeZone } from '../i18n/time-zone';
import { browserLocale, translate } from '../i18n/translate';
import { announceCollectorsChanged } from '../messaging/collector-events';
import { BACKUP_NOW_HREF } from '../ui/book/app/book-links';
import { backgroundShops, keepShopsRegistered } from '../shops/background-shops';
import type { ShopService } from '../shops/shop-service';

export default defineBackground(() => {
  const openBookPage = () => void browser.tabs.create({ url: browser.runtime.getURL('/book.html') });
  // Book pages showing the customer table: told when it changed, and their pings keep this worker awake.
  const tableWatchers = new Set<Browser.runtime.Port>();
  // The seller's time zone (a book setting): read when the book opens, again when `meta` changes.
  let timeZone = browserTimeZone();
  const services: Promise<BookServices & { insights: InsightService; search: CustomerSearch; table: BookTableService; backupRunner: BackgroundBackups; shops: ShopService }> = openBook().then(async (book) => {
    timeZone = await readTimeZone(book);
    const backupRunner = new BackgroundBackups({ book, timeZone: () => timeZone, openBackupPage: () => void browser.tabs.create({ url: browser.runtime.getURL(`/book.html${BACKUP_NOW_HREF}`) }) });
    const search = new CustomerSearch(book);
    const locale = browserLocale();
    const table = new BookTableService(book, search, {
      mainCurrency: 'BRL',
      timeZone,
      locale,
      onUpdated: ({ version, predictions }) => {
        const message: TableUpdatedMessage = { type: 'table/updated', version, predictions };
        for (const port of tableWatchers) port.postMessage(message);
      },
    });
    // One segmentation engine per book: the sidebar's cut points come from the table's, not a second copy of the book.
    const insights = new InsightService(book, { mainCurrency: 'BRL', timeZone }, undefined, () => table.bookContext());
    void insights.ensureFresh();
    const settings = await bookSettings(book, browser.storage.local);
    return {
      book,
      insights,
      search,
      table,
      locale,
      openBookPage,
      onBookWritten: () => insights.changed([]),
      collectors: new CollectorService(book, settings, undefined, undefined, undefined, undefined, announceCollectorsChanged),
      shops: backgroundShops(settings),
      backupRunner,
      backups: {
        downloadsGranted,
        run: () => backupRunner.run('manual'),
        get timeZone() {
          return timeZone;
        },
      },
    };
  });

  // The sidebar on the seller's own shop domains: registered for each granted shop, dropped when a grant goes.
  keepShopsRegistered(services.then(({ shops }) => shops));

  // Follow-ups that fall due become a browser notification, once each (announced ids survive restarts).
  const REMINDERS_ALARM = 'clientela:follow-ups';
  const ANNOUNCED_KEY = 'followUps.announced';
  const remind = async () => {
    const { book, locale } = await services;
    const stored = (await browser.storage.local.get(ANNOUNCED_KEY))[ANNOUNCED_KEY];
    const announced = new Set<string>(Array.isArray(stored) ? (stored as string[]) : []);
    for (const { followUp, customerName } of await dueReminders(book, new Date(), announced)) {
      await browser.notifications.create(`followup:${followUp.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: customerName,
        message: translate(locale, 'followUpDue', { text: followUp.text }),
      });
      announced.add(followUp.id);
    }
    await browser.storage.local.set({ [ANNOUNCED_KEY]: [...announced].slice(-500) });
  };
  // Storefront feedback is pulled from the seller's collectors every 15 minutes (and on demand from settings).
  const COLLECTORS_ALARM = 'clientela:collectors';
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REMINDERS_ALARM) void remind();
    if (alarm.name === COLLECTORS_ALARM) void services.then(({ collectors }) => collectors?.sync());
  });
  void browser.alarms.create(COLLECTORS_ALARM, { periodInMinutes: 15, delayInMinutes: 1 });
  void browser.alarms.create(REMINDERS_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
  browser.notifications.onClicked.addListener(openBookPage);

  // Hoje's notification: at most once a day of the seller, when the list has urgent items (the seller may turn it
  // off in Configurações). Checked hourly and at every start; clicking it opens the book on Hoje.
  const noticeToday = () =>
    void services
      .then(({ book, table, locale }) =>
        noticeTodayIfDue(book, table, new Date(), async (urgent) => {
          await browser.notifications.create(TODAY_NOTICE_ALARM, {
            type: 'basic',
            iconUrl: browser.runtime.getURL('/icon/128.png'),
            title: translate(locale, 'today.notice.title'),
            message: translate(locale, 'today.notice.body', { count: urgent }),
          });
        }),
      )
      .catch((error: unknown) => console.warn('Clientela: the Hoje notification could not be checked', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TODAY_NOTICE_ALARM) noticeToday();
  });
  void browser.alarms.get(TODAY_NOTICE_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(TODAY_NOTICE_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  });

  // Scheduled backups: checked hourly and whenever the background starts (a browser closed at the hour still gets
  // its copy). The alarm is created only when missing: re-creating it on every wake would push it back forever.
  const backUpIfDue = () =>
    void services
      .then(({ backupRunner }) => backupRunner.runIfDue())
      .catch((error: unknown) => console.warn('Clientela: the scheduled backup failed', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BACKUP_ALARM) backUpIfDue();
  });
  void browser.alarms.get(BACKUP_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(BACKUP_ALARM, { periodInMinutes: 60, delayInMinutes: 60 });
  });
  backUpIfDue();

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only our own extension pages (the sidebar frame, the popup, the book) talk to the book. Content scripts run
    // beside pages we do not trust and get nothing here; web pages cannot reach this listener at all.
    if (!isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
    return services.then((ready) => handleRequest(ready, message)).then(toWire);
  });

  // Chrome: a book page's own channel to this worker (messaging/worker-channel.ts), for the table's reads. Only
  // extension pages of this extension share the worker's origin, so only they can post here.
  if (!import.meta.env.FIREFOX)
    globalThis.addEventListener('message', (event) => {
      const { data, ports, origin } = event as MessageEvent<unknown>;
      const port = ports[0];
      if (origin !== location.origin || ports.length !== 1 || !port || !isChannelHello(data)) return;
      serveChannel(port, (request) => services.then((ready) => handleRequest(ready, request)));
    });

  // Firefox: the sidebar frame and its content script meet here (a frame inside a web page has no tabs API there).
  const isOurPage = (sender: Browser.runtime.MessageSender) => isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));
  if (import.meta.env.FIREFOX) relayFramePorts(browser.runtime.onConnect, browser.runtime.id, isOurPage);

  // Sidebar frames that cannot open the book themselves (storage denied to frames inside other sites) hear of
  // changes here.
  const watchers = new Set<Browser.runtime.Port>();
  browser.runtime.onConnect.addListener((port) => {
    // The offscreen document that writes a backup for this service worker (Chrome; see backup/offscreen-relay.ts).
    if (port.name === OFFSCREEN_PORT && port.sender?.url === browser.runtime.getURL(OFFSCREEN_PAGE)) {
      void services.then(({ backupRunner }) => backupRunner.acceptOffscreenPort(port));
      return;
    }
    // A channel's lifeline: held by the page, so the browser disconnects it (and the page hears) when this stops.
    if (port.name === CHANNEL_HELLO && port.sender && isExtensionPage(port.sender, browser.runtime.id, browser.runtime.getURL('/'))) return;
    if (port.name === TABLE_PORT && port.sender && isExtensionPage(port.sender, browser.runtime.id, browser.runtime.getURL('/'))) {
      tableWatchers.add(port);
      port.onDisconnect.addListener(() => tableWatchers.delete(port));
      // What was announced before this page connected (predictions ready, a write): it hears it now.
      void services.then(async ({ table }) => {
        const state = await table.state();
        if (state && tableWatchers.has(port)) port.postMessage({ type: 'table/updated', ...state } satisfies TableUpdatedMessage);
      });
      return;
    }
    if (port.name !== CHANGES_PORT || !port.sender || !isExtensionPage(port.sender, browser.runtime.id, browser.runtime.getURL('/'))) return;
    watchers.add(port);
    port.onDisconnect.addListener(() => watchers.delete(port));
  });

  // Writes made here or in an extension page keep the search index and the insight cut points current. A page
  // that wrote while this worker slept says so with 'book/written' (handled in handle-request.ts).
  void services.then(({ book, search, insights, table }) =>
    book.onChange((change) => {
      // Settings live in `meta`: the seller's time zone may have changed (setTimeZone ignores the same zone).
      if (change.wholeBook || change.stores.includes('meta'))
        void readTimeZone(book).then((zone) => {
          timeZone = zone;
          insights.setTimeZone(zone);
          table.setTimeZone(zone);
        });
      if (change.stores.every((store) => store === 'meta')) return;
      // Search documents carry their tags' names: a renamed tag (no customer named) rebuilds the index.
      if (change.wholeBook || (change.stores.includes('tags') && change.customerIds.length === 0)) search.reset();
      else void search.update(change.customerIds);
      table.changed(change);
      insights.changed(change.customerIds, change.wholeBook);
      const message: ChangeMessage = { type: 'book/changed', stores: change.stores, customerIds: change.customerIds, wholeBook: change.wholeBook };
      for (const port of watchers) port.postMessage(message);
    }),
  );
});
