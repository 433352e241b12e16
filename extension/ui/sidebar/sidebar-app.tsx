import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BookClient } from '../../messaging/client';
import { translate, type Locale, type MessageKey } from '../../i18n/translate';
import { BackupFooter } from './backup-footer';
import { BookCount } from './book-count';
import { CustomerCard } from './customer-card';
import { CustomerSearch } from './customer-search';
import type { HostLink, HostView } from './host-link';
import { LinkSuggestion } from './link-suggestion';
import { SidebarBackupBanner } from './sidebar-backup-banner';
import { SidebarContext, type SidebarTools } from './sidebar-context';
import { StoreOrderPanel } from './store-order-panel';
import { tagKey } from '../../../core';
import { UnknownContact } from './unknown-contact';
import { useBackupStatus } from './use-backup-status';
import { useChatProfile } from './use-chat-profile';

export interface SidebarAppProps {
  client: BookClient;
  /** The chat page this sidebar sits beside; null in the toolbar popup (search mode, on any page). */
  host: HostLink | null;
  locale: Locale;
  /** The seller's IANA time zone (readTimeZone). */
  timeZone: string;
  signal: AbortSignal;
  /** The popup closes itself instead of collapsing. */
  onClose?: () => void;
}

const SEARCH_MODE: HostView = { siteLabel: '', collapsed: false, conversation: { status: 'no-chat', key: 'none' }, dark: false, composer: false };

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The sidebar beside the chat: who the customer of the open conversation is, and what to do next. */
export function SidebarApp({ client, host, locale, timeZone, signal, onClose }: SidebarAppProps) {
  const [view, setView] = useState<HostView>(host ? { ...SEARCH_MODE, conversation: null } : SEARCH_MODE);
  const [pinned, setPinned] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const { conversation, dark, collapsed } = view;
  const { state, replace, subjectFor } = useChatProfile(client, conversation, pinned, signal);
  const backups = useBackupStatus(client, signal);

  useEffect(() => {
    if (!host) return;
    let key: string | null = null;
    return host.subscribe((next) => {
      const nextKey = next.conversation?.key ?? null;
      if (nextKey !== key) {
        key = nextKey;
        setPinned(null);
        setMessage(null);
      }
      setView(next);
    });
  }, [host]);

  const tools = useMemo<SidebarTools>(() => {
    const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
    return {
      locale,
      timeZone,
      t,
      ask: client.ask,
      watch: client.watch,
      announce: (text) => setMessage({ kind: 'status', text }),
      update: async (request) => {
        try {
          const { profile } = await request();
          if (profile) {
            // Outside a chat or an order page (search mode) the customer an action touched stays on screen: pin them.
            const pin = conversation?.status !== 'chat' && conversation?.status !== 'order' ? profile.customer.id : pinned;
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
  }, [client, locale, timeZone, conversation, pinned, replace, subjectFor]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (state.status !== 'found' || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const { profile } = state;
    const index = profile.tags.findIndex((tag, position) => tagKey(tag, position) === event.key.toLowerCase());
    const tag = profile.tags[index];
    if (!tag) return;
    event.preventDefault();
    void tools.update(() => client.ask({ type: 'customers/toggle-tag', customerId: profile.customer.id, tagId: tag.id }));
  };

  const t = tools.t;

  /** The seller's click on "Salvar pedido em …": the order as the page shows it now, into the buyer's profile. */
  const saveOrder = async () => {
    if (conversation?.status !== 'order') return;
    const asked = subjectFor(conversation, pinned);
    const reference = conversation.order.reference ?? '';
    try {
      const reply = await client.ask({ type: 'store/save-order', reading: conversation.order });
      if (reply.outcome === 'refused') {
        setMessage({ kind: 'alert', text: t(`storeOrder.refusal.${reply.refusal}`) });
        return;
      }
      replace(reply.profile, asked);
      const name = reply.profile.customer.displayName;
      const said = reply.outcome === 'created' ? (reply.newCustomer ? 'storeOrder.createdNew' : 'storeOrder.created') : reply.outcome === 'updated' ? 'storeOrder.updated' : 'storeOrder.unchanged';
      setMessage({ kind: 'status', text: t(said, { name, reference }) });
    } catch (error) {
      setMessage({ kind: 'alert', text: t('error', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };
  const orderPreview = state.status === 'found' || state.status === 'unknown' ? (state.order ?? null) : null;

  const setCollapsed = (next: boolean) => host?.send({ type: 'collapse', collapsed: next });
  if (collapsed) {
    return (
      <button type="button" class={`clientela-tab${dark ? ' dark' : ''}`} onClick={() => setCollapsed(false)} aria-label={t('expand')} aria-expanded="false">
        C
      </button>
    );
  }
  const onInsertReply = host && view.composer ? (text: string) => host.send({ type: 'insert-reply', text }) : null;
  return (
    <SidebarContext.Provider value={tools}>
      <aside class={`clientela-sidebar${dark ? ' dark' : ''}`} aria-label={t('appName')} lang={locale} tabIndex={-1} onKeyDown={onKeyDown} data-state={state.status} data-conversation={conversation?.status ?? 'loading'}>
        <header>
          <h1>{t('appName')}</h1>
          <button type="button" class="link" onClick={() => void client.ask({ type: 'ui/open-book' })}>
            {t('openBook')}
          </button>
          <button type="button" class="clientela-collapse" onClick={() => (host ? setCollapsed(true) : onClose?.())} aria-label={t('collapse')} aria-expanded="true">
            ›
          </button>
        </header>
        <BookCount signal={signal} />
        <SidebarBackupBanner backups={backups} />
        <p class="live" role={message?.kind === 'alert' ? 'alert' : 'status'} aria-live="polite" data-testid="sidebar-message">
          {message?.text ?? ''}
        </p>
        {conversation?.status === 'group' && <p class="notice" data-testid="group-notice">{t('groupChat')}</p>}
        {conversation?.status === 'undetected' && (
          <p class="notice warning" data-testid="basic-mode">
            {t('basicMode', { site: view.siteLabel })}
          </p>
        )}
        {conversation?.status === 'chat' && conversation.mismatch && (
          <p class="notice warning" data-testid="source-mismatch">
            {t('sourceMismatch', { site: view.siteLabel, page: conversation.mismatch.page ?? '?' })}
          </p>
        )}
        {conversation?.status === 'chat' && conversation.context && (
          <p class="meta" data-testid="chat-context">
            {t('chatAbout', { item: conversation.context })}
          </p>
        )}
        {conversation?.status === 'no-chat' && !pinned && <p class="notice">{t('noChat')}</p>}
        {conversation?.status === 'order' && !pinned && <StoreOrderPanel reading={conversation.order} preview={orderPreview} onSave={saveOrder} />}
        {state.status === 'loading' && <p class="meta">{t('loading')}</p>}
        {state.status === 'failed' && <p role="alert">{t('error', { message: state.message })}</p>}
        {state.status === 'found' && state.unlinked.length > 0 && <LinkSuggestion profile={state.profile} identities={state.unlinked} />}
        {state.status === 'found' && <CustomerCard profile={state.profile} onInsertReply={onInsertReply} />}
        {state.status === 'unknown' && conversation?.status === 'chat' && <UnknownContact identities={conversation.identities} displayName={conversation.displayName} />}
        {state.status === 'idle' && conversation && conversation.status !== 'chat' && conversation.status !== 'order' && <CustomerSearch actionLabel={t('open')} onPick={(hit) => setPinned(hit.id)} />}
        <BackupFooter daysSinceLast={backups.status?.daysSinceLast ?? null} known={backups.status !== null} />
      </aside>
    </SidebarContext.Provider>
  );
}
