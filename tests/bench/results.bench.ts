// Browser benchmark: the class results of 30 students × 100 pool cards in real Chromium against a real browser host
// process: from the data handed to the UI (the view's performance mark after results.get) to the first frame showing
// all 100 bars; and, for context, from the click on "Class results" to that frame (view chunk, API call, render).
import { chromium, type Browser } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Rating } from '../../src-main/shared/domain';
import { callApiOk } from '../e2e/support/api';
import { startHostProcess, type HostProcess } from '../e2e/support/host-process';
import { projectRoot } from './core-open.bench';
import { check, summarize, type Measurement } from './stats';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A classroom projector. */
const VIEWPORT = { width: 1280, height: 720 };
const STUDENTS = 30;
const ARTICLES = 5;
const CARDS_PER_ARTICLE = 20;
const CARDS = ARTICLES * CARDS_PER_ARTICLE;
const RUNS = Number(process.env.RESULTS_BENCH_RUNS ?? 12);
const WARMUP = 1;
const WAIT_MS = 30_000;
const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((target) => target);';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface BenchClass {
  debateId: string;
  teacherId: string;
  teacherToken: string;
}

/** 5 articles × 20 teacher cards in one debate's pool; 30 students, each with 40–90 of them placed and rated. */
async function buildClass(url: string): Promise<BenchClass> {
  const next = random(20261123);
  const { teacherToken } = await callApiOk(url, 'teacher.setPin', { pin: '2468' });
  const people = await callApiOk(url, 'people.list', {});
  const teacher = people.find((person) => person.role === 'teacher');
  check(teacher, 'a teacher in the starter roster');
  const existing = people.filter((person) => person.role === 'student').length;
  for (let index = existing; index < STUDENTS; index += 1) {
    await callApiOk(url, 'people.add', { teacherToken, name: `Student ${index + 1}` });
  }
  const students = (await callApiOk(url, 'people.list', {})).filter((person) => person.role === 'student');
  check(students.length === STUDENTS, `${STUDENTS} students (found ${students.length})`);

  const articleIds: string[] = [];
  const cardIds: string[] = [];
  for (let article = 0; article < ARTICLES; article += 1) {
    const sentences = Array.from(
      { length: CARDS_PER_ARTICLE },
      (_, index) =>
        `In report ${article}-${index}, the class reads about the ${['treaty', 'pipeline', 'border', 'summit'][index % 4]} and its meaning for the region.`,
    );
    const created = await callApiOk(url, 'articles.create', {
      teacherToken,
      title: `Results bench article ${article + 1}`,
      bodyMarkdown: sentences.join('\n\n'),
    });
    articleIds.push(created.id);
    const { bodyText } = await callApiOk(url, 'articles.get', { articleId: created.id });
    for (const [index, quote] of sentences.entries()) {
      const start = bodyText.indexOf(quote);
      check(start >= 0, `sentence ${index} in article ${article + 1}`);
      const card = await callApiOk(url, 'excerpts.create', {
        personId: teacher.id,
        teacherToken,
        articleId: created.id,
        kind: 'card',
        tag: `Card ${article * CARDS_PER_ARTICLE + index + 1}: the ${['treaty', 'pipeline', 'border', 'summit'][index % 4]} shows a partnership under strain`,
        start,
        end: start + quote.length,
        quote,
      });
      cardIds.push(card.id);
    }
  }
  const debate = await callApiOk(url, 'debates.create', {
    teacherToken,
    motion: 'Results bench: alliance or rivalry?',
    sideA: 'Alliance',
    sideB: 'Rivalry',
    instructionsMarkdown: '',
    articleIds,
    poolCardIds: cardIds,
  });
  const rating = (): Rating | null => (next() < 0.25 ? null : ((1 + Math.floor(next() * 3)) as Rating));
  for (const student of students) {
    const count = 40 + Math.floor(next() * 51);
    const chosen = [...cardIds].sort(() => next() - 0.5).slice(0, count);
    const positions = { A: 0, B: 0 };
    await callApiOk(url, 'board.restore', {
      debateId: debate.id,
      studentId: student.id,
      placements: chosen.map((cardId) => {
        const side = next() < 0.55 ? 'A' : 'B';
        return {
          cardId,
          side,
          position: positions[side]++,
          reasoningMarkdown: next() < 0.5 ? 'Because the quote says so, in plain words.' : '',
          strength: rating(),
          relevance: rating(),
        };
      }),
      position: { thesisMarkdown: 'My thesis.', conclusionMarkdown: '' },
    });
    if (next() < 0.5) await callApiOk(url, 'positions.submit', { debateId: debate.id, studentId: student.id });
  }
  return { debateId: debate.id, teacherId: teacher.id, teacherToken };
}

interface ResultsWindow extends Window {
  __benchResults?: { fromData: number; fromClick: number | null; toDom: number };
}

