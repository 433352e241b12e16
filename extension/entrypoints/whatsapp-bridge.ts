import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { runWhatsappBridge } from '../sites/whatsapp/bridge-main-world';

export default defineUnlistedScript(() => runWhatsappBridge(window));
