import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterFor, SITE_MATCHES } from '../../sites/registry';
import { browserLocale } from '../../ui/i18n';
import { reserveSpace, SIDEBAR_WIDTH } from '../../ui/sidebar/host-layout';
import { SidebarApp } from '../../ui/sidebar/sidebar-app';
import './style.css';

const COLLAPSED_KEY = 'sidebar.collapsed';

export default defineContentScript({
  matches: SITE_MATCHES,
  cssInjectionMode: 'ui',
  async main(ctx) {
    const lifetime = new AbortController();
    ctx.onInvalidated(() => lifetime.abort());
    const adapter = adapterFor(new URL(window.location.href));
    const locale = browserLocale();
    let collapsed = Boolean((await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY]);
    let release = () => {};

    const ui = await createShadowRootUi(ctx, {
      name: 'clientela-sidebar',
      position: 'inline',
      anchor: 'body',
      // Keys typed in the sidebar must not reach the host's shortcuts (WhatsApp acts on bare keys).
      isolateEvents: true,
      onMount: (container) => {
        const draw = () => {
          release();
          release = collapsed ? () => {} : reserveSpace(adapter?.layoutRoot(document) ?? document.body, SIDEBAR_WIDTH);
          render(
            <SidebarApp
              adapter={adapter}
              window={window}
              locale={locale}
              signal={lifetime.signal}
              collapsed={collapsed}
              onCollapsedChange={(next) => {
                collapsed = next;
                void browser.storage.local.set({ [COLLAPSED_KEY]: next });
                draw();
              }}
            />,
            container,
          );
        };
        draw();
        return container;
      },
      onRemove: (container) => {
        release();
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
