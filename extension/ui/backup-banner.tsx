import { useEffect, useRef } from 'preact/hooks';
import { formatDaysAgo } from '../i18n/format';
import type { Locale, MessageKey } from '../i18n/translate';

/** Where the banner's own backup stands: idle, running (with its progress in words), saved, or failed. */
export type BannerStatus = { kind: 'idle' } | { kind: 'running'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

interface Props {
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  locale: Locale;
  reminder: 'never' | 'old';
  daysSinceLast: number | null;
  status: BannerStatus;
  onRun: () => void;
  /** "Remind me tomorrow", or closing the banner once its backup is saved. */
  onDismiss: () => void;
}

/**
 * The gentle reminder to back up, in the book page and in the sidebar: one button that makes the backup now and
 * one that puts the reminder away for the day. No live role of its own on the reminder: it is there when the
 * page opens, not news; what the button does is announced politely.
 */
export function BackupBanner({ t, locale, reminder, daysSinceLast, status, onRun, onDismiss }: Props) {
  const statusRef = useRef<HTMLParagraphElement>(null);
  const bannerRef = useRef<HTMLElement>(null);
  const running = status.kind === 'running';

  // The run button goes away once the backup is saved: keep the keyboard where the seller was.
  useEffect(() => {
    const active = document.activeElement;
    if (status.kind === 'done' && (!active || active === document.body || bannerRef.current?.contains(active))) statusRef.current?.focus();
  }, [status.kind]);

  return (
    <section ref={bannerRef} class="backup-banner" data-testid="backup-banner" aria-label={t('bannerLabel')}>
      <p>{reminder === 'never' || daysSinceLast === null ? t('bannerNever') : t('bannerOld', { ago: formatDaysAgo(daysSinceLast, locale) })}</p>
      <p ref={statusRef} class={`banner-status${status.kind === 'error' ? ' error' : ''}`} aria-live="polite" tabIndex={-1}>
        {status.kind === 'idle' ? '' : status.text}
      </p>
      <div class="actions">
        {status.kind !== 'done' && (
          <button type="button" data-testid="backup-banner-run" aria-disabled={running} onClick={() => !running && onRun()}>
            {t('backupNow')}
          </button>
        )}
        <button type="button" class="secondary" onClick={onDismiss}>
          {status.kind === 'done' ? t('close') : t('bannerDismiss')}
        </button>
      </div>
    </section>
  );
}
