import { useNotice } from './book-context';

/**
 * The page's one live region for what screens say (useBook().notify), under the nav. Both regions are always
 * there, so assistive technology is listening before the first notice arrives; a notice replaces the one before
 * it, in either region, and stays until the next (a toast that left on a timer could leave before it was read).
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
    </div>
  );
}
