// Debates: a motion with two sides, the articles in play and the class pool of cards.
import type { Debate, DebateSummary } from '../shared/domain';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { notFound } from './errors';

interface DebateRow {
  id: number;
  uuid: string;
  motion: string;
  side_a_label: string;
  side_b_label: string;
  instructions_markdown: string;
  status: Debate['status'];
  card_count: number;
}

const COLUMNS = `d.id, d.uuid, d.motion, d.side_a_label, d.side_b_label, d.instructions_markdown, d.status,
  (SELECT count(*) FROM debate_pool dp WHERE dp.debate_id = d.id) AS card_count`;

function toSummary(row: DebateRow): DebateSummary {
  return {
    id: row.uuid,
    motion: row.motion,
    sideA: row.side_a_label,
    sideB: row.side_b_label,
    status: row.status,
    cardCount: row.card_count,
  };
}

export function listDebates(db: Db): DebateSummary[] {
  return db
    .prepare<[], DebateRow>(`SELECT ${COLUMNS} FROM debates d WHERE d.status <> 'archived' ORDER BY d.created_at DESC`)
    .all()
    .map(toSummary);
}

/** The debate with its row id, for the core's own joins. */
export function findDebate(db: Db, uuid: string): Debate & { rowId: number } {
  const row = db.prepare<[string], DebateRow>(`SELECT ${COLUMNS} FROM debates d WHERE d.uuid = ?`).get(uuid);
  if (!row) throw notFound('This debate');
  const articleIds = db
    .prepare<[number], { uuid: string }>(
      `SELECT a.uuid FROM debate_articles da JOIN articles a ON a.id = da.article_id
       WHERE da.debate_id = ? ORDER BY da.position`,
    )
    .all(row.id)
    .map((article) => article.uuid);
  return {
    ...toSummary(row),
    instructionsMarkdown: row.instructions_markdown,
    articleIds,
    rowId: row.id,
  };
}

export interface NewDebate {
  uuid?: string;
  motion: string;
  sideA: string;
  sideB: string;
  instructionsMarkdown: string;
  articleIds: number[];
  poolExcerptIds: number[];
}

export function insertDebate(db: Db, debate: NewDebate): number {
  const now = nowIso();
  const debateId = Number(
    db
      .prepare(
        `INSERT INTO debates (uuid, motion, side_a_label, side_b_label, instructions_markdown, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(debate.uuid ?? newUuid(), debate.motion, debate.sideA, debate.sideB, debate.instructionsMarkdown, now, now)
      .lastInsertRowid,
  );
  const addArticle = db.prepare('INSERT INTO debate_articles (debate_id, article_id, position) VALUES (?, ?, ?)');
  debate.articleIds.forEach((articleId, position) => addArticle.run(debateId, articleId, position));
  const addCard = db.prepare('INSERT INTO debate_pool (debate_id, excerpt_id, position) VALUES (?, ?, ?)');
  debate.poolExcerptIds.forEach((excerptId, position) => addCard.run(debateId, excerptId, position));
  return debateId;
}
