import { describe, expect, it } from 'vitest';
import { openTestBook } from '../../core/store/test-book';
import { TIME_ZONE_KEY, readTimeZone, saveTimeZone, timeZoneChoices } from './time-zone';

describe('the seller’s time zone (a book setting in meta)', () => {
  it('is the browser’s until the seller chooses one', async () => {
    const book = await openTestBook();
    expect(await readTimeZone(book, 'America/Sao_Paulo')).toBe('America/Sao_Paulo');
    expect(await readTimeZone(book)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('keeps the zone the seller chose, in Intl’s spelling, beside the other book settings', async () => {
    const book = await openTestBook();
    expect(await saveTimeZone(book, 'europe/lisbon')).toBe('Europe/Lisbon');
    expect(await book.meta.get(TIME_ZONE_KEY)).toBe('Europe/Lisbon');
    expect(await readTimeZone(book, 'America/Sao_Paulo')).toBe('Europe/Lisbon');
  });

  it('refuses a zone Intl does not know, naming the field, and keeps the one before', async () => {
    const book = await openTestBook();
    await saveTimeZone(book, 'America/Sao_Paulo');
    await expect(saveTimeZone(book, 'America/Atlantis')).rejects.toThrow(/^timeZone: .*America\/Atlantis/);
    await expect(saveTimeZone(book, '')).rejects.toThrow(/^timeZone: /);
    expect(await readTimeZone(book, 'UTC')).toBe('America/Sao_Paulo');
  });

  it('falls back to the browser’s zone when the stored one is no zone', async () => {
    const book = await openTestBook();
    await book.meta.set(TIME_ZONE_KEY, 'Nowhere/Land');
    expect(await readTimeZone(book, 'America/Sao_Paulo')).toBe('America/Sao_Paulo');
    await book.meta.set(TIME_ZONE_KEY, 42);
    expect(await readTimeZone(book, 'America/Sao_Paulo')).toBe('America/Sao_Paulo');
  });

  it('offers every zone Intl knows for a picker, UTC and São Paulo among them', () => {
    const zones = timeZoneChoices();
    expect(zones).toContain('America/Sao_Paulo');
    expect(zones).toContain('UTC');
    expect(zones.length).toBeGreaterThan(300);
  });
});
