// A student's board for one debate: which cards they placed on which side, in which order, and why.
import type {
  Board,
  BoardArrangement,
  BoardPlacement,
  Rating,
  Side,
  StudentPosition,
  VersionedPlacement,
  VersionedPosition,
} from '../shared/domain';
import {
  argumentVersion,
  boardVersions,
  checkVersions,
  staleWrite,
  type BoardKey,
  type ExpectedVersions,
} from './board-versions';
import { boardCards } from './cards';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { findDebate, findEditableDebate } from './debates';
import { AppError, notFound } from './errors';
import { findPersonRow, personFromRow } from './people';

interface PlacementRow {
  excerpt_id: number;
  card_uuid: string;
  side: Side;
  position: number;
  reasoning_markdown: string;
  strength: Rating | null;
  relevance: Rating | null;
}

/** A card is on a student's board if it is in the class pool or is the student's own, cut from an article in play. */
const ON_BOARD = `(EXISTS (SELECT 1 FROM debate_pool dp WHERE dp.debate_id = @debate AND dp.excerpt_id = e.id)
  OR (e.owner_id = @student AND e.article_id IN (SELECT article_id FROM debate_articles WHERE debate_id = @debate)))`;

function placedRows(db: Db, key: BoardKey): PlacementRow[] {
  return db
    .prepare<[BoardKey], PlacementRow>(
      `SELECT p.excerpt_id, e.uuid AS card_uuid, p.side, p.position, p.reasoning_markdown, p.strength, p.relevance
       FROM placements p JOIN excerpts e ON e.id = p.excerpt_id
       WHERE p.debate_id = @debate AND p.student_id = @student AND p.side IS NOT NULL AND ${ON_BOARD}
       ORDER BY p.side, p.position`,
    )
    .all(key);
}

const toPlacement = (row: PlacementRow): BoardPlacement => ({
  cardId: row.card_uuid,
  side: row.side,
  position: row.position,
  reasoningMarkdown: row.reasoning_markdown,
  strength: row.strength,
  relevance: row.relevance,
});

function studentPosition(db: Db, key: BoardKey): StudentPosition {
  const row = db
    .prepare<[BoardKey], { thesis_markdown: string; conclusion_markdown: string }>(
      'SELECT thesis_markdown, conclusion_markdown FROM positions WHERE debate_id = @debate AND student_id = @student',
    )
    .get(key);
  return { thesisMarkdown: row?.thesis_markdown ?? '', conclusionMarkdown: row?.conclusion_markdown ?? '' };
}

export function getBoard(db: Db, debateUuid: string, studentUuid: string): Board {
  const { rowId, ...debate } = findDebate(db, debateUuid);
  const student = findPersonRow(db, studentUuid, 'student');
  const key = { debate: rowId, student: student.id };
  const placements = placedRows(db, key).map(toPlacement);
  return {
    debate,
    student: personFromRow(student),
    cards: boardCards(db, rowId, student.id),
    placements,
    position: studentPosition(db, key),
    versions: versionsOf(db, key, placements),
  };
}

function versionsOf(db: Db, key: BoardKey, placements: BoardPlacement[]) {
  return boardVersions(
    db,
    key,
    placements.map((placement) => placement.cardId),
  );
}

/** The placements, position and versions of a board, without its cards: what a move or an undo answers. */
function arrangement(db: Db, key: BoardKey): BoardArrangement {
  const placements = placedRows(db, key).map(toPlacement);
  return { placements, position: studentPosition(db, key), versions: versionsOf(db, key, placements) };
}

/** A board's versions by the debate's and student's ids (what the push after a write carries). */
export function getBoardVersions(db: Db, ref: BoardRef): Board['versions'] {
  const key = { debate: findDebate(db, ref.debateId).rowId, student: findPersonRow(db, ref.studentId, 'student').id };
  return versionsOf(db, key, placedRows(db, key).map(toPlacement));
}

export interface BoardRef {
  debateId: string;
  studentId: string;
}

/** The row ids of a board that may change: refused when the debate is locked or archived. */
function editableBoard(db: Db, ref: BoardRef): BoardKey {
  const debate = findEditableDebate(db, ref.debateId);
  const student = findPersonRow(db, ref.studentId, 'student');
  return { debate: debate.rowId, student: student.id };
}

