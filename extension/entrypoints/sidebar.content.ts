import { defineContentScript } from 'wxt/utils/define-content-script';
import { runSidebarHost } from '../host/sidebar-host';
import { adapterFor, SITE_MATCHES } from '../sites/registry';

// On the chat sites only: read the open conversation and place the sidebar frame beside it (host/sidebar-host.ts).
export default defineContentScript({
  matches: SITE_MATCHES,
  // WXT's postMessage announcing the script would hand the page our extension id; its custom event suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    void runSidebarHost(adapterFor(new URL(window.location.href)), lifetime.signal);
  },
});
