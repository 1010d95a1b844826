// Debate packs: the teacher exports a debate (setup, articles, pool cards, class list) as one file; another computer
// imports it. Same content → unchanged; a newer pack updates the debate; students' boards are never touched.
import { MAX_ARTICLE_MARKDOWN_CHARS } from '../../shared/limits';
import type { PackImportResult, SharedFile } from '../../shared/packs';
import { PACK_EXTENSION } from '../../shared/packs';
import { fileNamePart } from '../../shared/sheet';
import { reanchor } from '../anchoring';
import { checksumOf, insertArticle, updateArticleRow } from '../articles';
import { nowIso } from '../clock';
import type { Db } from '../db/open';
import { insertDebate } from '../debates';
import { AppError, notFound } from '../errors';
import { reanchorArticleExcerpts } from '../excerpts';
import { markdownToPlainText } from '../plain-text';
import {
  FORMAT_VERSION,
  PACK_FORMAT,
  openArchive,
  packEntries,
  parseEntry,
  requiredEntry,
  writeArchive,
  type PackArticle,
  type PackCard,
  type PackDebate,
} from './manifest';
import { fileProblem } from './zip-read';

interface PackContent {
  debate: PackDebate;
  articles: PackArticle[];
  /** Article id → body Markdown. */
  bodies: Map<string, string>;
  cards: PackCard[];
  roster: Array<{ id: string; name: string }>;
}

const articlePath = (id: string) => `articles/${id}.md`;

/** The debate as a pack holds it, read from this computer's database. */
function packContentOf(db: Db, debateUuid: string): PackContent {
  const row = db
    .prepare<
      [string],
      {
        id: number;
        uuid: string;
        motion: string;
        side_a_label: string;
        side_b_label: string;
        instructions_markdown: string;
        status: PackDebate['status'];
        created_at: string;
        updated_at: string;
      }
    >('SELECT * FROM debates WHERE uuid = ?')
    .get(debateUuid);
  if (!row) throw notFound('This debate');
  const articleRows = db
    .prepare<
      [number],
      {
        uuid: string;
        title: string;
        author: string | null;
        outlet: string | null;
        published: string | null;
        url: string | null;
        body_markdown: string;
        updated_at: string;
        tags_json: string;
      }
    >(
      `SELECT a.uuid, a.title, a.author, a.outlet, a.published, a.url, a.body_markdown, a.updated_at,
         (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag))
           AS tags_json
       FROM debate_articles da JOIN articles a ON a.id = da.article_id WHERE da.debate_id = ? ORDER BY da.position`,
    )
    .all(row.id);
  const cardRows = db
    .prepare<
      [number],
      {
        uuid: string;
        article_uuid: string;
        tag: string | null;
        start_offset: number;
        end_offset: number;
        quote: string;
        prefix: string;
        suffix: string;
        updated_at: string;
      }
    >(
      `SELECT e.uuid, a.uuid AS article_uuid, e.tag, e.start_offset, e.end_offset, e.quote, e.prefix, e.suffix,
              e.updated_at
       FROM debate_pool dp JOIN excerpts e ON e.id = dp.excerpt_id JOIN articles a ON a.id = e.article_id
       WHERE dp.debate_id = ? ORDER BY dp.position`,
    )
    .all(row.id);
  const cards: PackCard[] = cardRows.map((card) => ({
    id: card.uuid,
    articleId: card.article_uuid,
    tag: card.tag ?? '',
    start: card.start_offset,
    end: card.end_offset,
    quote: card.quote,
    prefix: card.prefix,
    suffix: card.suffix,
    updatedAt: card.updated_at,
  }));
  return {
    debate: {
      id: row.uuid,
      motion: row.motion,
      sideA: row.side_a_label,
      sideB: row.side_b_label,
      instructionsMarkdown: row.instructions_markdown,
      status: row.status,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      articleIds: articleRows.map((article) => article.uuid),
      poolCardIds: cards.map((card) => card.id),
    },
    articles: articleRows.map((article) => ({
      id: article.uuid,
      title: article.title,
      author: article.author,
      outlet: article.outlet,
      date: article.published,
      url: article.url,
      tags: JSON.parse(article.tags_json) as string[],
      updatedAt: article.updated_at,
    })),
    bodies: new Map(articleRows.map((article) => [article.uuid, article.body_markdown])),
    cards,
    roster: db
      .prepare<[], { uuid: string; name: string }>(
        "SELECT uuid, name FROM people WHERE role = 'student' ORDER BY name COLLATE NOCASE",
      )
      .all()
      .map((person) => ({ id: person.uuid, name: person.name })),
  };
}

