// Class results: how every counted student placed each pool card (aggregated in SQL), hand-in status, and the
// "commit before you see" rule (hidden results are the teacher's until revealed).
import type { HandIn, ClassResults, ResultsCard, ResultsStudent } from '../shared/results';
import { citeOf } from './articles';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { findDebate, findEditableDebate, getDebateSummary } from './debates';
import { AppError } from './errors';
import { findPersonRow } from './people';

export const HIDDEN_MESSAGE =
  'Your teacher will reveal the class results once everyone has committed to their own board.';

/** A placement counts when its card is on that student's board: a pool card, or their own card from an article in play. */
const PLACEMENT_ON_BOARD = `(EXISTS (SELECT 1 FROM debate_pool dp2 WHERE dp2.debate_id = p.debate_id AND dp2.excerpt_id = p.excerpt_id)
  OR EXISTS (SELECT 1 FROM excerpts e2 WHERE e2.id = p.excerpt_id AND e2.owner_id = p.student_id
             AND e2.article_id IN (SELECT article_id FROM debate_articles WHERE debate_id = p.debate_id)))`;

interface CardRow {
  uuid: string;
  tag: string | null;
  quote: string;
  article_uuid: string;
  title: string;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  side_a: number;
  side_b: number;
  strength_avg: number | null;
  strength_count: number;
  relevance_avg: number | null;
  relevance_count: number;
}

interface StudentRow {
  uuid: string;
  name: string;
  submitted_at: string | null;
  placed_count: number;
  touched: 0 | 1;
  last_change: string | null;
}

