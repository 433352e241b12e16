import { browser } from 'wxt/browser';
import { askBackground, CHANGES_PORT, isChangeMessage } from '../messaging/client';
import type { ChangeMessage } from '../messaging/protocol';

/**
 * Calls `onChange` whenever the book changes anywhere (a write in the book page, another tab's sidebar, a sync).
 * Reconnects when the background is restarted (MV3 stops idle service workers). Stops when `signal` aborts.
 */
export function watchBook(onChange: (change: ChangeMessage) => void, signal: AbortSignal): void {
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (signal.aborted) return;
    const port = browser.runtime.connect({ name: CHANGES_PORT });
    port.onMessage.addListener((message: unknown) => {
      if (isChangeMessage(message)) onChange(message);
    });
    port.onDisconnect.addListener(() => {
      if (signal.aborted) return;
      retry = setTimeout(() => {
        connect();
        // Whatever changed while we were away: treat as a whole-book change.
        onChange({ type: 'book/changed', customerIds: [], wholeBook: true });
      }, 1000);
    });
    signal.addEventListener('abort', () => {
      clearTimeout(retry);
      port.disconnect();
    });
  };
  connect();
}

/** How many customers the book has, asked of the background. */
export async function fetchCustomerCount(): Promise<number> {
  return (await askBackground({ type: 'book/summary' })).customerCount;
}
