// Debates: a motion with two sides, the articles in play and the class pool of cards; the teacher's setup.
import type { Debate, DebateSetup, DebateStatus, DebateSummary } from '../shared/domain';
import { poolCards } from './cards';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { AppError, notFound } from './errors';

interface DebateRow {
  id: number;
  uuid: string;
  motion: string;
  side_a_label: string;
  side_b_label: string;
  instructions_markdown: string;
  status: DebateStatus;
  results_hidden: 0 | 1;
  results_revealed_at: string | null;
  card_count: number;
  article_count: number;
  updated_at: string;
}

const COLUMNS = `d.id, d.uuid, d.motion, d.side_a_label, d.side_b_label, d.instructions_markdown, d.status, d.updated_at,
  d.results_hidden, d.results_revealed_at,
  (SELECT count(*) FROM debate_pool dp WHERE dp.debate_id = d.id) AS card_count,
  (SELECT count(*) FROM debate_articles da WHERE da.debate_id = d.id) AS article_count`;

function toSummary(row: DebateRow): DebateSummary {
  return {
    id: row.uuid,
    motion: row.motion,
    sideA: row.side_a_label,
    sideB: row.side_b_label,
    status: row.status,
    cardCount: row.card_count,
    articleCount: row.article_count,
    updatedAt: row.updated_at,
    resultsHidden: row.results_hidden === 1,
    resultsRevealedAt: row.results_revealed_at,
  };
}

export function listDebates(db: Db, includeArchived = false): DebateSummary[] {
  return db
    .prepare<[number], DebateRow>(
      `SELECT ${COLUMNS} FROM debates d WHERE ? OR d.status <> 'archived' ORDER BY d.created_at DESC, d.id DESC`,
    )
    .all(includeArchived ? 1 : 0)
    .map(toSummary);
}