export function exportDebatePack(db: Db, debateUuid: string, appVersion: string): SharedFile {
  const content = packContentOf(db, debateUuid);
  const files: Record<string, string> = {
    'debate.json': JSON.stringify(content.debate, null, 2),
    'articles.json': JSON.stringify(content.articles, null, 2),
    'cards.json': JSON.stringify(content.cards, null, 2),
    'roster.json': JSON.stringify(content.roster, null, 2),
  };
  for (const [id, body] of content.bodies) files[articlePath(id)] = body;
  const bytes = writeArchive(
    {
      format: PACK_FORMAT,
      version: FORMAT_VERSION,
      exportedAt: nowIso(),
      appVersion,
      debate: { id: content.debate.id, motion: content.debate.motion },
    },
    files,
  );
  return {
    fileName: `${fileNamePart(content.debate.motion, 'Debate')}${PACK_EXTENSION}`,
    mimeType: 'application/zip',
    dataBase64: Buffer.from(bytes).toString('base64'),
  };
}

/** A pack read and checked throughout, with each article's plain text: nothing written yet. */
interface ArticleText {
  bodyMarkdown: string;
  bodyText: string;
  checksum: string;
}
interface CheckedPack extends PackContent {
  texts: Map<string, ArticleText>;
}

function readPack(fileName: string, bytes: Uint8Array): CheckedPack {
  const archive = openArchive(fileName, bytes, PACK_FORMAT);
  const entry = (path: string) => requiredEntry(fileName, archive, path);
  const debate = parseEntry(fileName, 'debate.json', entry('debate.json'), packEntries.debate);
  const articles = parseEntry(fileName, 'articles.json', entry('articles.json'), packEntries.articles);
  const cards = parseEntry(fileName, 'cards.json', entry('cards.json'), packEntries.cards);
  const roster = parseEntry(fileName, 'roster.json', entry('roster.json'), packEntries.roster);
  const damaged = (problem: string) => fileProblem(fileName, `${problem} (the pack is damaged or was edited by hand).`);

  if (debate.id !== archive.manifest.debate.id) throw damaged('its manifest and its debate do not match');
  if (debate.sideA.trim().toLocaleLowerCase() === debate.sideB.trim().toLocaleLowerCase()) {
    throw damaged('its two sides have the same label');
  }
  const articleIds = new Set(articles.map((article) => article.id));
  if (articleIds.size !== articles.length) throw damaged('an article appears twice');
  if (articleIds.size !== debate.articleIds.length || debate.articleIds.some((id) => !articleIds.has(id))) {
    throw damaged('its articles do not match the debate’s list of articles');
  }
  const cardIds = new Set(cards.map((card) => card.id));
  if (cardIds.size !== cards.length) throw damaged('a card appears twice');
  if (cards.some((card) => !articleIds.has(card.articleId)))
    throw damaged('a card comes from an article not in the pack');
  if (cardIds.size !== debate.poolCardIds.length || debate.poolCardIds.some((id) => !cardIds.has(id))) {
    throw damaged('its cards do not match the debate’s pool');
  }
  if (new Set(roster.map((student) => student.id)).size !== roster.length) throw damaged('a student appears twice');
  const bodyPaths = new Set(articles.map((article) => articlePath(article.id)));
  for (const path of archive.text.keys()) {
    if (path.startsWith('articles/') && !bodyPaths.has(path))
      throw damaged(`the entry “${path}” belongs to no article`);
  }

  const texts: CheckedPack['texts'] = new Map();
  const bodies = new Map<string, string>();
  for (const article of articles) {
    const markdown = requiredEntry(fileName, archive, articlePath(article.id));
    if (markdown.length > MAX_ARTICLE_MARKDOWN_CHARS) {
      throw fileProblem(fileName, `the article “${article.title}” is longer than 2 million characters.`, 'TOO_LARGE');
    }
    // As the library stores it (core/articles.ts): NFC, no NUL.
    const bodyMarkdown = markdown.normalize('NFC').replaceAll('\u0000', '');
    const bodyText = markdownToPlainText(bodyMarkdown);
    if (bodyText.trim().length === 0)
      throw fileProblem(fileName, `the article “${article.title}” has no readable text.`);
    bodies.set(article.id, bodyMarkdown);
    texts.set(article.id, { bodyMarkdown, bodyText, checksum: checksumOf(bodyText) });
  }
  return { debate, articles, cards, roster, bodies, texts };
}

