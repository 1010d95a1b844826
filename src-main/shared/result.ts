// The one envelope every API call answers with, on every host.

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_METHOD'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** A write made against an older version of a board than the one saved (another window changed it). */
  | 'STALE_WRITE'
  | 'LOCKED'
  | 'FORBIDDEN'
  | 'TOO_LARGE'
  | 'DUPLICATE'
  | 'DATABASE_TOO_NEW'
  /** This host cannot do it (e.g. no Chromium to print a PDF with); the message says what to do instead. */
  | 'UNAVAILABLE'
  | 'DATABASE_ERROR'
  /** The disk is full: nothing was saved. */
  | 'DISK_FULL'
  /** The data folder or disk cannot be written to: nothing was saved. */
  | 'READ_ONLY'
  | 'INTERNAL';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
