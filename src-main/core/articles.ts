// The article library: news articles stored as Markdown with their derived plain text and metadata.
import { createHash } from 'node:crypto';
import type { Article, ArticleSummary, ArticleUsage, Cite } from '../shared/domain';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { AppError, notFound } from './errors';
import { countWords, markdownToPlainText } from './plain-text';

export interface ArticleFields {
  uuid?: string;
  title: string;
  author?: string | null;
  outlet?: string | null;
  date?: string | null;
  url?: string | null;
  bodyMarkdown: string;
  tags?: string[];
}

interface ArticleRow {
  id: number;
  uuid: string;
  title: string;
  author: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  word_count: number;
  card_count: number;
  lead: string;
  tags_json: string;
}

const LEAD_CHARS = 160;
const SUMMARY_COLUMNS = `a.id, a.uuid, a.title, a.author, a.outlet, a.published, a.url, a.word_count,
  substr(ltrim(a.body_text), 1, ${LEAD_CHARS}) AS lead,
  (SELECT count(*) FROM excerpts e WHERE e.article_id = a.id AND e.kind = 'card') AS card_count,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag))
    AS tags_json`;

/** Empty or whitespace-only metadata is unknown: stored as NULL, never as a made-up value. */
function known(value: string | null | undefined): string | null {
  const trimmed = value?.normalize('NFC').trim();
  return trimmed ? trimmed : null;
}

export function citeOf(row: Pick<ArticleRow, 'title' | 'author' | 'outlet' | 'published' | 'url'>): Cite {
  return {
    title: known(row.title),
    author: row.author,
    outlet: row.outlet,
    date: row.published,
    url: row.url,
  };
}

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.uuid,
    ...citeOf(row),
    lead: row.lead.replace(/\s+/g, ' ').trim(),
    tags: JSON.parse(row.tags_json) as string[],
    wordCount: row.word_count,
    cardCount: row.card_count,
  };
}

/** Same text (ignoring spacing) = same article, whatever file or title it came with. */
export function checksumOf(bodyText: string): string {
  return createHash('sha256').update(bodyText.replace(/\s+/g, ' ').trim()).digest('hex');
}

export function listArticles(db: Db): ArticleSummary[] {
  return db
    .prepare<[], ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles a ORDER BY a.published IS NULL, a.published, a.title`,
    )
    .all()
    .map(toSummary);
}

export function getArticleSummary(db: Db, uuid: string): ArticleSummary {
  const row = db.prepare<[string], ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.uuid = ?`).get(uuid);
  if (!row) throw notFound('This article');
  return toSummary(row);
}

export function getArticle(db: Db, uuid: string): Article {
  const row = db
    .prepare<[string], ArticleRow & { body_markdown: string; body_text: string }>(
      `SELECT ${SUMMARY_COLUMNS}, a.body_markdown, a.body_text FROM articles a WHERE a.uuid = ?`,
    )
    .get(uuid);
  if (!row) throw notFound('This article');
  return {
    ...toSummary(row),
    bodyMarkdown: row.body_markdown,
    bodyText: row.body_text,
  };
}

export function articleRowId(db: Db, uuid: string): number {
  const row = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE uuid = ?').get(uuid);
  if (!row) throw notFound('This article');
  return row.id;
}

interface DerivedText {
  bodyMarkdown: string;
  bodyText: string;
  checksum: string;
  wordCount: number;
}

/** The plain text and its fingerprint; refuses a text that another article (not `exceptId`) already has. */
function deriveText(db: Db, markdown: string, exceptId = -1): DerivedText {
  // NUL cannot be shown (browsers drop it from the text), so it cannot be part of the anchoring text either.
  const bodyMarkdown = markdown.normalize('NFC').replaceAll('\u0000', '');
  const bodyText = markdownToPlainText(bodyMarkdown);
  if (bodyText.trim().length === 0) {
    throw new AppError('INVALID_INPUT', 'The article has no readable text.');
  }
  const checksum = checksumOf(bodyText);
  const existing = db
    .prepare<[string, number], { title: string }>('SELECT title FROM articles WHERE checksum = ? AND id <> ?')
    .get(checksum, exceptId);
  if (existing) {
    throw new AppError(
      'DUPLICATE',
      `This article is already in the library${existing.title ? ` as “${existing.title}”` : ''}.`,
    );
  }
  return { bodyMarkdown, bodyText, checksum, wordCount: countWords(bodyText) };
}

