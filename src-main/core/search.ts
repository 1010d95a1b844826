// Full-text search (SQLite FTS5) over the library's articles and the cards a person can see.
import type { SearchHit } from '../shared/domain';
import type { Db } from './db/open';
import { findPersonRow } from './people';
import { foldWord, MATCH_END, MATCH_START, searchSnippet, type SnippetQuery } from './search-snippet';

function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The user's words as an FTS5 query: every word must occur, the last one as a prefix (search as you
 * type). Each word is quoted, so FTS5 syntax (AND, NEAR, *, quotes, columns) in the input is just text.
 */
export function ftsQuery(text: string): string | null {
  const words = wordsOf(text);
  if (words.length === 0) return null;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}

function snippetQuery(text: string): SnippetQuery {
  const words = wordsOf(text).map(foldWord);
  return { words: words.slice(0, -1), prefix: words.at(-1) ?? null };
}

/**
 * Articles in this order: those whose title, author or outlet has every word, then the others, each group
 * newest first. Not bm25: FTS5 computes it from every matching row (tens of milliseconds for a word found in
 * thousands of articles, each keystroke) and the index keeps no positions (detail=column) to stay small and
 * quick to fill. Newest first streams straight from the index and stops at `limit`.
 */
function matchingArticleIds(db: Db, query: string, limit: number): number[] {
  const newest = db.prepare<[string, number], { rowid: number }>(
    'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?',
  );
  const inHeadline = newest.all(`{title author outlet} : (${query})`, limit).map((row) => row.rowid);
  const anywhere = newest.all(query, limit + inHeadline.length).map((row) => row.rowid);
  return [...new Set([...inHeadline, ...anywhere])].slice(0, limit);
}

export function search(db: Db, text: string, personUuid: string, limit = 20): SearchHit[] {
  const query = ftsQuery(text);
  if (!query) return [];
  const person = findPersonRow(db, personUuid);
  const marks = snippetQuery(text);
  const article = db.prepare<[number], { uuid: string; title: string; body_text: string }>(
    'SELECT uuid, title, body_text FROM articles WHERE id = ?',
  );
  const articles = matchingArticleIds(db, query, limit).flatMap((id) => {
    const row = article.get(id);
    return row ? [{ uuid: row.uuid, title: row.title, snippet: searchSnippet(row.body_text, marks) }] : [];
  });
  const cards = db
    .prepare<
      [string, string, string, number, number],
      { uuid: string; article_uuid: string; title: string; snippet: string }
    >(
      `SELECT e.uuid, a.uuid AS article_uuid, a.title, snippet(excerpts_fts, -1, ?, ?, '…', 14) AS snippet
       FROM excerpts_fts
       JOIN excerpts e ON e.id = excerpts_fts.rowid
       JOIN articles a ON a.id = e.article_id
       JOIN people p ON p.id = e.owner_id
       WHERE excerpts_fts MATCH ? AND e.kind = 'card' AND (e.owner_id = ? OR p.role = 'teacher')
       ORDER BY rank LIMIT ?`,
    )
    .all(MATCH_START, MATCH_END, query, person.id, limit);
  return [
    ...articles.map((row) => ({
      kind: 'article' as const,
      articleId: row.uuid,
      excerptId: null,
      title: row.title || null,
      snippet: row.snippet,
    })),
    ...cards.map((row) => ({
      kind: 'card' as const,
      articleId: row.article_uuid,
      excerptId: row.uuid,
      title: row.title || null,
      snippet: row.snippet,
    })),
  ];
}
