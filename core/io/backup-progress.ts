/**
 * How far a backup or restore has got: records for `reading` (the book, making a backup) and `writing` (the
 * book, restoring), bytes for `encrypting` and `decrypting`. `checking` is a whole old-style file being read and
 * checked before anything is written (done 0 of 1, then 1 of 1).
 */
export interface BackupProgress {
  phase: 'reading' | 'decrypting' | 'checking' | 'writing' | 'encrypting';
  done: number;
  total: number;
}

/** Reports per run at most (and the first and last always): enough for a smooth bar. */
const STEPS = 200;

/**
 * A progress callback that passes on a report only when at least 1/200 of the total has been done since the last
 * one (the first report and the last, done === total, always pass). A worker posting a message per batch of a
 * restore of a million records would keep the page busy; counting work rather than time keeps it deterministic.
 */
export function throttledProgress(onProgress: ((progress: BackupProgress) => void) | undefined, phase: BackupProgress['phase'], total: number): (done: number) => void {
  if (!onProgress) return () => undefined;
  const step = total / STEPS;
  let last = -Infinity;
  return (done) => {
    if (done - last < step && done < total) return;
    last = done;
    onProgress({ phase, done, total });
  };
}
