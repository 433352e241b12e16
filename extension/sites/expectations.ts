import type { StoreOrderReading } from '../../core';
import type { ChatIdentity, SiteId } from './types';

/**
 * What each site's committed fixtures must yield: one place per site (`<site>/expectations.ts`), read by the unit
 * tests (adapters.test.ts) and by the Chromium end-to-end test, after Refined GitHub's selectors.test and
 * github-url-detection's `addTests`. A selector in `<site>/selectors.ts` without an expected count here fails.
 */
export interface FixtureExpectation {
  /** File in `<site>/fixtures/`. */
  file: string;
  /** The real URL the fixture is served at. */
  url: string;
  /** What `adapter.detect` must return on it (the `key` is the adapter's business and is not pinned). */
  expect:
    | { status: 'chat'; identities: ChatIdentity[]; displayName: string | null; context?: string | null }
    | { status: 'group'; displayName: string | null }
    | { status: 'no-chat' }
    | { status: 'undetected' }
    | { status: 'order'; order: StoreOrderReading };
  /** Match count of the first alternative that matches (0 when none does), per selector name in selectors.ts. */
  selectorCounts?: Record<string, number>;
  /** A step run in the page before detect: click the element whose text is exactly this (as a person would). */
  click?: string;
}

export interface SiteExpectations {
  site: SiteId;
  /** URLs this site's adapter serves, and URLs it must refuse (no adapter may serve another site's URL). */
  urls: { serves: string[]; refuses: string[] };
  fixtures: FixtureExpectation[];
  /** What the Chromium end-to-end test does on this site (it reads this, not its own copy). */
  e2e: {
    /** URL patterns routed to the fixture, e.g. 'https://web.whatsapp.com/**'. */
    routes: string[];
    /** Repo-relative path of the main fixture. */
    fixture: string;
    /** URL that opens a one-to-one chat with a new contact. */
    start: string;
    /** Name shown for it. */
    firstName: string;
    /** Click this exact text to open a second one-to-one chat, whose name is `name`. */
    second: { click: string; name: string };
    /** Click this exact text to open a group; absent where the site has none (Marketplace threads are 1:1). */
    group?: { click: string };
    /** A page where detection fails (basic mode). */
    broken: { fixture: string; url: string };
  };
}
