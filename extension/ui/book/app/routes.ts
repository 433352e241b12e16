import type { ComponentType } from 'preact';
import type { MessageKey } from '../../../i18n/translate';
import { TodayScreen } from '../today/today-screen';
import { CLEANUP_PATH, CUSTOMERS_PATH, DASHBOARD_PATH, FUNNEL_PATH, GOALS_PATH, IMPORT_PATH, SEGMENTS_PATH, SETTINGS_PATH, TODAY_PATH } from './book-links';
import type { Route } from './router';
import { LAZY_SCREENS, type ScreenLoader } from './screens';

/** What a screen is given: the route, and the path parts after its own (`#/clientes/<id>` → [id]). */
export interface ScreenProps {
  route: Route;
  rest: string[];
}

/**
 * One feature of the book page: its path under `#/`, the catalog key of its name (the nav link, the page title
 * and the screen's heading) and its screen, or how to fetch it (screens.ts). A new feature adds itself to FEATURES;
 * the shell needs no change.
 */
export type Feature = FeatureInfo & ({ screen: ComponentType<ScreenProps>; load?: never } | { load: ScreenLoader; screen?: never });

interface FeatureInfo {
  id: string;
  path: string;
  labelKey: MessageKey;
  /** A short glyph beside the name in the nav (decorative: screen readers hear the name). */
  icon?: string;
  /** The feature's own page (no sub-path) uses the whole width: a table of many columns. */
  wide?: boolean;
}

const lazy = (path: string): ScreenLoader => LAZY_SCREENS[path] as ScreenLoader;

/**
 * The book page's features in nav order. Hoje, where the page opens, is part of the app; every other screen is
 * fetched when first shown.
 */
export const FEATURES: readonly Feature[] = [
  { id: 'today', path: TODAY_PATH, labelKey: 'nav.today', screen: TodayScreen },
  { id: 'customers', path: CUSTOMERS_PATH, labelKey: 'nav.customers', wide: true, load: lazy(CUSTOMERS_PATH) },
  { id: 'segments', path: SEGMENTS_PATH, labelKey: 'nav.segments', load: lazy(SEGMENTS_PATH) },
  { id: 'dashboard', path: DASHBOARD_PATH, labelKey: 'nav.dashboard', load: lazy(DASHBOARD_PATH) },
  { id: 'funnel', path: FUNNEL_PATH, labelKey: 'nav.funnel', wide: true, load: lazy(FUNNEL_PATH) },
  { id: 'goals', path: GOALS_PATH, labelKey: 'nav.goals', load: lazy(GOALS_PATH) },
  { id: 'cleanup', path: CLEANUP_PATH, labelKey: 'nav.cleanup', load: lazy(CLEANUP_PATH) },
  { id: 'import', path: IMPORT_PATH, labelKey: 'nav.import', load: lazy(IMPORT_PATH) },
  { id: 'settings', path: SETTINGS_PATH, labelKey: 'settings', load: lazy(SETTINGS_PATH) },
];

/** Where an empty or unknown route lands: Hoje, who to talk to today. */
export const HOME: Feature = FEATURES[0] as Feature;

/** The feature a route shows and the path parts left for its screen; null for an unknown path. */
export function featureOf(route: Route, features: readonly Feature[] = FEATURES): { feature: Feature; rest: string[] } | null {
  const [first, ...rest] = route.segments;
  if (first === undefined) return { feature: features[0] as Feature, rest: [] };
  const feature = features.find((candidate) => candidate.path === first);
  return feature ? { feature, rest } : null;
}
