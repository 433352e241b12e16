import { useState } from 'preact/hooks';
import { quickRepliesFor } from '../../../core';
import type { CustomerProfile } from '../../messaging/protocol';
import { quickReplyFor, quickReplyValues, starterQuickReplies } from '../quick-reply-values';
import { useSidebar } from './sidebar-context';

/**
 * The seller's quick replies for the customer's funnel or lifecycle stage (then those for anyone), with the
 * variables filled from the profile: pick one, then copy it or put it in the chat's message box (never sent).
 * Until the seller writes their own, Clientela's suggestions are offered.
 */
export function QuickReplies({ profile, onInsert }: { profile: CustomerProfile; onInsert: ((text: string) => void) | null }) {
  const { t, locale, timeZone, announce } = useSidebar();
  const own = profile.quickReplies.length > 0;
  const audience = { funnelStage: profile.customer.funnelStage, lifecycleStage: profile.insight?.lifecycle.stage ?? null };
  const replies = quickRepliesFor(own ? profile.quickReplies : starterQuickReplies(t, locale), audience);
  const [chosen, setChosen] = useState(0);
  const reply = replies[Math.min(chosen, replies.length - 1)];
  const filled = reply ? quickReplyFor(reply.text, quickReplyValues(profile, locale, timeZone)) : null;
  return (
    <section aria-labelledby="clientela-replies">
      <h3 id="clientela-replies">{t('quickReplies')}</h3>
      {!filled ? (
        <p class="hint">{t('noQuickRepliesForStage')}</p>
      ) : (
        <>
          {replies.length > 1 && (
            <label class="funnel">
              {t('quickReplyChoice')}
              <select value={String(Math.min(chosen, replies.length - 1))} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
                {replies.map((r, index) => (
                  <option key={index} value={String(index)}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p class="reply" data-testid="quick-reply">
            {filled.text}
          </p>
          {filled.missing.length > 0 && (
            <p class="hint" data-testid="quick-reply-missing">
              {t('quickReplyMissing', { variables: filled.missing.map((name) => `{${name}}`).join(', ') })}
            </p>
          )}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void navigator.clipboard.writeText(filled.text).then(() => announce(t('copied')))}>
              {t('copy')}
            </button>
            {onInsert && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  onInsert(filled.text);
                  announce(t('inserted'));
                }}
              >
                {t('insert')}
              </button>
            )}
          </div>
        </>
      )}
      {!own && <p class="hint">{t('quickRepliesSuggested')}</p>}
    </section>
  );
}
