// Browser benchmark: opening the starter debate board in real Chromium against a real browser host process,
// and switching the student, timed inside the page from navigation start to the first frame with the cards.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const VIEWPORT = { width: 1280, height: 800 };

const STUDENT_KEY = 'debate-desk.person';
const CARD_SELECTOR = '[aria-roledescription="evidence card"]';
const STARTER_CARDS = 22;
const PLACED_CARDS = 10;

const LOAD_N = 15;
const SWITCH_N = 15;
/** Loads and switches run first and thrown away (host JIT, OS file cache, Chromium's own start-up work). */
const WARMUP = 1;
const WAIT_MS = 15_000;

/** What the in-page watcher records, in ms since the document's time origin (its navigation start). */
interface BoardRendered {
  /** The mutation that put the expected cards into the DOM. */
  cardsInDom: number;
  /** A task posted from the next requestAnimationFrame: runs after that frame's style, layout and paint. */
  firstFrame: number;
  domContentLoaded: number;
}

interface SwitchRendered {
  /** The `change` event of the Student select. */
  start: number;
  cardsInDom: number;
  firstFrame: number;
}

type CardContainer = { querySelectorAll(selector: string): { length: number } };

/** The browser globals the in-page functions use: tsconfig.node has no DOM lib, on purpose. */
interface PageWindow {
  document: CardContainer;
  localStorage: { setItem(key: string, value: string): void };
  performance: {
    now(): number;
    mark(name: string): void;
    getEntriesByType(type: string): Array<{ name: string; startTime: number; domContentLoadedEventEnd?: number }>;
  };
  requestAnimationFrame(callback: () => void): number;
  addEventListener(type: string, listener: () => void, options: { capture: boolean; once: boolean }): void;
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
    disconnect(): void;
  };
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: unknown): void };
  };
  __benchBoard?: BoardRendered;
  __benchSwitch?: SwitchRendered;
}

// tsx compiles with esbuild's keepNames, which wraps named inner functions in __name(); functions that
// Playwright serialises into the page would then throw, so the page gets a do-nothing __name first.
const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((target) => target);';

