import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runWhatsappBridge } from '../sites/whatsapp/bridge-main-world';

// Firefox (MV2 has no main-world content scripts): injected by bridge-client.ts, so it must be web-accessible.
export default defineUnlistedScript({ include: ['firefox'], main: () => runWhatsappBridge(window) });
