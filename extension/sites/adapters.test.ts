import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { loadFixture } from './fixture-dom';
import { adapterFor, SITE_ADAPTERS } from './registry';
import type { ConversationState, SiteAdapter } from './types';
import { instagramSelectors } from './instagram/selectors';
import { messengerSelectors } from './messenger/selectors';
import { telegramSelectors } from './telegram/selectors';
import { whatsappSelectors } from './whatsapp/selectors';

const OWN_URLS: Record<string, string[]> = {
  whatsapp: ['https://web.whatsapp.com/', 'https://web.whatsapp.com/send?phone=5511987654321'],
  instagram: ['https://www.instagram.com/direct/inbox/', 'https://www.instagram.com/direct/t/340282366841710300949128171234567890/'],
  messenger: ['https://www.messenger.com/t/100004567890123/', 'https://www.facebook.com/messages/t/100004567890123', 'https://www.facebook.com/messages/e2ee/t/100009876543210', 'https://www.messenger.com/e2ee/t/100009876543210/'],
  telegram: ['https://web.telegram.org/k/#@ana_loja', 'https://web.telegram.org/a/#777000123', 'https://web.telegram.org/k/'],
};
const NOBODY_S = ['https://example.com/', 'http://web.whatsapp.com/', 'https://whatsapp.com/', 'https://web.whatsapp.com.evil.io/', 'https://www.facebook.com/marketplace/', 'https://telegram.org/', 'https://web.telegram.org/z/'];

describe('site URL matchers', () => {
  for (const adapter of SITE_ADAPTERS) {
    it(`${adapter.id} accepts its own URLs and rejects every other site's`, () => {
      for (const url of OWN_URLS[adapter.id] ?? []) expect(adapter.matches(new URL(url)), url).toBe(true);
      for (const [site, urls] of Object.entries(OWN_URLS)) {
        if (site === adapter.id) continue;
        for (const url of urls) expect(adapter.matches(new URL(url)), `${adapter.id} must reject ${url}`).toBe(false);
      }
      for (const url of NOBODY_S) expect(adapter.matches(new URL(url)), url).toBe(false);
    });
  }

  it('finds exactly one adapter for each served URL', () => {
    for (const [site, urls] of Object.entries(OWN_URLS)) for (const url of urls) expect(adapterFor(new URL(url))?.id).toBe(site);
  });
});

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

function detectIn(adapter: SiteAdapter, site: string, file: string, url: string, act?: (window: Window) => void): ConversationState {
  window = loadFixture(site, file, url);
  act?.(window);
  return adapter.detect(window.document as unknown as Document, new URL(window.location.href));
}
const adapter = (id: string) => SITE_ADAPTERS.find((a) => a.id === id) as SiteAdapter;
const identities = (state: ConversationState) => (state.status === 'chat' ? state.identities : []);

