import { useMemo, useState } from 'preact/hooks';
import { browserTimeZone, dateTimeFormat, type Locale } from '../../../../core/locale';
import { PIX_KEY, readPixKey, savePixKey } from '../../../background/pix-key';
import { saveTimeZone, timeZoneChoices } from '../../../i18n/time-zone';
import { useBook } from '../app/book-context';
import { useBookQuery } from '../data/use-book-query';
import { FieldError } from './field-error';
import { fieldErrorsOf, invalidProps, type FieldErrors } from './field-errors';

/** `America/Sao_Paulo` as a person reads it in a list: `America/Sao Paulo (GMT-03:00)`, offset as of now. */
function zoneLabel(zone: string, locale: Locale, now: Date): string {
  const offset = dateTimeFormat(locale, zone, { timeZoneName: 'longOffset' })
    .formatToParts(now)
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${zone.replace(/_/g, ' ')}${offset ? ` (${offset})` : ''}`;
}

/**
 * Configurações › Sua loja: the seller's time zone (searchable: the input offers every zone the browser knows,
 * matched as one types) and their chave PIX for quick replies. Both live in the book's settings (`meta`): the book
 * page follows the zone at once, and open sidebars show the new chave in their replies.
 */
export function SellerPanel() {
  const { book, t, locale, timeZone, notify } = useBook();
  const browser = browserTimeZone();
  // What the seller is typing, else the zone in use (which arrives from the book after the first draw).
  const [typedZone, setZone] = useState<string | null>(null);
  const zone = typedZone ?? timeZone;
  const [errors, setErrors] = useState<FieldErrors>({});
  const zones = useMemo(() => {
    const now = new Date();
    return timeZoneChoices().map((choice) => ({ zone: choice, label: zoneLabel(choice, locale, now) }));
  }, [locale]);
  const { data: storedPix } = useBookQuery((b) => readPixKey(b), { stores: ['meta'] });
  const [pix, setPix] = useState<string | null>(null);
  const pixShown = pix ?? storedPix ?? '';

  const run = async (action: () => Promise<string>) => {
    try {
      notify(await action());
      setErrors({});
    } catch (error) {
      const found = fieldErrorsOf(error);
      setErrors(found);
      notify(Object.values(found).join(' '), 'alert');
    }
  };
  const saveZone = (event: SubmitEvent, chosen = zone) => {
    event.preventDefault();
    void run(async () => {
      const saved = await saveTimeZone(book, chosen);
      setZone(null);
      return t('timeZoneSaved', { zone: zoneLabel(saved, locale, new Date()) });
    });
  };
  const savePix = (event: SubmitEvent) => {
    event.preventDefault();
    void run(async () => {
      const saved = await savePixKey(book, pixShown);
      setPix(null);
      return saved === null ? t('pixKeyRemoved') : t('pixKeySaved');
    });
  };

  return (
    <section aria-labelledby="seller-title" class="panel" data-testid="seller-panel">
      <h2 id="seller-title">{t('sellerSettings')}</h2>
      <form onSubmit={saveZone}>
        <div class="field wide">
          <label for="time-zone">{t('timeZone')}</label>
          <input
            id="time-zone"
            list="time-zones"
            value={zone}
            required
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => setZone(e.currentTarget.value)}
            aria-describedby={['time-zone-hint', errors.timeZone === undefined ? '' : 'time-zone-error'].join(' ').trim()}
            aria-invalid={errors.timeZone === undefined ? undefined : true}
          />
          <datalist id="time-zones">
            {zones.map((choice) => (
              <option key={choice.zone} value={choice.zone}>
                {choice.label}
              </option>
            ))}
          </datalist>
          <p id="time-zone-hint" class="meta">
            {t('timeZoneHint')} {t('timeZoneCurrent', { zone: zoneLabel(timeZone, locale, new Date()) })} · {t('timeZoneBrowser', { zone: zoneLabel(browser, locale, new Date()) })}
          </p>
        </div>
        <FieldError errors={errors} field="timeZone" id="time-zone" />
        <div class="actions">
          <button type="submit">{t('save')}</button>
          {timeZone !== browser && (
            <button type="button" class="secondary" onClick={(e) => saveZone(e as unknown as SubmitEvent, browser)}>
              {t('useBrowserTimeZone')}
            </button>
          )}
        </div>
      </form>
      <form onSubmit={savePix}>
        <div class="field wide">
          <label for="pix-key">{t('pixKey')}</label>
          <input id="pix-key" name={PIX_KEY} value={pixShown} maxLength={77} autoComplete="off" spellcheck={false} onInput={(e) => setPix(e.currentTarget.value)} {...invalidProps(errors, 'pixKey', 'pix-key')} aria-describedby={errors.pixKey === undefined ? 'pix-key-hint' : 'pix-key-hint pix-key-error'} />
          <p id="pix-key-hint" class="meta">
            {t('pixKeyHint', { variable: '{chave_pix}' })}
          </p>
        </div>
        <FieldError errors={errors} field="pixKey" id="pix-key" />
        <div class="actions">
          <button type="submit">{t('save')}</button>
        </div>
      </form>
    </section>
  );
}
