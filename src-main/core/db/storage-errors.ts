// Disk problems in plain words: a full disk, a read-only or forbidden data folder, a damaged file. SQLite's codes
// (better-sqlite3's SqliteError.code) and Node's (fs errors) both map here, so no call ever answers "INTERNAL" for
// what is really the disk, and no message shows a raw error code to a teacher.
import { statfsSync } from 'node:fs';
import { AppError } from '../errors';

const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

function codeOf(error: unknown): string | null {
  let current: unknown = error;
  // AppErrors made while opening carry the SQLite error as their cause.
  for (let depth = 0; depth < 3 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(SQLITE_|E[A-Z]+$)/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Below this much free space, an I/O error is taken for a full disk (SQLite reports a full -shm as IOERR). */
const NEARLY_FULL_BYTES = 1024 * 1024;

function diskNearlyFull(dataDir: string): boolean {
  try {
    const { bavail, bsize } = statfsSync(dataDir);
    return bavail * bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/**
 * What a disk problem means for the user, or null when the error is not about the disk. `atStart`: the words for
 * opening the data when Debate Desk starts, rather than for saving a change.
 */
export function storageError(error: unknown, dataDir: string, atStart = false): AppError | null {
  const code = codeOf(error);
  if (!code) return null;
  if (FULL.has(code) || (code.startsWith('SQLITE_IOERR') && diskNearlyFull(dataDir))) {
    return new AppError(
      'DISK_FULL',
      atStart
        ? `The disk is full: Debate Desk cannot open its data in ${dataDir}. Nothing was changed; free some space ` +
            'on the disk and start Debate Desk again.'
        : 'The disk is full: Debate Desk could not save this change. Nothing was changed; free some space on the ' +
            'disk and try again.',
    );
  }
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError(
      'READ_ONLY',
      `Debate Desk cannot write to its data folder (${dataDir}): the folder or the disk is read-only, or this ` +
        'user may not write there. Nothing was changed. Make the folder writable (or start Debate Desk with ' +
        'another data folder) and try again.',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError(
      'DATABASE_ERROR',
      'The data file has been damaged, so this could not be done. Close Debate Desk and start it again: it will ' +
        'keep the damaged file aside and restore the newest backup.',
    );
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new AppError(
      'DATABASE_ERROR',
      'Debate Desk could not read or write its data file (the disk reported an error). Nothing was changed. ' +
        'If this happens again, check the disk, then restart Debate Desk.',
    );
  }
  return null;
}
