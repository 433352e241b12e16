import { useState } from 'preact/hooks';
import type { Tag } from '../../../../core';
import { useBook } from '../app/book-context';
import { FieldError } from './field-error';
import { fieldErrorsOf, invalidProps, type FieldErrors } from './field-errors';
import { TagColourPicker } from './tag-colour-picker';

const KEYS = [...'123456789abcdefghijklmnopqrstuvwxyz'];

/**
 * Adds a tag (no `tag`) or edits one: name, colour and the key that toggles it in the sidebar (by default the
 * keys 1–9 follow the list's order). One save is one write; a refused one names the field beside its input.
 */
export function TagEditor({ tag, onDone }: { tag?: Tag; onDone: () => void }) {
  const { book, t, notify } = useBook();
  const id = tag ? `tag-${tag.id}` : 'new-tag';
  const [name, setName] = useState(tag?.name ?? '');
  const [colour, setColour] = useState(tag?.colour ?? '#0b6e4f');
  const [key, setKey] = useState(tag?.key ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      const saved = tag ? await book.tags.update({ ...tag, name, colour, key: key || null }) : await book.tags.create({ name, colour, key: key || null });
      notify(t(tag ? 'tagSaved' : 'tagAdded', { name: saved.name }));
      setErrors({});
      if (!tag) {
        setName('');
        setKey('');
      }
      onDone();
    } catch (error) {
      const found = fieldErrorsOf(error);
      setErrors(found);
      notify(Object.values(found).join(' '), 'alert');
    }
  };

  return (
    <form class="tag-editor" onSubmit={save} aria-label={tag ? t('editTagNamed', { name: tag.name }) : t('newTag')}>
      <label>
        {t('tagName')}
        <input name="name" value={name} required maxLength={60} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} {...invalidProps(errors, 'name', `${id}-name`)} />
      </label>
      <FieldError errors={errors} field="name" id={`${id}-name`} />
      <TagColourPicker id={id} name={name} colour={colour} onChange={setColour} />
      <FieldError errors={errors} field="colour" id={`${id}-colour`} />
      <div class="field">
        <label for={`${id}-key`}>{t('tagKey')}</label>
        <select id={`${id}-key`} value={key} onChange={(e) => setKey(e.currentTarget.value)} {...invalidProps(errors, 'key', `${id}-key`)}>
          <option value="">{t('tagKeyByOrder')}</option>
          {KEYS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <FieldError errors={errors} field="key" id={`${id}-key`} />
      <FieldError errors={errors} field="" id={`${id}-form`} />
      <div class="actions">
        <button type="submit">{tag ? t('save') : t('addTag')}</button>
        {tag && (
          <button type="button" class="secondary" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
