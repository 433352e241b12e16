import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import type { ConversationState, SiteAdapter } from './types';
import { MISMATCH_GRACE_MS, watchConversation } from './watch-conversation';

const chat = (key: string, name: string, value = key): ConversationState => ({ status: 'chat', identities: [{ kind: 'whatsapp', value }], displayName: name, key });
const group = (key: string, name: string): ConversationState => ({ status: 'group', displayName: name, key });

let window: Window;
let controller: AbortController;
beforeEach(() => {
  window = new Window({ url: 'https://web.telegram.org/k/#@ana_loja' });
  vi.stubGlobal('MutationObserver', window.MutationObserver);
  controller = new AbortController();
});
afterEach(async () => {
  controller.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  await window.happyDOM.close();
});

/** An adapter reading `page()` (or the hash), with a bridge the test speaks through. */
function fakeAdapter(page: () => ConversationState) {
  let speak: (state: ConversationState) => void = () => {};
  const adapter: SiteAdapter = {
    id: 'whatsapp',
    label: 'Fake',
    matches: () => true,
    detect: () => page(),
    observeRoot: () => null,
    composer: () => null,
    layoutRoot: () => null,
    isDark: () => false,
    startBridge: (_window, onState) => {
      speak = onState;
    },
  };
  return { adapter, bridge: (state: ConversationState) => speak(state) };
}

function watch(adapter: SiteAdapter): ConversationState[] {
  const states: ConversationState[] = [];
  watchConversation({ adapter, window: window as unknown as globalThis.Window, onState: (state) => states.push(state), signal: controller.signal });
  return states;
}

describe('URL changes made with history.replaceState / pushState', () => {
  it('are seen through the Navigation API, with no DOM mutation and no hashchange', () => {
    const navigation = new window.EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation });
    const states = watch(fakeAdapter(() => chat(`tg:${window.location.hash}`, window.location.hash)).adapter);
    expect(states.map((state) => state.key)).toEqual(['tg:#@ana_loja']);

    // What Telegram Web K does on a chat switch: no hashchange, no popstate follow.
    window.history.replaceState(null, '', '/k/#777000123');
    expect(states).toHaveLength(1);
    navigation.dispatchEvent(new window.Event('currententrychange'));
    expect(states.map((state) => state.key)).toEqual(['tg:#@ana_loja', 'tg:#777000123']);

    window.history.pushState(null, '', '/k/#-1001234567890');
    navigation.dispatchEvent(new window.Event('currententrychange'));
    expect(states.at(-1)?.key).toBe('tg:#-1001234567890');

    controller.abort();
    window.history.replaceState(null, '', '/k/#@bruno');
    navigation.dispatchEvent(new window.Event('currententrychange'));
    expect(states).toHaveLength(3);
  });

  it('still follows hashchange where the Navigation API is missing', () => {
    const states = watch(fakeAdapter(() => chat(`tg:${window.location.hash}`, window.location.hash)).adapter);
    window.history.replaceState(null, '', '/k/#777000123');
    window.dispatchEvent(new window.Event('hashchange'));
    expect(states.at(-1)?.key).toBe('tg:#777000123');
  });
});

