// The Firefox build in Firefox ESR: the sidebar beside WhatsApp Web (routed to its committed fixture), in
// Portuguese, creating the customer from the chat and toggling a tag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../extension/i18n/translate';
import { findSidebar, launchFirefox, type FirefoxSession } from './firefox-harness';

const t = (key: Parameters<typeof translate>[1]) => translate('pt-BR', key);
const WHATSAPP_FIXTURE = 'extension/sites/whatsapp/fixtures/chat-open.html';
const CHAT_NAME = 'Ana Souza'; // who chat-open.html shows (see extension/sites/adapters.test.ts)
const chip = (name: string) => `button.chip[data-tag="${name}"]`;
/** Each read is a BiDi round trip and the suite shares two cores: vitest's 1 s default for expect.poll is tight. */
const SOON = { timeout: 10_000 };

describe('Firefox ESR with the built add-on', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox();
    await firefox.routeToFixture((url) => url.origin === 'https://web.whatsapp.com' && url.pathname === '/', WHATSAPP_FIXTURE);
  });
  afterAll(async () => firefox?.close());

  it('shows the sidebar beside WhatsApp Web, creates the customer from the chat and toggles a tag', async () => {
    const page = await firefox.newPage();
    await page.goto('https://web.whatsapp.com/');
    const sidebar = await findSidebar(page); // the moz-extension:// frame the content script placed
    await expect.poll(() => sidebar.text('[data-testid="chat-name"]'), { timeout: 20_000 }).toBe(CHAT_NAME);

    await sidebar.locator(`button::-p-text(${t('createFromChat')})`).click();
    await expect.poll(() => sidebar.text('[data-testid="customer-name"]'), SOON).toBe(CHAT_NAME);

    await sidebar.locator(`input[placeholder="${t('newTag')}"]`).fill('VIP');
    await sidebar.locator(`button[type="submit"]::-p-text(${t('addTag')})`).click();
    await expect.poll(() => sidebar.attribute(chip('VIP'), 'aria-pressed'), SOON).toBe('true');
    await sidebar.locator(chip('VIP')).click();
    await expect.poll(() => sidebar.attribute(chip('VIP'), 'aria-pressed'), SOON).toBe('false');
    await page.close();
  });
});
