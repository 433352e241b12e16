import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SidebarShell } from '../../ui/sidebar/sidebar-shell';
import './style.css';

export default defineContentScript({
  matches: ['https://web.whatsapp.com/*'],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    const ui = await createShadowRootUi(ctx, {
      name: 'clientela-sidebar',
      position: 'inline',
      anchor: 'body',
      // Keys typed in the sidebar must not reach the host's shortcuts (WhatsApp acts on bare keys).
      isolateEvents: true,
      onMount: (container) => {
        render(<SidebarShell signal={lifetime.signal} />, container);
        return container;
      },
      onRemove: (container) => {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
