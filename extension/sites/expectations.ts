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
  /** What the Chromium end-to-end test does on a chat site (it reads this, not its own copy); stores have `store`. */
  e2e?: ChatE2e;
  /** What the Chromium end-to-end test does on a store's order pages. */
  store?: StoreE2e;
}

/** A fixture served at a real URL, with the name the sidebar shows for its buyer where it has one. */
export interface StorePage {
  /** Repo-relative path of the fixture. */
  fixture: string;
  url: string;
}

/**
 * A store's order pages for the end-to-end test. Every page is the same order unless said otherwise: the sidebar
 * shows its buyer, saving twice keeps one order, and the status page shows it with another status.
 */
export interface StoreE2e {
  /** URL patterns routed to the fixtures. */
  routes: string[];
  /**
   * The order page, its buyer's name and e-mail as the page shows them, and its status and total as saved. A store
   * whose pages show no buyer e-mail (Mercado Livre) names the CPF the page shows instead.
   */
  order: StorePage & { buyerName: string } & ({ email: string } | { cpf: string });
  /** The same order (same reference) after its status changed, e.g. to cancelled or refunded. */
  changedStatus: StorePage & { status: 'paid' | 'refunded' | 'cancelled' };
  /** Another order whose page shows no e-mail but a phone: saved by phone. */
  noEmail: StorePage & { buyerName: string; phone: string };
  /** An order whose page names no buyer identity (no e-mail, phone or CPF): nothing may be saved. */
  noIdentity: StorePage;
  /** An order page where detection fails (basic mode). */
  broken: StorePage;
  /** The shop lives on the seller's own domain: its pages are served only once the seller grants that domain. */
  customDomain?: { origin: string };
}

/** The chat sites' end-to-end steps. */
export interface ChatE2e {
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
}
