import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { loadFixture } from '../fixture-dom';
import { shopifyAdapter } from '.';

const ORDER = 'https://admin.shopify.com/store/loja-da-ana/orders/5551234567890';
let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

function open(url: string): Document {
  window = loadFixture('shopify', 'admin.html', url);
  return window.document as unknown as Document;
}

describe('Shopify order pages', () => {
  it("wait while the orders list's title is still there after the address changed to an order", () => {
    const document = open('https://admin.shopify.com/store/loja-da-ana/orders');
    expect(shopifyAdapter.detect(document, new URL(ORDER)).status).toBe('undetected');
  });

  it('find the customer card by its link where the admin speaks a language we do not know', () => {
    const document = open(ORDER);
    for (const heading of document.querySelectorAll('h2')) if (heading.textContent === 'Cliente') heading.textContent = 'Kunde';
    const state = shopifyAdapter.detect(document, new URL(ORDER));
    expect(state.status === 'order' && state.order.buyer).toEqual({ name: 'Ana Souza', email: 'ana.souza@example.com', phone: '+55 11 98765-4321', cpf: null });
  });

  it('say the page is undetected when no customer card can be found', () => {
    const document = open(ORDER);
    for (const heading of document.querySelectorAll('h2')) if (heading.textContent === 'Cliente') heading.textContent = 'Kunde';
    for (const link of document.querySelectorAll('a[href*="/customers/"]')) link.remove();
    expect(shopifyAdapter.detect(document, new URL(ORDER)).status).toBe('undetected');
  });

  it('follow the page: a new status is read, under the same key (the same order, which the watcher re-reads whole)', () => {
    const document = open(ORDER);
    const before = shopifyAdapter.detect(document, new URL(ORDER));
    const badge = document.querySelector('.Polaris-Page-Header .Polaris-Badge .Polaris-Text--bodySm') as Element;
    badge.textContent = 'Reembolsado';
    const after = shopifyAdapter.detect(document, new URL(ORDER));
    expect(after.status === 'order' && after.order.status).toBe('Reembolsado · Não processado');
    expect(after.key).toBe(before.key);
    expect(after.key).toBe('shopify:loja-da-ana:5551234567890');
  });
});
