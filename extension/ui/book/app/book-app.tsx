import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Book } from '../../../../core';
import { browserLocale, type Locale } from '../../../i18n/translate';
import { BackupPageProvider } from '../backup/backup-page';
import type { BackupServices } from '../backup/backup-services';
import { BookBackupBanner } from '../backup/book-backup-banner';
import { IntegrityAlert } from '../backup/integrity-alert';
import { useBookQuery } from '../data/use-book-query';
import { BookProvider, useBook, type BackgroundClient } from './book-context';
import { BookNav } from './nav';
import { NoticeArea } from './notice-area';
import { hrefOf, navigate, useRoute } from './router';
import { FEATURES, featureOf, type Feature, type ScreenProps } from './routes';
import type { ScreenLoader } from './screens';

interface BookAppProps {
  book: Book;
  backups: BackupServices;
  /** The background's customer table; the browser's by default. */
  background?: BackgroundClient;
  locale?: Locale;
  timeZone?: string;
  now?: () => Date;
  /** The registry (routes.ts); tests pass their own. */
  features?: readonly Feature[];
}

/** The book page: the book's tools and backups for every screen, then the shell. */
export function BookApp({ book, backups, background, locale = browserLocale(), timeZone, now, features = FEATURES }: BookAppProps) {
  return (
    <BookProvider book={book} background={background} locale={locale} timeZone={timeZone}>
      <WithBackups services={backups} now={now}>
        <Shell features={features} />
      </WithBackups>
    </BookProvider>
  );
}

function WithBackups({ services, now, children }: { services: BackupServices; now?: () => Date; children: ComponentChildren }) {
  const { book, t, locale, timeZone } = useBook();
  return (
    <BackupPageProvider book={book} services={services} t={t} locale={locale} timeZone={timeZone} now={now}>
      {children}
    </BackupPageProvider>
  );
}

/**
 * Nav, the live region, then the screen the route names: its heading, the alerts every screen must show
 * (integrity, the backup reminder), and the screen itself. Unknown routes go to the first feature (Hoje), replacing the history entry so
 * Back does not return to them.
 */
function Shell({ features }: { features: readonly Feature[] }) {
  const { t, locale, background } = useBook();
  const route = useRoute();
  const found = featureOf(route, features);
  const home = features[0] as Feature;
  const { feature, rest } = found ?? { feature: home, rest: [] };
  const screen = useScreen(feature);
  // From the background, which counts its customer table in memory when it holds one (see 'book/summary').
  const count = useBookQuery(async () => (await background.ask({ type: 'book/summary' })).customerCount, { stores: ['customers'] });
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPath = useRef<string | null>(null);
  const path = [feature.path, ...rest].join('/');

  useEffect(() => {
    if (!found) navigate(hrefOf([home.path]), { replace: true });
  }, [found === null, home]);

  useEffect(() => {
    document.title = `${t(feature.labelKey)} · ${t('appName')}`;
  }, [feature, t]);

  useEffect(() => {
    // A new screen: keyboard and screen-reader users start at its heading. Not on the first load (the page's own
    // focus rules apply), nor when only the query (search, filters) changed.
    if (shownPath.current !== null && shownPath.current !== path) heading.current?.focus();
    shownPath.current = path;
  }, [path]);

  return (
    <div class="book-app" lang={locale}>
      <header class="book-header">
        <p class="app-name">{t('appName')}</p>
        <BookNav features={features} current={feature} />
      </header>
      <NoticeArea />
      <main class={feature.wide && rest.length === 0 ? 'wide' : undefined}>
        <h1 ref={heading} tabIndex={-1}>
          {t(feature.labelKey)}
        </h1>
        <IntegrityAlert />
        <BookBackupBanner customerCount={count.data ?? null} />
        {screen.ready ? (
          <screen.ready key={feature.id} route={route} rest={rest} />
        ) : screen.failed ? (
          <p role="alert">{t('screenUnavailable')}</p>
        ) : (
          <p class="screen-loading" role="status" aria-busy="true">
            {t('loading')}
          </p>
        )}
      </main>
    </div>
  );
}

/** Screens fetched so far (screens.ts): shown at once when the seller comes back to them. */
const fetched = new WeakMap<ScreenLoader, ComponentType<ScreenProps>>();

/**
 * The feature's screen: its own, or the one its loader fetched. A screen that cannot be fetched (the extension was
 * updated under an open page, and its old chunks are gone) says so instead of loading forever.
 */
function useScreen(feature: Feature): { ready?: ComponentType<ScreenProps>; failed?: true } {
  const { load } = feature;
  const [, setFetched] = useState(0);
  const [failed, setFailed] = useState<ScreenLoader | null>(null);
  const ready = feature.screen ?? (load && fetched.get(load));
  useEffect(() => {
    if (ready || !load) return;
    let shown = true;
    load().then(
      (screen) => {
        fetched.set(load, screen);
        if (shown) setFetched((count) => count + 1);
      },
      () => {
        if (shown) setFailed(() => load);
      },
    );
    return () => {
      shown = false;
    };
  }, [load, ready]);
  if (ready) return { ready };
  return failed === load ? { failed: true } : {};
}
