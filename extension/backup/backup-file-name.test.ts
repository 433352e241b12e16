import { describe, expect, it } from 'vitest';
import { backupFileName } from './backup-file-name';
import { BACKUP_REASONS } from './worker-protocol';

const SAO_PAULO = { timeZone: 'America/Sao_Paulo', locale: 'pt-BR' as const, encrypted: false };

describe('backup file names', () => {
  it('carries the seller’s own date and time: 23:30 in São Paulo (UTC-3) is that day, though UTC is past midnight', () => {
    expect(backupFileName(new Date('2026-11-30T02:30:00.000Z'), 'scheduled', SAO_PAULO)).toBe('Clientela/clientela-backup-2026-11-29_23-30.json');
    expect(backupFileName(new Date('2026-11-30T02:30:00.000Z'), 'scheduled', { ...SAO_PAULO, timeZone: 'Europe/Lisbon' })).toBe('Clientela/clientela-backup-2026-11-30_02-30.json');
  });

  it('pads every field and uses a 24-hour clock, so names sort oldest first', () => {
    const times = ['2026-01-05T03:04:00.000Z', '2026-01-05T15:00:00.000Z', '2026-10-11T12:09:00.000Z', '2027-02-01T00:00:00.000Z'];
    const names = times.map((iso) => backupFileName(new Date(iso), 'manual', { ...SAO_PAULO, timeZone: 'UTC' }));
    expect(names[0]).toBe('Clientela/clientela-backup-2026-01-05_03-04.json');
    expect(names[1]).toBe('Clientela/clientela-backup-2026-01-05_15-00.json');
    expect([...names].reverse().sort()).toEqual(names);
  });

  it('says which destructive action a copy preceded, in the seller’s language, and nothing for the others', () => {
    const at = new Date('2026-11-29T19:50:00.000Z');
    expect(backupFileName(at, 'before-restore', SAO_PAULO)).toBe('Clientela/clientela-backup-2026-11-29_16-50-antes-de-restaurar.json');
    expect(backupFileName(at, 'before-erase', { ...SAO_PAULO, locale: 'es' })).toBe('Clientela/clientela-backup-2026-11-29_16-50-antes-de-borrar.json');
    expect(backupFileName(at, 'before-merge', { ...SAO_PAULO, locale: 'en' })).toBe('Clientela/clientela-backup-2026-11-29_16-50-before-merge.json');
    expect(backupFileName(at, 'manual', SAO_PAULO)).toBe('Clientela/clientela-backup-2026-11-29_16-50.json');
  });

  it('ends an encrypted copy in .clientela', () => {
    expect(backupFileName(new Date('2026-11-29T19:50:00.000Z'), 'before-import', { ...SAO_PAULO, encrypted: true })).toBe('Clientela/clientela-backup-2026-11-29_16-50-antes-de-importar.clientela');
  });

  it('keeps every name to letters, digits and hyphens in every language', () => {
    for (const locale of ['pt-BR', 'pt-PT', 'es', 'en'] as const) {
      for (const reason of BACKUP_REASONS) {
        const name = backupFileName(new Date('2026-11-29T19:50:00.000Z'), reason, { ...SAO_PAULO, locale });
        expect(name, `${locale} ${reason}`).toMatch(/^Clientela\/clientela-backup-2026-11-29_16-50(-[a-z0-9]+(-[a-z0-9]+)*)?\.json$/);
      }
    }
  });
});
