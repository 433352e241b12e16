import { describe, expect, it } from 'vitest';
import { BookWorkerError } from '../backup/worker-protocol';
import { backupAgeText, describeFailure, fileNameOf, isCancelled, restoreFailureText, restoreProgressText } from './backup-words';
import { inTenths } from './book/backup/restore-form';
import { translate, type MessageKey } from '../i18n/translate';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('pt-BR', key, params);

describe('backups and restores in the seller’s words', () => {
  it('translates each error by its code, and says what failed in its own words otherwise', () => {
    expect(restoreFailureText(t, new BookWorkerError('wrong-passphrase', 'AES-GCM tag mismatch'))).toBe('Senha errada: o arquivo não abriu. Nada foi alterado.');
    expect(restoreFailureText(t, new BookWorkerError('not-backup', 'format is not clientela-backup'))).toBe('Este arquivo não é uma cópia da Clientela. Nada foi alterado.');
    expect(restoreFailureText(t, new BookWorkerError('cancelled', ''))).toBe('Restauração cancelada: a agenda ficou como estava.');
    expect(restoreFailureText(t, new BookWorkerError('quota-exceeded', 'QuotaExceededError'))).toBe('O disco está cheio: não há espaço para restaurar a cópia. Nada foi alterado.');
    expect(restoreFailureText(t, new BookWorkerError('failed', 'The book worker stopped'))).toBe('A restauração falhou: The book worker stopped');
    expect(restoreFailureText(t, new Error('boom'))).toBe('A restauração falhou: boom');
  });

  it('keeps the problems a worker error carries, and only well-formed ones', () => {
    const error = new BookWorkerError('invalid-records', 'bad', [{ field: 'orders[3].totalMinor', message: 'expected an integer' }]);
    expect(describeFailure(error)).toEqual({ code: 'invalid-records', message: 'bad', problems: [{ field: 'orders[3].totalMinor', message: 'expected an integer' }] });
    expect(describeFailure({ code: 7, problems: [null, 'x'] })).toMatchObject({ code: null, problems: [] });
    expect(isCancelled(new DOMException('stop', 'AbortError'))).toBe(true);
  });

  it('counts records while checking and writing, and shows a percentage while reading bytes', () => {
    expect(restoreProgressText(t, 'pt-BR', { phase: 'writing', done: 45_000, total: 1_100_000 })).toBe('Restaurando… 45.000 de 1.100.000 registros');
    expect(restoreProgressText(t, 'pt-BR', { phase: 'decrypting', done: 1, total: 4 })).toBe('Abrindo o arquivo protegido… 25%');
  });

  it('announces progress in tenths, whole numbers only', () => {
    expect(inTenths({ phase: 'writing', done: 459_999, total: 1_100_003 })).toMatchObject({ done: 440_001 });
    expect(inTenths({ phase: 'writing', done: 5, total: 0 })).toMatchObject({ done: 0 });
  });

  it('says how old the last backup is, or that there is none', () => {
    expect(backupAgeText(t, 'pt-BR', 3)).toBe('Última cópia há 3 dias');
    expect(backupAgeText(t, 'pt-BR', 0)).toBe('Última cópia hoje');
    expect(backupAgeText(t, 'pt-BR', null)).toBe('Nenhuma cópia ainda');
    expect(fileNameOf('Clientela/clientela-backup-2026-11-26_09-00.json')).toBe('clientela-backup-2026-11-26_09-00.json');
  });
});
