import { browser } from 'wxt/browser';
import { askBackground, CHANGES_PORT, isChangeMessage, type BookClient } from './client';
import { watchTable } from './table-port';

/**
 * The client of an extension page that cannot open the book itself: the sidebar frame when the browser denies
 * storage to frames inside other sites (third-party cookies blocked). Every request goes to the background, and
 * changes arrive on CHANGES_PORT, reconnected when the service worker was stopped (MV3 stops idle workers).
 */
export const backgroundClient: BookClient = {
  ask: askBackground,
  watch(onChange, signal) {
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      if (signal.aborted) return;
      const port = browser.runtime.connect({ name: CHANGES_PORT });
      port.onMessage.addListener((message: unknown) => {
        if (isChangeMessage(message)) onChange(message);
      });
      port.onDisconnect.addListener(() => {
        if (signal.aborted) return;
        retry = setTimeout(() => {
          connect();
          // Whatever changed while we were away: treat as a whole-book change.
          onChange({ type: 'book/changed', stores: [], customerIds: [], wholeBook: true });
        }, 1000);
      });
      signal.addEventListener('abort', () => {
        clearTimeout(retry);
        port.disconnect();
      }, { once: true });
    };
    connect();
  },
  watchTable: (onUpdated, signal) => watchTable(onUpdated, signal),
};
