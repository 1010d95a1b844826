// Debate packs and work files in the UI: which files are which, and saving one the API made (a download).
import { PACK_EXTENSION, WORK_EXTENSION, type SharedFile } from '../../src-main/shared/packs';
import { bytesOf, downloadBytes } from './sheet-files';

export const PACK_ACCEPT = `${PACK_EXTENSION},.zip`;
export const WORK_ACCEPT = `${WORK_EXTENSION},.zip`;

/** In a chosen folder, only work files are sent (other files are counted as skipped). */
export function isWorkFile(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(WORK_EXTENSION);
}

export function saveSharedFile(file: SharedFile): void {
  downloadBytes(bytesOf(file), file.fileName, file.mimeType);
}
