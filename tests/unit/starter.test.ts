// The starter pack: what a first run loads (verbatim, anchored, nothing invented), that it loads once,
// and that a malformed pack is refused clearly with nothing half-loaded.
import matter from 'gray-matter';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTEXT_CHARS } from '../../src-main/core/anchoring';
import { DATA_FILE_NAME } from '../../src-main/core/app';
import type { Article, ArticleSummary, Board, DebateSummary, Person } from '../../src-main/shared/domain';
import {
  callOk,
  cleanUp,
  makeTempDir,
  migrationsDir,
  openApp,
  openRaw,
  STARTER_MOTION,
  starterDir,
  starterIds,
  tableCounts,
} from './helpers';

afterEach(cleanUp);

interface ExcerptRow {
  uuid: string;
  article_uuid: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  tag: string;
  kind: string;
}

function storedCards(file: string): ExcerptRow[] {
  return openRaw(file, { readonly: true })
    .prepare(
      `SELECT e.uuid, a.uuid AS article_uuid, e.start_offset, e.end_offset, e.quote, e.prefix, e.suffix, e.tag, e.kind
       FROM excerpts e JOIN articles a ON a.id = e.article_id ORDER BY e.id`,
    )
    .all() as ExcerptRow[];
}

/** A resources dir (db/migrations + resources/starter) whose starter pack the test may break. */
function copyOfResources(): { resourcesDir: string; starter: string } {
  const resourcesDir = makeTempDir('debate-desk-resources-');
  mkdirSync(join(resourcesDir, 'db'));
  symlinkSync(migrationsDir, join(resourcesDir, 'db', 'migrations'));
  const starter = join(resourcesDir, 'resources', 'starter');
  cpSync(starterDir, starter, { recursive: true });
  return { resourcesDir, starter };
}

function expectNothingStored(dataDir: string): void {
  const counts = tableCounts(openRaw(join(dataDir, DATA_FILE_NAME), { readonly: true }));
  expect(counts).toEqual({
    app_meta: 0,
    people: 0,
    articles: 0,
    excerpts: 0,
    debates: 0,
    debate_articles: 0,
    debate_pool: 0,
    placements: 0,
  });
}

describe('first run', () => {
  it('loads the five articles, the starter debate and the roster', async () => {
    const app = openApp();
    const articles = await callOk<ArticleSummary[]>(app, 'articles.list');
    expect(articles).toHaveLength(5);
    const debates = await callOk<DebateSummary[]>(app, 'debates.list');
    expect(debates).toHaveLength(1);
    expect(debates[0]).toMatchObject({
      motion: STARTER_MOTION,
      sideA: 'Alliance',
      sideB: 'Rivalry',
      status: 'open',
    });
    expect(debates[0]?.cardCount).toBeGreaterThanOrEqual(16);

    const people = await callOk<Person[]>(app, 'people.list');
    expect(people.filter((p) => p.role === 'teacher')).toHaveLength(1);
    expect(people.filter((p) => p.role === 'student').length).toBeGreaterThanOrEqual(3);

    const { board } = await starterIds(app);
    expect(board.debate.articleIds).toHaveLength(5);
    expect(new Set(board.debate.articleIds)).toEqual(new Set(articles.map((a) => a.id)));
    expect(board.cards.length).toBeGreaterThanOrEqual(16);
    // Every article gives at least one card, and every card is cut from an article of the debate.
    expect(new Set(board.cards.map((card) => card.articleId))).toEqual(new Set(articles.map((a) => a.id)));
    for (const article of articles) expect(article.cardCount).toBeGreaterThan(0);
    expect(board.cards.every((card) => card.ownerRole === 'teacher')).toBe(true);
  });

  it('stores every card quote verbatim at its offsets, with 32 characters of context', async () => {
    const app = openApp();
    const cards = storedCards(app.dataFile);
    expect(cards.length).toBeGreaterThanOrEqual(16);
    const texts = new Map<string, string>();
    for (const card of cards) {
      if (!texts.has(card.article_uuid)) {
        texts.set(
          card.article_uuid,
          (
            await callOk<Article>(app, 'articles.get', {
              articleId: card.article_uuid,
            })
          ).bodyText,
        );
      }
      const text = texts.get(card.article_uuid) ?? '';
      expect(card.kind).toBe('card');
      expect(text.slice(card.start_offset, card.end_offset), `card ${card.uuid}`).toBe(card.quote);
      expect(card.prefix).toBe(text.slice(Math.max(0, card.start_offset - CONTEXT_CHARS), card.start_offset));
      expect(card.suffix).toBe(text.slice(card.end_offset, card.end_offset + CONTEXT_CHARS));
      expect(card.prefix.length).toBe(Math.min(CONTEXT_CHARS, card.start_offset));
    }
    // And the quotes are the pack's own, unaltered.
    const pack = matter(readFileSync(join(starterDir, 'debate.md'), 'utf8')).data as {
      cards: Array<{ uuid: string; quote: string; tag: string }>;
    };
    expect(cards.map((c) => [c.uuid, c.quote])).toEqual(pack.cards.map((c) => [c.uuid, c.quote.normalize('NFC')]));
  });

  it('pre-assigns no card to a side', async () => {
    const app = openApp();
    const { debate, students, board } = await starterIds(app);
    expect(tableCounts(openRaw(app.dataFile, { readonly: true })).placements).toBe(0);
    for (const student of students) {
      const b = await callOk<Board>(app, 'board.get', {
        debateId: debate.id,
        studentId: student.id,
      });
      expect(b.placements).toEqual([]);
    }
    for (const card of board.cards) {
      expect(card.tag).not.toMatch(/Alliance|Rivalry|supports/);
    }
  });

  it('leaves unknown metadata null instead of inventing it', async () => {
    const app = openApp();
    const articles = await callOk<ArticleSummary[]>(app, 'articles.list');
    const klain = articles.find((a) => a.author === 'Doug Klain');
    expect(klain).toBeDefined();
    expect(klain?.title).toBeNull();
    expect(klain?.date).toBe('2022-01-21');

    // Each cite field is exactly the pack's front matter, with blanks as null.
    for (const file of readdirSync(join(starterDir, 'articles')).filter((f) => f.endsWith('.md'))) {
      const front = matter(readFileSync(join(starterDir, 'articles', file), 'utf8')).data as Record<string, string>;
      const stored = articles.find((a) => a.id === front.uuid);
      expect(stored, file).toBeDefined();
      for (const field of ['title', 'author', 'outlet', 'date', 'url'] as const) {
        expect(stored?.[field], `${file} ${field}`).toBe(front[field] === '' ? null : front[field]);
      }
    }
    expect(articles.filter((a) => a.author === null).length).toBeGreaterThan(0);

    const cards = (await starterIds(app)).board.cards;
    const klainCard = cards.find((card) => card.articleId === klain?.id);
    expect(klainCard?.cite).toEqual({
      title: null,
      author: 'Doug Klain',
      outlet: null,
      date: '2022-01-21',
      url: null,
    });
  });

  it('stores articles cleaned of web-page debris', async () => {
    const app = openApp();
    const articles = await callOk<ArticleSummary[]>(app, 'articles.list');
    for (const summary of articles) {
      const article = await callOk<Article>(app, 'articles.get', {
        articleId: summary.id,
      });
      expect(article.wordCount).toBeGreaterThan(100);
      for (const debris of [
        'see more',
        'Leave a Reply',
        'Download •',
        'top of page',
        'Vladimirovich',
        'MORE',
        'views0',
      ]) {
        expect(article.bodyMarkdown, `${summary.id} markdown`).not.toContain(debris);
        expect(article.bodyText, `${summary.id} text`).not.toContain(debris);
      }
    }
  });
});

