import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';

/** Owner only: the folder holds feedback with contacts and consent, and (by default) the sites file with tokens. */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** A folder with this bit (like /tmp) is shared by design: tightening it would break everyone else using it. */
const STICKY = 0o1000;

/**
 * Creates `dir` (with its parents) as 0700 whatever the umask, which mkdir's `mode` alone does not promise.
 * An existing folder that is ours is tightened to 0700 too: it was made for the collector (a looser one was
 * likely made by hand or by an older collector). One owned by another user, or a sticky shared one such as
 * /tmp, is left as it is: the files in it are 0600 regardless (privateFile).
 */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  const stat = statSync(dir);
  if ((stat.mode & 0o777) === FOLDER_MODE) return;
  if (stat.uid !== process.geteuid?.() || (stat.mode & STICKY) !== 0) return;
  chmodSync(dir, FOLDER_MODE);
}

/** Makes `file` exist and be 0600 whatever the umask: created so when missing, tightened when it exists. */
export function privateFile(file: string): void {
  closeSync(openSync(file, 'a', FILE_MODE));
  chmodSync(file, FILE_MODE);
}

/** Tightens `file` to 0600 when it exists (a leftover such as a WAL kept by a crash); leaves it absent otherwise. */
export function tightenIfPresent(file: string): void {
  try {
    chmodSync(file, FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
