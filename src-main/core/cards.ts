// Evidence cards: an anchored excerpt of an article with a tag (the claim, in the cutter's words) and its cite.
import type { EvidenceCard, Role } from '../shared/domain';
import { anchorQuote } from './anchoring';
import { citeOf } from './articles';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { AppError } from './errors';

interface CardRow {
  uuid: string;
  article_uuid: string;
  tag: string;
  quote: string;
  owner_role: Role;
  title: string;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

export interface NewCard {
  uuid?: string;
  articleId: number;
  ownerId: number;
  tag: string;
  quote: string;
}

/** Cuts a card from the exact quote in the article's text; refuses a quote the article does not contain. */
export function insertCard(db: Db, card: NewCard): number {
  const article = db
    .prepare<[number], { body_text: string; title: string }>('SELECT body_text, title FROM articles WHERE id = ?')
    .get(card.articleId);
  const quote = card.quote.normalize('NFC');
  const anchor = article ? anchorQuote(article.body_text, quote) : null;
  if (!anchor) {
    throw new AppError(
      'INVALID_INPUT',
      `The quote “${quote.slice(0, 60)}…” is not in the article “${article?.title ?? '?'}”.`,
    );
  }
  const now = nowIso();
  const result = db
    .prepare(
      `INSERT INTO excerpts (uuid, article_id, owner_id, kind, start_offset, end_offset, quote, prefix, suffix,
                             tag, created_at, updated_at)
       VALUES (?, ?, ?, 'card', ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      card.uuid ?? newUuid(),
      card.articleId,
      card.ownerId,
      anchor.start,
      anchor.end,
      anchor.quote,
      anchor.prefix,
      anchor.suffix,
      card.tag.normalize('NFC').trim(),
      now,
      now,
    );
  return Number(result.lastInsertRowid);
}

const CARD_COLUMNS = `e.uuid, a.uuid AS article_uuid, e.tag, e.quote, p.role AS owner_role,
  a.title, a.author, a.outlet, a.published, a.url`;

function toCard(row: CardRow): EvidenceCard {
  return {
    id: row.uuid,
    articleId: row.article_uuid,
    tag: row.tag,
    quote: row.quote,
    cite: citeOf(row),
    ownerRole: row.owner_role,
  };
}

/**
 * The cards on a student's board: the debate's pool in the teacher's order, then the student's own cards
 * cut from the debate's articles, oldest first.
 */
export function boardCards(db: Db, debateId: number, studentId: number): EvidenceCard[] {
  return db
    .prepare<[number, number, number], CardRow>(
      `SELECT ${CARD_COLUMNS}
       FROM excerpts e
       JOIN articles a ON a.id = e.article_id
       JOIN people p ON p.id = e.owner_id
       LEFT JOIN debate_pool dp ON dp.excerpt_id = e.id AND dp.debate_id = ?
       WHERE e.kind = 'card'
         AND (dp.debate_id IS NOT NULL
              OR (e.owner_id = ? AND e.article_id IN (SELECT article_id FROM debate_articles WHERE debate_id = ?)))
       ORDER BY dp.position IS NULL, dp.position, e.id`,
    )
    .all(debateId, studentId, debateId)
    .map(toCard);
}

/** The debate's class pool in the teacher's order. */
export function poolCards(db: Db, debateId: number): EvidenceCard[] {
  return db
    .prepare<[number], CardRow>(
      `SELECT ${CARD_COLUMNS}
       FROM debate_pool dp
       JOIN excerpts e ON e.id = dp.excerpt_id
       JOIN articles a ON a.id = e.article_id
       JOIN people p ON p.id = e.owner_id
       WHERE dp.debate_id = ?
       ORDER BY dp.position`,
    )
    .all(debateId)
    .map(toCard);
}

/** The teacher's cards cut from these articles, article by article in the order given: what a pool is picked from. */
export function teacherCardsOf(db: Db, articleUuids: string[]): EvidenceCard[] {
  const ofArticle = db.prepare<[string], CardRow>(
    `SELECT ${CARD_COLUMNS}
     FROM excerpts e
     JOIN articles a ON a.id = e.article_id
     JOIN people p ON p.id = e.owner_id
     WHERE a.uuid = ? AND e.kind = 'card' AND p.role = 'teacher'
     ORDER BY e.start_offset, e.id`,
  );
  return [...new Set(articleUuids)].flatMap((uuid) => ofArticle.all(uuid).map(toCard));
}