function countedStudents(db: Db, debate: number): number {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(DISTINCT p.student_id) AS n FROM placements p
         WHERE p.debate_id = ? AND p.side IS NOT NULL AND ${PLACEMENT_ON_BOARD}`,
      )
      .get(debate)?.n ?? 0
  );
}

function cardRows(db: Db, debate: number): CardRow[] {
  // Pool cards only; a placement left in the pool (side NULL) keeps its ratings but they do not count.
  return db
    .prepare<[number], CardRow>(
      `SELECT e.uuid, e.tag, e.quote, a.uuid AS article_uuid, a.title, a.author, a.outlet, a.published, a.url,
              count(CASE WHEN p.side = 'A' THEN 1 END) AS side_a,
              count(CASE WHEN p.side = 'B' THEN 1 END) AS side_b,
              avg(p.strength) AS strength_avg, count(p.strength) AS strength_count,
              avg(p.relevance) AS relevance_avg, count(p.relevance) AS relevance_count
       FROM debate_pool dp
       JOIN excerpts e ON e.id = dp.excerpt_id
       JOIN articles a ON a.id = e.article_id
       LEFT JOIN placements p ON p.debate_id = dp.debate_id AND p.excerpt_id = dp.excerpt_id AND p.side IS NOT NULL
       WHERE dp.debate_id = ?
       GROUP BY dp.excerpt_id
       ORDER BY dp.position`,
    )
    .all(debate);
}

function studentRows(db: Db, debate: number): StudentRow[] {
  return db
    .prepare<[{ debate: number }], StudentRow>(
      `SELECT s.uuid, s.name, pos.submitted_at,
              (SELECT count(*) FROM placements p
                WHERE p.debate_id = @debate AND p.student_id = s.id AND p.side IS NOT NULL AND ${PLACEMENT_ON_BOARD})
                AS placed_count,
              (EXISTS (SELECT 1 FROM placements p WHERE p.debate_id = @debate AND p.student_id = s.id)
                OR coalesce(pos.thesis_markdown, '') <> '' OR coalesce(pos.conclusion_markdown, '') <> '')
                AS touched,
              max(pos.updated_at,
                  coalesce((SELECT max(p.updated_at) FROM placements p
                            WHERE p.debate_id = @debate AND p.student_id = s.id), '')) AS last_change
       FROM people s
       LEFT JOIN positions pos ON pos.debate_id = @debate AND pos.student_id = s.id
       WHERE s.role = 'student'
       ORDER BY s.name COLLATE NOCASE, s.id`,
    )
    .all({ debate });
}

const round2 = (value: number | null): number | null => (value === null ? null : Math.round(value * 100) / 100);

function toStudent(row: StudentRow): ResultsStudent {
  return {
    id: row.uuid,
    name: row.name,
    status: row.submitted_at ? 'submitted' : row.touched ? 'started' : 'not-started',
    submittedAt: row.submitted_at,
    changedSinceSubmit: row.submitted_at !== null && row.last_change !== null && row.last_change > row.submitted_at,
    placedCount: row.placed_count,
  };
}

function toCard(row: CardRow, counted: number): ResultsCard {
  return {
    cardId: row.uuid,
    tag: row.tag ?? '',
    quote: row.quote,
    articleId: row.article_uuid,
    cite: citeOf(row),
    sideA: row.side_a,
    sideB: row.side_b,
    unused: Math.max(0, counted - row.side_a - row.side_b),
    contested: counted === 0 ? 0 : (round2((2 * Math.min(row.side_a, row.side_b)) / counted) ?? 0),
    averageStrength: round2(row.strength_avg),
    strengthCount: row.strength_count,
    averageRelevance: round2(row.relevance_avg),
    relevanceCount: row.relevance_count,
  };
}

/**
 * The class results of a debate. The teacher (a valid token) always sees them, with the class list; anyone else
 * only when the debate does not hide them or the teacher has revealed them, and without the class list.
 */
export function classResults(db: Db, debateUuid: string, isTeacher: boolean): ClassResults {
  const { rowId } = findDebate(db, debateUuid);
  const debate = getDebateSummary(db, debateUuid);
  if (!isTeacher && debate.resultsHidden && debate.resultsRevealedAt === null) {
    throw new AppError('FORBIDDEN', HIDDEN_MESSAGE);
  }
  const counted = countedStudents(db, rowId);
  return {
    debate,
    hidden: debate.resultsHidden,
    revealedAt: debate.resultsRevealedAt,
    viewer: isTeacher ? 'teacher' : 'class',
    countedStudents: counted,
    students: isTeacher ? studentRows(db, rowId).map(toStudent) : [],
    cards: cardRows(db, rowId).map((row) => toCard(row, counted)),
  };
}

/** Reveal (now) or hide again (the setting stays; only the reveal is taken back). */
export function setResultsRevealed(db: Db, debateUuid: string, revealed: boolean): void {
  const { rowId } = findDebate(db, debateUuid);
  db.prepare('UPDATE debates SET results_revealed_at = ? WHERE id = ?').run(revealed ? nowIso() : null, rowId);
}

function handInOf(db: Db, debate: number, student: number): HandIn {
  const row = db
    .prepare<[{ debate: number; student: number }], { submitted_at: string | null; last_change: string | null }>(
      `SELECT pos.submitted_at,
              max(pos.updated_at, coalesce((SELECT max(p.updated_at) FROM placements p
                                            WHERE p.debate_id = @debate AND p.student_id = @student), '')) AS last_change
       FROM positions pos WHERE pos.debate_id = @debate AND pos.student_id = @student`,
    )
    .get({ debate, student });
  const submittedAt = row?.submitted_at ?? null;
  return {
    submittedAt,
    changedSinceSubmit: submittedAt !== null && row?.last_change != null && row.last_change > submittedAt,
  };
}

export interface HandInRef {
  debateId: string;
  studentId: string;
}

export function getHandIn(db: Db, ref: HandInRef): HandIn {
  const { rowId } = findDebate(db, ref.debateId);
  return handInOf(db, rowId, findPersonRow(db, ref.studentId, 'student').id);
}

/**
 * Hands the board in (again: the time moves to now) or takes the hand-in back. Refused on a locked or archived
 * debate, like every other change to a board. The board's own updated_at is left alone, so a later edit shows.
 */
export function setHandIn(db: Db, ref: HandInRef, submitted: boolean): HandIn {
  const debate = findEditableDebate(db, ref.debateId).rowId;
  const student = findPersonRow(db, ref.studentId, 'student').id;
  const now = nowIso();
  db.prepare(
    `INSERT INTO positions (uuid, debate_id, student_id, created_at, updated_at, submitted_at)
     VALUES (@uuid, @debate, @student, @now, @now, @submitted)
     ON CONFLICT (debate_id, student_id) DO UPDATE SET submitted_at = excluded.submitted_at`,
  ).run({ uuid: newUuid(), debate, student, now, submitted: submitted ? now : null });
  return handInOf(db, debate, student);
}
