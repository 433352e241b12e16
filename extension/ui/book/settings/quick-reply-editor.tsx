import { useRef, useState } from 'preact/hooks';
import { DEFAULT_FUNNEL_STAGES, LIFECYCLE_STAGES, QUICK_REPLY_VARIABLES, type QuickReply, type QuickReplyStage } from '../../../../core';
import { enumLabel } from '../../../i18n/labels';
import type { MessageKey } from '../../../i18n/translate';
import { quickReplyFor, quickReplyValues } from '../../quick-reply-values';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { readPixKey } from '../../../background/pix-key';
import { FieldError } from './field-error';
import { fieldErrorsOf, invalidProps, type FieldErrors } from './field-errors';

const DAY = 86_400_000;

/** A stage as the select's value: `''` for any, `funnel:decision`, `lifecycle:recovery`. */
const stageValue = (stage: QuickReplyStage) => (stage ? `${stage.kind}:${stage.id}` : '');
function stageOf(value: string): QuickReplyStage {
  const [kind, id] = value.split(':') as [string, string | undefined];
  return id && (kind === 'funnel' || kind === 'lifecycle') ? { kind, id } : null;
}

/**
 * Adds a quick reply (no `reply`) or edits one: name, stage and text. The variables are buttons that insert
 * themselves where the cursor is; the preview fills them for a sample customer in the seller's locale and zone.
 * A save the store refuses (an unknown `{variable}`, an empty name) says so beside the field.
 */
export function QuickReplyEditor({ reply, onDone }: { reply?: QuickReply; onDone: () => void }) {
  const { book, t, locale, timeZone, notify } = useBook();
  const id = reply ? `reply-${reply.id}` : 'new-reply';
  const [name, setName] = useState(reply?.name ?? '');
  const [stage, setStage] = useState(stageValue(reply?.stage ?? null));
  const [text, setText] = useState(reply?.text ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const textArea = useRef<HTMLTextAreaElement>(null);
  const { data: pixKey } = useBookQuery((b) => readPixKey(b), { stores: ['meta'] });

  const insert = (variable: string) => {
    const area = textArea.current;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? text.length;
    const token = `{${variable}}`;
    setText(text.slice(0, start) + token + text.slice(end));
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      const saved = await book.quickReplies.save({ id: reply?.id, name, stage: stageOf(stage), text });
      notify(t(reply ? 'quickReplySaved' : 'quickReplyAdded', { name: saved.name }));
      setErrors({});
      if (!reply) {
        setName('');
        setText('');
      }
      onDone();
    } catch (error) {
      const found = fieldErrorsOf(error);
      setErrors(found);
      notify(Object.values(found).join(' '), 'alert');
    }
  };

  const sample = { customer: { displayName: t('sampleCustomer'), lastOrderAt: new Date(Date.now() - 12 * DAY).toISOString() }, totals: [{ currency: 'BRL', totalMinor: 47_970, averageTicketMinor: 15_990, orders: 3 }], pixKey: pixKey ?? null };
  const preview = quickReplyFor(text, quickReplyValues(sample as Parameters<typeof quickReplyValues>[0], locale, timeZone));

  return (
    <form class="reply-editor" onSubmit={save} aria-label={reply ? t('editQuickReplyNamed', { name: reply.name }) : t('newQuickReply')}>
      <label>
        {t('quickReplyName')}
        <input value={name} required maxLength={60} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} {...invalidProps(errors, 'name', `${id}-name`)} />
      </label>
      <FieldError errors={errors} field="name" id={`${id}-name`} />
      <div class="field">
        <label for={`${id}-stage`}>{t('quickReplyStage')}</label>
        <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.currentTarget.value)}>
          <option value="">{t('quickReplyAnyStage')}</option>
          <optgroup label={t('quickReplyFunnelGroup')}>
            {DEFAULT_FUNNEL_STAGES.map((stageId) => (
              <option key={stageId} value={`funnel:${stageId}`}>
                {enumLabel(locale, 'funnelStage', stageId)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('quickReplyLifecycleGroup')}>
            {LIFECYCLE_STAGES.map((stageId) => (
              <option key={stageId} value={`lifecycle:${stageId}`}>
                {enumLabel(locale, 'lifecycleStage', stageId)}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <label class="wide">
        {t('quickReplyText')}
        <textarea ref={textArea} value={text} required rows={3} maxLength={2000} onInput={(e) => setText(e.currentTarget.value)} {...invalidProps(errors, 'text', `${id}-text`)} />
      </label>
      <FieldError errors={errors} field="text" id={`${id}-text`} />
      <div class="variables wide" role="group" aria-labelledby={`${id}-variables`}>
        <span id={`${id}-variables`} class="meta">
          {t('quickReplyVariables')}
        </span>
        {QUICK_REPLY_VARIABLES.map((variable) => (
          <button key={variable} type="button" class="secondary variable" aria-label={t('insertVariable', { variable: `{${variable}}`, meaning: t(`quickReplyVariable.${variable}` as MessageKey) })} onClick={() => insert(variable)}>
            {`{${variable}}`}
          </button>
        ))}
      </div>
      {text.trim() && (
        <div class="wide">
          <p class="meta">{t('quickReplyPreview')}</p>
          <p class="reply-preview" data-testid="reply-preview">
            {preview.text}
          </p>
        </div>
      )}
      <FieldError errors={errors} field="" id={`${id}-form`} />
      <div class="actions wide">
        <button type="submit">{reply ? t('save') : t('addQuickReply')}</button>
        {reply && (
          <button type="button" class="secondary" onClick={onDone}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