/** Init script, run in every document before the app's scripts: chooses the student and watches for the board. */
function watchBoardRender(arg: { studentKey: string; studentId: string; cardSelector: string; expected: number }) {
  const w = globalThis as unknown as PageWindow;
  try {
    w.localStorage.setItem(arg.studentKey, arg.studentId);
  } catch {
    return; // about:blank has no storage, and no board to watch
  }
  const observer = new w.MutationObserver(() => {
    if (w.document.querySelectorAll(arg.cardSelector).length < arg.expected) return;
    observer.disconnect();
    const cardsInDom = w.performance.now();
    w.requestAnimationFrame(() => {
      const channel = new w.MessageChannel();
      channel.port1.onmessage = () => {
        const firstFrame = w.performance.now();
        w.performance.mark('debate-desk:board-rendered');
        const navigation = w.performance.getEntriesByType('navigation')[0];
        w.__benchBoard = {
          cardsInDom,
          firstFrame,
          domContentLoaded: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        };
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(w.document, { childList: true, subtree: true });
}

/** Arms a watcher on the pool region: from the Student select's `change` to the first frame with `expected` cards. */
function watchStudentSwitch(pool: CardContainer, arg: { cardSelector: string; expected: number }) {
  const w = globalThis as unknown as PageWindow;
  w.__benchSwitch = undefined;
  let start: number | undefined;
  w.addEventListener('change', () => (start = w.performance.now()), { capture: true, once: true });
  const observer = new w.MutationObserver(() => {
    if (start === undefined || pool.querySelectorAll(arg.cardSelector).length !== arg.expected) return;
    observer.disconnect();
    const changed = start;
    const cardsInDom = w.performance.now();
    w.requestAnimationFrame(() => {
      const channel = new w.MessageChannel();
      channel.port1.onmessage = () => {
        w.__benchSwitch = { start: changed, cardsInDom, firstFrame: w.performance.now() };
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(w.document, { childList: true, subtree: true });
}

interface Students {
  debateId: string;
  /** Nothing placed: all 22 cards in the pool. */
  empty: { id: string; name: string };
  /** Ten cards placed: 12 in the pool. */
  placed: { id: string; name: string };
}

/** Through the host's API, as the page would: finds the starter debate and gives a second student a placed board. */
async function prepareStudents(url: string): Promise<Students> {
  const debates = await callApiOk(url, 'debates.list', {});
  const debate = debates[0];
  check(debate && debate.cardCount === STARTER_CARDS, `a starter debate with ${STARTER_CARDS} cards`);
  const students = (await callApiOk(url, 'people.list', {})).filter((person) => person.role === 'student');
  const [empty, placed] = students;
  check(empty && placed, 'two students in the starter roster');
  const board = await callApiOk(url, 'board.get', { debateId: debate.id, studentId: placed.id });
  for (const [index, card] of board.cards.slice(0, PLACED_CARDS).entries()) {
    await callApiOk(url, 'cards.place', {
      debateId: debate.id,
      studentId: placed.id,
      cardId: card.id,
      side: index % 2 === 0 ? 'A' : 'B',
      index: 0,
    });
  }
  return { debateId: debate.id, empty, placed };
}

/** Fails the benchmark if the page reports an error (a functional failure, not a timing one). */
function watchPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
}

async function newBenchContext(browser: Browser, studentId: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(KEEP_NAMES_SHIM);
  await context.addInitScript(watchBoardRender, {
    studentKey: STUDENT_KEY,
    studentId,
    cardSelector: CARD_SELECTOR,
    expected: STARTER_CARDS,
  });
  return context;
}

interface LoadSample extends BoardRendered {
  /** The paint timing entry, read once it exists (it is reported after the frame, so it can lag the board). */
  firstContentfulPaint: number;
  /** Node's clock from calling page.goto() to seeing the watcher's result (adds CDP round trips and polling). */
  wallClock: number;
}

/** Opens the board in a new page and waits for the in-page watcher; checks the pool holds all the cards. */
async function loadBoard(context: BrowserContext, url: string, errors: string[]): Promise<LoadSample> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  watchPageErrors(page, errors);
  try {
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const rendered = await page.waitForFunction(() => (globalThis as unknown as PageWindow).__benchBoard, undefined, {
      timeout: WAIT_MS,
    });
    const wallClock = performance.now() - start;
    const result = (await rendered.jsonValue()) as BoardRendered;
    const paint = await page.waitForFunction(
      () =>
        (globalThis as unknown as PageWindow).performance
          .getEntriesByType('paint')
          .find((entry) => entry.name === 'first-contentful-paint')?.startTime,
      undefined,
      { timeout: WAIT_MS },
    );
    const firstContentfulPaint = (await paint.jsonValue()) as number;
    const poolCards = await page.getByRole('region', { name: 'Evidence pool' }).locator(CARD_SELECTOR).count();
    check(poolCards === STARTER_CARDS, `${STARTER_CARDS} cards in the Evidence pool region, found ${poolCards}`);
    return { ...result, firstContentfulPaint, wallClock };
  } finally {
    await page.close();
  }
}

async function measureLoads(
  contextFor: (iteration: number) => Promise<BrowserContext>,
  afterEach: (context: BrowserContext) => Promise<void>,
  url: string,
  errors: string[],
): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  for (let iteration = 0; iteration < WARMUP + LOAD_N; iteration += 1) {
    const context = await contextFor(iteration);
    const sample = await loadBoard(context, url, errors);
    await afterEach(context);
    if (iteration >= WARMUP) samples.push(sample);
  }
  return samples;
}

async function measureSwitches(
  context: BrowserContext,
  url: string,
  students: Students,
  errors: string[],
): Promise<SwitchRendered[]> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  watchPageErrors(page, errors);
  try {
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as PageWindow).__benchBoard, undefined, {
      timeout: WAIT_MS,
    });
    const select = page.getByRole('combobox', { name: 'Working as', exact: true });
    const pool = page.getByRole('region', { name: 'Evidence pool' });
    const samples: SwitchRendered[] = [];
    for (let iteration = 0; iteration < WARMUP + SWITCH_N; iteration += 1) {
      // Alternate: to the student with 10 cards placed (12 left in the pool), then back to the one with none.
      const target = iteration % 2 === 0 ? students.placed : students.empty;
      const expected = target === students.placed ? STARTER_CARDS - PLACED_CARDS : STARTER_CARDS;
      await pool.evaluate(watchStudentSwitch, { cardSelector: CARD_SELECTOR, expected });
      await select.selectOption(target.id);
      const rendered = await page.waitForFunction(
        () => (globalThis as unknown as PageWindow).__benchSwitch,
        undefined,
        {
          timeout: WAIT_MS,
        },
      );
      const result = (await rendered.jsonValue()) as SwitchRendered;
      const boardOf = await page.getByText(`Board of ${target.name}`).count();
      check(boardOf === 1, `the toolbar says "Board of ${target.name}"`);
      if (iteration >= WARMUP) samples.push(result);
    }
    return samples;
  } finally {
    await page.close();
  }
}

export interface BoardBenchResult {
  measurements: Measurement[];
  browserVersion: string;
}

export async function runBoardBench(): Promise<BoardBenchResult> {
  const rendererIndex = join(projectRoot, 'out', 'renderer', 'index.html');
  check(existsSync(rendererIndex), `no built renderer at ${rendererIndex}: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-host-'));
  let host: HostProcess | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  try {
    host = await startHostProcess(dataDir);
    const url = host.url;
    const students = await prepareStudents(url);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const openedBrowser = browser;

    // Cold: a new browser context per load, so no HTTP cache, storage or compiled code is shared.
    const cold = await measureLoads(
      () => newBenchContext(openedBrowser, students.empty.id),
      (context) => context.close(),
      url,
      errors,
    );
    // Warm: a new page per load in one context, as a reload in an open browser (HTTP cache, code cache).
    const shared = await newBenchContext(openedBrowser, students.empty.id);
    const warm = await measureLoads(
      async () => shared,
      async () => undefined,
      url,
      errors,
    );
    const switches = await measureSwitches(shared, url, students, errors);
    await shared.close();
    check(errors.length === 0, `the page reported errors:\n${errors.join('\n')}`);

    const pick = (samples: LoadSample[], field: keyof LoadSample) =>
      samples.map((sample) => sample[field]).filter((value): value is number => typeof value === 'number');
    const loadNote =
      `New page per load; student already chosen (localStorage '${STUDENT_KEY}' set by an init script); ` +
      `${WARMUP} warm-up load not counted. Times from the document's navigation start (performance.now()).`;
    const measurements: Measurement[] = [
      summarize(
        {
          id: 'board.cold.dcl',
          label: 'Browser, cold load: navigation start → DOMContentLoaded',
          unit: 'ms',
          warmup: WARMUP,
          notes: `${loadNote} New browser context per load (no HTTP or code cache).`,
        },
        pick(cold, 'domContentLoaded'),
      ),
      summarize(
        {
          id: 'board.cold.fcp',
          label: 'Browser, cold load: navigation start → first contentful paint',
          unit: 'ms',
          warmup: WARMUP,
          notes: 'The paint timing entry; the board is usually not there yet.',
        },
        pick(cold, 'firstContentfulPaint'),
      ),
      summarize(
        {
          id: 'board.cold.cards-in-dom',
          label: 'Browser, cold load: navigation start → 22 cards in the DOM',
          unit: 'ms',
          warmup: WARMUP,
          notes: 'A MutationObserver installed by an init script sees 22 evidence cards.',
        },
        pick(cold, 'cardsInDom'),
      ),
      summarize(
        {
          id: 'board.cold.first-frame',
          label: '**Browser, cold load: navigation start → first frame with the board (22 cards)**',
          unit: 'ms',
          warmup: WARMUP,
          notes:
            'A task posted from the requestAnimationFrame after the cards are in the DOM: after that frame’s ' +
            'style, layout and paint on the main thread (compositing and display not included).',
        },
        pick(cold, 'firstFrame'),
      ),
      summarize(
        {
          id: 'board.cold.wall-clock',
          label: 'Browser, cold load: Node clock, `page.goto()` → board seen by Playwright',
          unit: 'ms',
          warmup: WARMUP,
          notes: 'Cross-check from outside the page: adds CDP round trips and Playwright polling.',
        },
        pick(cold, 'wallClock'),
      ),
      summarize(
        {
          id: 'board.warm.first-frame',
          label: 'Browser, warm load (same context): navigation start → first frame with the board',
          unit: 'ms',
          warmup: WARMUP,
          notes: 'New page per load in one shared browser context (HTTP cache and V8 code cache available).',
        },
        pick(warm, 'firstFrame'),
      ),
      summarize(
        {
          id: 'board.switch.first-frame',
          label: 'Browser, switch student in the header select → first frame with the new board',
          unit: 'ms',
          warmup: WARMUP,
          notes:
            'From the select’s change event to the first frame after the pool shows the new student’s cards; ' +
            'includes the board.get HTTP round trip. Alternates between a student with 10 of 22 cards placed and ' +
            'one with none.',
        },
        switches.map((sample) => sample.firstFrame - sample.start),
      ),
    ];
    return { measurements, browserVersion: openedBrowser.version() };
  } finally {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