describe('WhatsApp Web detection (DOM fallback; the bridge is tested in Chromium)', () => {
  it('reads the phone of the open chat from its messages', () => {
    const state = detectIn(adapter('whatsapp'), 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/');
    expect(state).toMatchObject({ status: 'chat', displayName: 'Ana Souza', identities: [{ kind: 'whatsapp', value: '5511987654321' }] });
  });

  it('keeps a hidden-number chat as its @lid identity', () => {
    const state = detectIn(adapter('whatsapp'), 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/?chat=123456789012345@lid');
    expect(identities(state)).toEqual([{ kind: 'whatsapp-lid', value: '123456789012345' }]);
  });

  it('recognises a group and does not take it for a customer', () => {
    const state = detectIn(adapter('whatsapp'), 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/?chat=120363025555555555@g.us');
    expect(state).toMatchObject({ status: 'group', displayName: 'Família' });
  });

  it('reads an unsaved number from the header when the chat has no messages yet', () => {
    const state = detectIn(adapter('whatsapp'), 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/?chat=5531998765432@c.us');
    expect(identities(state)).toEqual([{ kind: 'whatsapp', value: '5531998765432' }]);
  });

  it('says "no chat" on the chat list and "undetected" when the layout changed', () => {
    expect(detectIn(adapter('whatsapp'), 'whatsapp', 'chat-open.html', 'https://web.whatsapp.com/?chat=none').status).toBe('no-chat');
    expect(detectIn(adapter('whatsapp'), 'whatsapp', 'broken.html', 'https://web.whatsapp.com/').status).toBe('undetected');
  });

  it('finds the composer', () => {
    window = loadFixture('whatsapp', 'chat-open.html', 'https://web.whatsapp.com/');
    expect(adapter('whatsapp').composer(window.document as unknown as Document)?.getAttribute('data-tab')).toBe('10');
  });
});

describe('Instagram Direct detection', () => {
  const base = 'https://www.instagram.com/direct/t/';
  it('reads the username from the header profile link', () => {
    const state = detectIn(adapter('instagram'), 'instagram', 'direct.html', `${base}340282366841710300949128171234567890/`);
    expect(state).toMatchObject({ status: 'chat', displayName: 'Ana Souza', identities: [{ kind: 'instagram', value: 'ana.loja' }] });
  });
  it('recognises a group thread', () => {
    expect(detectIn(adapter('instagram'), 'instagram', 'direct.html', `${base}340282366841710300949128170000000001/`).status).toBe('group');
  });
  it('no chat in the inbox; undetected when the header changed', () => {
    expect(detectIn(adapter('instagram'), 'instagram', 'direct.html', 'https://www.instagram.com/direct/inbox/').status).toBe('no-chat');
    expect(detectIn(adapter('instagram'), 'instagram', 'broken.html', `${base}340282366841710300949128171234567890/`).status).toBe('undetected');
  });
});

describe('Messenger detection', () => {
  it('reads the thread id on messenger.com and facebook.com, e2ee included', () => {
    expect(identities(detectIn(adapter('messenger'), 'messenger', 'thread.html', 'https://www.messenger.com/t/100004567890123/'))).toEqual([{ kind: 'messenger', value: '100004567890123' }]);
    expect(identities(detectIn(adapter('messenger'), 'messenger', 'thread.html', 'https://www.facebook.com/messages/e2ee/t/100009876543210/'))).toEqual([{ kind: 'messenger', value: '100009876543210' }]);
  });
  it('recognises a group; undetected when the header changed', () => {
    expect(detectIn(adapter('messenger'), 'messenger', 'thread.html', 'https://www.messenger.com/t/7654321098765432/').status).toBe('group');
    expect(detectIn(adapter('messenger'), 'messenger', 'broken.html', 'https://www.messenger.com/t/100004567890123/').status).toBe('undetected');
  });
});

describe('Telegram Web detection', () => {
  it('reads #@username and #peerId in Web K and Web A', () => {
    expect(detectIn(adapter('telegram'), 'telegram', 'web-k.html', 'https://web.telegram.org/k/#@ana_loja')).toMatchObject({ status: 'chat', displayName: 'Ana Souza', identities: [{ kind: 'telegram', value: 'ana_loja' }] });
    expect(detectIn(adapter('telegram'), 'telegram', 'web-a.html', 'https://web.telegram.org/a/#777000456')).toMatchObject({ status: 'chat', displayName: 'Carla Dias', identities: [{ kind: 'telegram', value: '777000456' }] });
  });
  it('recognises groups and channels by their negative peer id', () => {
    expect(detectIn(adapter('telegram'), 'telegram', 'web-k.html', 'https://web.telegram.org/k/#-1001234567890').status).toBe('group');
    expect(detectIn(adapter('telegram'), 'telegram', 'web-a.html', 'https://web.telegram.org/a/#-4000000001').status).toBe('group');
  });
  it('undetected when the hash no longer names a peer', () => {
    expect(detectIn(adapter('telegram'), 'telegram', 'broken.html', 'https://web.telegram.org/a/#/chat/ana').status).toBe('undetected');
  });
});

describe('selectors against the committed fixtures (what each alternative list is expected to match)', () => {
  const count = (site: string, file: string, url: string, selectors: readonly string[]) => {
    window = loadFixture(site, file, url);
    const document = window.document as unknown as Document;
    return selectors.map((selector) => document.querySelectorAll(selector).length);
  };
  const cases: [string, string, string, Record<string, readonly string[]>, Record<string, number>][] = [
    ['whatsapp', 'chat-open.html', 'https://web.whatsapp.com/', whatsappSelectors, { app: 1, chatList: 1, conversation: 1, title: 1, messageIds: 1, composer: 1 }],
    ['instagram', 'direct.html', 'https://www.instagram.com/direct/t/340282366841710300949128171234567890/', instagramSelectors, { conversation: 1, header: 1, composer: 1 }],
    ['messenger', 'thread.html', 'https://www.messenger.com/t/100004567890123/', messengerSelectors, { conversation: 1, header: 1, composer: 1 }],
    ['telegram', 'web-k.html', 'https://web.telegram.org/k/#@ana_loja', telegramSelectors, { title: 1, conversation: 1, composer: 1 }],
  ];
  for (const [site, file, url, selectors, expected] of cases) {
    it(`${site}: the first alternative that matches finds what the fixture holds`, () => {
      for (const [name, matches] of Object.entries(expected)) {
        const list = selectors[name] as readonly string[];
        // Alternatives cover other releases and other interface languages; the first that matches is the one used.
        const found = count(site, file, url, list).find((n) => n > 0) ?? 0;
        expect(found, `${site}.${name}: ${list.join(' | ')}`).toBe(matches);
      }
    });
  }
});
