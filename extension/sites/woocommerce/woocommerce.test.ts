import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { loadFixture } from '../fixture-dom';
import { wooCommerceAdapter, wooCommerceMatches } from '.';

const ORDER = 'https://loja-da-ana.com.br/wp-admin/post.php?post=1234&action=edit';
let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

function open(file: string, url: string): Document {
  window = loadFixture('woocommerce', file, url);
  return window.document as unknown as Document;
}

describe('WooCommerce order screens', () => {
  it('read what the columns show when a plugin removes the edit forms', () => {
    const document = open('order-edit.html', ORDER);
    for (const form of document.querySelectorAll('.edit_address, td .edit')) form.remove();
    const state = wooCommerceAdapter.detect(document, new URL(ORDER));
    expect(state.status === 'order' && state.order).toMatchObject({
      // The address's first line, Brazilian Market's mailto: link, and "× 2" without its sign.
      buyer: { name: 'Ana Souza', email: 'ana.souza@example.com', phone: null, cpf: null },
      items: [
        { name: 'Vestido midi floral - M', quantity: '1', price: 'R$ 189,90' },
        { name: 'Brinco de argola dourado', quantity: '2', price: 'R$ 34,95' },
      ],
    });
  });

  it('read a phone from its tel: link where WooCommerce shows it (no Brazilian Market)', () => {
    const document = open('order-edit.html', ORDER);
    for (const input of document.querySelectorAll('#_billing_phone')) input.remove();
    document.querySelector('.wcbcf-address')?.insertAdjacentHTML('beforebegin', '<p><strong>Telefone:</strong> <a href="tel:11987654321">(11) 98765-4321</a></p>');
    const state = wooCommerceAdapter.detect(document, new URL(ORDER));
    expect(state.status === 'order' && state.order.buyer.phone).toBe('(11) 98765-4321');
  });

  it('keep at most 200 items', () => {
    const document = open('order-edit.html', ORDER);
    const rows = document.querySelector('#order_line_items') as Element;
    const row = rows.querySelector('tr.item') as Element;
    for (let index = 0; index < 250; index++) rows.append(row.cloneNode(true));
    const state = wooCommerceAdapter.detect(document, new URL(ORDER));
    expect(state.status === 'order' && state.order.items.length).toBe(200);
  });

  it('say an order screen without the order data box is undetected, and a product screen no order', () => {
    const document = open('product-edit.html', 'https://loja-da-ana.com.br/wp-admin/post.php?post=301&action=edit');
    expect(wooCommerceAdapter.detect(document, new URL('https://loja-da-ana.com.br/wp-admin/post.php?post=301&action=edit')).status).toBe('no-chat');
    document.body.classList.replace('post-type-product', 'post-type-shop_order');
    expect(wooCommerceAdapter.detect(document, new URL(ORDER)).status).toBe('undetected');
  });

  it('are registered for a granted shop by host name, at its root and under a folder, on any port', () => {
    expect(wooCommerceMatches('http://localhost:8080')).toEqual([
      'http://localhost/wp-admin/post.php*',
      'http://localhost/wp-admin/admin.php*',
      'http://localhost/wp-admin/edit.php*',
      'http://localhost/*/wp-admin/post.php*',
      'http://localhost/*/wp-admin/admin.php*',
      'http://localhost/*/wp-admin/edit.php*',
    ]);
    const patterns = wooCommerceMatches('https://loja-da-ana.com.br').map((pattern) => new MatchPattern(pattern));
    const covered = (url: string) => patterns.some((pattern) => pattern.includes(url));
    expect(covered('https://loja-da-ana.com.br/loja/wp-admin/admin.php?page=wc-orders&action=edit&id=1')).toBe(true);
    expect(covered('https://loja-da-ana.com.br/wp-admin/options-general.php')).toBe(false);
    expect(covered('https://outra-loja.com.br/wp-admin/post.php?post=1&action=edit')).toBe(false);
  });
});
