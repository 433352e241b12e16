import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../collector';
import { buildWidget } from '../../widget/build';
import { serveDemo, type DemoServer } from '../../widget/demo/serve';
import { launchWithExtension, routeSiteToFixture, showBookScreen, sidebarOf, type ExtensionSession } from './extension-harness';

/** Drawn once with generateSecret(): the collector refuses weak tokens. */
const TOKEN = 'vYxNbSKzmGuEbI5Q7RV51zKbPj-pYoYe';
const LAUNCHER = 'clientela-widget button.l';
const STATUS = 'clientela-widget [role=status]';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

describe('storefront feedback → collector → extension → sidebar', () => {
  let session: ExtensionSession;
  let collector: RunningCollector;
  let store: DemoServer;
  let dataDir: string;

  beforeAll(async () => {
    await buildWidget();
    dataDir = await mkdtemp(join(tmpdir(), 'clientela-store-e2e-'));
    const port = await freePort();
    store = await serveDemo({ port: 0, collectorOrigin: `http://127.0.0.1:${port}` });
    collector = await startCollector({ dataDir, port, log: () => undefined, sites: [{ key: 'demo', origins: [new URL(store.url).origin], token: TOKEN }] });
    session = await launchWithExtension();
  });
  afterAll(async () => {
    await session?.close();
    await collector?.close();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const storedIds = async () => {
    const response = await fetch(`${collector.url}/v1/feedback?site=demo&limit=500`, { headers: { authorization: `Bearer ${TOKEN}` } });
    return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
  };

  it('a visitor rates the store on a hostile strict-CSP page; an outage still ends in exactly one row; the seller sees it beside the chat', async () => {
    const book = await session.openExtensionPage('book.html#/clientes');
    await book.getByLabel('Nome').fill('Ana Cliente');
    await book.getByLabel('Tipo de contato').selectOption('email');
    await book.getByLabel('Contato', { exact: true }).fill('ana.cliente@example.com');
    await book.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => book.getByRole('status').first().textContent()).toBe('Ana Cliente foi adicionado.');

    // The visitor, on the hostile page (reset CSS, patched prototypes, strict CSP), identified by the store.
    const visitor = await session.context.newPage();
    const cspViolations: string[] = [];
    await visitor.exposeFunction('reportViolation', (text: string) => cspViolations.push(text));
    await visitor.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportViolation: (t: string) => void }).reportViolation(e.violatedDirective)));
    await visitor.goto(`${store.url}hostile.html`);
    await visitor.locator(LAUNCHER).click();
    await visitor.getByRole('dialog').waitFor();
    await visitor.locator('clientela-widget .stars label').nth(3).click();
    await visitor.locator('clientela-widget .check input').check();
    await visitor.locator('clientela-widget #clt-comment').fill('Chegou rápido, mas a caixa veio <amassada>');
    // A person takes more than 1.5 s to rate; faster submissions are screened out as bots by the collector.
    await visitor.waitForTimeout(1600);
    await visitor.locator('clientela-widget button.send').click();
    await visitor.locator(STATUS).filter({ hasText: 'Obrigado!' }).waitFor();
    expect(cspViolations).toEqual([]);

    // Another visitor while the collector cannot be reached, then can: one row for that submission, not two.
    const offline = await session.context.newPage();
    await offline.route(`${collector.url}/**`, (route) => route.abort('internetdisconnected'));
    await offline.goto(store.url);
    await offline.locator(LAUNCHER).click();
    await offline.locator('clientela-widget .stars label').nth(4).click();
    await offline.waitForTimeout(1600);
    await offline.locator('clientela-widget button.send').click();
    await offline.locator(STATUS).filter({ hasText: 'Sem conexão agora' }).waitFor();
    const before = await storedIds();
    await offline.unroute(`${collector.url}/**`);
    await offline.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(storedIds, { timeout: 15_000 }).toHaveLength(before.length + 1);
    await new Promise((done) => setTimeout(done, 2500));
    const after = await storedIds();
    expect(after).toHaveLength(2);
    expect(new Set(after).size).toBe(2);

    // The seller adds the collector and pulls, in Configurações.
    await showBookScreen(book, 'settings');
    await book.getByLabel('Endereço do coletor').fill(collector.url);
    await book.getByLabel('Chave do site').fill('demo');
    await book.getByLabel('Token de leitura').fill(TOKEN);
    await book.getByRole('button', { name: 'Testar e adicionar' }).click();
    await expect.poll(() => book.getByRole('status').first().textContent()).toBe('Coletor adicionado.');
    await book.getByRole('button', { name: 'Sincronizar agora' }).click();
    await expect.poll(() => book.getByRole('status').first().textContent()).toBe('Sincronização concluída: 2 avaliações novas.');
    await expect.poll(() => book.getByTestId('csat').textContent()).toMatch(/^100%\s*2 respostas/);
    await book.getByRole('button', { name: 'Sincronizar agora' }).click();
    await expect.poll(() => book.getByRole('status').first().textContent()).toBe('Sincronização concluída: 0 avaliações novas.');

    // The store did not sign Ana's email ('demo-token' is no signature): the book lists it as a claim to confirm.
    const claim = book.getByTestId('pending-claim');
    await claim.waitFor();
    await expect.poll(() => claim.textContent()).toContain('É Ana Cliente?');
    await expect.poll(() => claim.textContent()).toContain('contato não verificado');

    // In WhatsApp, the seller links Ana's chat to the customer the store knew by email.
    await routeSiteToFixture(session.context, 'https://web.whatsapp.com/**', 'extension/sites/whatsapp/fixtures/chat-open.html');
    const chat = await session.context.newPage();
    await chat.goto('https://web.whatsapp.com/');
    const sidebar = sidebarOf(chat);
    await expect.poll(() => sidebar.getByTestId('chat-name').textContent()).toBe('Ana Souza');
    await sidebar.getByLabel('Buscar por nome, telefone ou @').fill('ana cliente');
    await sidebar.getByRole('listitem').filter({ hasText: 'Ana Cliente' }).getByRole('button', { name: 'Vincular' }).click();
    await expect.poll(() => sidebar.getByTestId('customer-name').textContent()).toBe('Ana Cliente');
    // The rating is not Ana's until the seller says so: it waits beside her profile, marked unverified.
    const pending = sidebar.getByTestId('feedback-claim');
    await pending.waitFor();
    await expect.poll(() => pending.textContent()).toContain('4 de 5 estrelas');
    await expect.poll(() => pending.textContent()).toContain('ana.cliente@example.com');
    await expect.poll(() => sidebar.getByTestId('latest-feedback').count()).toBe(0);
    await pending.getByRole('button', { name: 'Sim, vincular a Ana Cliente' }).click();
    const feedback = sidebar.getByTestId('latest-feedback');
    await feedback.waitFor();
    await expect.poll(() => feedback.textContent()).toContain('4 de 5 estrelas');
    await expect.poll(() => feedback.textContent()).toContain('contato não verificado');
    // The visitor ticked consent: kept as their claim, to confirm with the customer, never as Ana's consent.
    await expect.poll(() => feedback.getByTestId('consent-claim').textContent()).toBe('Pediu para ser contatado (confirmar com o cliente)');
    await expect.poll(() => sidebar.getByTestId('feedback-claim').count()).toBe(0);
    // Visitor text is shown as text: the angle brackets are characters, not markup (read once the text is in).
    await expect.poll(() => feedback.locator('blockquote').textContent()).toBe('Chegou rápido, mas a caixa veio <amassada>');
    // The book's list of claims to confirm empties once the seller answered.
    await claim.waitFor({ state: 'detached' });
    await expect.poll(() => feedback.locator('amassada').count()).toBe(0);
  });
});
