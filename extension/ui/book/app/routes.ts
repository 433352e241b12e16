import type { ComponentType } from 'preact';
import type { MessageKey } from '../../../i18n/translate';
import { CustomersScreen } from '../customers/customers-screen';
import { DashboardScreen } from '../dashboard/dashboard-screen';
import { SettingsScreen } from '../settings/settings-screen';
import { ImportScreen } from '../import/import-screen';
import { FunnelScreen } from '../funnel/funnel-screen';
import { SegmentsScreen } from '../segments/segments-screen';
import { TodayScreen } from '../today/today-screen';
import { CleanupScreen } from '../cleanup/cleanup-screen';
import { GoalsScreen } from '../goals/goals-screen';
import { CLEANUP_PATH, CUSTOMERS_PATH, DASHBOARD_PATH, FUNNEL_PATH, GOALS_PATH, IMPORT_PATH, SEGMENTS_PATH, SETTINGS_PATH, TODAY_PATH } from './book-links';
import type { Route } from './router';

/** What a screen is given: the route, and the path parts after its own (`#/clientes/<id>` → [id]). */
export interface ScreenProps {
  route: Route;
  rest: string[];
}

/**
 * One feature of the book page: its path under `#/`, the catalog key of its name (the nav link, the page title
 * and the screen's heading) and its screen. A new feature adds itself to FEATURES; the shell needs no change.
 */
export interface Feature {
  id: string;
  path: string;
  labelKey: MessageKey;
  /** A short glyph beside the name in the nav (decorative: screen readers hear the name). */
  icon?: string;
  /** The feature's own page (no sub-path) uses the whole width: a table of many columns. */
  wide?: boolean;
  screen: ComponentType<ScreenProps>;
}

/**
 * The book page's features in nav order. The full list is Hoje, Clientes, Segmentos, Painel, Funil,
 * Metas, Limpeza, Importar and Configurações: each joins here once its screen exists.
 */
export const FEATURES: readonly Feature[] = [
  { id: 'today', path: TODAY_PATH, labelKey: 'nav.today', screen: TodayScreen },
  { id: 'customers', path: CUSTOMERS_PATH, labelKey: 'nav.customers', wide: true, screen: CustomersScreen },
  { id: 'segments', path: SEGMENTS_PATH, labelKey: 'nav.segments', screen: SegmentsScreen },
  { id: 'dashboard', path: DASHBOARD_PATH, labelKey: 'nav.dashboard', screen: DashboardScreen },
  { id: 'funnel', path: FUNNEL_PATH, labelKey: 'nav.funnel', wide: true, screen: FunnelScreen },
  { id: 'goals', path: GOALS_PATH, labelKey: 'nav.goals', screen: GoalsScreen },
  { id: 'cleanup', path: CLEANUP_PATH, labelKey: 'nav.cleanup', screen: CleanupScreen },
  { id: 'import', path: IMPORT_PATH, labelKey: 'nav.import', screen: ImportScreen },
  { id: 'settings', path: SETTINGS_PATH, labelKey: 'settings', screen: SettingsScreen },
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
