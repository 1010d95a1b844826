// A student's board for one debate: which pool cards they placed on which side, in which order.
import type { Board, Placement, Side } from '../shared/domain';
import { boardCards } from './cards';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { findDebate } from './debates';
import { AppError, notFound } from './errors';
import { findPersonRow, personFromRow } from './people';

interface PlacementRow {
  excerpt_id: number;
  card_uuid: string;
  side: Side;
  position: number;
}

function placedRows(db: Db, debateId: number, studentId: number): PlacementRow[] {
  return db
    .prepare<[number, number], PlacementRow>(
      `SELECT p.excerpt_id, e.uuid AS card_uuid, p.side, p.position
       FROM placements p JOIN excerpts e ON e.id = p.excerpt_id
       WHERE p.debate_id = ? AND p.student_id = ? AND p.side IS NOT NULL
       ORDER BY p.side, p.position`,
    )
    .all(debateId, studentId);
}

export function getBoard(db: Db, debateUuid: string, studentUuid: string): Board {
  const { rowId, ...debate } = findDebate(db, debateUuid);
  const student = findPersonRow(db, studentUuid, 'student');
  const placements: Placement[] = placedRows(db, rowId, student.id).map((row) => ({
    cardId: row.card_uuid,
    side: row.side,
    position: row.position,
  }));
  return {
    debate,
    student: personFromRow(student),
    cards: boardCards(db, rowId, student.id),
    placements,
  };
}

export interface PlaceCardInput {
  debateId: string;
  studentId: string;
  cardId: string;
  side: Side | null;
  index: number;
}

/** Moves one card onto a side at `index` (clamped to the end), or back to the pool; renumbers both sides. */
export function placeCard(db: Db, input: PlaceCardInput): Board {
  const debate = findDebate(db, input.debateId);
  if (debate.status !== 'open') {
    throw new AppError('LOCKED', 'This debate is locked: boards can be read but no longer changed.');
  }
  const student = findPersonRow(db, input.studentId, 'student');
  const card = db
    .prepare<[string, number, number, number], { id: number }>(
      `SELECT e.id FROM excerpts e
       WHERE e.uuid = ? AND e.kind = 'card'
         AND (e.id IN (SELECT excerpt_id FROM debate_pool WHERE debate_id = ?)
              OR (e.owner_id = ? AND e.article_id IN (SELECT article_id FROM debate_articles WHERE debate_id = ?)))`,
    )
    .get(input.cardId, debate.rowId, student.id, debate.rowId);
  if (!card) throw notFound('This card (in this debate)');

  const sides: Record<Side, number[]> = { A: [], B: [] };
  for (const row of placedRows(db, debate.rowId, student.id)) {
    if (row.excerpt_id !== card.id) sides[row.side].push(row.excerpt_id);
  }
  if (input.side) {
    const target = sides[input.side];
    target.splice(Math.min(input.index, target.length), 0, card.id);
  }

  const now = nowIso();
  db.prepare(
    `INSERT INTO placements (uuid, debate_id, student_id, excerpt_id, side, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)
     ON CONFLICT (debate_id, student_id, excerpt_id)
     DO UPDATE SET side = excluded.side, version = version + 1, updated_at = excluded.updated_at`,
  ).run(newUuid(), debate.rowId, student.id, card.id, input.side, now, now);
  const renumber = db.prepare(
    `UPDATE placements SET position = ?, updated_at = ?
     WHERE debate_id = ? AND student_id = ? AND excerpt_id = ? AND position <> ?`,
  );
  for (const ids of [sides.A, sides.B]) {
    ids.forEach((excerptId, position) => renumber.run(position, now, debate.rowId, student.id, excerptId, position));
  }
  return getBoard(db, input.debateId, input.studentId);
}
