// The starter pack (resources/starter): five articles, the starter debate with its card pool, and a
// roster, loaded into an empty database on first run, all in one transaction.
import matter from 'gray-matter';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { articleRowId, insertArticle } from './articles';
import { insertCard } from './cards';
import { nowIso } from './clock';
import type { Db } from './db/open';
import { insertDebate } from './debates';

const STARTER_LOADED = 'starter_loaded';

const articleFrontMatter = z.object({
  uuid: z.uuid(),
  title: z.string(),
  author: z.string(),
  outlet: z.string(),
  date: z.iso.date().or(z.literal('')),
  url: z.url().or(z.literal('')),
});

const debateFrontMatter = z.object({
  uuid: z.uuid(),
  motion: z.string().min(1),
  sideA: z.string().min(1),
  sideB: z.string().min(1),
  cards: z
    .array(
      z.object({
        uuid: z.uuid(),
        article: z.uuid(),
        tag: z.string().min(1),
        quote: z.string().min(1),
      }),
    )
    .min(1),
});

const roster = z.object({
  teacher: z.object({ uuid: z.uuid(), name: z.string().min(1) }),
  students: z.array(z.object({ uuid: z.uuid(), name: z.string().min(1) })),
});

export interface StarterPack {
  articles: Array<z.infer<typeof articleFrontMatter> & { bodyMarkdown: string; file: string }>;
  debate: z.infer<typeof debateFrontMatter> & { instructionsMarkdown: string };
  roster: z.infer<typeof roster>;
}

function parseOrExplain<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`Starter pack file ${file} is malformed: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function readStarterPack(starterDir: string): StarterPack {
  const articlesDir = join(starterDir, 'articles');
  const articles = readdirSync(articlesDir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      // gray-matter caches by content; a fresh copy of `data` keeps loads independent.
      const { data, content } = matter(readFileSync(join(articlesDir, file), 'utf8'));
      return {
        ...parseOrExplain(articleFrontMatter, { ...data }, file),
        bodyMarkdown: content.trim() + '\n',
        file,
      };
    });
  const debateFile = join(starterDir, 'debate.md');
  const { data, content } = matter(readFileSync(debateFile, 'utf8'));
  const debate = {
    ...parseOrExplain(debateFrontMatter, { ...data }, 'debate.md'),
    instructionsMarkdown: content.trim(),
  };
  const people = parseOrExplain(
    roster,
    JSON.parse(readFileSync(join(starterDir, 'roster.json'), 'utf8')),
    'roster.json',
  );
  return { articles, debate, roster: people };
}

function isEmpty(db: Db): boolean {
  const counts = db
    .prepare<[], { n: number }>(
      `SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM articles) + (SELECT count(*) FROM debates) AS n`,
    )
    .get();
  return counts?.n === 0;
}

/** Loads the pack once, into an empty database only: a teacher who deleted it does not get it back. */
export function loadStarterIfEmpty(db: Db, starterDir: string): boolean {
  const done = db.prepare<[string], { value: string }>('SELECT value FROM app_meta WHERE key = ?').get(STARTER_LOADED);
  if (done || !isEmpty(db)) return false;
  const pack = readStarterPack(starterDir);
  db.transaction(() => {
    const now = nowIso();
    const addPerson = db.prepare(
      'INSERT INTO people (uuid, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const teacherId = Number(
      addPerson.run(pack.roster.teacher.uuid, pack.roster.teacher.name, 'teacher', now, now).lastInsertRowid,
    );
    for (const student of pack.roster.students) addPerson.run(student.uuid, student.name, 'student', now, now);

    for (const article of pack.articles) insertArticle(db, article);
    const cardIds = pack.debate.cards.map((card) =>
      insertCard(db, {
        uuid: card.uuid,
        articleId: articleRowId(db, card.article),
        ownerId: teacherId,
        tag: card.tag,
        quote: card.quote,
      }),
    );
    insertDebate(db, {
      ...pack.debate,
      articleIds: pack.articles.map((article) => articleRowId(db, article.uuid)),
      poolExcerptIds: cardIds,
    });
    db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(STARTER_LOADED, now);
  }).immediate();
  return true;
}
