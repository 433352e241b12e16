// Every language's messages, before any module that translates is evaluated.
import '../../i18n/catalogs';
import { browser } from 'wxt/browser';
import { OFFSCREEN_PORT, relayBackups } from '../../backup/offscreen-relay';

// Opened by the service worker for one backup (see backup/offscreen-relay.ts) and closed by it afterwards.
relayBackups(browser.runtime.connect({ name: OFFSCREEN_PORT }));