function cardRowId(db: Db, key: BoardKey, cardUuid: string): number {
  const card = db
    .prepare<[BoardKey & { card: string }], { id: number }>(
      `SELECT e.id FROM excerpts e WHERE e.uuid = @card AND e.kind = 'card' AND ${ON_BOARD}`,
    )
    .get({ ...key, card: cardUuid });
  if (!card) throw notFound('This card (in this debate)');
  return card.id;
}

/** Sets the side of a card (null = back to the pool), keeping the row so its reasoning survives a trip to the pool. */
function setSide(db: Db, key: BoardKey, excerptId: number, side: Side | null, now: string): void {
  db.prepare(
    `INSERT INTO placements (uuid, debate_id, student_id, excerpt_id, side, position, created_at, updated_at)
     VALUES (@uuid, @debate, @student, @excerpt, @side, 0, @now, @now)
     ON CONFLICT (debate_id, student_id, excerpt_id)
     DO UPDATE SET side = excluded.side, version = version + 1, updated_at = excluded.updated_at
     WHERE side IS NOT excluded.side`,
  ).run({ uuid: newUuid(), ...key, excerpt: excerptId, side, now });
}

function renumber(db: Db, key: BoardKey, sides: Record<Side, number[]>, now: string): void {
  const update = db.prepare(
    `UPDATE placements SET position = @position, version = version + 1, updated_at = @now
     WHERE debate_id = @debate AND student_id = @student AND excerpt_id = @excerpt AND position <> @position`,
  );
  for (const ids of [sides.A, sides.B]) {
    ids.forEach((excerpt, position) => update.run({ ...key, excerpt, position, now }));
  }
}

export interface PlaceCardInput extends BoardRef {
  cardId: string;
  side: Side | null;
  index: number;
  /** The layout version the window saw: refused (STALE_WRITE) if the layout changed since. */
  layoutVersion?: number | undefined;
}

/**
 * Moves one card onto a side at `index` (clamped to the end), or back to the pool; renumbers both sides. Answers the
 * arrangement after the move (a card placed again comes back with the reasoning kept for it).
 */
export function placeCard(db: Db, input: PlaceCardInput): BoardArrangement {
  const key = editableBoard(db, input);
  const cardId = cardRowId(db, key, input.cardId);
  checkVersions(db, key, { layout: input.layoutVersion });
  const sides: Record<Side, number[]> = { A: [], B: [] };
  for (const row of placedRows(db, key)) {
    if (row.excerpt_id !== cardId) sides[row.side].push(row.excerpt_id);
  }
  if (input.side) {
    const target = sides[input.side];
    target.splice(Math.min(input.index, target.length), 0, cardId);
  }
  const now = nowIso();
  setSide(db, key, cardId, input.side, now);
  renumber(db, key, sides, now);
  return arrangement(db, key);
}

export interface PlacementChanges extends BoardRef {
  cardId: string;
  reasoningMarkdown?: string;
  strength?: Rating | null;
  relevance?: Rating | null;
  /** The argument version the window saw: refused (STALE_WRITE) if the argument changed since. */
  version?: number | undefined;
}

/** The student's argument for one placed card: only the fields given change. */
export function updatePlacement(db: Db, changes: PlacementChanges): VersionedPlacement {
  const key = editableBoard(db, changes);
  const cardId = cardRowId(db, key, changes.cardId);
  if (changes.version !== undefined && changes.version !== argumentVersion(db, key, cardId)) throw staleWrite();
  const result = db
    .prepare(
      `UPDATE placements SET
         reasoning_markdown = coalesce(@reasoning, reasoning_markdown),
         strength = CASE WHEN @setStrength THEN @strength ELSE strength END,
         relevance = CASE WHEN @setRelevance THEN @relevance ELSE relevance END,
         version = version + 1, updated_at = @now
       WHERE debate_id = @debate AND student_id = @student AND excerpt_id = @excerpt AND side IS NOT NULL`,
    )
    .run({
      ...key,
      excerpt: cardId,
      reasoning: changes.reasoningMarkdown?.normalize('NFC') ?? null,
      setStrength: changes.strength !== undefined ? 1 : 0,
      strength: changes.strength ?? null,
      setRelevance: changes.relevance !== undefined ? 1 : 0,
      relevance: changes.relevance ?? null,
      now: nowIso(),
    });
  if (result.changes === 0) {
    // A window that sent a version believed the card was on a side: another window took it off.
    if (changes.version !== undefined) throw staleWrite();
    throw new AppError('CONFLICT', 'This card is not on a side any more: put it on a side to argue for it.');
  }
  const placement = placedRows(db, key).find((row) => row.excerpt_id === cardId);
  if (!placement) throw notFound('This placement');
  return { ...toPlacement(placement), version: argumentVersion(db, key, cardId) };
}

