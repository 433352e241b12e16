import { describe, expect, it } from 'vitest';
import { isExtensionPage } from './sender';

const ID = 'ameddameljonpbjdmljlbijdhegdbmii';
const BASE = `chrome-extension://${ID}/`;

describe('who may ask the background', () => {
  it('answers our own extension pages: the book, the popup, the sidebar frame (also under its dynamic URL)', () => {
    for (const url of [`${BASE}book.html`, `${BASE}popup.html`, `${BASE}sidebar-frame.html`, 'chrome-extension://5cfb595f-d96e-4857-bad6-b26cbaea2f6b/sidebar-frame.html']) {
      expect(isExtensionPage({ id: ID, url }, ID, BASE), url).toBe(true);
    }
    expect(isExtensionPage({ id: 'clientela@clientela.app', url: 'moz-extension://0b1c2d3e/sidebar-frame.html' }, 'clientela@clientela.app', 'moz-extension://0b1c2d3e/')).toBe(true);
  });

  it('refuses content scripts (their URL is the chat page), other extensions, and senders without a URL', () => {
    expect(isExtensionPage({ id: ID, url: 'https://web.whatsapp.com/' }, ID, BASE)).toBe(false);
    expect(isExtensionPage({ id: ID, url: 'https://www.instagram.com/direct/t/1/' }, ID, BASE)).toBe(false);
    expect(isExtensionPage({ id: 'someone-else', url: `${BASE}book.html` }, ID, BASE)).toBe(false);
    expect(isExtensionPage({ id: ID }, ID, BASE)).toBe(false);
    expect(isExtensionPage({ id: ID, url: 'not a url' }, ID, BASE)).toBe(false);
  });
});
