// The versions of a student's board (kept by the triggers of migration 0004) and the checks that refuse a write
// made against an older board than the one saved: two windows never overwrite each other's work silently.
import type { BoardVersions } from '../shared/domain';
import type { Db } from './db/open';
import { AppError } from './errors';

export interface BoardKey {
  debate: number;
  student: number;
}

/** What a write says it saw; a version left out is not checked (callers that predate versions still work). */
export interface ExpectedVersions {
  layout?: number | undefined;
  placements?: Record<string, number> | undefined;
  thesis?: number | undefined;
  conclusion?: number | undefined;
}

export const STALE_WRITE_MESSAGE =
  'This board was changed in another window or tab. It now shows the latest version; your change was not saved.';

export function staleWrite(): AppError {
  return new AppError('STALE_WRITE', STALE_WRITE_MESSAGE);
}

export function layoutVersion(db: Db, key: BoardKey): number {
  const row = db
    .prepare<[BoardKey], { layout_version: number }>(
      'SELECT layout_version FROM board_versions WHERE debate_id = @debate AND student_id = @student',
    )
    .get(key);
  return row?.layout_version ?? 0;
}

function positionVersions(db: Db, key: BoardKey): { thesis: number; conclusion: number } {
  const row = db
    .prepare<[BoardKey], { thesis_version: number; conclusion_version: number }>(
      'SELECT thesis_version, conclusion_version FROM positions WHERE debate_id = @debate AND student_id = @student',
    )
    .get(key);
  return { thesis: row?.thesis_version ?? 0, conclusion: row?.conclusion_version ?? 0 };
}

/** The argument version of one card on one board (0 if the student never placed it). */
export function argumentVersion(db: Db, key: BoardKey, excerptId: number): number {
  const row = db
    .prepare<[BoardKey & { excerpt: number }], { argument_version: number }>(
      `SELECT argument_version FROM placements
       WHERE debate_id = @debate AND student_id = @student AND excerpt_id = @excerpt`,
    )
    .get({ ...key, excerpt: excerptId });
  return row?.argument_version ?? 0;
}

/** Argument versions by card id, of every card the student ever placed on this board (on a side or back in the pool). */
function argumentVersionsByCard(db: Db, key: BoardKey): Map<string, number> {
  const rows = db
    .prepare<[BoardKey], { card_uuid: string; argument_version: number }>(
      `SELECT e.uuid AS card_uuid, p.argument_version FROM placements p JOIN excerpts e ON e.id = p.excerpt_id
       WHERE p.debate_id = @debate AND p.student_id = @student`,
    )
    .all(key);
  return new Map(rows.map((row) => [row.card_uuid, row.argument_version]));
}

/** The board's versions; `placedCardIds` are the cards on a side (the ones a window shows an argument for). */
export function boardVersions(db: Db, key: BoardKey, placedCardIds: readonly string[]): BoardVersions {
  const byCard = argumentVersionsByCard(db, key);
  const placements: Record<string, number> = {};
  for (const cardId of placedCardIds) placements[cardId] = byCard.get(cardId) ?? 0;
  return { layout: layoutVersion(db, key), placements, ...positionVersions(db, key) };
}

/**
 * Throws STALE_WRITE when any version given differs from the saved one. Runs inside the write's transaction
 * (BEGIN IMMEDIATE), so no other write can come between the check and the write.
 */
export function checkVersions(db: Db, key: BoardKey, expected: ExpectedVersions): void {
  if (expected.layout !== undefined && expected.layout !== layoutVersion(db, key)) throw staleWrite();
  if (expected.thesis !== undefined || expected.conclusion !== undefined) {
    const saved = positionVersions(db, key);
    if (expected.thesis !== undefined && expected.thesis !== saved.thesis) throw staleWrite();
    if (expected.conclusion !== undefined && expected.conclusion !== saved.conclusion) throw staleWrite();
  }
  const placements = Object.entries(expected.placements ?? {});
  if (placements.length > 0) {
    const byCard = argumentVersionsByCard(db, key);
    for (const [cardId, version] of placements) {
      if ((byCard.get(cardId) ?? 0) !== version) throw staleWrite();
    }
  }
}