export interface PositionChanges extends BoardRef {
  thesisMarkdown?: string | undefined;
  conclusionMarkdown?: string | undefined;
  /** The versions the window saw of each field: refused (STALE_WRITE) if that field changed since. */
  thesisVersion?: number | undefined;
  conclusionVersion?: number | undefined;
}

/** The student's thesis and conclusion for the debate: only the fields given change. */
export function updatePosition(db: Db, changes: PositionChanges): VersionedPosition {
  const key = editableBoard(db, changes);
  checkVersions(db, key, { thesis: changes.thesisVersion, conclusion: changes.conclusionVersion });
  const current = studentPosition(db, key);
  const next: StudentPosition = {
    thesisMarkdown: changes.thesisMarkdown?.normalize('NFC') ?? current.thesisMarkdown,
    conclusionMarkdown: changes.conclusionMarkdown?.normalize('NFC') ?? current.conclusionMarkdown,
  };
  writePosition(db, key, next, nowIso());
  const { thesis, conclusion } = versionsOf(db, key, []);
  return { ...next, thesisVersion: thesis, conclusionVersion: conclusion };
}

function writePosition(db: Db, key: BoardKey, position: StudentPosition, now: string): void {
  db.prepare(
    `INSERT INTO positions (uuid, debate_id, student_id, thesis_markdown, conclusion_markdown, created_at, updated_at)
     VALUES (@uuid, @debate, @student, @thesis, @conclusion, @now, @now)
     ON CONFLICT (debate_id, student_id)
     DO UPDATE SET thesis_markdown = excluded.thesis_markdown, conclusion_markdown = excluded.conclusion_markdown,
                   updated_at = excluded.updated_at`,
  ).run({
    uuid: newUuid(),
    ...key,
    thesis: position.thesisMarkdown,
    conclusion: position.conclusionMarkdown,
    now,
  });
}

export interface BoardSnapshot extends BoardRef {
  placements: BoardPlacement[];
  position: StudentPosition;
  /** What the window saw of the board it replaces: refused (STALE_WRITE) if any of it changed since. */
  versions?: ExpectedVersions | undefined;
}

/**
 * Puts a whole board back as a snapshot has it (undo/redo): listed cards on their side in the listed order with
 * their reasoning and ratings; every other card back to the pool, its reasoning kept for when it returns.
 */
export function restoreBoard(db: Db, snapshot: BoardSnapshot): BoardArrangement {
  const key = editableBoard(db, snapshot);
  if (snapshot.versions) checkVersions(db, key, snapshot.versions);
  const now = nowIso();
  const listed = new Set<number>();
  const sides: Record<Side, Array<{ id: number; position: number }>> = { A: [], B: [] };
  const write = db.prepare(
    `UPDATE placements SET reasoning_markdown = @reasoning, strength = @strength, relevance = @relevance,
       version = version + 1, updated_at = @now
     WHERE debate_id = @debate AND student_id = @student AND excerpt_id = @excerpt
       AND (reasoning_markdown IS NOT @reasoning OR strength IS NOT @strength OR relevance IS NOT @relevance)`,
  );
  for (const placement of snapshot.placements) {
    const excerpt = cardRowId(db, key, placement.cardId);
    if (listed.has(excerpt)) throw new AppError('INVALID_INPUT', 'A card appears twice in the board to restore.');
    listed.add(excerpt);
    setSide(db, key, excerpt, placement.side, now);
    write.run({
      ...key,
      excerpt,
      reasoning: placement.reasoningMarkdown.normalize('NFC'),
      strength: placement.strength,
      relevance: placement.relevance,
      now,
    });
    sides[placement.side].push({ id: excerpt, position: placement.position });
  }
  for (const row of placedRows(db, key)) {
    if (!listed.has(row.excerpt_id)) setSide(db, key, row.excerpt_id, null, now);
  }
  const ordered = (side: Side) => sides[side].sort((a, b) => a.position - b.position).map((card) => card.id);
  renumber(db, key, { A: ordered('A'), B: ordered('B') }, now);
  writePosition(db, key, snapshot.position, now);
  return arrangement(db, key);
}
