import { readableTextOn, TAG_PALETTE } from '../../../../core';
import type { MessageKey } from '../../../i18n/translate';
import { useBook } from '../app/book-context';

/** The palette's colours by name, in TAG_PALETTE order, for screen readers and the tooltip. */
const COLOUR_NAMES: readonly MessageKey[] = ['tagColour.green', 'tagColour.blue', 'tagColour.purple', 'tagColour.pink', 'tagColour.red', 'tagColour.orange', 'tagColour.ochre', 'tagColour.grey'];

/**
 * A tag's colour: one of the palette (radio buttons, so arrow keys move between them) or any other through the
 * browser's colour input. Whatever is chosen, the preview chip shows the tag as it will look, its text in black or
 * white, whichever reads better on it.
 */
export function TagColourPicker({ id, name, colour, onChange }: { id: string; name: string; colour: string; onChange: (colour: string) => void }) {
  const { t } = useBook();
  const custom = !(TAG_PALETTE as readonly string[]).includes(colour.toLowerCase());
  return (
    <fieldset class="tag-colours">
      <legend>{t('tagColour')}</legend>
      <div class="swatches">
        {TAG_PALETTE.map((option, index) => (
          <label key={option} class="swatch-option" title={t(COLOUR_NAMES[index] as MessageKey)}>
            <input type="radio" name={`${id}-colour`} value={option} checked={colour.toLowerCase() === option} onChange={() => onChange(option)} />
            <span class="swatch" style={{ backgroundColor: option }} aria-hidden="true" />
            <span class="visually-hidden">{t(COLOUR_NAMES[index] as MessageKey)}</span>
          </label>
        ))}
        <label class="swatch-option custom-colour">
          <input type="color" value={colour} onInput={(e) => onChange(e.currentTarget.value)} aria-describedby={custom ? `${id}-custom` : undefined} />
          <span>{t('tagColourCustom')}</span>
        </label>
      </div>
      <p class="tag-preview">
        <span class="tag-filled" style={{ backgroundColor: colour, color: readableTextOn(colour) }} data-testid="tag-preview">
          {name.trim() || t('tagName')}
        </span>
        {custom && (
          <span id={`${id}-custom`} class="meta">
            {' '}
            {t('tagColourCustomValue', { colour })}
          </span>
        )}
      </p>
    </fieldset>
  );
}
