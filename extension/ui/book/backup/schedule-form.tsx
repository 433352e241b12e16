import { useEffect, useRef, useState } from 'preact/hooks';
import { describeFailure } from '../../backup-words';
import { useBackupPage } from './backup-page';
import type { BackupSchedule, BackupState } from './backup-services';

const SCHEDULES: readonly BackupSchedule[] = ['daily', 'weekly', 'monthly', 'off'];
export const MIN_PASSPHRASE = 8;

/** What is wrong with a new passphrase and its confirmation, field by field (nothing when both are fine). */
export function passphraseProblems(passphrase: string, confirmation: string): { passphrase?: 'backupPassphraseTooShort'; confirm?: 'backupPassphraseMismatch' } {
  if (passphrase.length < MIN_PASSPHRASE) return { passphrase: 'backupPassphraseTooShort' };
  if (passphrase !== confirmation) return { confirm: 'backupPassphraseMismatch' };
  return {};
}

/**
 * The schedule and the encryption of automatic backups, saved together. The downloads permission is asked for
 * in the save click itself, before anything is awaited: browsers show the prompt only during the seller's
 * gesture (Firefox refuses it after an await).
 */
export function ScheduleForm({ state }: { state: BackupState }) {
  const { t, services, downloadsGranted } = useBackupPage();
  const [schedule, setSchedule] = useState(state.settings.schedule);
  const [encrypt, setEncrypt] = useState(state.settings.encrypt);
  const [changing, setChanging] = useState(false);
  const [errors, setErrors] = useState<ReturnType<typeof passphraseProblems>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const hasKey = state.key !== null && state.settings.encrypt;
  const asksPassphrase = encrypt && (!hasKey || changing);

  // Settings saved elsewhere (another tab) show here too: only when the saved value changes, never at mount (the
  // mount's effect may run after the seller's first pick, and would undo it).
  const saved = useRef(state.settings);
  useEffect(() => {
    if (state.settings.schedule !== saved.current.schedule) setSchedule(state.settings.schedule);
    if (state.settings.encrypt !== saved.current.encrypt) setEncrypt(state.settings.encrypt);
    saved.current = state.settings;
  }, [state.settings.schedule, state.settings.encrypt]);

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const passphrase = String(data.get('backup-passphrase') ?? '');
    const problems = asksPassphrase ? passphraseProblems(passphrase, String(data.get('backup-passphrase-confirm') ?? '')) : {};
    setErrors(problems);
    if (problems.passphrase || problems.confirm) {
      (problems.passphrase ? passphraseRef : confirmRef).current?.focus();
      return;
    }
    // Not awaited: a prompt left unanswered must not hold the settings. The panel follows the grant as it changes.
    if (schedule !== 'off' && !downloadsGranted) void services.downloads.request().catch(() => false);
    setBusy(true);
    setResult(null);
    try {
      await services.saveSchedule(schedule);
      if (asksPassphrase) await services.setEncryption(passphrase);
      else if (!encrypt && state.settings.encrypt) await services.setEncryption(null);
      setChanging(false);
      setResult({ kind: 'ok', text: t('backupSettingsSaved') });
    } catch (error) {
      setResult({ kind: 'error', text: t('error', { message: describeFailure(error).message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="backup-settings" onSubmit={(event) => void onSubmit(event)} noValidate>
      <label>
        {t('backupFrequency')}
        <select name="backup-schedule" value={schedule} onChange={(event) => setSchedule(event.currentTarget.value as BackupSchedule)}>
          {SCHEDULES.map((schedule) => (
            <option key={schedule} value={schedule}>
              {t(`schedule.${schedule}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" name="backup-encrypt" checked={encrypt} onChange={(event) => setEncrypt(event.currentTarget.checked)} />
        {t('backupEncrypt')}
      </label>
      {encrypt && hasKey && !changing && (
        <p class="encrypted-on">
          {t('backupEncryptedOn')}{' '}
          <button type="button" class="secondary" onClick={() => setChanging(true)}>
            {t('backupChangePassphrase')}
          </button>
        </p>
      )}
      {asksPassphrase && (
        <div class="passphrase">
          <p id="backup-passphrase-hint" class="meta">
            {t('backupPassphraseHint')}
          </p>
          <label>
            {t('backupPassphrase')}
            <input
              ref={passphraseRef}
              type="password"
              name="backup-passphrase"
              autoComplete="new-password"
              minLength={MIN_PASSPHRASE}
              required
              aria-invalid={Boolean(errors.passphrase)}
              aria-describedby={errors.passphrase ? 'backup-passphrase-hint backup-passphrase-error' : 'backup-passphrase-hint'}
            />
          </label>
          {errors.passphrase && (
            <p id="backup-passphrase-error" class="error">
              {t(errors.passphrase)}
            </p>
          )}
          <label>
            {t('backupPassphraseConfirm')}
            <input
              ref={confirmRef}
              type="password"
              name="backup-passphrase-confirm"
              autoComplete="new-password"
              required
              aria-invalid={Boolean(errors.confirm)}
              aria-describedby={errors.confirm ? 'backup-passphrase-confirm-error' : undefined}
            />
          </label>
          {errors.confirm && (
            <p id="backup-passphrase-confirm-error" class="error">
              {t(errors.confirm)}
            </p>
          )}
        </div>
      )}
      <div class="actions">
        <button type="submit" aria-disabled={busy}>
          {t('backupSaveSettings')}
        </button>
        <span class={result?.kind ?? ''} aria-live="polite">
          {result?.text ?? ''}
        </span>
      </div>
    </form>
  );
}