/** Inserts one article; the caller's transaction decides what else commits with it. */
export function insertArticle(db: Db, fields: ArticleFields): ArticleSummary {
  const text = deriveText(db, fields.bodyMarkdown);
  const now = nowIso();
  const uuid = fields.uuid ?? newUuid();
  const id = db
    .prepare(
      `INSERT INTO articles (uuid, title, author, outlet, published, url, body_markdown, body_text,
                             checksum, word_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      uuid,
      known(fields.title) ?? '',
      known(fields.author),
      known(fields.outlet),
      known(fields.date),
      known(fields.url),
      text.bodyMarkdown,
      text.bodyText,
      text.checksum,
      text.wordCount,
      now,
      now,
    ).lastInsertRowid;
  setArticleTags(db, Number(id), fields.tags ?? []);
  return getArticleSummary(db, uuid);
}

/** Replaces metadata, tags and text; returns the previous plain text so highlights can be re-anchored. */
export function updateArticleRow(db: Db, uuid: string, fields: ArticleFields): { id: number; previousText: string } {
  const row = db
    .prepare<[string], { id: number; body_text: string }>('SELECT id, body_text FROM articles WHERE uuid = ?')
    .get(uuid);
  if (!row) throw notFound('This article');
  const text = deriveText(db, fields.bodyMarkdown, row.id);
  db.prepare(
    `UPDATE articles SET title = ?, author = ?, outlet = ?, published = ?, url = ?, body_markdown = ?,
       body_text = ?, checksum = ?, word_count = ?, updated_at = ? WHERE id = ?`,
  ).run(
    known(fields.title) ?? '',
    known(fields.author),
    known(fields.outlet),
    known(fields.date),
    known(fields.url),
    text.bodyMarkdown,
    text.bodyText,
    text.checksum,
    text.wordCount,
    nowIso(),
    row.id,
  );
  setArticleTags(db, row.id, fields.tags ?? []);
  return { id: row.id, previousText: row.body_text };
}

function setArticleTags(db: Db, articleId: number, tags: string[]): void {
  db.prepare('DELETE FROM article_tags WHERE article_id = ?').run(articleId);
  const add = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag) VALUES (?, ?)');
  for (const tag of tags) {
    const clean = tag.normalize('NFC').trim().toLowerCase();
    if (clean) add.run(articleId, clean);
  }
}

export function articleUsage(db: Db, uuid: string): ArticleUsage {
  const id = articleRowId(db, uuid);
  const counts = db
    .prepare<[number], { cards: number; annotations: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'card') AS cards, count(*) FILTER (WHERE kind = 'annotation') AS annotations
       FROM excerpts WHERE article_id = ?`,
    )
    .get(id);
  const debates = db
    .prepare<[number, number], { uuid: string; motion: string }>(
      `SELECT DISTINCT d.uuid, d.motion FROM debates d
       WHERE d.id IN (SELECT debate_id FROM debate_articles WHERE article_id = ?)
          OR d.id IN (SELECT dp.debate_id FROM debate_pool dp JOIN excerpts e ON e.id = dp.excerpt_id
                      WHERE e.article_id = ?)
       ORDER BY d.motion`,
    )
    .all(id, id);
  return {
    cardCount: counts?.cards ?? 0,
    annotationCount: counts?.annotations ?? 0,
    debates: debates.map((debate) => ({ id: debate.uuid, motion: debate.motion })),
  };
}

/** Deletes the article with its highlights, cards and their placements (foreign keys cascade). */
export function deleteArticle(db: Db, uuid: string): void {
  db.prepare('DELETE FROM articles WHERE id = ?').run(articleRowId(db, uuid));
}
