// Offline sharing by files: debate packs (teacher → students) and work files (student → teacher). Types and names
// the UI and the core share; the file formats themselves are described in src-main/core/packs/manifest.ts.

import type { SheetFile } from './sheet';

/** The debate pack a teacher hands out, and the work file a student hands back: zip archives. */
export const PACK_EXTENSION = '.ddpack';
export const WORK_EXTENSION = '.ddwork';

/** A pack or work file the API made: the same shape as an exported sheet, so the UI saves both one way. */
export type SharedFile = SheetFile;

/**
 * What importing a debate pack did: `created` (the debate was not on this computer), `updated` (the pack was newer),
 * `unchanged` (the same content), `older` (this computer has a newer version: nothing changed).
 */
export interface PackImportResult {
  fileName: string;
  outcome: 'created' | 'updated' | 'unchanged' | 'older';
  debate: { id: string; motion: string };
  articlesAdded: number;
  articlesUpdated: number;
  cardsAdded: number;
  cardsUpdated: number;
  studentsAdded: number;
  /** The outcome in words, for the person who imported it. */
  message: string;
}

/**
 * What importing one work file did: `imported` (first work from this student for this debate), `replaced` (a newer
 * file replaced the older one's work), `unchanged` (the same file again), `older` (an older file: nothing changed).
 */
export interface WorkImportResult {
  fileName: string;
  outcome: 'imported' | 'replaced' | 'unchanged' | 'older';
  debate: { id: string; motion: string };
  student: { id: string; name: string };
  /** The student was not on this computer's class list and was added (by their id). */
  addedToRoster: boolean;
  placements: number;
  cards: number;
  annotations: number;
  message: string;
}
