import { useState } from 'preact/hooks';
import type { CustomerProfile } from '../../messaging/protocol';
import { formatDateTime, instantOfWallClock, todayInput } from '../../i18n/format';
import { useSidebar } from './sidebar-context';

/** Follow-ups: open ones first, soonest first; overdue ones say so. */
export function FollowUpsPanel({ profile, now = new Date() }: { profile: CustomerProfile; now?: Date }) {
  const { t, locale, timeZone, update, ask } = useSidebar();
  const [text, setText] = useState('');
  const [due, setDue] = useState(`${todayInput(now, timeZone)}T18:00`);
  const customerId = profile.customer.id;

  const add = async (event: Event) => {
    event.preventDefault();
    // The input shows the seller's clock, which need not be the browser's.
    const dueIso = new Date(instantOfWallClock(due, timeZone)).toISOString();
    if (await update(() => ask({ type: 'follow-ups/add', customerId, due: dueIso, text }))) setText('');
  };

  return (
    <section aria-labelledby="clientela-follow-ups">
      <h3 id="clientela-follow-ups">{t('followUps')}</h3>
      <ul class="follow-ups">
        {profile.followUps.map((followUp) => {
          const overdue = !followUp.done && Date.parse(followUp.due) <= now.getTime();
          return (
            <li key={followUp.id} class={followUp.done ? 'done' : overdue ? 'overdue' : ''}>
              <label>
                <input
                  type="checkbox"
                  checked={followUp.done}
                  onChange={(e) => void update(() => ask({ type: 'follow-ups/set-done', followUpId: followUp.id, done: e.currentTarget.checked }))}
                />
                {followUp.text}
              </label>
              <span class="meta">
                {formatDateTime(followUp.due, locale, timeZone)}
                {overdue && ` · ${t('overdue')}`}
              </span>
            </li>
          );
        })}
      </ul>
      <form onSubmit={add}>
        <label>
          {t('followUpText')}
          <input value={text} maxLength={1000} required onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <label>
          {t('due')}
          <input type="datetime-local" value={due} required onInput={(e) => setDue(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('addFollowUp')}</button>
      </form>
    </section>
  );
}
