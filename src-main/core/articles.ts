// The article library: news articles stored as Markdown with their derived plain text and metadata.
import { createHash } from 'node:crypto';
import type { Article, ArticleSummary, Cite } from '../shared/domain';
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
}

const LEAD_CHARS = 160;
const SUMMARY_COLUMNS = `a.id, a.uuid, a.title, a.author, a.outlet, a.published, a.url, a.word_count,
  substr(ltrim(a.body_text), 1, ${LEAD_CHARS}) AS lead,
  (SELECT count(*) FROM excerpts e WHERE e.article_id = a.id AND e.kind = 'card') AS card_count`;

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
    wordCount: row.word_count,
    cardCount: row.card_count,
  };
}

/** Same text (ignoring spacing) = same article, whatever file or title it came with. */
function checksumOf(bodyText: string): string {
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

/** Inserts one article; the caller's transaction decides what else commits with it. */
export function insertArticle(db: Db, fields: ArticleFields): ArticleSummary {
  const bodyMarkdown = fields.bodyMarkdown.normalize('NFC');
  const bodyText = markdownToPlainText(bodyMarkdown);
  if (bodyText.trim().length === 0) {
    throw new AppError('INVALID_INPUT', 'The article has no readable text.');
  }
  const checksum = checksumOf(bodyText);
  const existing = db
    .prepare<[string], { title: string }>('SELECT title FROM articles WHERE checksum = ?')
    .get(checksum);
  if (existing) {
    throw new AppError(
      'DUPLICATE',
      `This article is already in the library${existing.title ? ` as “${existing.title}”` : ''}.`,
    );
  }
  const now = nowIso();
  const uuid = fields.uuid ?? newUuid();
  db.prepare(
    `INSERT INTO articles (uuid, title, author, outlet, published, url, body_markdown, body_text,
                           checksum, word_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    uuid,
    known(fields.title) ?? '',
    known(fields.author),
    known(fields.outlet),
    known(fields.date),
    known(fields.url),
    bodyMarkdown,
    bodyText,
    checksum,
    countWords(bodyText),
    now,
    now,
  );
  return getArticleSummary(db, uuid);
}
