import { browser } from 'wxt/browser';
import { OFFSCREEN_PORT, relayBackups } from '../../backup/offscreen-relay';

// Opened by the service worker for one backup (see backup/offscreen-relay.ts) and closed by it afterwards.
relayBackups(browser.runtime.connect({ name: OFFSCREEN_PORT }));
