import { defineContentScript } from 'wxt/utils/define-content-script';
import { runWhatsappBridge } from '../sites/whatsapp/bridge-main-world';

// Chrome: the WhatsApp bridge as a main-world content script, so no file of ours is web-accessible for it.
export default defineContentScript({
  include: ['chrome'],
  matches: ['https://web.whatsapp.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  globalName: false,
  main: () => runWhatsappBridge(window),
});
