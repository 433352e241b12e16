import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locale';
import { BACKUP_SCHEDULES } from '../backup/backup-settings';
import { BACKUP_REASONS } from '../backup/worker-protocol';
import { LABELLED_ENUMS, currencyLabel, enumLabel, identityLabelKey, type LabelledEnum } from './labels';
import { translate, type MessageKey } from './translate';

const FAMILIES = Object.keys(LABELLED_ENUMS) as LabelledEnum[];

/** What a label must not be: empty, the raw value, or a message key that fell through. */
function problemWith(label: unknown, value: string): string | null {
  if (typeof label !== 'string' || label.trim() === '') return 'no label';
  if (label === value) return 'the raw value';
  if (/^[a-z]+(\.[\w-]+)+$/.test(label)) return `a key (${label})`;
  return null;
}

describe('labels of model values', () => {
  it('name every value of every family in every language, never with the raw value', () => {
    const problems: string[] = [];
    for (const locale of LOCALES)
      for (const family of FAMILIES)
        for (const value of LABELLED_ENUMS[family]) {
          let label: unknown;
          try {
            label = enumLabel(locale, family, value as never);
          } catch (error) {
            label = undefined;
            problems.push(`${locale} ${family} ${value}: ${String(error)}`);
            continue;
          }
          const problem = problemWith(label, value);
          if (problem) problems.push(`${locale} ${family} ${value}: ${problem}`);
        }
    expect(problems).toEqual([]);
  });

  it('fails on a value the catalogs lack (the check above can fail)', () => {
    expect(() => enumLabel('pt-BR', 'orderChannel', 'carrier-pigeon' as never)).toThrow();
    expect(problemWith('whatsapp', 'whatsapp')).not.toBeNull();
    expect(problemWith('', 'x')).not.toBeNull();
  });

  it('names backup reasons and schedules in every language', () => {
    const missing = LOCALES.flatMap((locale) =>
      [...BACKUP_REASONS.map((reason) => `reason.${reason}`), ...BACKUP_SCHEDULES.map((schedule) => `schedule.${schedule}`)].flatMap((key) => {
        try {
          return problemWith(translate(locale, key as MessageKey), key) ? [`${locale} ${key}`] : [];
        } catch {
          return [`${locale} ${key}`];
        }
      }),
    );
    expect(missing).toEqual([]);
  });

  it('speaks the seller’s words', () => {
    expect(enumLabel('pt-BR', 'orderStatus', 'refunded')).toBe('Reembolsado');
    expect(enumLabel('es', 'orderChannel', 'in-person')).toBe('En persona');
    expect(enumLabel('pt-BR', 'activityStatus', 'at-risk')).toBe('Em risco');
    expect(enumLabel('en', 'funnelStage', 'decision')).not.toBe('decision');
    expect(translate('pt-BR', identityLabelKey('email'))).toBe('E-mail');
    expect(currencyLabel('BRL', 'pt-BR')).toBe('Real brasileiro');
    expect(currencyLabel('EUR', 'en')).toBe('Euro');
  });
});
