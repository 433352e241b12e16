import { useState } from 'preact/hooks';
import type { CustomerProfile } from '../../messaging/protocol';
import { formatDate } from '../../i18n/format';
import { useSidebar } from './sidebar-context';

/** Notes about the customer: add, and edit in place. */
export function NotesPanel({ profile }: { profile: CustomerProfile }) {
  const { t, locale, timeZone, update, ask } = useSidebar();
  const [text, setText] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const customerId = profile.customer.id;

  const add = async (event: Event) => {
    event.preventDefault();
    const sent = text;
    // Cleared only if it still holds what was saved: what the seller typed while the save was on its way stays.
    if (await update(() => ask({ type: 'notes/add', customerId, text: sent }))) setText((current) => (current === sent ? '' : current));
  };
  const saveEdit = async (event: Event) => {
    event.preventDefault();
    if (editing && (await update(() => ask({ type: 'notes/edit', noteId: editing.id, text: editing.text })))) setEditing(null);
  };

  return (
    <section aria-labelledby="clientela-notes">
      <h3 id="clientela-notes">{t('notes')}</h3>
      <ul class="notes">
        {profile.notes.map((note) =>
          editing?.id === note.id ? (
            <li key={note.id}>
              <form onSubmit={saveEdit}>
                <label class="visually-hidden" for={`clientela-note-${note.id}`}>
                  {t('noteText')}
                </label>
                <textarea id={`clientela-note-${note.id}`} value={editing.text} maxLength={10_000} onInput={(e) => setEditing({ id: note.id, text: e.currentTarget.value })} />
                <button type="submit">{t('save')}</button>
                <button type="button" class="secondary" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </button>
              </form>
            </li>
          ) : (
            <li key={note.id}>
              <p class="note-text">{note.text}</p>
              <span class="meta">{formatDate(note.updatedAt, locale, timeZone)}</span>
              <button type="button" class="link" onClick={() => setEditing({ id: note.id, text: note.text })}>
                {t('edit')}
              </button>
            </li>
          ),
        )}
      </ul>
      <form onSubmit={add}>
        <label for="clientela-new-note">{t('addNote')}</label>
        <textarea id="clientela-new-note" value={text} maxLength={10_000} required onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">{t('addNote')}</button>
      </form>
    </section>
  );
}
