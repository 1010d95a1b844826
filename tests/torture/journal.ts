// What the torture test knows the host promised: each write is recorded as in flight when it is sent and becomes
// acknowledged only when its `{ ok: true }` answer has arrived. A write whose answer never came may or may not have
// landed; verify.ts accepts both, and the journal then takes on whichever the restarted host shows.
import type { ArticleSummary } from '../../src-main/shared/domain';
import type { PackImportResult } from '../../src-main/shared/packs';
import { applyWrite, emptyBoard, type BoardModel, type BoardWrite } from './board-model';
import type { ArticleImport, PackImport } from './import-files';

export interface BoardRef {
  debateId: string;
  studentId: string;
}

/** One student's board, written by one lane, one write at a time (so "the last acknowledged" is well defined). */
export interface BoardJournal {
  ref: BoardRef;
  acknowledged: BoardModel;
  /** The board if the write in flight at the kill landed. */
  inFlight: { write: BoardWrite; model: BoardModel } | null;
}

export type ImportFile = ArticleImport | PackImport;

export type AcknowledgedImport =
  | { file: ArticleImport; articleId: string; wordCount: number; checkedInFull: boolean }
  | { file: PackImport; checkedInFull: boolean };

export interface ImportJournal {
  acknowledged: AcknowledgedImport[];
  /** Imports whose answer never came and that the restarted host did not have: they must stay absent. */
  absent: ImportFile[];
  inFlight: ImportFile | null;
}

export interface Journal {
  boards: BoardJournal[];
  imports: ImportJournal;
  /** Writes acknowledged over the whole run, and writes lost to a kill (landed or not). */
  counts: { acknowledged: number; lostLanded: number; lostAbsent: number };
}

export function createJournal(boards: BoardRef[]): Journal {
  return {
    boards: boards.map((ref) => ({ ref, acknowledged: emptyBoard(), inFlight: null })),
    imports: { acknowledged: [], absent: [], inFlight: null },
    counts: { acknowledged: 0, lostLanded: 0, lostAbsent: 0 },
  };
}

export function sendingBoardWrite(board: BoardJournal, write: BoardWrite): void {
  if (board.inFlight) throw new Error('one write at a time per board lane');
  board.inFlight = { write, model: applyWrite(board.acknowledged, write) };
}

export function boardWriteAcknowledged(journal: Journal, board: BoardJournal): void {
  if (!board.inFlight) throw new Error('no write in flight');
  board.acknowledged = board.inFlight.model;
  board.inFlight = null;
  journal.counts.acknowledged += 1;
}

export function sendingImport(journal: Journal, file: ImportFile): void {
  if (journal.imports.inFlight) throw new Error('one import at a time');
  journal.imports.inFlight = file;
}

export function importAcknowledged(journal: Journal, value: unknown): void {
  const file = journal.imports.inFlight;
  if (!file) throw new Error('no import in flight');
  if (file.kind === 'article') {
    const summary = value as ArticleSummary;
    journal.imports.acknowledged.push({
      file,
      articleId: summary.id,
      wordCount: summary.wordCount,
      checkedInFull: false,
    });
  } else {
    const result = value as PackImportResult;
    if (result.outcome !== 'created') throw new Error(`the pack ${file.fileName} was ${result.outcome}, not created`);
    journal.imports.acknowledged.push({ file, checkedInFull: false });
  }
  journal.imports.inFlight = null;
  journal.counts.acknowledged += 1;
}
