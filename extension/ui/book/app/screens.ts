import type { ComponentType } from 'preact';
import { CLEANUP_PATH, CUSTOMERS_PATH, DASHBOARD_PATH, FUNNEL_PATH, GOALS_PATH, IMPORT_PATH, SEGMENTS_PATH, SETTINGS_PATH } from './book-links';
import type { ScreenProps } from './routes';

/** A screen fetched when it is first shown: its own chunk, with what only it needs (the grid, CSV, the charts). */
export type ScreenLoader = () => Promise<ComponentType<ScreenProps>>;

/**
 * Every screen but Hoje's, by its path. The page opens on Hoje (routes.ts HOME), so only Hoje's code is fetched and
 * evaluated before its list is drawn: every chunk costs the page a read through the browser and a decode on a
 * machine whose two cores the browser, the worker and the page share. A screen comes in when the seller goes to it,
 * or at once when the page is opened on it (prefetchScreenOf).
 */
export const LAZY_SCREENS: Readonly<Record<string, ScreenLoader>> = {
  [CUSTOMERS_PATH]: () => import('../customers/customers-screen').then((module) => module.CustomersScreen),
  [SEGMENTS_PATH]: () => import('../segments/segments-screen').then((module) => module.SegmentsScreen),
  [DASHBOARD_PATH]: () => import('../dashboard/dashboard-screen').then((module) => module.DashboardScreen),
  [FUNNEL_PATH]: () => import('../funnel/funnel-screen').then((module) => module.FunnelScreen),
  [GOALS_PATH]: () => import('../goals/goals-screen').then((module) => module.GoalsScreen),
  [CLEANUP_PATH]: () => import('../cleanup/cleanup-screen').then((module) => module.CleanupScreen),
  [IMPORT_PATH]: () => import('../import/import-screen').then((module) => module.ImportScreen),
  [SETTINGS_PATH]: () => import('../settings/settings-screen').then((module) => module.SettingsScreen),
};

/** The screen the page's address opens on, if it is fetched on demand: the first part of `#/<path>/…?…`. */
export function lazyScreenOf(hash: string): ScreenLoader | undefined {
  const path = /^#\/?([^/?]*)/.exec(hash)?.[1] ?? '';
  return Object.hasOwn(LAZY_SCREENS, path) ? LAZY_SCREENS[path] : undefined;
}

/**
 * Starts fetching the screen the page opens on (as the page starts, beside the app), so a page opened on Clientes
 * or Painel does not wait for the app before it asks for the screen. Fetched once: the shell's import of the same
 * module gets the same promise from the browser's module map.
 */
export function prefetchScreenOf(hash: string): void {
  void lazyScreenOf(hash)?.().catch(() => undefined);
}
