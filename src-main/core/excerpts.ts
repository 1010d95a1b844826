// Highlights of an article (annotations and evidence cards) that belong to one person: create, edit,
// delete, re-attach, and re-anchor them all when the article's text is edited.
import type { AnnotationLabel, Excerpt, ExcerptKind, ReanchorReport, Role } from '../shared/domain';
import { anchorAt, reanchor, type TextAnchor } from './anchoring';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { AppError, notFound } from './errors';
import { findPersonRow } from './people';

interface ExcerptRow {
  id: number;
  uuid: string;
  article_uuid: string;
  kind: ExcerptKind;
  start_offset: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  orphaned: 0 | 1;
  label: AnnotationLabel | null;
  note_markdown: string;
  tag: string | null;
  owner_id: number;
  owner_uuid: string;
  owner_name: string;
  owner_role: Role;
}

const SELECT_EXCERPTS = `SELECT e.id, e.uuid, a.uuid AS article_uuid, e.kind, e.start_offset, e.end_offset, e.quote,
    e.prefix, e.suffix, e.orphaned, e.label, e.note_markdown, e.tag, e.owner_id,
    p.uuid AS owner_uuid, p.name AS owner_name, p.role AS owner_role
  FROM excerpts e JOIN articles a ON a.id = e.article_id JOIN people p ON p.id = e.owner_id`;

function toExcerpt(row: ExcerptRow): Excerpt {
  return {
    id: row.uuid,
    articleId: row.article_uuid,
    kind: row.kind,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    orphaned: row.orphaned === 1,
    label: row.label,
    noteMarkdown: row.note_markdown,
    tag: row.tag,
    owner: { id: row.owner_uuid, name: row.owner_name, role: row.owner_role },
  };
}

function findExcerpt(db: Db, uuid: string): ExcerptRow {
  const row = db.prepare<[string], ExcerptRow>(`${SELECT_EXCERPTS} WHERE e.uuid = ?`).get(uuid);
  if (!row) throw notFound('This highlight');
  return row;
}

/** Only the person who made a highlight may change it. */
function findOwnExcerpt(db: Db, uuid: string, personUuid: string): ExcerptRow {
  const row = findExcerpt(db, uuid);
  if (row.owner_uuid !== personUuid) {
    throw new AppError('FORBIDDEN', `This highlight belongs to ${row.owner_name}; only they can change it.`);
  }
  return row;
}

/** What a person sees on an article: their own highlights and the teacher's cards (the class pool). */
export function listExcerpts(db: Db, articleUuid: string, personUuid: string): Excerpt[] {
  const person = findPersonRow(db, personUuid);
  return db
    .prepare<[string, number], ExcerptRow>(
      `${SELECT_EXCERPTS}
       WHERE a.uuid = ? AND (e.owner_id = ? OR (p.role = 'teacher' AND e.kind = 'card'))
       ORDER BY e.orphaned, e.start_offset, e.id`,
    )
    .all(articleUuid, person.id)
    .map(toExcerpt);
}

function textOfArticle(db: Db, articleUuid: string): { id: number; text: string } {
  const row = db
    .prepare<[string], { id: number; body_text: string }>('SELECT id, body_text FROM articles WHERE uuid = ?')
    .get(articleUuid);
  if (!row) throw notFound('This article');
  return { id: row.id, text: row.body_text };
}

/** The anchor of a selection the UI made, checked against the stored text it claims to quote. */
function anchorSelection(text: string, start: number, end: number, quote: string): TextAnchor {
  if (end > text.length || text.slice(start, end) !== quote) {
    throw new AppError('CONFLICT', 'The article changed since it was opened: select the passage again.');
  }
  if (quote.trim().length === 0) throw new AppError('INVALID_INPUT', 'Select some text first.');
  return anchorAt(text, start, end);
}

export interface NewExcerpt {
  articleId: string;
  personId: string;
  kind: ExcerptKind;
  start: number;
  end: number;
  quote: string;
  label?: AnnotationLabel | null;
  noteMarkdown?: string;
  tag?: string;
}