describe('loading runs once', () => {
  it('does not duplicate anything when the app opens the same data dir again', async () => {
    const dataDir = makeTempDir();
    const first = openApp(dataDir);
    const before = tableCounts(openRaw(first.dataFile, { readonly: true }));
    first.close();
    const second = openApp(dataDir);
    expect(tableCounts(openRaw(second.dataFile, { readonly: true }))).toEqual(before);
    expect(await callOk<ArticleSummary[]>(second, 'articles.list')).toHaveLength(5);
    expect(await callOk<DebateSummary[]>(second, 'debates.list')).toHaveLength(1);
  });

  it('does not bring the starter back after the teacher deleted it', async () => {
    const dataDir = makeTempDir();
    const first = openApp(dataDir);
    const raw = openRaw(first.dataFile);
    raw.pragma('foreign_keys = ON');
    raw.exec('DELETE FROM debates; DELETE FROM articles; DELETE FROM people;');
    first.close();

    const second = openApp(dataDir);
    expect(await callOk<ArticleSummary[]>(second, 'articles.list')).toEqual([]);
    expect(await callOk<DebateSummary[]>(second, 'debates.list')).toEqual([]);
    expect(await callOk<Person[]>(second, 'people.list')).toEqual([]);
  });
});

describe('a malformed starter pack', () => {
  it('with broken debate front matter is refused, naming the file, and nothing is stored', () => {
    const { resourcesDir, starter } = copyOfResources();
    const debateFile = join(starter, 'debate.md');
    writeFileSync(debateFile, readFileSync(debateFile, 'utf8').replace('sideA: "Alliance"', 'sideA: ""'));
    const dataDir = makeTempDir();
    expect(() => openApp(dataDir, resourcesDir)).toThrow(/debate\.md.*malformed[\s\S]*sideA/);
    expectNothingStored(dataDir);
  });

  it('with a quote its article does not contain is refused, and the whole load is rolled back', () => {
    const { resourcesDir, starter } = copyOfResources();
    const debateFile = join(starter, 'debate.md');
    const original = readFileSync(debateFile, 'utf8');
    // The last card: people, articles and all earlier cards are written before this one fails.
    const lastQuote = [...original.matchAll(/^ {4}quote: "(.*)"$/gm)].at(-1)?.[1];
    expect(lastQuote).toBeDefined();
    writeFileSync(
      debateFile,
      original.replace(`quote: "${lastQuote}"`, 'quote: "Words no article of the pack contains."'),
    );
    const dataDir = makeTempDir();
    expect(() => openApp(dataDir, resourcesDir)).toThrow(
      /Words no article of the pack contains.*is not in the article/,
    );
    expectNothingStored(dataDir);

    // Once the pack is fixed, the next start loads it whole.
    writeFileSync(debateFile, original);
    const app = openApp(dataDir, resourcesDir);
    expect(tableCounts(openRaw(app.dataFile, { readonly: true })).articles).toBe(5);
  });

  it('with a bad article uuid is refused, naming the article file', () => {
    const { resourcesDir, starter } = copyOfResources();
    const file = join(starter, 'articles', '05-kazakhstan-russia-china-partnership-limits.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^uuid: ".*"$/m, 'uuid: "not-a-uuid"'));
    const dataDir = makeTempDir();
    expect(() => openApp(dataDir, resourcesDir)).toThrow(
      /05-kazakhstan-russia-china-partnership-limits\.md.*malformed/,
    );
    expectNothingStored(dataDir);
  });
});
