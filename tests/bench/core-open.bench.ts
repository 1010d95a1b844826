// Core benchmark under plain Node: opening the app (first run and reopen) and the board calls behind the starter debate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type DebateDeskApp } from '../../src-main/core/app';
import type { Board, BoardArrangement } from '../../src-main/shared/domain';
import { check, sample, summarize, type Measurement } from './stats';
import { call } from './app-call';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const STARTER_ARTICLES = 5;
const STARTER_CARDS = 22;
const PLACED_CARDS = 10;

const FIRST_RUN_N = 15;
const REOPEN_N = 30;
const CALL_N = 500;
const CALL_WARMUP = 50;

function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'debate-desk-bench-'));
}

function open(dataDir: string): DebateDeskApp {
  return createApp({ dataDir, resourcesDir: projectRoot });
}

/** Milliseconds that createApp() takes on `dataDir` (closing it afterwards is not timed). */
function timeOpen(dataDir: string): number {
  const start = performance.now();
  const app = open(dataDir);
  const elapsed = performance.now() - start;
  app.close();
  return elapsed;
}

/** The starter debate and the first student of the roster. */
async function starterBoardRef(app: DebateDeskApp): Promise<{ debateId: string; studentId: string }> {
  const debates = await call(app, 'debates.list', {});
  const debate = debates[0];
  check(debates.length === 1 && debate, `one starter debate, found ${debates.length}`);
  check(debate.cardCount === STARTER_CARDS, `${STARTER_CARDS} cards in the starter pool, found ${debate.cardCount}`);
  const student = (await call(app, 'people.list', {})).find((person) => person.role === 'student');
  check(student, 'a student in the starter roster');
  return { debateId: debate.id, studentId: student.id };
}

/** A deterministic pseudo-random sequence (mulberry32), so every run makes the same moves. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function measureFirstRun(): Promise<Measurement> {
  const dirs = Array.from({ length: FIRST_RUN_N }, () => tempDataDir());
  const samples = dirs.map((dir) => timeOpen(dir));
  // Check the last one loaded the whole starter pack (timed runs above only open and close).
  const app = open(dirs[dirs.length - 1] as string);
  try {
    await starterBoardRef(app);
    const articles = await call(app, 'articles.list', {});
    check(articles.length === STARTER_ARTICLES, `${STARTER_ARTICLES} starter articles, found ${articles.length}`);
  } finally {
    app.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  return summarize(
    {
      id: 'core.first-run',
      label: 'Core: first run, `createApp` on an empty data dir (migrations + starter pack)',
      unit: 'ms',
      notes:
        'createApp() on a fresh temp dir: opens SQLite (WAL), runs all migrations, loads 5 articles and 22 cards; ' +
        'close() not timed. ' +
        'The first sample is the first open in the Node process (it also loads the native better-sqlite3 addon).',
    },
    samples,
  );
}

async function measureReopen(): Promise<Measurement> {
  const dir = tempDataDir();
  try {
    open(dir).close();
    const samples = Array.from({ length: REOPEN_N }, () => timeOpen(dir));
    const app = open(dir);
    try {
      await starterBoardRef(app);
    } finally {
      app.close();
    }
    return summarize(
      {
        id: 'core.reopen',
        label: 'Core: reopen an existing data dir (`createApp`)',
        unit: 'ms',
        notes:
          'createApp() on a data dir that already holds the starter pack (no migration pending); close() not timed.',
      },
      samples,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureBoardCalls(): Promise<Measurement[]> {
  const dir = tempDataDir();
  const app = open(dir);
  try {
    const ref = await starterBoardRef(app);
    const pool = await call(app, 'board.get', ref);
    check(pool.cards.length === STARTER_CARDS, `${STARTER_CARDS} cards on the board, found ${pool.cards.length}`);
    const placedIds = pool.cards.slice(0, PLACED_CARDS).map((card) => card.id);
    for (const [index, cardId] of placedIds.entries()) {
      await call(app, 'cards.place', { ...ref, cardId, side: index % 2 === 0 ? 'A' : 'B', index: 0 });
    }

    let board: Board | undefined;
    let arrangement: BoardArrangement | undefined;
    const getSamples = await sample(CALL_N, CALL_WARMUP, 'µs', async () => {
      board = await call(app, 'board.get', ref);
    });
    check(board?.placements.length === PLACED_CARDS, `${PLACED_CARDS} placed cards, found ${board?.placements.length}`);
    const payloadBytes = Buffer.byteLength(JSON.stringify(board));

    const random = seededRandom(20261123);
    const placeSamples = await sample(CALL_N, CALL_WARMUP, 'µs', async () => {
      const cardId = placedIds[Math.floor(random() * placedIds.length)] as string;
      const side = random() < 0.5 ? 'A' : 'B';
      arrangement = await call(app, 'cards.place', { ...ref, cardId, side, index: Math.floor(random() * 6) });
    });
    check(arrangement?.placements.length === PLACED_CARDS, `still ${PLACED_CARDS} placed cards after the moves`);

    return [
      summarize(
        {
          id: 'core.board-get',
          label: "Core: `dispatch('board.get')`, starter debate, 10 of 22 cards placed",
          unit: 'µs',
          warmup: CALL_WARMUP,
          notes: `Through dispatch (zod validation + handler + envelope), no HTTP. The board is ${payloadBytes} bytes as JSON.`,
        },
        getSamples,
      ),
      summarize(
        {
          id: 'core.cards-place',
          label: "Core: `dispatch('cards.place')`, move a placed card to a side and position",
          unit: 'µs',
          warmup: CALL_WARMUP,
          notes:
            'One IMMEDIATE transaction per move (WAL, synchronous=NORMAL) that renumbers both sides and returns the ' +
            'placements and position (BoardArrangement); seeded pseudo-random moves among the 10 placed cards.',
        },
        placeSamples,
      ),
    ];
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCoreBench(): Promise<Measurement[]> {
  return [await measureFirstRun(), await measureReopen(), ...(await measureBoardCalls())];
}
