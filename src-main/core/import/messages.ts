// The plain-language reasons an import is refused: each names the file and says why.
import { AppError } from '../errors';
import { MAX_IMPORT_BYTES } from './types';

export const SUPPORTED_EXTENSIONS_TEXT = '.txt, .md, .html, .docx and .pdf files';

/** The file name as the teacher knows it: no folders, in curly quotes; pasted text has no name. */
export function subject(fileName: string): string {
  return fileName ? `“${fileName}”` : 'The pasted text';
}

export function invalid(fileName: string, reason: string): AppError {
  return new AppError('INVALID_INPUT', `${subject(fileName)} ${reason}`);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function tooLarge(fileName: string, bytes: number): AppError {
  return new AppError(
    'TOO_LARGE',
    `${subject(fileName)} is ${megabytes(bytes)}; the limit is ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`,
  );
}

/** Library errors often end with their own period; ours adds the closing bracket and one. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[.\s]+$/, '') || 'unknown error'
  );
}
