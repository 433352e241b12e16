import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatDaysAgo, formatWholeNumber, numberFormat, pluralCategory, pluralRules, relativeTimeFormat } from './intl-cache';
import { canonicalTimeZone, timeZoneSchema, zoneOffsetMs } from './time-zone';

describe('cached Intl objects', () => {
  it('builds one object per locale and options, and a new one when either changes', () => {
    expect(pluralRules('pt-BR')).toBe(pluralRules('pt-BR'));
    expect(numberFormat('pt-BR', { style: 'percent' })).toBe(numberFormat('pt-BR', { style: 'percent' }));
    expect(numberFormat('pt-BR', { style: 'percent' })).not.toBe(numberFormat('pt-PT', { style: 'percent' }));
    expect(relativeTimeFormat('es', { numeric: 'auto' })).not.toBe(relativeTimeFormat('es'));
    expect(dateTimeFormat('pt-BR', 'America/Sao_Paulo', { day: '2-digit' })).toBe(dateTimeFormat('pt-BR', 'America/Sao_Paulo', { day: '2-digit' }));
    expect(dateTimeFormat('pt-BR', 'America/Sao_Paulo', { day: '2-digit' })).not.toBe(dateTimeFormat('pt-BR', 'Europe/Lisbon', { day: '2-digit' }));
  });

  it('writes in the zone it is given, whatever the options say', () => {
    const format = dateTimeFormat('en', 'America/Sao_Paulo', { hour: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
    expect(format.resolvedOptions().timeZone).toBe('America/Sao_Paulo');
    expect(format.format(Date.parse('2026-11-29T01:00:00Z'))).toBe('22');
  });

  it('counts, pluralizes and says "days ago" per locale', () => {
    expect(formatWholeNumber('pt-BR', 1234.4)).toBe('1.234');
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('pt-PT', 0)).toBe('other');
    expect(formatDaysAgo('pt-BR', 1)).toBe('ontem');
  });
});

describe('time zones', () => {
  it('spells a zone the way Intl does, and knows when it is none', () => {
    expect(canonicalTimeZone('america/sao_paulo')).toBe('America/Sao_Paulo');
    expect(canonicalTimeZone('Europe/Atlantis')).toBeNull();
    expect(timeZoneSchema.safeParse('UTC')).toMatchObject({ success: true, data: 'UTC' });
    expect(timeZoneSchema.safeParse('Europe/Atlantis').success).toBe(false);
    expect(timeZoneSchema.safeParse(3).success).toBe(false);
  });

  it('reads the offset of a zone at an instant, DST included', () => {
    expect(zoneOffsetMs(Date.parse('2026-11-29T01:00:00Z'), 'America/Sao_Paulo')).toBe(-3 * 3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-07-01T12:00:00Z'), 'Europe/Lisbon')).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-01-01T12:00:00Z'), 'Europe/Lisbon')).toBe(0);
    expect(zoneOffsetMs(Date.parse('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });
});
