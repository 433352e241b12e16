// Entry of clientela-widget-ui.js: fetched by the loader only when the widget is about to show (or to deliver a
// queued submission). It registers its start function for the loader and does nothing else on its own.
import { render } from 'preact';
import { adoptStyles } from '../adopt-styles';
import { UI_ENTRY_KEY, type StartUi } from '../handoff';
import { completeOptions, outboxKey } from '../options';
import { captureLate } from '../safe-globals';
import { createDelivery } from '../send/delivery';
import { App } from './app';
import { UI_CSS } from './styles';

const start: StartUi = (ctx) => {
  const options = completeOptions(ctx.options, ctx.attr);
  if (typeof options === 'string') {
    // Misconfigured tag (e.g. data-endpoint is not a URL): say so once and take the launcher away.
    console.warn('clientela:', options);
    if (ctx.launcher) ctx.launcher.hidden = true;
    return { open() {}, refresh() {} };
  }
  const safe = captureLate(ctx.early, window);
  adoptStyles(ctx.root, UI_CSS, ctx.nonce);
  const delivery = createDelivery({ ...safe, endpoint: options.endpoint, outboxKey: outboxKey(options.site) });
  safe.listen('online', () => void delivery.flush(true));
  const container = document.createElement('div');
  container.className = 'root';
  ctx.root.appendChild(container);
  let openSeq = 0;
  const draw = () => render(<App ctx={ctx} options={options} safe={safe} delivery={delivery} openSeq={openSeq} />, container);
  draw();
  // Submissions an earlier page could not deliver: a new page is a new chance, so no backoff wait (a collector's
  // Retry-After still holds). Reads storage; writes only if something was queued.
  void delivery.flush(true);
  return {
    open() {
      openSeq++;
      draw();
    },
    refresh: draw,
  };
};

(window as unknown as Record<symbol, StartUi>)[Symbol.for(UI_ENTRY_KEY)] = start;
