import { useEffect, useRef } from 'preact/hooks';
import { useBook } from '../../app/book-context';

interface ConfirmStepProps {
  /** What will happen, in the seller's words. */
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The second step of a destructive action, in place: what will happen, then the action or "Voltar". Focus moves
 * to the action (Escape or "Voltar" goes back), so a keyboard user confirms without hunting for the button.
 */
export function ConfirmStep({ message, confirmLabel, onConfirm, onCancel }: ConfirmStepProps) {
  const { t } = useBook();
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Whoever opened this step gets focus back when it closes; if the action removed them (a refunded order loses
    // its Refund button), the step's section does, so the keyboard never falls back to the top of the page.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const section = confirm.current?.closest('section') ?? null;
    confirm.current?.focus();
    return () => {
      setTimeout(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        if (opener?.isConnected) return opener.focus();
        if (section?.isConnected) {
          section.tabIndex = -1;
          section.focus();
        }
      }, 0);
    };
  }, []);
  return (
    <div class="confirm-step" role="group" aria-label={confirmLabel} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <p>{message}</p>
      <button ref={confirm} type="button" class="danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('back')}
      </button>
    </div>
  );
}
