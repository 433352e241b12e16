// `npm start` (after `npm run build`): the local collector on its embedded SQLite, the demo storefront with the
// widget, and how to load the extension. Ctrl+C stops both servers cleanly.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateSites, startCollector } from '../collector';
import { serveDemo } from '../widget/demo/serve';

const chrome = resolve('.output/chrome-mv3');
const firefox = resolve('.output/firefox-mv2');
for (const file of [join(chrome, 'manifest.json'), join(firefox, 'manifest.json'), resolve('.output/widget/clientela-widget.js')]) {
  if (!existsSync(file)) {
    console.error(`Missing ${file}: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const dataDir = resolve(process.env.CLIENTELA_DATA || './data');
const { sites } = loadOrCreateSites(resolve(process.env.CLIENTELA_SITES || join(dataDir, 'sites.json')));
const demo = sites.find((site) => site.key === 'demo') ?? sites[0];
const collector = await startCollector({ dataDir, sites, port: Number(process.env.PORT || 8787), host: process.env.HOST || '127.0.0.1', log: () => undefined });
const store = await serveDemo({ port: 8788, collectorOrigin: collector.url });

console.log(`
Clientela is built and running.

  Extension
    Chrome, Edge, Brave (MV3): ${chrome}
      chrome://extensions → turn on "Developer mode" → "Load unpacked" → choose the folder above.
    Firefox (MV2): ${firefox}
      about:debugging#/runtime/this-firefox → "Load Temporary Add-on…" → choose manifest.json in that folder.
    Open https://web.whatsapp.com/ (or Instagram Direct, Messenger, Telegram Web): the sidebar appears on the right.
    The toolbar button (Alt+Shift+K) opens it in search mode on any page; "Abrir a agenda" opens your customer book.

  Feedback collector (SQLite in ${dataDir})
    ${collector.url}   health: ${collector.url}/healthz
    In the customer book → "Coletores de avaliações da loja", add:
      address ${collector.url}   site key ${demo?.key}   token ${demo?.token}

  Demo storefront with the feedback widget (strict CSP)
    ${store.url}              the store, launcher in the corner
    ${store.url}obrigado.html  post-purchase ask, inline
    ${store.url}hostile.html   a hostile page (CSS reset, patched prototypes)

Your customer book stays in the browser profile (the extension's IndexedDB). Ctrl+C stops the servers.
`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void Promise.all([collector.close(), store.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
