import { useEffect, useRef, useState } from 'preact/hooks';
import { describeFailure, fileNameOf, isCancelled, restoreFailureText, restoreProgressText, type ProgressReport, type RestoreProblem } from '../../backup-words';
import { formatDateTime } from '../../../i18n/format';
import { throttled, useBackupPage } from './backup-page';

/** Problems listed under a failed restore; the rest are counted. */
const SHOWN_PROBLEMS = 5;

type Step =
  | { step: 'idle' }
  /** An encrypted file waits for its passphrase. */
  | { step: 'passphrase'; file: File }
  | { step: 'saving-current' }
  | { step: 'restoring'; progress: ProgressReport | null };

type Result = { kind: 'ok' | 'error'; text: string; problems: RestoreProblem[] };

/** Progress rounded down to tenths, for the live region: ten announcements a phase, not one per report. */
export function inTenths(progress: ProgressReport): ProgressReport {
  if (progress.total <= 0) return { ...progress, done: 0 };
  return { ...progress, done: Math.round((Math.floor((progress.done * 10) / progress.total) * progress.total) / 10) };
}

/**
 * Restore from a file: an encrypted file asks for its passphrase first; a book that is not empty is backed up
 * first (reason 'before-restore'), so a restore can always be undone; then the worker restores with progress and
 * can be cancelled, leaving the book exactly as it was.
 */
