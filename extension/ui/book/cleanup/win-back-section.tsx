import type { QuickReply } from '../../../../core';
import type { CleanupCustomerSummary, CleanupReply } from '../../../background/cleanup-service';
import { quickReplyFor, quickReplyValues } from '../../quick-reply-values';
import { useBook } from '../app/book-context';
import { CUSTOMERS_PATH } from '../app/book-links';
import { hrefOf } from '../app/router';
import { chatLinks } from '../customers/customer-detail/chat-links';
import { spentText } from './cleanup-why';

interface WinBackProps {
  reply: CleanupReply;
  own: QuickReply[];
  pixKey: string | null;
}

/**
 * "Recuperar clientes": good lost customers, highest past value first, each with the win-back reply to copy (the
 * seller's first quick reply for the recovery stage, else Clientela's in their language) and "Abrir conversa".
 */
export function WinBackSection({ reply, own, pixKey }: WinBackProps) {
  const { t } = useBook();
  const winBackText = own.find((one) => one.stage?.kind === 'lifecycle' && one.stage.id === 'recovery')?.text ?? t('cleanup.winBack.reply', { name: '{nome}' });
  const shown = reply.winBack.ids.filter((id) => reply.customers[id] !== undefined);
  return (
    <section class="cleanup-section" aria-labelledby="cleanup-win-back" data-testid="cleanup-win-back">
      <h2 id="cleanup-win-back">
        {t('cleanup.winBack')} <span class="today-count">{reply.winBack.count}</span>
      </h2>
      <p class="hint">{t('cleanup.winBack.intro')}</p>
      {shown.length === 0 ? (
        <p>{t('cleanup.winBack.empty')}</p>
      ) : (
        <ul class="today-rows">
          {shown.map((id) => (
            <WinBackRow key={id} who={reply.customers[id] as CleanupCustomerSummary} text={winBackText} pixKey={pixKey} />
          ))}
        </ul>
      )}
      {reply.winBack.count > shown.length && <p class="hint">{t('today.more', { count: reply.winBack.count - shown.length })}</p>}
    </section>
  );
}

function WinBackRow({ who, text, pixKey }: { who: CleanupCustomerSummary; text: string; pixKey: string | null }) {
  const book = useBook();
  const { t, locale, timeZone, notify } = book;
  const values = quickReplyValues({ customer: { displayName: who.name, lastOrderAt: who.lastPurchaseAt }, totals: who.totals, pixKey }, locale, timeZone);
  const message = quickReplyFor(text, values).text;
  const links = chatLinks(who.contacts);
  return (
    <li class="today-row" data-testid="win-back-row" data-customer-id={who.id}>
      <div class="today-why">
        <a class="today-name" href={hrefOf([CUSTOMERS_PATH, who.id])}>
          {who.name}
        </a>
        <p>{spentText(who, book)}</p>
      </div>
      <div class="today-reply">
        <p class="today-reply-label">{t('today.reply')}</p>
        <p class="today-reply-text">{message}</p>
        <button type="button" class="secondary" aria-label={t('today.copyFor', { name: who.name })} onClick={() => void navigator.clipboard?.writeText(message).then(() => notify(t('copied')), () => undefined)}>
          {t('copy')}
        </button>
      </div>
      <div class="today-actions">
        {links.length === 0 ? (
          <p class="hint">{t('today.noChat')}</p>
        ) : (
          links.map((link) => (
            <a key={link.href} class="today-chat" href={link.href} target="_blank" rel="noopener noreferrer" aria-label={t('today.openChatWith', { name: who.name, contact: link.label })}>
              {t('today.openChat')}
            </a>
          ))
        )}
      </div>
    </li>
  );
}
