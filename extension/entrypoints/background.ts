import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { openBook } from '../../core';
import { handleRequest } from '../background/handle-request';
import { CHANGES_PORT } from '../messaging/client';
import type { ChangeMessage } from '../messaging/protocol';

export default defineBackground(() => {
  const book = openBook();
  const sidebars = new Set<Browser.runtime.Port>();

  // The toolbar button opens the customer book (MV3 calls it action, Firefox MV2 browserAction).
  (browser.action ?? browser.browserAction).onClicked.addListener(() => {
    void browser.tabs.create({ url: browser.runtime.getURL('/book.html') });
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages talk to the book; web pages cannot reach it.
    if (sender.id !== browser.runtime.id) return undefined;
    return book.then((opened) => handleRequest(opened, message));
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== CHANGES_PORT || port.sender?.id !== browser.runtime.id) return;
    sidebars.add(port);
    port.onDisconnect.addListener(() => sidebars.delete(port));
  });

  // Writes made here or in an extension page (the book page writes directly) reach every open sidebar.
  void book.then((opened) =>
    opened.onChange((change) => {
      const message: ChangeMessage = { type: 'book/changed', customerIds: change.customerIds, wholeBook: change.wholeBook };
      for (const port of sidebars) port.postMessage(message);
    }),
  );
});