/** In the page: from the results' performance mark (and the click) to the first frame with every bar drawn. */
function instrument(arg: { expected: number }) {
  const w = window as ResultsWindow;
  let clickAt: number | null = null;
  addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button');
      if (button?.textContent?.trim() === 'Class results') clickAt = event.timeStamp;
    },
    true,
  );
  const ready = () =>
    document.querySelectorAll('[data-results-card] .segment').length > 0 &&
    document.querySelectorAll('[data-results-card]').length >= arg.expected;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name !== 'debate-desk:results-data' || w.__benchResults) continue;
      const dataAt = entry.startTime;
      const poll = () => {
        if (!ready()) {
          setTimeout(poll, 1);
          return;
        }
        const toDom = performance.now() - dataAt;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            const now = performance.now();
            w.__benchResults = { fromData: now - dataAt, fromClick: clickAt === null ? null : now - clickAt, toDom };
          };
          channel.port2.postMessage(null);
        });
      };
      poll();
    }
  }).observe({ type: 'mark', buffered: true });
}

function rememberTeacher(arg: { personId: string; token: string }) {
  localStorage.setItem('debate-desk.person', arg.personId);
  sessionStorage.setItem('debate-desk.teacher-token', arg.token);
}

async function measure(browser: Browser, url: string, bench: BenchClass, errors: string[]) {
  const samples: Array<{ fromData: number; fromClick: number; toDom: number }> = [];
  for (let iteration = 0; iteration < WARMUP + RUNS; iteration += 1) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(KEEP_NAMES_SHIM);
    await context.addInitScript(rememberTeacher, { personId: bench.teacherId, token: bench.teacherToken });
    await context.addInitScript(instrument, { expected: CARDS });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debates' }).click();
    await page.getByRole('button', { name: 'Class results' }).first().click();
    const handle = await page.waitForFunction(() => (window as ResultsWindow).__benchResults, undefined, {
      timeout: WAIT_MS,
    });
    const times = (await handle.jsonValue()) as { fromData: number; fromClick: number | null; toDom: number };
    const rows = await page.locator('[data-results-card]').count();
    check(rows === CARDS, `${CARDS} bars drawn (found ${rows})`);
    const counted = await page.locator('.counted strong').first().textContent();
    check(counted === String(STUDENTS), `${STUDENTS} students counted (the page says ${counted})`);
    check(times.fromClick !== null, 'the click on "Class results" was seen');
    await context.close();
    if (iteration >= WARMUP) {
      samples.push({ fromData: times.fromData, fromClick: times.fromClick ?? Number.NaN, toDom: times.toDom });
    }
  }
  return samples;
}

export interface ResultsBenchResult {
  measurements: Measurement[];
  notes: string[];
  browserVersion: string;
}

export async function runResultsBench(): Promise<ResultsBenchResult> {
  const rendererIndex = join(projectRoot, 'out', 'renderer', 'index.html');
  check(existsSync(rendererIndex), `no built renderer at ${rendererIndex}: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-results-'));
  let host: HostProcess | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  try {
    host = await startHostProcess(dataDir);
    const buildStart = performance.now();
    const bench = await buildClass(host.url);
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const resultsJson = JSON.stringify(
      await callApiOk(host.url, 'results.get', { debateId: bench.debateId, teacherToken: bench.teacherToken }),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const samples = await measure(browser, host.url, bench, errors);
    check(errors.length === 0, `the page reported errors:\n${errors.join('\n')}`);
    const label = (text: string) => `Class results, 30 students × 100 cards: ${text}`;
    return {
      measurements: [
        summarize(
          {
            id: 'results.data-to-frame',
            label: label('**results data handed to the UI → first frame with all 100 bars**'),
            unit: 'ms',
            warmup: WARMUP,
            notes:
              'Teacher view at 1280×720 (hand-ins list of 30 and the two compared boards load after). From the ' +
              "view's performance mark after results.get to a task posted from the requestAnimationFrame after all " +
              '100 rows exist. New browser context per run.',
          },
          samples.map((sample) => sample.fromData),
        ),
        summarize(
          {
            id: 'results.data-to-dom',
            label: label('results data handed to the UI → all 100 rows in the DOM (script only)'),
            unit: 'ms',
            warmup: WARMUP,
            notes: 'The part of the row above spent before style, layout and paint (Svelte creating the view).',
          },
          samples.map((sample) => sample.toDom),
        ),
        summarize(
          {
            id: 'results.click-to-frame',
            label: label('click on “Class results” → first frame with all 100 bars'),
            unit: 'ms',
            warmup: WARMUP,
            notes: 'Includes loading the view chunk (first time in the context) and results.get over HTTP.',
          },
          samples.map((sample) => sample.fromClick),
        ),
      ],
      notes: [
        `Class results bench: ${STUDENTS} students, ${CARDS} pool cards, built through the API in ` +
          `${buildSeconds.toFixed(1)} s; results.get answers ${(resultsJson.length / 1024).toFixed(0)} KB of JSON.`,
      ],
      browserVersion: browser.version(),
    };
  } finally {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
