import { afterEach, describe, expect, it } from 'vitest';
import type { Window } from 'happy-dom';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { readStatusWord } from '../../core/io/import/status';
import type { FixtureExpectation, StoreE2e, StorePage } from './expectations';
import { clickText, loadFixture } from './fixture-dom';
import { adapterFor, SITE_ADAPTERS, SITE_MATCHES } from './registry';
import { SITES } from './site-expectations';
import type { ConversationState, SiteAdapter, SiteId } from './types';
import { wooCommerceMatches } from './woocommerce';

let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

function open(site: string, fixture: FixtureExpectation): Document {
  window = loadFixture(site, fixture.file, fixture.url);
  if (fixture.click) clickText(window, fixture.click);
  return window.document as unknown as Document;
}

/** The part of a reading that expectations pin (the key is the adapter's business). */
function reading(state: ConversationState): FixtureExpectation['expect'] {
  switch (state.status) {
    case 'chat':
      return { status: 'chat', identities: state.identities, displayName: state.displayName, context: state.context ?? null };
    case 'group':
      return { status: 'group', displayName: state.displayName };
    case 'order':
      return { status: 'order', order: state.order };
    default:
      return { status: state.status };
  }
}
const expected = (fixture: FixtureExpectation) => (fixture.expect.status === 'chat' ? { ...fixture.expect, context: fixture.expect.context ?? null } : fixture.expect);

/** Match count of the first alternative that matches anything (0 when none does). */
const countOf = (document: Document, alternatives: readonly string[]) =>
  alternatives.map((selector) => document.querySelectorAll(selector).length).find((count) => count > 0) ?? 0;

const served = (url: string) => new URL(url);

/** The patterns a content script registered for a granted shop origin needs, per store that lives on its sellers' domains. */
const CUSTOM_DOMAIN_MATCHES: Partial<Record<SiteId, (origin: string) => string[]>> = { woocommerce: wooCommerceMatches };

const storePages = (store: StoreE2e | undefined): StorePage[] => (store ? [store.order, store.changedStatus, store.noEmail, store.noIdentity, store.broken] : []);
const describeFixture = (fixture: FixtureExpectation) => `${fixture.file} at ${fixture.url}${fixture.click ? ` after clicking "${fixture.click}"` : ''}`;

it('every adapter has expectations, and every expectation an adapter', () => {
  expect(SITES.map((site) => site.expectations.site).sort()).toEqual(SITE_ADAPTERS.map((adapter) => adapter.id).sort());
});