export function RestoreForm() {
  const { t, locale, timeZone, services, book, restore: restoreBook, restoreTarget } = useBackupPage();
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const [result, setResult] = useState<Result | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const job = useRef<AbortController | null>(null);
  // The copy of the current book made for the file being restored: a retried passphrase does not make another.
  const savedFirst = useRef<{ file: File; fileName: string } | null>(null);

  // Keyboard focus follows the flow: the passphrase when asked, Cancelar while working, the result at the end.
  useEffect(() => {
    if (step.step === 'passphrase') passphraseRef.current?.focus();
    if (step.step === 'restoring' || step.step === 'saving-current') cancelRef.current?.focus();
  }, [step.step]);
  useEffect(() => {
    const active = document.activeElement;
    if (result && step.step === 'idle' && (!active || active === document.body)) resultRef.current?.focus();
  }, [result, step.step]);
  // The integrity alert's "Restaurar essa cópia": bring the file input to the seller, explained.
  useEffect(() => {
    if (!restoreTarget || !fileRef.current) return;
    fileRef.current.scrollIntoView({ block: 'center' });
    fileRef.current.focus();
  }, [restoreTarget]);

  // Counted now: the counts on screen follow writes only once they are quiet.
  const isEmpty = async () => Object.values(await book.countRecords()).every((count) => count === 0);

  const restore = async (file: File, passphrase?: string) => {
    const controller = new AbortController();
    job.current = controller;
    setResult(null);
    try {
      if (savedFirst.current?.file !== file && !(await isEmpty())) {
        setStep({ step: 'saving-current' });
        try {
          const record = await services.backUp('before-restore', { signal: controller.signal });
          savedFirst.current = { file, fileName: record.fileName };
        } catch (error) {
          if (isCancelled(error) || controller.signal.aborted) throw error;
          throw Object.assign(new Error(t('restoreError.before-restore', { message: describeFailure(error).message })), { code: 'before-restore' });
        }
      }
      setStep({ step: 'restoring', progress: null });
      const progress = throttled((report: ProgressReport) => setStep({ step: 'restoring', progress: report }));
      const counts = await restoreBook(file, { passphrase, signal: controller.signal, onProgress: progress.push }).finally(progress.cancel);
      const restored = t('restored', { count: counts.customers ?? 0, orders: counts.orders ?? 0 });
      const saved = savedFirst.current?.file === file ? ` ${t('restoredSavedFirst', { file: fileNameOf(savedFirst.current.fileName) })}` : '';
      setResult({ kind: 'ok', text: restored + saved, problems: [] });
      finish();
    } catch (error) {
      const { code, message, problems } = describeFailure(error);
      if (code === 'wrong-passphrase' || code === 'needs-passphrase') {
        setResult({ kind: 'error', text: restoreFailureText(t, error), problems: [] });
        setStep({ step: 'passphrase', file });
        return;
      }
      const cancelled = isCancelled(error) || controller.signal.aborted;
      setResult({ kind: cancelled ? 'ok' : 'error', text: code === 'before-restore' ? message : restoreFailureText(t, cancelled ? { code: 'cancelled' } : error), problems });
      finish();
    } finally {
      if (job.current === controller) job.current = null;
    }
  };

  const finish = () => {
    setStep({ step: 'idle' });
    savedFirst.current = null;
    if (fileRef.current) fileRef.current.value = '';
  };

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setResult(null);
    savedFirst.current = null;
    if (await services.isEncrypted(file).catch(() => false)) setStep({ step: 'passphrase', file });
    else await restore(file);
  };

  const onPassphrase = (event: SubmitEvent) => {
    event.preventDefault();
    if (step.step !== 'passphrase') return;
    void restore(step.file, passphraseRef.current?.value ?? '');
  };

  const working = step.step === 'saving-current' || step.step === 'restoring';
  const progress = step.step === 'restoring' ? step.progress : null;
  const progressText = step.step === 'saving-current' ? t('restoreSavingCurrent') : progress ? restoreProgressText(t, locale, progress) : t('loading');
  return (
    <div class="restore">
      <label class="file">
        {t('restoreBackup')}
        <input
          ref={fileRef}
          type="file"
          data-testid="restore-file"
          accept=".json,.clientela,application/json"
          disabled={working}
          aria-describedby={restoreTarget ? 'restore-hint restore-target' : 'restore-hint'}
          onChange={(event) => void onFile(event)}
        />
      </label>
      <p id="restore-hint" class="meta">
        {t('restoreHint')} {t('restoreSavesFirst')}
      </p>
      {restoreTarget && (
        <p id="restore-target" class="notice">
          {t('integrityPickFile', { file: restoreTarget.fileName, when: formatDateTime(restoreTarget.at, locale, timeZone) })}
        </p>
      )}
      {step.step === 'passphrase' && (
        <form class="restore-passphrase" onSubmit={onPassphrase}>
          <p>{t('restoreEncrypted')}</p>
          <label>
            {t('restorePassphrase')}
            <input ref={passphraseRef} type="password" name="restore-passphrase" autoComplete="off" required aria-invalid={result?.kind === 'error'} aria-describedby={result ? 'restore-result' : undefined} />
          </label>
          <div class="actions">
            <button type="submit" data-testid="restore-go">
              {t('restoreGo')}
            </button>
            <button type="button" class="secondary" onClick={finish}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {working && (
        <div class="restore-progress">
          <p id="restore-progress-text">{progressText}</p>
          <p class="visually-hidden" aria-live="polite">
            {step.step === 'saving-current' ? progressText : progress ? restoreProgressText(t, locale, inTenths(progress)) : ''}
          </p>
          <progress data-testid="restore-progress" aria-labelledby="restore-progress-text" {...(progress ? { value: progress.done, max: Math.max(progress.total, 1) } : {})} />
          <button ref={cancelRef} type="button" class="secondary" data-testid="restore-cancel" onClick={() => job.current?.abort()}>
            {t('cancel')}
          </button>
        </div>
      )}
      {result && (
        <div ref={resultRef} id="restore-result" role={result.kind === 'error' ? 'alert' : 'status'} class={result.kind} data-testid="restore-result" tabIndex={-1}>
          <p>{result.text}</p>
          {result.problems.length > 0 && (
            <>
              <p>{t('restoreProblems')}</p>
              <ul class="problems">
                {result.problems.slice(0, SHOWN_PROBLEMS).map((problem, index) => (
                  <li key={index}>
                    {problem.line !== undefined && `${t('problemLine', { line: problem.line })} — `}
                    <code>{problem.field}</code>: {problem.message}
                  </li>
                ))}
              </ul>
              {result.problems.length > SHOWN_PROBLEMS && <p>{t('problemsLeft', { count: result.problems.length - SHOWN_PROBLEMS })}</p>}
            </>
          )}
        </div>
      )}
    </div>
  );
}
