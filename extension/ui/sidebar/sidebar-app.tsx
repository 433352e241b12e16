import { useEffect, useMemo, useState } from 'preact/hooks';
import { askBackground } from '../../messaging/client';
import type { ConversationState, SiteAdapter } from '../../sites/types';
import { watchConversation } from '../../sites/watch-conversation';
import { translate, type Locale, type MessageKey } from '../i18n';
import { BookCount } from './book-count';
import { CustomerCard } from './customer-card';
import { CustomerSearch } from './customer-search';
import { SidebarContext, type SidebarTools } from './sidebar-context';
import { tagKey } from './tag-chips';
import { UnknownContact } from './unknown-contact';
import { useChatProfile } from './use-chat-profile';

export interface SidebarAppProps {
  /** The host site's adapter; null on any other page (search mode). */
  adapter: SiteAdapter | null;
  window: Window;
  locale: Locale;
  signal: AbortSignal;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The sidebar beside the chat: who the customer of the open conversation is, and what to do next. */
export function SidebarApp({ adapter, window: host, locale, signal, collapsed, onCollapsedChange }: SidebarAppProps) {
  const [conversation, setConversation] = useState<ConversationState | null>(adapter ? null : { status: 'no-chat', key: 'none' });
  const [pinned, setPinned] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [dark, setDark] = useState(false);
  const { state, replace, subjectFor } = useChatProfile(conversation, pinned, signal);

  useEffect(() => {
    if (!adapter) return;
    watchConversation({
      adapter,
      window: host,
      signal,
      onState: (next) => {
        setPinned(null);
        setMessage(null);
        setConversation(next);
        setDark(adapter.isDark(host.document));
      },
    });
  }, [adapter, host, signal]);

  const tools = useMemo<SidebarTools>(() => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
    return {
      locale,
      t,
      announce: (text) => setMessage({ kind: 'status', text }),
      update: async (request) => {
        try {
          const { profile } = await request();
          if (profile) {
            // Outside a chat (search mode) the customer an action touched stays on screen: pin them.
            const pin = conversation?.status !== 'chat' ? profile.customer.id : pinned;
            if (pin !== pinned) setPinned(pin);
            replace(profile, subjectFor(conversation, pin));
          }
          return true;
        } catch (error) {
          setMessage({ kind: 'alert', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
          return false;
        }
      },
    };
  }, [locale, conversation, pinned, replace, subjectFor]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (state.status !== 'found' || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const { profile } = state;
    const index = profile.tags.findIndex((tag, position) => tagKey(tag, position) === event.key.toLowerCase());
    const tag = profile.tags[index];
    if (!tag) return;
    event.preventDefault();
    void tools.update(() => askBackground({ type: 'customers/toggle-tag', customerId: profile.customer.id, tagId: tag.id }));
  };

  const t = tools.t;
  if (collapsed) {
    return (
      <button type="button" class={`clientela-tab${dark ? ' dark' : ''}`} onClick={() => onCollapsedChange(false)} aria-label={t('expand')} aria-expanded="false">
        C
      </button>
    );
  }
  const site = adapter?.label ?? '';
  return (
    <SidebarContext.Provider value={tools}>
      <aside class={`clientela-sidebar${dark ? ' dark' : ''}`} aria-label={t('appName')} lang={locale} tabIndex={-1} onKeyDown={onKeyDown} data-state={state.status} data-conversation={conversation?.status ?? 'loading'}>
        <header>
          <h1>{t('appName')}</h1>
          <button type="button" class="link" onClick={() => void askBackground({ type: 'ui/open-book' })}>
            {t('openBook')}
          </button>
          <button type="button" class="clientela-collapse" onClick={() => onCollapsedChange(true)} aria-label={t('collapse')} aria-expanded="true">
            ›
          </button>
        </header>
        <BookCount signal={signal} />
        <p class="live" role={message?.kind === 'alert' ? 'alert' : 'status'} aria-live="polite" data-testid="sidebar-message">
          {message?.text ?? ''}
        </p>
        {conversation?.status === 'group' && <p class="notice" data-testid="group-notice">{t('groupChat')}</p>}
        {conversation?.status === 'undetected' && (
          <p class="notice warning" data-testid="basic-mode">
            {t('basicMode', { site })}
          </p>
        )}
        {conversation?.status === 'no-chat' && !pinned && <p class="notice">{t('noChat')}</p>}
        {state.status === 'loading' && <p class="meta">{t('loading')}</p>}
        {state.status === 'failed' && <p role="alert">{t('error', { message: state.message })}</p>}
        {state.status === 'found' && <CustomerCard profile={state.profile} composer={() => (adapter ? adapter.composer(host.document) : null)} />}
        {state.status === 'unknown' && conversation?.status === 'chat' && <UnknownContact identities={conversation.identities} displayName={conversation.displayName} />}
        {state.status === 'idle' && conversation && conversation.status !== 'chat' && <CustomerSearch actionLabel={t('open')} onPick={(hit) => setPinned(hit.id)} />}
      </aside>
    </SidebarContext.Provider>
  );
}
