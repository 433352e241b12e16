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
  useEffect(() => confirm.current?.focus(), []);
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
