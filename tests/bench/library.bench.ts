// Library benchmarks: full-text search over 10,000 generated articles (against a LIKE scan of the same rows),
// and a bulk import of 1,000 Markdown files through the API (against plain INSERTs of the same rows).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src-main/core/app';
import { projectRoot } from './core-open.bench';
import { check, sample, summarize, type Measurement } from './stats';
import { call } from './app-call';

const SEARCH_ARTICLES = 10_000;
const WORDS_PER_ARTICLE = 800;
const IMPORT_FILES = 1_000;

/** A small deterministic PRNG, so every run searches the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 40,000 pronounceable made-up words: a vocabulary the size of a year of news. */
function vocabulary(next: () => number): string[] {
  const syllables = ['ka', 'zo', 'ri', 'mun', 'tel', 'sa', 'vo', 'lin', 'dre', 'po', 'ga', 'shi', 'nor', 'be', 'qua'];
  const words = new Set<string>();
  while (words.size < 40_000) {
    const length = 2 + Math.floor(next() * 4);
    words.add(Array.from({ length }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
  }
  return [...words];
}

/** A Zipf-like pick (word k has weight ~1/k), as word frequencies in real text are. */
function zipfIndex(next: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.exp(next() * Math.log(size + 1))) - 1);
}

function articleText(next: () => number, words: string[]): string {
  const paragraphs: string[] = [];
  let remaining = WORDS_PER_ARTICLE;
  while (remaining > 0) {
    const count = Math.min(remaining, 60 + Math.floor(next() * 60));
    remaining -= count;
    const sentence = Array.from({ length: count }, () => words[zipfIndex(next, words.length)]);
    paragraphs.push(`${sentence.join(' ')}.`);
  }
  return paragraphs.join('\n\n');
}