for (const { expectations, selectors } of SITES) {
  const { site } = expectations;
  const adapter = SITE_ADAPTERS.find((candidate) => candidate.id === site) as SiteAdapter;

  describe(`${site}: URLs`, () => {
    it('serves its own URLs, and no other adapter does', () => {
      for (const url of expectations.urls.serves) {
        expect(adapter.matches(served(url)), `${site} must serve ${url}`).toBe(true);
        expect(adapterFor(served(url))?.id, `only ${site} may serve ${url}`).toBe(site);
        for (const other of SITE_ADAPTERS) if (other !== adapter) expect(other.matches(served(url)), `${other.id} must refuse ${url}`).toBe(false);
      }
    });

    it('refuses the URLs it must not serve', () => {
      for (const url of expectations.urls.refuses) expect(adapter.matches(served(url)), `${site} must refuse ${url}`).toBe(false);
    });

    const customDomain = expectations.store?.customDomain;
    if (!customDomain)
      it('its served URLs are in the manifest match patterns (which name no other site)', () => {
        const patterns = SITE_MATCHES.map((pattern) => new MatchPattern(pattern));
        for (const url of expectations.urls.serves) {
          // Instagram serves all of instagram.com but the manifest asks only for what it needs.
          expect(patterns.some((pattern) => pattern.includes(url)), `no SITE_MATCHES pattern covers ${url}`).toBe(true);
        }
        expect(SITE_MATCHES).not.toContain('<all_urls>');
      });
    else
      it('its served URLs are covered by the patterns registered for a granted shop, and by no manifest pattern', () => {
        const matchesFor = CUSTOM_DOMAIN_MATCHES[site];
        expect(matchesFor, `${site} lives on its sellers' own domains: add its match patterns to CUSTOM_DOMAIN_MATCHES`).toBeDefined();
        const manifest = SITE_MATCHES.map((pattern) => new MatchPattern(pattern));
        for (const url of expectations.urls.serves) {
          const patterns = (matchesFor?.(new URL(url).origin) ?? []).map((pattern) => new MatchPattern(pattern));
          expect(patterns.some((pattern) => pattern.includes(url)), `no pattern registered for ${new URL(url).origin} covers ${url}`).toBe(true);
          expect(manifest.some((pattern) => pattern.includes(url)), `${url} is for a granted domain only, yet a SITE_MATCHES pattern covers it`).toBe(false);
        }
        for (const page of storePages(expectations.store)) expect(new URL(page.url).origin, `${site}/expectations.ts: ${page.url} is not on ${customDomain.origin}`).toBe(customDomain.origin);
      });
  });

  describe(`${site}: fixtures`, () => {
    for (const fixture of expectations.fixtures) {
      it(`${describeFixture(fixture)} reads ${fixture.expect.status}`, () => {
        const document = open(site, fixture);
        expect(reading(adapter.detect(document, new URL(window?.location.href ?? fixture.url)))).toEqual(expected(fixture));
      });

      if (fixture.selectorCounts) {
        it(`${describeFixture(fixture)} matches what each selector is expected to`, () => {
          const document = open(site, fixture);
          for (const [name, count] of Object.entries(fixture.selectorCounts ?? {})) {
            const alternatives = selectors[name];
            expect(alternatives, `${site}/expectations.ts names selector "${name}", which ${site}/selectors.ts lacks`).toBeDefined();
            expect(countOf(document, alternatives ?? []), `${site}.selectors.${name}: ${alternatives?.join(' | ')}`).toBe(count);
          }
        });
      }
    }

    it('every selector has an expected count, and one fixture where it matches', () => {
      const counts = expectations.fixtures.map((fixture) => fixture.selectorCounts ?? {});
      for (const name of Object.keys(selectors)) {
        const seen = counts.filter((fixture) => name in fixture).map((fixture) => fixture[name] as number);
        expect(seen.length, `${site}.selectors.${name} has no expected count in ${site}/expectations.ts: add selectorCounts.${name} to a fixture`).toBeGreaterThan(0);
        expect(
          seen.some((count) => count > 0),
          `${site}.selectors.${name} is never expected to match: add a fixture (or a fixture URL) where it does, with selectorCounts.${name}`,
        ).toBe(true);
      }
    });

    const chat = expectations.e2e;
    it('has end-to-end steps for a chat site or for a store, not both', () => {
      expect(Number(chat !== undefined) + Number(expectations.store !== undefined), `${site}/expectations.ts: give e2e (a chat site) or store (a store)`).toBe(1);
    });

    if (chat)
      it('the end-to-end fixtures exist and its first chat is one the unit fixtures read', () => {
      const main = expectations.fixtures.find((fixture) => fixture.url === chat.start && !fixture.click && fixture.expect.status === 'chat');
      expect(main?.expect, `${site}/expectations.ts: add a fixture expectation at e2e.start (${chat.start})`).toMatchObject({ displayName: chat.firstName });
      expect(`extension/sites/${site}/fixtures/${main?.file}`).toBe(chat.fixture);
      const second = expectations.fixtures.find((fixture) => fixture.click === chat.second.click);
      expect(second?.expect, `${site}/expectations.ts: add a fixture that clicks "${chat.second.click}"`).toMatchObject({ status: 'chat', displayName: chat.second.name });
      const broken = expectations.fixtures.find((fixture) => `extension/sites/${site}/fixtures/${fixture.file}` === chat.broken.fixture && fixture.url === chat.broken.url);
      expect(broken?.expect.status, `${site}/expectations.ts: add the e2e broken page as a fixture expectation`).toBe('undetected');
    });

    const store = expectations.store;
    if (store)
      it('the end-to-end order pages exist and read as they say: one order, its status changed, a phone only, no identity, broken', () => {
        const at = (page: StorePage) => {
          const found = expectations.fixtures.find((fixture) => `extension/sites/${site}/fixtures/${fixture.file}` === page.fixture && fixture.url === page.url && !fixture.click);
          expect(found, `${site}/expectations.ts: add a fixture expectation for ${page.fixture} at ${page.url}`).toBeDefined();
          return found?.expect.status === 'order' ? found.expect.order : null;
        };
        const order = at(store.order);
        const identity = 'email' in store.order ? { email: store.order.email } : { cpf: store.order.cpf };
        expect(order?.buyer, 'store.order').toMatchObject({ name: store.order.buyerName, ...identity });
        const changed = at(store.changedStatus);
        expect(changed?.reference, 'store.changedStatus is the same order').toBe(order?.reference);
        expect(readStatusWord(changed?.status ?? ''), `store.changedStatus reads ${changed?.status}`).toBe(store.changedStatus.status);
        expect(readStatusWord(order?.status ?? ''), 'store.order has another status').not.toBe(store.changedStatus.status);
        expect(at(store.noEmail)?.buyer, 'store.noEmail').toMatchObject({ name: store.noEmail.buyerName, email: null, phone: store.noEmail.phone });
        expect(at(store.noIdentity)?.buyer, 'store.noIdentity').toMatchObject({ email: null, phone: null, cpf: null });
        const broken = expectations.fixtures.find((fixture) => `extension/sites/${site}/fixtures/${fixture.file}` === store.broken.fixture && fixture.url === store.broken.url);
        expect(broken?.expect.status, `${site}/expectations.ts: add the e2e broken page as a fixture expectation`).toBe('undetected');
      });

    const group = chat?.group;
    if (chat && group) {
      it(`clicking "${group.click}" opens a group`, () => {
        const fixture = { file: chat.fixture.split('/').pop() as string, url: chat.start, click: group.click, expect: { status: 'undetected' } } as const;
        const document = open(site, fixture);
        expect(adapter.detect(document, new URL(window?.location.href ?? fixture.url)).status).toBe('group');
      });
    }
  });
}