/** What a debate says, whatever ids its articles have on each computer: compared to tell "unchanged". */
function fingerprint(content: PackContent, checksumOf: (articleId: string) => string): string {
  return JSON.stringify({
    debate: [content.debate.motion, content.debate.sideA, content.debate.sideB, content.debate.instructionsMarkdown],
    status: content.debate.status,
    // By text: an article this computer has under another id is the same article (its metadata stays as it is here).
    articles: content.articles.map((article) => checksumOf(article.id)),
    cards: content.cards.map((card) => [card.id, checksumOf(card.articleId), card.tag, card.quote]),
  });
}

/** The latest change to a debate's content: its setup, its articles, its pool cards. */
function latestChange(content: PackContent): string {
  return [
    content.debate.updatedAt,
    ...content.articles.map((a) => a.updatedAt),
    ...content.cards.map((c) => c.updatedAt),
  ]
    .sort()
    .at(-1) as string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function addMissingStudents(db: Db, roster: PackContent['roster']): number {
  const exists = db.prepare<[string], { role: string }>('SELECT role FROM people WHERE uuid = ?');
  const nameTaken = db.prepare<[string], { id: number }>('SELECT id FROM people WHERE name = ? COLLATE NOCASE');
  const add = db.prepare(
    "INSERT INTO people (uuid, name, role, created_at, updated_at) VALUES (?, ?, 'student', ?, ?)",
  );
  const now = nowIso();
  let added = 0;
  for (const student of roster) {
    if (exists.get(student.id)) continue;
    add.run(student.id, freeName(student.name.normalize('NFC').trim(), nameTaken), now, now);
    added += 1;
  }
  return added;
}

/** Students pick themselves by name: someone else here with the same name gets this one "Name (2)". */
export function freeName(name: string, nameTaken: { get(name: string): unknown }): string {
  let candidate = name;
  for (let copy = 2; nameTaken.get(candidate); copy++) candidate = `${name.slice(0, 74)} (${copy})`;
  return candidate;
}

function teacherRowId(db: Db): number {
  const row = db.prepare<[], { id: number }>("SELECT id FROM people WHERE role = 'teacher' ORDER BY id LIMIT 1").get();
  if (!row) throw new AppError('NOT_FOUND', 'This computer has no teacher profile.');
  return row.id;
}

/** Imports a pack into the caller's transaction. Throws (nothing written) on any problem, naming the file. */
export function importDebatePack(db: Db, fileName: string, bytes: Uint8Array): PackImportResult {
  const pack = readPack(fileName, bytes);
  const { debate } = pack;
  const local = db
    .prepare<[string], { id: number; created_at: string; updated_at: string }>(
      'SELECT id, created_at, updated_at FROM debates WHERE uuid = ?',
    )
    .get(debate.id);
  const result: PackImportResult = {
    fileName,
    outcome: 'created',
    debate: { id: debate.id, motion: debate.motion },
    articlesAdded: 0,
    articlesUpdated: 0,
    cardsAdded: 0,
    cardsUpdated: 0,
    studentsAdded: 0,
    message: '',
  };

  if (local) {
    const localContent = packContentOf(db, debate.id);
    const localChecksum = db.prepare<[string], { checksum: string }>('SELECT checksum FROM articles WHERE uuid = ?');
    // The metadata of articles known here by the same id is compared as well (a pack may correct a title).
    const localArticles = new Map(localContent.articles.map((article) => [article.id, article]));
    const metadata = (a: PackArticle) => JSON.stringify([a.title, a.author, a.outlet, a.date, a.url, a.tags]);
    const same =
      fingerprint(localContent, (id) => localChecksum.get(id)?.checksum ?? '') ===
        fingerprint(pack, (id) => pack.texts.get(id)?.checksum ?? '') &&
      pack.articles.every((article) => {
        const here = localArticles.get(article.id);
        return !here || metadata(here) === metadata(article);
      });
    // A debate never changed here (as loaded from the starter or a pack) yields to any pack that differs.
    const neverEdited = local.updated_at === local.created_at;
    if (same) result.outcome = 'unchanged';
    else if (!neverEdited && latestChange(pack) <= latestChange(localContent)) result.outcome = 'older';
    else result.outcome = 'updated';
    if (result.outcome !== 'updated') {
      result.studentsAdded = addMissingStudents(db, pack.roster);
      result.message =
        result.outcome === 'unchanged'
          ? `The debate “${debate.motion}” is already on this computer as this pack has it: nothing changed.`
          : `This computer has a newer version of the debate “${debate.motion}” (changed ${latestChange(localContent).slice(0, 16).replace('T', ' ')} UTC) than this pack (${latestChange(pack).slice(0, 16).replace('T', ' ')} UTC): nothing changed.`;
      if (result.studentsAdded)
        result.message += ` ${plural(result.studentsAdded, 'student')} added to the class list.`;
      return result;
    }
  }

  const articleRowIds = writeArticles(db, fileName, pack, result);
  const cardRowIds = writeCards(db, fileName, pack, articleRowIds, result);
  const articleIds = debate.articleIds.map((id) => articleRowIds.get(id) as number);
  const poolIds = debate.poolCardIds.map((id) => cardRowIds.get(id) as number);
  const fields = {
    motion: debate.motion.normalize('NFC'),
    sideA: debate.sideA.normalize('NFC'),
    sideB: debate.sideB.normalize('NFC'),
    instructionsMarkdown: debate.instructionsMarkdown.normalize('NFC'),
  };
  let debateRowId: number;
  if (local) {
    debateRowId = local.id;
    db.prepare(
      `UPDATE debates SET motion = ?, side_a_label = ?, side_b_label = ?, instructions_markdown = ? WHERE id = ?`,
    ).run(fields.motion, fields.sideA, fields.sideB, fields.instructionsMarkdown, debateRowId);
    db.prepare('DELETE FROM debate_articles WHERE debate_id = ?').run(debateRowId);
    const addArticle = db.prepare('INSERT INTO debate_articles (debate_id, article_id, position) VALUES (?, ?, ?)');
    articleIds.forEach((articleId, position) => addArticle.run(debateRowId, articleId, position));
    db.prepare('DELETE FROM debate_pool WHERE debate_id = ?').run(debateRowId);
    const addCard = db.prepare('INSERT INTO debate_pool (debate_id, excerpt_id, position) VALUES (?, ?, ?)');
    poolIds.forEach((excerptId, position) => addCard.run(debateRowId, excerptId, position));
  } else {
    debateRowId = insertDebate(db, { uuid: debate.id, ...fields, articleIds, poolExcerptIds: poolIds });
  }
  // The pack's own dates, so that the same pack again compares equal.
  db.prepare('UPDATE debates SET status = ?, created_at = ?, updated_at = ? WHERE id = ?').run(
    debate.status,
    debate.createdAt,
    debate.updatedAt,
    debateRowId,
  );
  result.studentsAdded = addMissingStudents(db, pack.roster);

  const what = `${plural(debate.articleIds.length, 'article')} and ${plural(debate.poolCardIds.length, 'card')} in the pool`;
  result.message = local
    ? `Updated the debate “${debate.motion}” from this newer pack (${what}; ${result.articlesAdded} articles added, ${result.articlesUpdated} changed, ${result.cardsAdded} cards added, ${result.cardsUpdated} changed). Students’ boards were not touched.`
    : `Added the debate “${debate.motion}” with ${what}.`;
  if (result.studentsAdded) result.message += ` ${plural(result.studentsAdded, 'student')} added to the class list.`;
  return result;
}

/** Each pack article → this computer's row: the same id, else the same text (never a duplicate), else a new one. */
function writeArticles(db: Db, fileName: string, pack: CheckedPack, result: PackImportResult): Map<string, number> {
  const byUuid = db.prepare<
    [string],
    {
      id: number;
      checksum: string;
      title: string;
      author: string | null;
      outlet: string | null;
      published: string | null;
      url: string | null;
      tags_json: string;
    }
  >(
    `SELECT a.id, a.checksum, a.title, a.author, a.outlet, a.published, a.url,
       (SELECT json_group_array(tag) FROM (SELECT tag FROM article_tags t WHERE t.article_id = a.id ORDER BY tag))
         AS tags_json
     FROM articles a WHERE a.uuid = ?`,
  );
  const byChecksum = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE checksum = ?');
  const stamp = db.prepare('UPDATE articles SET updated_at = ? WHERE id = ?');
  const rowIds = new Map<string, number>();
  for (const article of pack.articles) {
    const text = pack.texts.get(article.id) as ArticleText;
    const fields = {
      uuid: article.id,
      title: article.title,
      author: article.author,
      outlet: article.outlet,
      date: article.date,
      url: article.url,
      bodyMarkdown: text.bodyMarkdown,
      tags: article.tags,
    };
    const existing = byUuid.get(article.id);
    try {
      if (existing) {
        rowIds.set(article.id, existing.id);
        const sameMeta =
          JSON.stringify([existing.title, existing.author, existing.outlet, existing.published, existing.url]) ===
            JSON.stringify([article.title, article.author, article.outlet, article.date, article.url]) &&
          existing.tags_json === JSON.stringify([...new Set(article.tags.map((t) => t.trim().toLowerCase()))].sort());
        if (existing.checksum === text.checksum && sameMeta) continue;
        updateArticleRow(db, article.id, fields);
        if (existing.checksum !== text.checksum) reanchorArticleExcerpts(db, existing.id, text.bodyText);
        stamp.run(article.updatedAt, existing.id);
        result.articlesUpdated += 1;
        continue;
      }
      const same = byChecksum.get(text.checksum);
      if (same) {
        rowIds.set(article.id, same.id);
        continue;
      }
      insertArticle(db, fields);
      const id = (byUuid.get(article.id) as { id: number }).id;
      stamp.run(article.updatedAt, id);
      rowIds.set(article.id, id);
      result.articlesAdded += 1;
    } catch (error) {
      if (error instanceof AppError) throw fileProblem(fileName, `the article “${article.title}”: ${error.message}`);
      throw error;
    }
  }
  return rowIds;
}

/** The pool cards, owned here by this computer's teacher, anchored again in this computer's text of the article. */
function writeCards(
  db: Db,
  fileName: string,
  pack: CheckedPack,
  articleRowIds: Map<string, number>,
  result: PackImportResult,
): Map<string, number> {
  const teacherId = teacherRowId(db);
  const existing = db.prepare<
    [string],
    {
      id: number;
      kind: string;
      role: string;
      article_id: number;
      tag: string | null;
      start_offset: number;
      end_offset: number;
      quote: string;
    }
  >(
    `SELECT e.id, e.kind, p.role, e.article_id, e.tag, e.start_offset, e.end_offset, e.quote
     FROM excerpts e JOIN people p ON p.id = e.owner_id WHERE e.uuid = ?`,
  );
  const textOf = db.prepare<[number], { body_text: string }>('SELECT body_text FROM articles WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO excerpts (uuid, article_id, owner_id, kind, start_offset, end_offset, quote, prefix, suffix, orphaned,
                           tag, created_at, updated_at)
     VALUES (@uuid, @article, @owner, 'card', @start, @end, @quote, @prefix, @suffix, @orphaned, @tag, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE excerpts SET article_id = @article, start_offset = @start, end_offset = @end, quote = @quote,
       prefix = @prefix, suffix = @suffix, orphaned = @orphaned, tag = @tag, updated_at = @at WHERE id = @id`,
  );
  const texts = new Map<number, string>();
  const rowIds = new Map<string, number>();
  for (const card of pack.cards) {
    const article = articleRowIds.get(card.articleId) as number;
    if (!texts.has(article)) texts.set(article, textOf.get(article)?.body_text ?? '');
    const found = reanchor(texts.get(article) as string, card);
    const anchor = found?.anchor ?? card;
    const values = {
      article,
      start: anchor.start,
      end: anchor.end,
      quote: anchor.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      orphaned: found ? 0 : 1,
      tag: card.tag.normalize('NFC').trim(),
      at: card.updatedAt,
    };
    const row = existing.get(card.id);
    if (row) {
      if (row.kind !== 'card' || row.role !== 'teacher') {
        throw fileProblem(fileName, `the card “${card.tag.slice(0, 60)}” has the id of a student’s highlight here.`);
      }
      rowIds.set(card.id, row.id);
      const same =
        row.article_id === article &&
        row.tag === values.tag &&
        row.quote === values.quote &&
        row.start_offset === values.start;
      if (!same) {
        update.run({ ...values, id: row.id });
        result.cardsUpdated += 1;
      }
      continue;
    }
    rowIds.set(card.id, Number(insert.run({ ...values, uuid: card.id, owner: teacherId }).lastInsertRowid));
    result.cardsAdded += 1;
  }
  return rowIds;
}

/** For tests and tools: the pack's entries as text, without importing (the same checks as an import). */
export function inspectPack(fileName: string, bytes: Uint8Array): CheckedPack {
  return readPack(fileName, bytes);
}
