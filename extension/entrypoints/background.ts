import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openBook } from '../../core';
import { CollectorService } from '../background/collectors';
import { CustomerSearch } from '../background/customer-search';
import { dueReminders } from '../background/follow-up-reminders';
import { handleRequest, type BackgroundServices } from '../background/handle-request';
import { InsightService } from '../background/insights';
import { CHANGES_PORT } from '../messaging/client';
import type { ChangeMessage } from '../messaging/protocol';
import { browserLocale, translate } from '../ui/i18n';

export default defineBackground(() => {
  const openBookPage = () => void browser.tabs.create({ url: browser.runtime.getURL('/book.html') });
  const services: Promise<BackgroundServices> = openBook().then((book) => ({
    book,
    insights: new InsightService(book, { mainCurrency: 'BRL' }),
    search: new CustomerSearch(book),
    locale: browserLocale(),
    openBookPage,
    collectors: new CollectorService(book, {
      get: async (key) => (await browser.storage.local.get(key))[key],
      set: (key, value) => browser.storage.local.set({ [key]: value }),
    }),
  }));
  const sidebars = new Set<Browser.runtime.Port>();

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

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages talk to the book; web pages cannot reach it.
    if (sender.id !== browser.runtime.id) return undefined;
    return services.then((ready) => handleRequest(ready, message));
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CHANGES_PORT || port.sender?.id !== browser.runtime.id) return;
    sidebars.add(port);
    port.onDisconnect.addListener(() => sidebars.delete(port));
  });

  // Writes made here or in an extension page (the book page writes directly) reach every open sidebar, and keep
  // the search index and the insight cut points current.
  void services.then(({ book, search, insights }) =>
    book.onChange((change) => {
      if (change.wholeBook) {
        search.reset();
        insights.reset();
      } else void search.update(change.customerIds);
      const message: ChangeMessage = { type: 'book/changed', customerIds: change.customerIds, wholeBook: change.wholeBook };
      for (const port of sidebars) port.postMessage(message);
    }),
  );
});
