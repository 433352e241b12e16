import { describe, expect, it } from 'vitest';
import { relayFramePorts } from './frame-relay';

const ID = 'clientela@clientela.app';
const PAIRING = '0e8a3fa1-0994-4da6-9297-8ef2593fe011';

/** A fake runtime port: what one end posts, the relay's far end receives. */
function fakePort(name: string, sender: { id?: string; url?: string; frameId?: number; tab?: { id: number } }) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port = {
    name,
    sender,
    received: [] as unknown[],
    disconnected: false,
    postMessage: (message: unknown) => void port.received.push(message),
    disconnect: () => {
      if (port.disconnected) return;
      port.disconnected = true;
      for (const listener of disconnectListeners) listener();
    },
    onMessage: {
      addListener: (listener: (message: unknown) => void) => void messageListeners.push(listener),
      removeListener: (listener: (message: unknown) => void) => void messageListeners.splice(messageListeners.indexOf(listener), 1),
    },
    onDisconnect: { addListener: (listener: () => void) => void disconnectListeners.push(listener) },
    /** The other side of the runtime sends a message to this port's owner. */
    send: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
  };
  return port;
}

function relay() {
  let connect: (port: ReturnType<typeof fakePort>) => void = () => undefined;
  relayFramePorts({ addListener: (listener) => (connect = listener as never) }, ID, (sender) => sender.url?.startsWith('moz-extension:') === true);
  return (port: ReturnType<typeof fakePort>) => connect(port);
}

const host = (tab = 7, pairing = PAIRING) => fakePort(`clientela:sidebar-frame:host:${pairing}`, { id: ID, url: 'https://web.whatsapp.com/', frameId: 0, tab: { id: tab } });
const frame = (tab = 7, pairing = PAIRING) => fakePort(`clientela:sidebar-frame:frame:${pairing}`, { id: ID, url: 'moz-extension://abc/sidebar-frame.html', frameId: 3, tab: { id: tab } });

describe('Firefox: the background pipes a sidebar frame to the content script of its tab', () => {
  it('pairs the two ends of one tab and pairing, both ways, with what came before the other end', () => {
    const connect = relay();
    const page = frame();
    connect(page);
    page.send({ type: 'collapse', collapsed: true });
    const script = host();
    connect(script);
    script.send({ type: 'conversation' });
    page.send({ type: 'insert-reply', text: 'oi' });
    expect(script.received).toEqual([{ type: 'collapse', collapsed: true }, { type: 'insert-reply', text: 'oi' }]);
    expect(page.received).toEqual([{ type: 'conversation' }]);
    page.disconnect();
    expect(script.disconnected).toBe(true);
  });

  it('never pairs across tabs or pairings, and refuses an end that is not what it claims', () => {
    const connect = relay();
    const page = frame(7);
    connect(page);
    const otherTab = host(8);
    connect(otherTab);
    const otherPairing = host(7, '11111111-2222-3333-4444-555555555555');
    connect(otherPairing);
    otherTab.send('a');
    otherPairing.send('b');
    expect(page.received).toEqual([]);
    // A "frame" end from a content script, a "host" end from a subframe or another extension: disconnected.
    const fakeFrame = fakePort(`clientela:sidebar-frame:frame:${PAIRING}`, { id: ID, url: 'https://web.whatsapp.com/', frameId: 0, tab: { id: 7 } });
    const subframeHost = fakePort(`clientela:sidebar-frame:host:${PAIRING}`, { id: ID, url: 'https://web.whatsapp.com/x', frameId: 2, tab: { id: 7 } });
    const stranger = fakePort(`clientela:sidebar-frame:host:${PAIRING}`, { id: 'other@addon', url: 'https://web.whatsapp.com/', frameId: 0, tab: { id: 7 } });
    for (const port of [fakeFrame, subframeHost, stranger]) {
      connect(port);
      expect(port.disconnected).toBe(true);
    }
    expect(page.received).toEqual([]);
  });
});
