import { identityLabelKey } from '../../i18n/labels';
import { useState } from 'preact/hooks';
import type { CustomerProfile } from '../../messaging/protocol';
import { ClaimCard } from './claim-card';
import { FeedbackLine } from './feedback-line';
import { FollowUpsPanel } from './follow-ups-panel';
import { InsightFacts } from './insight-facts';
import { NotesPanel } from './notes-panel';
import { PurchasesPanel } from './purchases-panel';
import { QuickReplies } from './quick-replies';
import { useSidebar } from './sidebar-context';
import { TagChips } from './tag-chips';

/** Everything about the customer of the open chat. Host and customer text is rendered as text, never as HTML. */
export function CustomerCard({ profile, onInsertReply }: { profile: CustomerProfile; onInsertReply: ((text: string) => void) | null }) {
  const { t, update, ask } = useSidebar();
  const { customer, insight } = profile;
  const [renaming, setRenaming] = useState<string | null>(null);

  const rename = async (event: Event) => {
    event.preventDefault();
    if (renaming !== null && (await update(() => ask({ type: 'customers/rename', customerId: customer.id, displayName: renaming })))) setRenaming(null);
  };

  return (
    <div class="card" data-customer-id={customer.id}>
      {renaming === null ? (
        <div class="name-row">
          <h2 data-testid="customer-name">{customer.displayName}</h2>
          <button type="button" class="link" onClick={() => setRenaming(customer.displayName)}>
            {t('rename')}
          </button>
        </div>
      ) : (
        <form class="inline" onSubmit={rename}>
          <label class="visually-hidden" for="clientela-rename">
            {t('customerName')}
          </label>
          <input id="clientela-rename" value={renaming} maxLength={200} required onInput={(e) => setRenaming(e.currentTarget.value)} />
          <button type="submit">{t('save')}</button>
          <button type="button" class="secondary" onClick={() => setRenaming(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
      <ul class="identities" aria-label={t('identities')}>
        {customer.identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`}>
            <span class="kind">{t(identityLabelKey(identity.kind))}</span> {identity.raw || identity.value}
          </li>
        ))}
      </ul>
      <ClaimCard profile={profile} />
      <TagChips profile={profile} />
      {insight && <InsightFacts insight={insight} t={t} />}
      <label class="funnel">
        {t('funnel')}
        <select
          value={customer.funnelStage ?? ''}
          onChange={(e) => void update(() => ask({ type: 'customers/set-funnel-stage', customerId: customer.id, stage: e.currentTarget.value || null }))}
        >
          <option value="">{t('noStage')}</option>
          {profile.funnelStages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.label}
            </option>
          ))}
        </select>
      </label>
      <PurchasesPanel profile={profile} />
      <FeedbackLine profile={profile} />
      <FollowUpsPanel profile={profile} />
      <NotesPanel profile={profile} />
      <QuickReplies profile={profile} onInsert={onInsertReply} />
    </div>
  );
}
