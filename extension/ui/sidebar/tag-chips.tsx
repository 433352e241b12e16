import { useState } from 'preact/hooks';
import { tagKey } from '../../../core';
import type { CustomerProfile } from '../../messaging/protocol';
import { useSidebar } from './sidebar-context';


/** Tags as chips toggled with one click; a new tag is created inline and put on the customer at once. */
export function TagChips({ profile }: { profile: CustomerProfile }) {
  const { t, update, ask } = useSidebar();
  const [name, setName] = useState('');
  const customerId = profile.customer.id;
  const toggle = (tagId: string) => update(() => ask({ type: 'customers/toggle-tag', customerId, tagId }));
  const create = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (await update(() => ask({ type: 'tags/create', name, customerId }))) setName('');
  };
  return (
    <section aria-labelledby="clientela-tags">
      <h3 id="clientela-tags">{t('tags')}</h3>
      <ul class="chips" aria-describedby="clientela-tag-keys">
        {profile.tags.map((tag, index) => {
          const on = profile.customer.tagIds.includes(tag.id);
          const key = tagKey(tag, index);
          return (
            <li key={tag.id}>
              <button type="button" class={`chip${on ? ' on' : ''}`} aria-pressed={on} data-tag={tag.name} onClick={() => void toggle(tag.id)}>
                {/* CSSOM, not a style attribute: host pages with a strict CSP allow it. */}
                <span class="swatch" style={{ backgroundColor: tag.colour }} aria-hidden="true" />
                {tag.name}
                {key && <kbd aria-hidden="true">{key}</kbd>}
              </button>
            </li>
          );
        })}
      </ul>
      <p id="clientela-tag-keys" class="hint">
        {t('tagKeysHint')}
      </p>
      <form class="inline" onSubmit={create}>
        <label class="visually-hidden" for="clientela-new-tag">
          {t('newTag')}
        </label>
        <input id="clientela-new-tag" value={name} maxLength={60} placeholder={t('newTag')} onInput={(e) => setName(e.currentTarget.value)} />
        <button type="submit">{t('addTag')}</button>
      </form>
    </section>
  );
}
