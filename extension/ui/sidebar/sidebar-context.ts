import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { BookClient } from '../../messaging/client';
import type { CustomerProfile } from '../../messaging/protocol';
import type { Locale, MessageKey } from '../../i18n/translate';

export interface SidebarTools {
  locale: Locale;
  /** The seller's IANA time zone: every date shown is on their calendar. */
  timeZone: string;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** Runs one request of the protocol against the book (answered in this page, or by the background). */
  ask: BookClient['ask'];
  /** Calls back after every committed write to the book, anywhere. */
  watch: BookClient['watch'];
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
