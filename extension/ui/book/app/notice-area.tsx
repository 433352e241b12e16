import { useState } from 'preact/hooks';
import { useNotice, type NoticeAction } from './book-context';

/**
 * The page's one live region for what screens say (useBook().notify), under the nav. Both regions are always
 * there, so assistive technology is listening before the first notice arrives; a notice replaces the one before
 * it, in either region, and stays until the next (a toast that left on a timer could leave before it was read).
 * A notice's action (a clean-up's "Desfazer") is a button beside the regions, not in them, so it is not read twice.
 */
export function NoticeArea() {
  const notice = useNotice();
  return (
    <div class="notices">
      <p role="status" class="notice-status ok" data-testid="notice-status">
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      <p role="alert" class="notice-alert error" data-testid="notice-alert">
        {notice?.kind === 'alert' ? notice.text : ''}
      </p>
      {notice?.action && <NoticeButton key={notice.id} action={notice.action} />}
    </div>
  );
}

/** A notice's one action: disabled once pressed, so a double click does not run it twice. */
function NoticeButton({ action }: { action: NoticeAction }) {
  const [used, setUsed] = useState(false);
  return (
    <button
      type="button"
      class="secondary notice-action"
      data-testid="notice-action"
      disabled={used}
      onClick={() => {
        setUsed(true);
        action.run();
      }}
    >
      {action.label}
    </button>
  );
}
