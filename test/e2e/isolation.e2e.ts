import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../extension/i18n/translate';
import { SITES } from '../../extension/sites/site-expectations';
import { launchWithExtension, sidebarOf, type ExtensionSession } from './extension-harness';

/**
 * The chat site plays the attacker, from its own main world (`page.evaluate` runs there), on a page served under a
 * strict CSP. Against the earlier build, whose sidebar lived in an open shadow root inside web.whatsapp.com, every
 * one of these attacks succeeded: the page read the customers' names and notes out of the shadow root, typed into
 * the sidebar's search with synthetic events and submitted its note form, captured the seller's keystrokes with
 * window capture listeners, and a posted fake bridge message made the background link a stranger's @lid to the
 * victim's customer. The sidebar now lives in an extension-origin frame: the page gets none of it.
 */

const FIXTURE = resolve(import.meta.dirname, '../../extension/sites/whatsapp/fixtures/chat-open.html');
const NONCE = 'c2VsbGVyLXRlc3Q';
// No inline script without the nonce, nothing loaded from elsewhere, no frames of the page's own.
const STRICT_CSP = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'unsafe-inline'; img-src 'self'; connect-src 'self'; frame-src 'none'; base-uri 'none'; form-action 'none'`;

// Seeded in the book, never shown by the page itself: the page's own chat list says "Ana Souza" for this number.
const VICTIM = { name: 'Mariana Secreta', phone: '5511987654321' };
const OTHER = { name: 'Zuleica Reservada', email: 'zuleica@example.com' };
const SECRET_NOTE = 'Senha do cofre 4321, não contar a ninguém';
const SPOOFED_LID = '111122223333444';

interface BookDump {
  customers: { displayName: string; identities: string[]; tagIds: string[] }[];
  notes: string[];
  tags: string[];
  orders: string[];
}

/** Everything in the book, read from an extension page (the book's own origin). */
async function dumpBook(session: ExtensionSession): Promise<BookDump> {
  const page = await session.openExtensionPage('book.html');
  const dump = await page.evaluate(
    () =>
      new Promise<BookDump>((done, fail) => {
        const open = indexedDB.open('clientela-book');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['customers', 'notes', 'tags', 'orders']);
          const all = (store: string) => new Promise<unknown[]>((ok) => {
            const request = tx.objectStore(store).getAll();
            request.onsuccess = () => ok(request.result);
          });
          void Promise.all([all('customers'), all('notes'), all('tags'), all('orders')]).then(([customers, notes, tags, orders]) =>
            done({
              customers: (customers as { displayName: string; identities: { kind: string; value: string }[]; tagIds: string[] }[])
                .map((c) => ({ displayName: c.displayName, identities: c.identities.map((i) => `${i.kind}:${i.value}`).sort(), tagIds: [...c.tagIds].sort() }))
                .sort((a, b) => a.displayName.localeCompare(b.displayName)),
              notes: (notes as { text: string }[]).map((n) => n.text).sort(),
              tags: (tags as { name: string }[]).map((t) => t.name).sort(),
              orders: (orders as { id: string; status: string }[]).map((o) => `${o.id} ${o.status}`).sort(),
            }),
          );
        };
      }),
  );
  await page.close();
  return dump;
}

/** The attacker's read: every DOM the page can reach, open shadow roots and same-origin frames included. */
function readEverythingReachable(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    let closedFrames = 0;
    const visit = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        found.push(element.textContent ?? '');
        for (const attribute of element.getAttributeNames()) found.push(element.getAttribute(attribute) ?? '');
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) found.push(element.value);
        if (element.shadowRoot) visit(element.shadowRoot);
        if (element instanceof HTMLIFrameElement) {
          try {
            const inner = element.contentDocument;
            if (inner) visit(inner);
            else closedFrames += 1;
          } catch {
            closedFrames += 1;
          }
        }
      }
    };
    visit(document);
    const frames = [...document.querySelectorAll('iframe')];
    const crossOrigin = frames.map((frame) => {
      try {
        return frame.contentWindow?.document === undefined ? 'no document' : 'readable';
      } catch {
        return 'blocked';
      }
    });
    return { text: found.join('\n'), closedFrames, frames: frames.length, crossOrigin };
  });
}

describe('the chat site cannot read or write the book through the sidebar', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
    const html = (await readFile(FIXTURE, 'utf8')).replaceAll('<script>', `<script nonce="${NONCE}">`);
    await session.context.route('https://web.whatsapp.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP }, body: html }),
    );
    // The seller's book: the victim (with a secret note and a tag), and another customer.
    const book = await session.openExtensionPage('book.html#/clientes');
    for (const [name, kind, contact] of [
      [VICTIM.name, 'whatsapp', VICTIM.phone],
      [OTHER.name, 'email', OTHER.email],
    ]) {
      await book.getByLabel('Nome').fill(name as string);
      await book.getByLabel('Tipo de contato').selectOption(kind as string);
      await book.getByLabel('Contato', { exact: true }).fill(contact as string);
      await book.getByRole('button', { name: 'Salvar' }).click();
      await book.getByRole('status').filter({ hasText: `${name} foi adicionado.` }).waitFor();
    }
    await book.close();
  });
  afterAll(async () => session?.close());

  it('finds no customer data, writes nothing with synthetic events or a spoofed bridge, and captures no keystroke', async () => {
    const page = await session.context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => message.text().includes('Content Security Policy') && violations.push(message.text()));
    await page.goto('https://web.whatsapp.com/');
    const sidebar = sidebarOf(page);
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(VICTIM.name);
    // The seller's own writes, in the frame: a secret note and a tag.
    await sidebar.getByRole('textbox', { name: 'Adicionar anotação' }).fill(SECRET_NOTE);
    await sidebar.getByRole('button', { name: 'Adicionar anotação' }).click();
    await expect.poll(() => sidebar.locator('.notes').textContent()).toContain(SECRET_NOTE);
    await sidebar.getByLabel('Nova etiqueta').fill('Inadimplente');
    await sidebar.getByRole('button', { name: 'Adicionar etiqueta' }).click();
    await expect.poll(() => sidebar.locator('button.chip[data-tag="Inadimplente"]').getAttribute('aria-pressed')).toBe('true');
    const before = await dumpBook(session);
    expect(before.notes).toEqual([SECRET_NOTE]);

    // 1. Read: nothing of the book is in any DOM the page reaches; the sidebar frame is cross-origin and closed.
    const seen = await readEverythingReachable(page);
    for (const secret of [VICTIM.name, OTHER.name, OTHER.email, SECRET_NOTE, 'Inadimplente', 'Secreta', 'cofre']) expect(seen.text).not.toContain(secret);
    expect(seen.frames).toBe(1);
    expect(seen.crossOrigin).toEqual(['blocked']);
    expect(seen.closedFrames).toBe(1);

    // 2. Write: synthetic input and clicks on whatever the page can reach, messages posted into the frame, our
    //    tag keys pressed on the page, and a spoofed bridge message that pairs a stranger's @lid with the victim.
    await page.evaluate((lid) => {
      const targets: Element[] = [];
      const collect = (root: Document | ShadowRoot) => {
        for (const element of root.querySelectorAll('*')) {
          targets.push(element);
          if (element.shadowRoot) collect(element.shadowRoot);
        }
      };
      collect(document);
      // Everything but the page's own chat list (clicking it would just open other chats).
      for (const element of targets.filter((target) => !target.closest('#side'))) {
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
          element.value = 'ana';
          element.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'ana' }));
        }
        if (element instanceof HTMLFormElement) element.requestSubmit();
        if (element !== document.documentElement && element !== document.body && !(element instanceof HTMLScriptElement)) {
          element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        }
      }
      const frame = document.querySelector('iframe');
      for (const message of [
        { type: 'conversation', state: { status: 'chat', identities: [{ kind: 'whatsapp-lid', value: lid }], displayName: 'x', key: 'x' } },
        { type: 'customers/link-identities', customerId: 'x', identities: [{ kind: 'whatsapp-lid', value: lid }] },
        { type: 'notes/add', customerId: 'x', text: 'injected' },
        { type: 'insert-reply', text: 'leak' },
      ]) {
        frame?.contentWindow?.postMessage(message, '*');
      }
      for (const key of ['1', '2', 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      window.postMessage({ source: 'clientela:wa-bridge', chat: { jid: `${lid}@lid`, name: 'Mariana Secreta', phoneJid: '5511987654321@c.us', username: null } }, window.location.origin);
    }, SPOOFED_LID);

    // The spoofed pairing is only a hint: the sidebar asks the seller, and the page still sees nothing of it.
    await expect.poll(() => sidebar.getByTestId('link-suggestion').textContent()).toContain(SPOOFED_LID);
    const after = await dumpBook(session);
    expect(after).toEqual(before);
    expect(after.customers.flatMap((c) => c.identities)).not.toContain(`whatsapp-lid:${SPOOFED_LID}`);
    expect((await readEverythingReachable(page)).text).not.toContain(VICTIM.name);

    // A bridge message that names another chat than the page shows is flagged to the seller, not believed quietly.
    await page.evaluate(() => {
      window.postMessage({ source: 'clientela:wa-bridge', chat: { jid: '5521912345678@c.us', name: 'Outra Pessoa', phoneJid: null, username: null } }, window.location.origin);
    });
    await expect.poll(() => sidebar.getByTestId('source-mismatch').textContent()).toContain('Ana Souza');
    expect(await dumpBook(session)).toEqual(before);
    // WhatsApp's own model speaks again when the seller reopens the chat.
    await page.evaluate((jid) => (window as unknown as { openChat: (jid: string) => void }).openChat(jid), `${VICTIM.phone}@c.us`);
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(VICTIM.name);

    // 3. Keys: what the seller types in the sidebar never reaches the page's window capture listeners.
    await page.evaluate(() => {
      const captured: string[] = [];
      (window as unknown as { captured: string[] }).captured = captured;
      for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
        window.addEventListener(type, (event) => captured.push(`${type}:${(event as KeyboardEvent).key ?? (event as InputEvent).data}`), true);
        document.addEventListener(type, (event) => captured.push(`doc ${type}:${(event as KeyboardEvent).key ?? (event as InputEvent).data}`), true);
      }
    });
    const noteField = sidebar.getByRole('textbox', { name: 'Adicionar anotação' });
    await noteField.click();
    await noteField.pressSequentially('pix 123');
    await expect.poll(() => noteField.inputValue()).toBe('pix 123');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (window as unknown as { captured: string[] }).captured)).toEqual([]);
    // The same listeners do hear what is typed into the page's own composer: they were listening.
    await page.locator('#main footer [contenteditable="true"]').click();
    await page.keyboard.type('oi');
    await expect.poll(() => page.evaluate(() => (window as unknown as { captured: string[] }).captured.join(' '))).toContain('keydown:o');
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('a store admin page cannot read the book or save an order through the sidebar', () => {
  const STORE = SITES.find(({ expectations }) => expectations.site === 'shopify')?.expectations.store;
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchWithExtension();
    if (!STORE) throw new Error('the Shopify expectations name no store pages');
    const html = (await readFile(resolve(import.meta.dirname, '../..', STORE.order.fixture), 'utf8')).replaceAll('<script>', `<script nonce="${NONCE}">`);
    for (const route of STORE.routes)
      await session.context.route(route, (fulfil) => fulfil.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP }, body: html }));
    const book = await session.openExtensionPage('book.html#/clientes');
    await book.getByLabel('Nome').fill(OTHER.name);
    await book.getByLabel('Tipo de contato').selectOption('email');
    await book.getByLabel('Contato', { exact: true }).fill(OTHER.email);
    await book.getByRole('button', { name: 'Salvar' }).click();
    await book.getByRole('status').filter({ hasText: `${OTHER.name} foi adicionado.` }).waitFor();
    await book.close();
  });
  afterAll(async () => session?.close());

  it('finds nothing of the book, and no synthetic click, posted message or key saves the order; the seller’s click does', async () => {
    if (!STORE) return;
    const page = await session.context.newPage();
    await page.goto(STORE.order.url);
    const sidebar = sidebarOf(page);
    const save = sidebar.getByTestId('save-order');
    await expect.poll(() => save.textContent()).toBe(translate('pt-BR', 'storeOrder.saveNew', { name: STORE.order.buyerName }));
    const before = await dumpBook(session);

    const seen = await readEverythingReachable(page);
    for (const secret of [OTHER.name, OTHER.email, 'Salvar pedido']) expect(seen.text).not.toContain(secret);
    expect(seen.crossOrigin).toEqual(['blocked']);

    // Everything the page can reach is clicked, forms submitted, a forged order and a save request posted to the
    // frame, and Enter pressed: the order is not saved and no customer appears.
    await page.evaluate((name) => {
      for (const element of document.querySelectorAll('*')) {
        if (element instanceof HTMLFormElement) element.requestSubmit();
        if (element !== document.documentElement && element !== document.body && !(element instanceof HTMLScriptElement) && !(element instanceof HTMLAnchorElement)) {
          element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        }
      }
      const forged = { store: 'shopify', shop: 'x', reference: '#666', placedAt: '2026-11-29T12:00:00Z', total: 'R$ 1,00', currency: null, status: 'Pago', buyer: { name, email: 'forjado@example.com', phone: null, cpf: null }, items: [] };
      const frame = document.querySelector('iframe');
      for (const message of [{ type: 'conversation', state: { status: 'order', order: forged, key: 'x' } }, { type: 'store/save-order', reading: forged }]) frame?.contentWindow?.postMessage(message, '*');
      for (const key of ['Enter', ' ']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }, OTHER.name);
    await page.waitForTimeout(500);
    expect(await dumpBook(session)).toEqual(before);

    // The seller's own click, inside the frame, saves it (the page again: the clicks above moved the admin's own
    // views, which the sidebar follows); the page still sees nothing of the book.
    await page.goto(STORE.order.url);
    await expect.poll(() => save.textContent()).toBe(translate('pt-BR', 'storeOrder.saveNew', { name: STORE.order.buyerName }));
    await save.click();
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe(STORE.order.buyerName);
    const after = await dumpBook(session);
    expect(after.orders).toHaveLength(1);
    expect(after.customers.map((customer) => customer.displayName)).toEqual([STORE.order.buyerName, OTHER.name].sort((a, b) => a.localeCompare(b)));
    for (const secret of [OTHER.name, OTHER.email]) expect((await readEverythingReachable(page)).text).not.toContain(secret);
    await page.close();
  });
});