const INSERT_ROW = `INSERT INTO articles (uuid, title, body_markdown, body_text, checksum, word_count, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

async function searchBench(): Promise<Measurement[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-search-'));
  const app = createApp({ dataDir, resourcesDir: projectRoot });
  const raw = new Database(app.dataFile);
  try {
    const next = random(42);
    const words = vocabulary(next);
    const now = new Date().toISOString();
    const insert = raw.prepare(INSERT_ROW);
    const fillStart = performance.now();
    raw.transaction(() => {
      for (let i = 0; i < SEARCH_ARTICLES; i += 1) {
        const text = articleText(next, words);
        insert.run(randomUUID(), `Generated article ${i}`, text, text, `bench-${i}`, WORDS_PER_ARTICLE, now, now);
      }
    })();
    const fillSeconds = (performance.now() - fillStart) / 1000;
    const teacher = (await call(app, 'people.list', {})).find((person) => person.role === 'teacher');
    check(teacher, 'the starter teacher exists');

    // Queries as a teacher types them: one or two words, the last one sometimes still being typed
    // (a prefix of 3+ letters). Two thirds are drawn like the text's own words (so many are as common as
    // "the" and match every article), one third uniformly from the vocabulary (rarer, topical words).
    const typing = (w: string) => (next() < 0.5 ? w.slice(0, Math.max(3, Math.ceil(w.length * 0.6))) : w);
    const common = () => words[zipfIndex(next, words.length)] as string;
    const rare = () => words[Math.floor(next() * words.length)] as string;
    const queries = Array.from({ length: 300 }, (_, i) => {
      const word = i % 3 === 2 ? rare : common;
      return next() < 0.5 ? typing(word()) : `${word()} ${typing(word())}`;
    });
    let hits = 0;
    const fts = await sample(queries.length, 30, 'ms', async (i) => {
      hits += (await call(app, 'search.query', { text: queries[i % queries.length] ?? '', personId: teacher.id }))
        .length;
    });
    check(hits > 0, 'searches found articles');
    // The same job without the index: every word as a substring, newest first, the first 20.
    const likeStatements = [1, 2].map((n) =>
      raw.prepare(
        `SELECT uuid FROM articles WHERE ${Array(n).fill('body_text LIKE ?').join(' AND ')} ORDER BY id DESC LIMIT 20`,
      ),
    );
    const scans = await sample(queries.length, 3, 'ms', (i) => {
      const patterns = (queries[i % queries.length] ?? '').split(' ').map((word) => `%${word}%`);
      return likeStatements[patterns.length - 1]!.all(...patterns);
    });
    const search = summarize(
      {
        id: 'library.search-fts',
        label: `Search (FTS5) over ${SEARCH_ARTICLES.toLocaleString('en')} articles of ${WORDS_PER_ARTICLE} words, \`search.query\``,
        unit: 'ms',
        warmup: 30,
      },
      fts,
    );
    const like = summarize(
      {
        id: 'library.search-like',
        label: `Same rows and queries, \`body_text LIKE '%word%' … ORDER BY id DESC LIMIT 20\` (raw SQL)`,
        unit: 'ms',
        warmup: 3,
        notes: 'The scan a search without an index would do (no snippets): the baseline of the FTS figure above.',
      },
      scans,
    );
    search.notes =
      `Generated library filled in ${fillSeconds.toFixed(1)} s (plain INSERTs + FTS triggers). ` +
      `300 queries of 1–2 words, the last one often a prefix, through dispatch (validation, articles with ` +
      `snippets, cards). LIKE / FTS: ${(like.median / search.median).toFixed(0)}× at the median, ` +
      `${(like.p95 / search.p95).toFixed(0)}× at p95.`;
    return [search, like];
  } finally {
    raw.close();
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function importBench(): Promise<Measurement[]> {
  const next = random(7);
  const words = vocabulary(next);
  const files = Array.from({ length: IMPORT_FILES }, (_, i) => {
    const markdown = `# Imported article ${i}\n\nBy Jane Writer\n\n${articleText(next, words)}\n`;
    return { fileName: `article-${i}.md`, dataBase64: Buffer.from(markdown).toString('base64'), markdown };
  });

  const viaApi: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-import-'));
    const app = createApp({ dataDir, resourcesDir: projectRoot });
    try {
      const { teacherToken } = await call(app, 'teacher.setPin', { pin: '2468' });
      const start = performance.now();
      for (const file of files) {
        const draft = await call(app, 'articles.draftFromFile', {
          fileName: file.fileName,
          dataBase64: file.dataBase64,
        });
        await call(app, 'articles.create', {
          teacherToken,
          title: draft.title,
          author: draft.author,
          outlet: draft.outlet,
          date: draft.date,
          url: draft.url,
          bodyMarkdown: draft.blocks.map((block) => block.markdown).join('\n\n'),
        });
      }
      viaApi.push(performance.now() - start);
      check((await call(app, 'articles.list', {})).length === IMPORT_FILES + 5, 'every file was imported');
    } finally {
      app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }

    const plainDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-plain-'));
    const baseline = createApp({ dataDir: plainDir, resourcesDir: projectRoot });
    const raw = new Database(baseline.dataFile);
    try {
      const insert = raw.prepare(INSERT_ROW);
      const now = new Date().toISOString();
      const start = performance.now();
      for (const [i, file] of files.entries()) {
        raw.transaction(() =>
          insert.run(randomUUID(), `Imported article ${i}`, file.markdown, file.markdown, `plain-${i}`, 800, now, now),
        )();
      }
      plain.push(performance.now() - start);
    } finally {
      raw.close();
      baseline.close();
      rmSync(plainDir, { recursive: true, force: true });
    }
  }
  const ratio = [...viaApi].sort((a, b) => a - b)[1]! / [...plain].sort((a, b) => a - b)[1]!;
  return [
    summarize(
      {
        id: 'library.import-1000',
        label: `Bulk import of ${IMPORT_FILES.toLocaleString('en')} Markdown files (~${WORDS_PER_ARTICLE} words) via \`articles.draftFromFile\` + \`articles.create\``,
        unit: 'ms',
        notes: `One file at a time as the folder import does, each create its own transaction. Median ratio to plain INSERTs: ${ratio.toFixed(1)}×.`,
      },
      viaApi,
    ),
    summarize(
      {
        id: 'library.import-plain-inserts',
        label: `Same ${IMPORT_FILES.toLocaleString('en')} rows as plain INSERTs (one transaction each)`,
        unit: 'ms',
        notes: 'The floor: no parsing, no plain-text derivation, no duplicate check; FTS triggers still run.',
      },
      plain,
    ),
  ];
}

export async function runLibraryBench({ search = true, importFiles = true } = {}): Promise<Measurement[]> {
  return [...(search ? await searchBench() : []), ...(importFiles ? await importBench() : [])];
}
