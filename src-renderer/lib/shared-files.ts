// Debate packs and work files in the UI: which files are which (saving one is downloadApiFile in sheet-files.ts).
import { PACK_EXTENSION, WORK_EXTENSION } from '../../src-main/shared/packs';

export const PACK_ACCEPT = `${PACK_EXTENSION},.zip`;
export const WORK_ACCEPT = `${WORK_EXTENSION},.zip`;

/** In a chosen folder, only work files are sent (other files are counted as skipped). */
export function isWorkFile(fileName: string): boolean {
  return fileName.toLowerCase().endsWith(WORK_EXTENSION);
}