describe('the bridge and the page', () => {
  const recheck = () => window.dispatchEvent(new window.Event('hashchange'));

  it('the bridge wins, and a lasting disagreement is told with what the page shows', () => {
    vi.useFakeTimers();
    let page = chat('wa:bruno@c.us', 'Bruno Lima', '5521998877665');
    const { adapter, bridge } = fakeAdapter(() => page);
    const states = watch(adapter);
    bridge(chat('wa:ana@c.us', 'Ana Souza', '5511987654321'));
    // At once: the bridge's chat, not yet flagged (a switch passes through such states).
    expect(states.at(-1)).toEqual(chat('wa:ana@c.us', 'Ana Souza', '5511987654321'));
    recheck();
    vi.advanceTimersByTime(MISMATCH_GRACE_MS);
    expect(states.at(-1)).toEqual({ ...chat('wa:ana@c.us', 'Ana Souza', '5511987654321'), mismatch: { page: 'Bruno Lima' } });
    const flagged = states.length;
    recheck();
    vi.advanceTimersByTime(MISMATCH_GRACE_MS);
    expect(states, 'no flapping while they keep disagreeing').toHaveLength(flagged);

    page = chat('wa:ana@c.us', 'Ana Souza', '5511987654321');
    recheck();
    expect(states.at(-1)).toEqual(chat('wa:ana@c.us', 'Ana Souza', '5511987654321'));
  });

  it('a short disagreement (the page catching up with a switch) is never shown', () => {
    vi.useFakeTimers();
    let page = chat('wa:bruno@c.us', 'Bruno Lima');
    const { adapter, bridge } = fakeAdapter(() => page);
    const states = watch(adapter);
    bridge(chat('wa:ana@c.us', 'Ana Souza'));
    page = chat('wa:ana@c.us', 'Ana Souza');
    recheck();
    vi.advanceTimersByTime(MISMATCH_GRACE_MS * 2);
    expect(states.some((state) => state.status === 'chat' && state.mismatch)).toBe(false);
  });

  it('a bridge reading of the same chat that adds an identity (the phone behind an @lid) is passed on', () => {
    const lidOnly: ConversationState = { status: 'chat', identities: [{ kind: 'whatsapp-lid', value: '1234567' }], displayName: 'Bruno', key: 'wa:1234567@lid' };
    const { adapter, bridge } = fakeAdapter(() => lidOnly);
    const states = watch(adapter);
    expect(states).toEqual([lidOnly]);
    const withPhone: ConversationState = { ...lidOnly, identities: [{ kind: 'whatsapp', value: '5521998877665' }, ...lidOnly.identities] };
    bridge(withPhone);
    expect(states).toEqual([lidOnly, withPhone]);
  });

  it('readings that share an identity agree; a page that reads nothing is no disagreement', () => {
    vi.useFakeTimers();
    let page: ConversationState = chat('wa:5521998877665@c.us', '+55 21 99887-7665', '5521998877665');
    const { adapter, bridge } = fakeAdapter(() => page);
    const states = watch(adapter);
    bridge({ status: 'chat', identities: [{ kind: 'whatsapp', value: '5521998877665' }, { kind: 'whatsapp-lid', value: '1234567' }], displayName: 'Bruno', key: 'wa:1234567@lid' });
    vi.advanceTimersByTime(MISMATCH_GRACE_MS);
    page = { status: 'undetected', reason: 'test', key: 'wa:unknown' };
    recheck();
    vi.advanceTimersByTime(MISMATCH_GRACE_MS);
    expect(states.filter((state) => state.status === 'chat' && state.mismatch)).toEqual([]);
    expect(states.at(-1)?.key).toBe('wa:1234567@lid');
  });

  it('a bridged group stays a group whatever the page says; a bridged chat beside a page group is flagged', () => {
    vi.useFakeTimers();
    let page: ConversationState = chat('wa:ana@c.us', 'Ana Souza');
    const { adapter, bridge } = fakeAdapter(() => page);
    const states = watch(adapter);
    bridge(group('wa:family@g.us', 'Família'));
    vi.advanceTimersByTime(MISMATCH_GRACE_MS);
    expect(states.at(-1)).toEqual(group('wa:family@g.us', 'Família'));

    page = group('wa:family@g.us', 'Família');
    bridge(chat('wa:ana@c.us', 'Ana Souza'));
    vi.advanceTimersByTime(MISMATCH_GRACE_MS);
    expect(states.at(-1)).toEqual({ ...chat('wa:ana@c.us', 'Ana Souza'), mismatch: { page: 'Família' } });
  });
});

describe('a store order page', () => {
  const order = (status: string): ConversationState => ({
    status: 'order',
    key: 'shopify:loja-da-ana:1001',
    order: {
      store: 'shopify',
      shop: 'loja-da-ana',
      reference: '#1001',
      placedAt: '2026-11-29T17:03:00Z',
      total: 'R$ 120,00',
      currency: null,
      status,
      buyer: { name: 'Ana Souza', email: 'ana@example.com', phone: null, cpf: null },
      items: [],
    },
  });

  it('re-read in place with another status is passed on, though the page (its key) is the same', async () => {
    let status = 'Pago';
    const states = watch(fakeAdapter(() => order(status)).adapter);
    expect(states).toHaveLength(1);
    status = 'Cancelado';
    window.document.body.append(window.document.createElement('p'));
    await new Promise((done) => setTimeout(done, 0));
    expect(states.map((state) => (state.status === 'order' ? state.order.status : null))).toEqual(['Pago', 'Cancelado']);
    // The same reading again (any other mutation) is not passed on twice.
    window.document.body.append(window.document.createElement('p'));
    await new Promise((done) => setTimeout(done, 0));
    expect(states).toHaveLength(2);
  });
});