/** One debate's summary (what the debates list shows for it). */
export function getDebateSummary(db: Db, uuid: string): DebateSummary {
  const row = db.prepare<[string], DebateRow>(`SELECT ${COLUMNS} FROM debates d WHERE d.uuid = ?`).get(uuid);
  if (!row) throw notFound('This debate');
  return toSummary(row);
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

/** A debate whose boards may still change: students' edits are refused once the teacher locks or archives it. */
export function findEditableDebate(db: Db, uuid: string): Debate & { rowId: number } {
  const debate = findDebate(db, uuid);
  if (debate.status !== 'open') {
    throw new AppError(
      'LOCKED',
      debate.status === 'locked'
        ? 'This debate is locked: boards can be read but no longer changed.'
        : 'This debate is archived: boards can no longer be changed.',
    );
  }
  return debate;
}

export function getDebateSetup(db: Db, uuid: string): DebateSetup {
  const { rowId, ...debate } = findDebate(db, uuid);
  return { ...debate, pool: poolCards(db, rowId) };
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

/** Inserts a debate with row ids already resolved (the starter pack and the API both end here). */
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
  replaceArticles(db, debateId, debate.articleIds);
  replacePool(db, debateId, debate.poolExcerptIds);
  return debateId;
}

function replaceArticles(db: Db, debateId: number, articleIds: number[]): void {
  db.prepare('DELETE FROM debate_articles WHERE debate_id = ?').run(debateId);
  const add = db.prepare('INSERT INTO debate_articles (debate_id, article_id, position) VALUES (?, ?, ?)');
  articleIds.forEach((articleId, position) => add.run(debateId, articleId, position));
}

function replacePool(db: Db, debateId: number, excerptIds: number[]): void {
  db.prepare('DELETE FROM debate_pool WHERE debate_id = ?').run(debateId);
  const add = db.prepare('INSERT INTO debate_pool (debate_id, excerpt_id, position) VALUES (?, ?, ?)');
  excerptIds.forEach((excerptId, position) => add.run(debateId, excerptId, position));
}

/** What the teacher fills in; ids are UUIDs as the API receives them. */
export interface DebateFields {
  motion: string;
  sideA: string;
  sideB: string;
  instructionsMarkdown: string;
  articleIds: string[];
  poolCardIds: string[];
  /** Class results stay hidden from students until the teacher reveals them. */
  resultsHidden?: boolean;
}

function articleRowIds(db: Db, uuids: string[]): number[] {
  const find = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE uuid = ?');
  return [...new Set(uuids)].map((uuid) => {
    const row = find.get(uuid);
    if (!row) throw notFound('An article chosen for this debate');
    return row.id;
  });
}

/** The pool may only hold the teacher's cards cut from the debate's own articles. */
function poolRowIds(db: Db, uuids: string[], articleIds: number[]): number[] {
  const inPlay = new Set(articleIds);
  const find = db.prepare<[string], { id: number; article_id: number; kind: string; role: string; tag: string | null }>(
    `SELECT e.id, e.article_id, e.kind, p.role, e.tag FROM excerpts e JOIN people p ON p.id = e.owner_id
     WHERE e.uuid = ?`,
  );
  return [...new Set(uuids)].map((uuid) => {
    const row = find.get(uuid);
    if (!row || row.kind !== 'card' || row.role !== 'teacher') throw notFound('A card chosen for the pool');
    if (!inPlay.has(row.article_id)) {
      throw new AppError(
        'INVALID_INPUT',
        `The card “${row.tag ?? ''}” comes from an article that is not in this debate: add the article or leave the card out.`,
      );
    }
    return row.id;
  });
}

/** Students choose a side by its label: two equal labels would make the board meaningless. */
function checkSides(sideA: string, sideB: string): void {
  if (sideA.trim().toLocaleLowerCase() === sideB.trim().toLocaleLowerCase()) {
    throw new AppError('INVALID_INPUT', 'The two sides need different labels.');
  }
}

export function createDebate(db: Db, fields: DebateFields): DebateSetup {
  checkSides(fields.sideA, fields.sideB);
  const articleIds = articleRowIds(db, fields.articleIds);
  const uuid = newUuid();
  insertDebate(db, {
    uuid,
    motion: fields.motion.normalize('NFC'),
    sideA: fields.sideA.normalize('NFC'),
    sideB: fields.sideB.normalize('NFC'),
    instructionsMarkdown: fields.instructionsMarkdown.normalize('NFC'),
    articleIds,
    poolExcerptIds: poolRowIds(db, fields.poolCardIds, articleIds),
  });
  if (fields.resultsHidden) db.prepare('UPDATE debates SET results_hidden = 1 WHERE uuid = ?').run(uuid);
  return getDebateSetup(db, uuid);
}

/** Changes what is given; a changed article list drops pool cards of articles no longer in play. */
export function updateDebate(db: Db, uuid: string, changes: Partial<DebateFields>): DebateSetup {
  const { rowId, ...current } = findDebate(db, uuid);
  const next = {
    motion: changes.motion ?? current.motion,
    sideA: changes.sideA ?? current.sideA,
    sideB: changes.sideB ?? current.sideB,
    instructionsMarkdown: changes.instructionsMarkdown ?? current.instructionsMarkdown,
  };
  checkSides(next.sideA, next.sideB);
  db.prepare(
    `UPDATE debates SET motion = ?, side_a_label = ?, side_b_label = ?, instructions_markdown = ?, updated_at = ?
     WHERE id = ?`,
  ).run(
    next.motion.normalize('NFC'),
    next.sideA.normalize('NFC'),
    next.sideB.normalize('NFC'),
    next.instructionsMarkdown.normalize('NFC'),
    nowIso(),
    rowId,
  );
  const articleUuids = changes.articleIds ?? current.articleIds;
  const articleIds = articleRowIds(db, articleUuids);
  if (changes.articleIds) replaceArticles(db, rowId, articleIds);
  // Without a new pool, the current one is kept minus the cards of articles no longer in play.
  const inPlay = new Set(articleUuids);
  const poolCardIds =
    changes.poolCardIds ??
    poolCards(db, rowId)
      .filter((card) => inPlay.has(card.articleId))
      .map((card) => card.id);
  if (changes.poolCardIds || changes.articleIds) replacePool(db, rowId, poolRowIds(db, poolCardIds, articleIds));
  if (changes.resultsHidden !== undefined && changes.resultsHidden !== current.resultsHidden) {
    // Hiding again starts over: the teacher reveals once more when the class has committed.
    db.prepare('UPDATE debates SET results_hidden = ?, results_revealed_at = NULL WHERE id = ?').run(
      changes.resultsHidden ? 1 : 0,
      rowId,
    );
  }
  return getDebateSetup(db, uuid);
}

/** A fresh copy for another class or another year: same setup, no student work, open. */
export function duplicateDebate(db: Db, uuid: string): DebateSetup {
  const source = getDebateSetup(db, uuid);
  return createDebate(db, {
    motion: source.motion,
    sideA: source.sideA,
    sideB: source.sideB,
    instructionsMarkdown: source.instructionsMarkdown,
    articleIds: source.articleIds,
    poolCardIds: source.pool.map((card) => card.id),
    resultsHidden: source.resultsHidden,
  });
}

export function setDebateStatus(db: Db, uuid: string, status: DebateStatus): DebateSetup {
  const { rowId } = findDebate(db, uuid);
  db.prepare('UPDATE debates SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), rowId);
  return getDebateSetup(db, uuid);
}
