import type { Browser } from 'wxt/browser';
import { FRAME_PORT } from '../messaging/frame-port';

type Port = Browser.runtime.Port;

/** The ends of one sidebar, named `<FRAME_PORT>:host:<pairing>` and `<FRAME_PORT>:frame:<pairing>`. */
const END = new RegExp(`^${FRAME_PORT}:(host|frame):([0-9a-f-]{36})$`);

/**
 * Firefox only: an extension frame inside a web page gets no `tabs` API there, and a content script's
 * `runtime.connect` reaches the (persistent, MV2) background page rather than the frame. So both ends connect here
 * and this pipes one to the other: the content script of a tab's top frame, and our own frame page in the same
 * tab, with the same pairing. Nothing is kept; messages that arrive before the other end are queued (a few).
 */
export function relayFramePorts(onConnect: { addListener(listener: (port: Port) => void): void }, extensionId: string, isExtensionPage: (sender: Browser.runtime.MessageSender) => boolean): void {
  const pending = new Map<string, { port: Port; side: 'host' | 'frame'; queue: unknown[]; hold: (message: unknown) => void }>();
  onConnect.addListener((port) => {
    const match = END.exec(port.name);
    if (!match) return;
    const side = match[1] as 'host' | 'frame';
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    const trusted = sender?.id === extensionId && tabId !== undefined && (side === 'host' ? sender.frameId === 0 && !isExtensionPage(sender) : isExtensionPage(sender));
    if (!trusted) return port.disconnect();
    const key = `${tabId}:${match[2]}`;
    const other = pending.get(key);
    if (!other || other.side === side) {
      const queue: unknown[] = [];
      const hold = (message: unknown) => void (queue.length < 20 && queue.push(message));
      const waiting = { port, side, queue, hold };
      pending.set(key, waiting);
      port.onMessage.addListener(hold);
      port.onDisconnect.addListener(() => pending.get(key) === waiting && pending.delete(key));
      return;
    }
    pending.delete(key);
    other.port.onMessage.removeListener(other.hold);
    for (const message of other.queue) port.postMessage(message);
    other.port.onMessage.addListener((message: unknown) => port.postMessage(message));
    port.onMessage.addListener((message: unknown) => other.port.postMessage(message));
    other.port.onDisconnect.addListener(() => port.disconnect());
    port.onDisconnect.addListener(() => other.port.disconnect());
  });
}
