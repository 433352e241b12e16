import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, MessageKey } from '../i18n';
import type { CustomerProfile } from '../../messaging/protocol';

export interface SidebarTools {
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Runs a request that answers with a fresh profile and shows it; errors land in the sidebar's alert line. */
  update: (request: () => Promise<{ profile: CustomerProfile | null }>) => Promise<boolean>;
  /** Says something in the sidebar's live region (saved, copied…). */
  announce: (text: string) => void;
}

export const SidebarContext = createContext<SidebarTools | null>(null);

export function useSidebar(): SidebarTools {
  const tools = useContext(SidebarContext);
  if (!tools) throw new Error('Sidebar components must be inside SidebarContext');
  return tools;
}
