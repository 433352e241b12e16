import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Window } from 'happy-dom';
import { loadFixture } from '../fixture-dom';
import { readBridgeMessage } from './bridge-client';
import { ASK_SOURCE, runWhatsappBridge } from './bridge-main-world';
import { chatFromJid } from './index';

let window: Window;
afterEach(async () => {
  vi.useRealTimers();
  await window?.happyDOM.close();
});

type Page = Window & { openChat(jid: string | null): void; require?: unknown };

/** The fixture with the bridge running in it; `posted` collects what it posts to the content script. */
function bridgeIn(url = 'https://web.whatsapp.com/', prepare?: (page: Page) => void) {
  window = loadFixture('whatsapp', 'chat-open.html', url);
  const page = window as unknown as Page;
  const posted: unknown[] = [];
  (page as unknown as { postMessage: (data: unknown) => void }).postMessage = (data) => posted.push(data);
  prepare?.(page);
  const stop = runWhatsappBridge(page as unknown as globalThis.Window);
  return { page, posted, stop };
}
const settle = () => vi.waitFor(() => undefined);
const identitiesOf = (data: unknown) => {
  const chat = readBridgeMessage(data);
  const state = chat?.jid ? chatFromJid(chat.jid, chat.name, chat.phoneJid, chat.username) : null;
  return state?.status === 'chat' ? state.identities : state;
};

describe('WhatsApp main-world bridge (against the fixture’s model of WhatsApp’s modules)', () => {
  it('reports the open chat at once and on every switch', async () => {
    const { page, posted } = bridgeIn();
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(identitiesOf(posted[0])).toEqual([{ kind: 'whatsapp', value: '5511987654321' }]);
    page.openChat('123456789012345@lid');
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    // The contact model carries the phone behind this @lid.
    expect(identitiesOf(posted[1])).toEqual([
      { kind: 'whatsapp', value: '5521998877665' },
      { kind: 'whatsapp-lid', value: '123456789012345' },
    ]);
  });

  it('reports again when the content script, which starts after it on Chrome, asks', async () => {
    const { page, posted } = bridgeIn();
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    page.dispatchEvent(new page.MessageEvent('message', { data: { source: ASK_SOURCE }, source: page as never }));
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toEqual(posted[0]);
    // Other messages are not questions.
    page.dispatchEvent(new page.MessageEvent('message', { data: { source: 'someone-else' }, source: page as never }));
    await settle();
    expect(posted).toHaveLength(2);
  });

  it('asks WAWebApiContact for the phone of a @lid chat whose contact lacks it, and reports its username', async () => {
    const { posted } = bridgeIn('https://web.whatsapp.com/?chat=987654321098765@lid');
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ chat: { jid: '987654321098765@lid', phoneJid: '5541997766554@c.us', username: 'carla.doces' } });
    expect(identitiesOf(posted[0])).toEqual([
      { kind: 'whatsapp', value: '5541997766554' },
      { kind: 'whatsapp-lid', value: '987654321098765' },
      { kind: 'whatsapp-username', value: 'carla.doces' },
    ]);
  });

  it('keeps trying while WhatsApp registers its modules, however long it takes, until stopped', async () => {
    vi.useFakeTimers();
    let modules: unknown;
    const { page, posted, stop } = bridgeIn('https://web.whatsapp.com/', (page) => {
      modules = page.require;
      delete page.require;
    });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(posted).toEqual([]);
    page.require = modules;
    // The back-off reaches once a minute and stays there.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(identitiesOf(posted[0])).toEqual([{ kind: 'whatsapp', value: '5511987654321' }]);
    stop();
    page.openChat('120363025555555555@g.us');
    await settle();
    expect(posted).toHaveLength(1);
  });

  it('once stopped before WhatsApp is ready, it never attaches', async () => {
    vi.useFakeTimers();
    let modules: unknown;
    const { page, posted, stop } = bridgeIn('https://web.whatsapp.com/', (page) => {
      modules = page.require;
      delete page.require;
    });
    stop();
    page.require = modules;
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(posted).toEqual([]);
  });
});

describe('readBridgeMessage', () => {
  const message = (chat: unknown) => ({ source: 'clientela:wa-bridge', chat });
  it('keeps a valid username (lower-cased, without @) and drops anything else', () => {
    expect(readBridgeMessage(message({ jid: '1@lid', username: '@Carla.Doces' }))?.username).toBe('carla.doces');
    for (const username of ['carla doces', '<b>x</b>', 'ab', 42, '12345', 'a'.repeat(36)]) {
      expect(readBridgeMessage(message({ jid: '1@lid', username }))?.username, String(username)).toBeNull();
    }
  });
  it('accepts only a phone JID as the phone', () => {
    expect(readBridgeMessage(message({ jid: '1@lid', phoneJid: '5511987654321@c.us' }))?.phoneJid).toBe('5511987654321@c.us');
    expect(readBridgeMessage(message({ jid: '1@lid', phoneJid: '2@lid' }))?.phoneJid).toBeNull();
  });
});