export function createExcerpt(db: Db, input: NewExcerpt): Excerpt {
  const person = findPersonRow(db, input.personId);
  const article = textOfArticle(db, input.articleId);
  const anchor = anchorSelection(article.text, input.start, input.end, input.quote);
  const tag = input.tag?.normalize('NFC').trim() ?? '';
  if (input.kind === 'card' && !tag) {
    throw new AppError('INVALID_INPUT', 'An evidence card needs a tag: say in your own words what it shows.');
  }
  const uuid = newUuid();
  const now = nowIso();
  const id = Number(
    db
      .prepare(
        `INSERT INTO excerpts (uuid, article_id, owner_id, kind, start_offset, end_offset, quote, prefix, suffix,
                               label, note_markdown, tag, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uuid,
        article.id,
        person.id,
        input.kind,
        anchor.start,
        anchor.end,
        anchor.quote,
        anchor.prefix,
        anchor.suffix,
        input.label ?? null,
        input.noteMarkdown?.normalize('NFC') ?? '',
        input.kind === 'card' ? tag : null,
        now,
        now,
      ).lastInsertRowid,
  );
  // A teacher's new card joins the pool of every debate that has its article in play.
  if (input.kind === 'card' && person.role === 'teacher') {
    db.prepare(
      `INSERT OR IGNORE INTO debate_pool (debate_id, excerpt_id, position)
       SELECT da.debate_id, ?, coalesce((SELECT max(position) + 1 FROM debate_pool WHERE debate_id = da.debate_id), 0)
       FROM debate_articles da WHERE da.article_id = ?`,
    ).run(id, article.id);
  }
  return toExcerpt(findExcerpt(db, uuid));
}

export interface ExcerptChanges {
  excerptId: string;
  personId: string;
  label?: AnnotationLabel | null;
  noteMarkdown?: string;
  tag?: string;
}

export function updateExcerpt(db: Db, changes: ExcerptChanges): Excerpt {
  const row = findOwnExcerpt(db, changes.excerptId, changes.personId);
  const tag = changes.tag === undefined ? row.tag : changes.tag.normalize('NFC').trim();
  if (row.kind === 'card' && !tag) throw new AppError('INVALID_INPUT', 'An evidence card needs a tag.');
  db.prepare('UPDATE excerpts SET label = ?, note_markdown = ?, tag = ?, updated_at = ? WHERE id = ?').run(
    changes.label === undefined ? row.label : changes.label,
    changes.noteMarkdown === undefined ? row.note_markdown : changes.noteMarkdown.normalize('NFC'),
    row.kind === 'card' ? tag : null,
    nowIso(),
    row.id,
  );
  return toExcerpt(findExcerpt(db, row.uuid));
}

export function deleteExcerpt(db: Db, excerptUuid: string, personUuid: string): void {
  const row = findOwnExcerpt(db, excerptUuid, personUuid);
  db.prepare('DELETE FROM excerpts WHERE id = ?').run(row.id);
}

/** Attaches an (orphaned or misplaced) highlight to a new selection in the current text. */
export function reattachExcerpt(
  db: Db,
  input: { excerptId: string; personId: string; start: number; end: number; quote: string },
): Excerpt {
  const row = findOwnExcerpt(db, input.excerptId, input.personId);
  const article = textOfArticle(db, row.article_uuid);
  const anchor = anchorSelection(article.text, input.start, input.end, input.quote);
  saveAnchor(db, row.id, anchor);
  return toExcerpt(findExcerpt(db, row.uuid));
}

function saveAnchor(db: Db, excerptId: number, anchor: TextAnchor): void {
  db.prepare(
    `UPDATE excerpts SET start_offset = ?, end_offset = ?, quote = ?, prefix = ?, suffix = ?, orphaned = 0,
       updated_at = ? WHERE id = ?`,
  ).run(anchor.start, anchor.end, anchor.quote, anchor.prefix, anchor.suffix, nowIso(), excerptId);
}

/**
 * After an article's text changed: finds every highlight again (position, exact quote, fuzzy). One that
 * cannot be found keeps its stored quote and is marked orphaned: never dropped.
 */
export function reanchorArticleExcerpts(db: Db, articleId: number, newText: string): ReanchorReport {
  const report: ReanchorReport = { kept: 0, moved: 0, orphaned: 0 };
  const rows = db
    .prepare<[number], { id: number; start_offset: number; end_offset: number } & Omit<TextAnchor, 'start' | 'end'>>(
      'SELECT id, start_offset, end_offset, quote, prefix, suffix FROM excerpts WHERE article_id = ?',
    )
    .all(articleId);
  const orphan = db.prepare('UPDATE excerpts SET orphaned = 1, updated_at = ? WHERE id = ?');
  for (const row of rows) {
    const stored = { ...row, start: row.start_offset, end: row.end_offset };
    const found = reanchor(newText, stored);
    if (!found) {
      orphan.run(nowIso(), row.id);
      report.orphaned += 1;
    } else {
      saveAnchor(db, row.id, found.anchor);
      if (found.anchor.start === row.start_offset && found.anchor.quote === row.quote) report.kept += 1;
      else report.moved += 1;
    }
  }
  return report;
}
