// Browser benchmark: a 1,000-card debate board in real Chromium against a real browser host process. First render
// (from navigation start, from choosing the student, and from the data's arrival), and the latency of drag-and-drop
// and keyboard moves measured with the Event Timing API (INP-style: the longest event of each interaction).
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoardPlacement, Rating } from '../../src-main/shared/domain';
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
const PERSON_KEY = 'debate-desk.person';
const DEBATE_KEY = 'debate-desk.debate';
const CARD_SELECTOR = '[aria-roledescription="evidence card"]';

const ARTICLES = 50;
const CARDS_PER_ARTICLE = 20;
const TOTAL_CARDS = ARTICLES * CARDS_PER_ARTICLE;
/** Placed for the measured student: 150 per side, a third of them argued. */
const PLACED_PER_SIDE = 150;

const LOAD_N = 10;
const CHOOSE_N = 10;
const DRAG_N = 40;
const KEY_CYCLES = 12;
const FLOOR_N = 20;
const WARMUP = 1;
const WAIT_MS = 30_000;
/** Between two interactions: quicker than a person, slow enough for the last save to have gone out. */
const PAUSE_MS = 250;
/** The Event Timing API reports no event shorter than this (its minimum durationThreshold). */
const EVENT_THRESHOLD_MS = 16;

// tsx compiles with esbuild's keepNames, which wraps named inner functions in __name(); functions that
// Playwright serialises into the page would then throw, so the page gets a do-nothing __name first.
const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((target) => target);';

// ── Generating the board through the API ──────────────────────────────────────────────────────────────

/** A small seeded generator, so every run builds the same library. */
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

const WORDS = (
  'Moscow Beijing Astana treaty summit pipeline border troops security pact trade yuan rouble sanctions ' +
  'energy gas oil railway corridor influence rivalry alliance partnership deterrence exercise protest crisis ' +
  'peacekeepers mandate investment loan debt market grain export import navy drill arms technology ' +
  'diplomat minister envoy statement communique doctrine sovereignty stability region neighbour steppe'
).split(' ');

function sentence(next: () => number, index: number): string {
  const length = 12 + Math.floor(next() * 14);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'word');
  // A numbered clause keeps every sentence, and so every quote, unique in its article.
  return `In report ${index}, ${words.join(' ')}.`;
}

export interface BenchBoard {
  debateId: string;
  studentId: string;
  studentName: string;
  /** A second student, so that choosing the first one is a real change. */
  otherId: string;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}

/** 50 articles, 20 teacher cards each, one debate with all 1,000 in its pool; 300 placed for one student. */
export async function buildBoard(url: string): Promise<BenchBoard> {
  const next = random(20261123);
  const { teacherToken } = await callApiOk(url, 'teacher.setPin', { pin: '2468' });
  const people = await callApiOk(url, 'people.list', {});
  const teacher = people.find((person) => person.role === 'teacher');
  const [student, other] = people.filter((person) => person.role === 'student');
  check(teacher && student && other, 'a teacher and two students in the starter roster');

  const articleIds: string[] = [];
  const cardIds: string[] = [];
  for (let article = 0; article < ARTICLES; article += 1) {
    const paragraphs = Array.from({ length: 12 }, (_, paragraph) =>
      Array.from({ length: 4 }, (_, line) => sentence(next, paragraph * 4 + line)).join(' '),
    );
    const created = await callApiOk(url, 'articles.create', {
      teacherToken,
      title: `Bench article ${article + 1}: ${WORDS[article % WORDS.length]} and ${WORDS[(article * 7) % WORDS.length]}`,
      author: `Author ${article + 1}`,
      outlet: ['The Diplomat', 'Eurasianet', 'OSW', 'Reuters', 'The Telegraph'][article % 5],
      date: `2022-01-${String((article % 28) + 1).padStart(2, '0')}`,
      bodyMarkdown: paragraphs.join('\n\n'),
    });
    articleIds.push(created.id);
    const { bodyText } = await callApiOk(url, 'articles.get', { articleId: created.id });
    const sentences = [...bodyText.matchAll(/In report \d+,[^.]*\./g)];
    const quotes = Array.from({ length: CARDS_PER_ARTICLE }, (_, index) => {
      const match = sentences[index * 2];
      check(match?.index !== undefined, `sentence ${index * 2} in article ${article + 1}`);
      return { start: match.index, end: match.index + match[0].length, quote: match[0] };
    });
    const ids: string[] = new Array<string>(quotes.length);
    await inBatches(
      quotes.map((quote, index) => ({ quote, index })),
      8,
      async ({ quote, index }) => {
        const excerpt = await callApiOk(url, 'excerpts.create', {
          personId: teacher.id,
          teacherToken,
          articleId: created.id,
          kind: 'card',
          tag: `Card ${article * CARDS_PER_ARTICLE + index + 1}: ${WORDS[(article + index) % WORDS.length]} shapes the ${WORDS[(index * 3) % WORDS.length]} question`,
          ...quote,
        });
        ids[index] = excerpt.id;
      },
    );
    cardIds.push(...ids);
  }

  const debate = await callApiOk(url, 'debates.create', {
    teacherToken,
    motion: 'Benchmark: a thousand cards on one board',
    sideA: 'Alliance',
    sideB: 'Rivalry',
    instructionsMarkdown: '',
    articleIds,
    poolCardIds: cardIds,
  });
  check(debate.pool.length === TOTAL_CARDS, `${TOTAL_CARDS} cards in the pool, found ${debate.pool.length}`);

  // Spread the placed cards over the pool, so the pool keeps cards of every article.
  const placements: BoardPlacement[] = [];
  for (let index = 0; index < PLACED_PER_SIDE * 2; index += 1) {
    const cardId = cardIds[index * 3];
    check(cardId, `card ${index * 3}`);
    const argued = index % 3 === 0;
    placements.push({
      cardId,
      side: index % 2 === 0 ? 'A' : 'B',
      position: Math.floor(index / 2),
      reasoningMarkdown: argued ? `Why card ${index} matters: **${WORDS[index % WORDS.length]}**.` : '',
      strength: argued ? (((index % 3) + 1) as Rating) : null,
      relevance: argued ? (((index % 2) + 2) as Rating) : null,
    });
  }
  await callApiOk(url, 'board.restore', {
    debateId: debate.id,
    studentId: student.id,
    placements,
    position: { thesisMarkdown: 'Alliance, on balance.', conclusionMarkdown: '' },
  });
  return { debateId: debate.id, studentId: student.id, studentName: student.name, otherId: other.id };
}

// ── In-page instrumentation ───────────────────────────────────────────────────────────────────────────

interface RenderTimes {
  /** ms since navigation start (performance.now()): the board's DOM is complete (see boardReady) */
  cardsInDom: number;
  firstFrame: number;
  /** The board.get answer parsed and handed to the board (the app's 'debate-desk:board-data' mark). */
  dataArrived: number;
  /** The click that chose the student, if the page was opened without one. */
  chose: number | null;
}

interface InteractionRecord {
  interactionId: number;
  /** The longest event of the interaction (Event Timing: from the input to the next paint after its handlers). */
  duration: number;
  names: string[];
}

interface FrameRecord {
  kind: string;
  /** From the input event's timestamp to a task posted from the next animation frame (after style, layout, paint). */
  elapsed: number;
}

interface BenchGlobals {
  __benchRender?: RenderTimes;
  __benchInteractions: Map<number, InteractionRecord>;
  __benchFrames: FrameRecord[];
}

type BenchWindow = Window & typeof globalThis & BenchGlobals;

/**
 * Init script: watches for the board (its three areas counting `expected` cards, each showing its first cards in
 * full), and records Event Timing entries and input → frame.
 */
function instrument(arg: { cardSelector: string; expected: number; threshold: number }) {
  const w = window as BenchWindow;
  w.__benchInteractions = new Map();
  w.__benchFrames = [];
  let chose: number | null = null;

  const afterNextFrame = (done: (time: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });

  new PerformanceObserver((list) => {
    // TypeScript's DOM types lack interactionId (Chromium has it: Event Timing Level 1).
    for (const entry of list.getEntries() as Array<PerformanceEventTiming & { interactionId?: number }>) {
      if (!entry.interactionId) continue;
      const record: InteractionRecord = w.__benchInteractions.get(entry.interactionId) ?? {
        interactionId: entry.interactionId,
        duration: 0,
        names: [],
      };
      record.duration = Math.max(record.duration, entry.duration);
      record.names.push(entry.name);
      w.__benchInteractions.set(entry.interactionId, record);
    }
  }).observe({ type: 'event', durationThreshold: arg.threshold, buffered: true } as PerformanceObserverInit);

  addEventListener(
    'click',
    (event) => {
      if (chose === null && (event.target as Element | null)?.closest?.('.chooser')) chose = event.timeStamp;
    },
    true,
  );
  addEventListener(
    'pointerup',
    (event) => {
      const start = event.timeStamp;
      afterNextFrame((time) => w.__benchFrames.push({ kind: 'drop', elapsed: time - start }));
    },
    true,
  );
  addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      const kind = `key ${event.key}`;
      afterNextFrame((time) => w.__benchFrames.push({ kind, elapsed: time - start }));
    },
    true,
  );

  // The area headers' counts (what the board knows it holds) and, in each area, its first cards drawn in full.
  const boardReady = () => {
    const areas = [...document.querySelectorAll<HTMLElement>('[data-drop-area]')];
    const counts = areas.map((area) => Number(area.querySelector('.count [aria-hidden]')?.textContent ?? 0));
    if (areas.length !== 3 || counts.reduce((sum, count) => sum + count, 0) !== arg.expected) return false;
    return areas.every(
      (area, index) => area.querySelectorAll('li.card .quote').length >= Math.min(counts[index] ?? 0, 5),
    );
  };
  const observer = new MutationObserver(() => {
    if (!boardReady()) return;
    observer.disconnect();
    const cardsInDom = performance.now();
    afterNextFrame((firstFrame) => {
      const mark = performance.getEntriesByName('debate-desk:board-data')[0];
      w.__benchRender = { cardsInDom, firstFrame, dataArrived: mark?.startTime ?? Number.NaN, chose };
    });
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );
}

function rememberChoices(arg: { personKey: string; debateKey: string; personId: string | null; debateId: string }) {
  try {
    if (arg.personId) localStorage.setItem(arg.personKey, arg.personId);
    else localStorage.removeItem(arg.personKey);
    localStorage.setItem(arg.debateKey, arg.debateId);
  } catch {
    // about:blank has no storage
  }
}

async function benchContext(browser: Browser, board: BenchBoard, personId: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(KEEP_NAMES_SHIM);
  await context.addInitScript(rememberChoices, {
    personKey: PERSON_KEY,
    debateKey: DEBATE_KEY,
    personId,
    debateId: board.debateId,
  });
  await context.addInitScript(instrument, {
    cardSelector: CARD_SELECTOR,
    expected: TOTAL_CARDS,
    threshold: EVENT_THRESHOLD_MS,
  });
  return context;
}

function watchPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
}

async function renderTimes(page: Page): Promise<RenderTimes> {
  const handle = await page.waitForFunction(() => (window as BenchWindow).__benchRender, undefined, {
    timeout: WAIT_MS,
  });
  return (await handle.jsonValue()) as RenderTimes;
}

/** Every card is on the board: the areas count 1,000, and each shows its cards (or a blank of their height). */
async function checkBoard(page: Page): Promise<void> {
  const areas = await page.evaluate((selector) => {
    return ['pool', 'A', 'B'].map((name) => {
      const area = document.querySelector(`[data-drop-area="${name}"]`);
      return {
        count: Number(area?.querySelector('.count [aria-hidden]')?.textContent ?? -1),
        rendered: area?.querySelectorAll(selector).length ?? 0,
        blank: area?.querySelector('.unrendered') !== null,
      };
    });
  }, CARD_SELECTOR);
  const total = areas.reduce((sum, area) => sum + area.count, 0);
  check(total === TOTAL_CARDS, `${TOTAL_CARDS} cards on the board, found ${total}`);
  for (const area of areas) {
    check(
      area.rendered === area.count || (area.blank && area.rendered >= 200),
      `an area shows all its ${area.count} cards or 200 and a blank for the rest (shows ${area.rendered})`,
    );
  }
}

// ── First render ──────────────────────────────────────────────────────────────────────────────────────

interface LoadSample extends RenderTimes {
  wallClock: number;
}

async function measureLoads(browser: Browser, url: string, board: BenchBoard, errors: string[]) {
  const samples: LoadSample[] = [];
  for (let iteration = 0; iteration < WARMUP + LOAD_N; iteration += 1) {
    const context = await benchContext(browser, board, board.studentId);
    const page = await context.newPage();
    watchPageErrors(page, errors);
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const times = await renderTimes(page);
    const wallClock = performance.now() - start;
    await checkBoard(page);
    await context.close();
    if (iteration >= WARMUP) samples.push({ ...times, wallClock });
  }
  return samples;
}

async function measureChoosing(browser: Browser, url: string, board: BenchBoard, errors: string[]) {
  const samples: RenderTimes[] = [];
  for (let iteration = 0; iteration < WARMUP + CHOOSE_N; iteration += 1) {
    const context = await benchContext(browser, board, null);
    const page = await context.newPage();
    watchPageErrors(page, errors);
    await page.goto(url);
    await page.getByRole('button', { name: board.studentName, exact: true }).click();
    const times = await renderTimes(page);
    check(times.chose !== null, 'the click on the student’s name was seen');
    await checkBoard(page);
    await context.close();
    if (iteration >= WARMUP) samples.push(times);
  }
  return samples;
}

// ── Interactions ──────────────────────────────────────────────────────────────────────────────────────

interface Spot {
  x: number;
  y: number;
  cardId: string;
}

/**
 * A point on a card, inside the window and inside its list's visible part: where to grab it (near its top), or
 * where to drop on it (its top edge, so before it; or low on it, so after it).
 */
async function spot(page: Page, selector: string, nth = 0, where: 'grab' | 'before' | 'after' = 'grab'): Promise<Spot> {
  const found = await page.evaluate(
    ({ selector, nth, where }) => {
      const card = document.querySelectorAll<HTMLElement>(selector)[nth];
      const list = card?.closest('[data-drop-list]');
      if (!card || !list) return null;
      const box = card.getBoundingClientRect();
      const visible = list.getBoundingClientRect();
      // Away from the list's edges, where a held card makes the list scroll (as it should for a person).
      const top = Math.max(visible.top, 0) + 56;
      const bottom = Math.min(visible.bottom, window.innerHeight) - 56;
      const y = where === 'grab' ? box.top + 30 : where === 'before' ? box.top + 10 : box.top + box.height * 0.75;
      return {
        x: box.left + Math.min(box.width / 2, 120),
        y: Math.max(top, Math.min(y, bottom)),
        cardId: card.dataset.cardId ?? '',
      };
    },
    { selector, nth, where },
  );
  check(found, `${selector} #${nth} on the board`);
  return found;
}

/** Where a card is now: its area and its index there. */
async function placeOf(page: Page, cardId: string): Promise<string> {
  return page.evaluate((id) => {
    const card = document.querySelector(`[data-card-id="${id}"]`);
    const area = card?.closest<HTMLElement>('[data-drop-area]')?.dataset.dropArea ?? '?';
    const index = card?.parentElement ? Array.prototype.indexOf.call(card.parentElement.children, card) : -1;
    return `${area}:${index}`;
  }, cardId);
}

/**
 * One mouse drag: press on a card, move in steps to the target, release (one interaction for Event Timing);
 * then checks that the card moved.
 */
async function drag(page: Page, from: Spot, to: Spot, area: 'A' | 'B'): Promise<void> {
  const before = await placeOf(page, from.cardId);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const after = await placeOf(page, from.cardId);
  check(
    after.startsWith(`${area}:`) && after !== before,
    `the dragged card moved to ${area} (was ${before}, is ${after}; from ${JSON.stringify(from)} to ${JSON.stringify(to)})`,
  );
  // A pause between drags, as a person would make (and the save of the last one has gone out).
  await page.waitForTimeout(PAUSE_MS);
}

const poolCard = '[data-drop-area="pool"] li[data-card-id]';
const sideCard = (side: 'A' | 'B') => `[data-drop-area="${side}"] li[data-card-id]`;

async function dragOnce(page: Page, iteration: number): Promise<void> {
  // Every drag starts from the top of the lists (an earlier one, or a keyboard move, may have scrolled them).
  await page.evaluate(() => {
    for (const list of document.querySelectorAll('[data-drop-list]')) list.scrollTop = 0;
  });
  await page.waitForTimeout(50);
  switch (iteration % 4) {
    case 0: // pool → Alliance, after its second card
      return drag(page, await spot(page, poolCard), await spot(page, sideCard('A'), 1, 'after'), 'A');
    case 1: // pool → Rivalry, before its first card
      return drag(page, await spot(page, poolCard), await spot(page, sideCard('B'), 0, 'before'), 'B');
    case 2: // reorder within Alliance: the second card to the top
      return drag(page, await spot(page, sideCard('A'), 1), await spot(page, sideCard('A'), 0, 'before'), 'A');
    default: // Rivalry → Alliance, on top
      return drag(page, await spot(page, sideCard('B'), 1), await spot(page, sideCard('A'), 0, 'before'), 'A');
  }
}

/** A keyboard move: Space picks up, arrows move it along and across, Space drops. */
async function keyboardCycle(page: Page, iteration: number): Promise<void> {
  const start = iteration % 2 === 0 ? poolCard : sideCard('A');
  const { cardId } = await spot(page, start, 0);
  const before = await placeOf(page, cardId);
  await page.locator(`${start} [role="button"]`).first().focus();
  const keys =
    iteration % 2 === 0
      ? ['Space', 'ArrowRight', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowUp', 'Space']
      : ['Space', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowLeft', 'Space'];
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(80);
  }
  const after = await placeOf(page, cardId);
  check(after !== before && !after.startsWith('pool'), `the card moved with the keyboard (was ${before}, is ${after})`);
  await page.waitForTimeout(PAUSE_MS);
}

interface InteractionSamples {
  /** One value per interaction: its longest event, or the threshold (an upper bound) if none reached it. */
  eventTiming: number[];
  reported: number;
  expected: number;
  frames: number[];
}

async function readInteractions(page: Page, expected: number, framePrefix: string): Promise<InteractionSamples> {
  await page.waitForTimeout(500); // Event Timing entries are delivered after the frame is presented
  const { interactions, frames } = await page.evaluate(() => {
    const w = window as BenchWindow;
    return { interactions: [...w.__benchInteractions.values()], frames: w.__benchFrames };
  });
  const measured = interactions.map((record) => record.duration);
  const eventTiming = [
    ...measured,
    ...new Array<number>(Math.max(0, expected - measured.length)).fill(EVENT_THRESHOLD_MS),
  ];
  return {
    eventTiming,
    reported: measured.length,
    expected,
    frames: frames.filter((frame) => frame.kind.startsWith(framePrefix)).map((frame) => frame.elapsed),
  };
}

async function resetRecords(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as BenchWindow;
    w.__benchInteractions.clear();
    w.__benchFrames.length = 0;
  });
}

async function measureInteractions(browser: Browser, url: string, board: BenchBoard, errors: string[]) {
  const context = await benchContext(browser, board, board.studentId);
  const page = await context.newPage();
  watchPageErrors(page, errors);
  try {
    await page.goto(url);
    await renderTimes(page);
    await checkBoard(page);

    for (let iteration = 0; iteration < 2; iteration += 1) await dragOnce(page, iteration);
    await resetRecords(page);
    for (let iteration = 0; iteration < DRAG_N; iteration += 1) await dragOnce(page, iteration);
    const drags = await readInteractions(page, DRAG_N, 'drop');
    await checkBoard(page);

    await keyboardCycle(page, 0);
    await resetRecords(page);
    for (let iteration = 0; iteration < KEY_CYCLES; iteration += 1) await keyboardCycle(page, iteration);
    const keys = await readInteractions(page, KEY_CYCLES * 7, 'key');
    await checkBoard(page);

    // The floor: a key that changes nothing, on the same page (input → next paint on this machine).
    await page.locator(`${poolCard} [role="button"]`).first().focus();
    await resetRecords(page);
    for (let press = 0; press < FLOOR_N; press += 1) {
      await page.keyboard.press('x');
      await page.waitForTimeout(PAUSE_MS);
    }
    const floor = await readInteractions(page, FLOOR_N, 'key');
    await page.getByText('All changes saved').first().waitFor({ timeout: WAIT_MS });

    // A second, traced pass: the main thread's own CPU time per interaction, which other programs on the machine
    // do not inflate the way they inflate wall-clock figures.
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let iteration = 0; iteration < CPU_DRAGS; iteration += 1) await dragOnce(page, iteration);
    for (let iteration = 0; iteration < CPU_KEY_CYCLES; iteration += 1) await keyboardCycle(page, iteration);
    const trace = await browser.stopTracing();
    const cpu = interactionCpu(trace);
    check(cpu.drops.length === CPU_DRAGS, `${CPU_DRAGS} traced drops, found ${cpu.drops.length}`);
    return { drags, keys, floor, cpu };
  } finally {
    await context.close();
  }
}

// ── Main-thread CPU time from a Chromium trace ─────────────────────────────────────────────────────────

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
const CPU_DRAGS = 12;
const CPU_KEY_CYCLES = 4;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/**
 * Per interaction, the renderer main thread's CPU time for the task that handled the input (with the rendering
 * the browser did in it) and the next task (the frame that shows the result).
 */
function interactionCpu(trace: Buffer): { drops: number[]; keys: number[] } {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`));
  const tasks = onMain
    .filter((event) => event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  const topLevel = tasks.filter(
    (task) =>
      !tasks.some(
        (other) =>
          other !== task &&
          other.ts <= task.ts &&
          other.ts + (other.dur ?? 0) >= task.ts + (task.dur ?? 0) &&
          (other.dur ?? 0) > (task.dur ?? 0),
      ),
  );
  const cpuOf = (type: string) =>
    onMain
      .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === type)
      .flatMap((dispatch) => {
        const index = topLevel.findIndex((task) => task.ts <= dispatch.ts && task.ts + (task.dur ?? 0) >= dispatch.ts);
        if (index === -1) return [];
        return [((topLevel[index]?.tdur ?? 0) + (topLevel[index + 1]?.tdur ?? 0)) / 1000];
      });
  return { drops: cpuOf('pointerup'), keys: cpuOf('keydown') };
}

// ── The benchmark ─────────────────────────────────────────────────────────────────────────────────────

export interface BoardScaleResult {
  measurements: Measurement[];
  notes: string[];
  browserVersion: string;
}

export async function runBoardScaleBench(): Promise<BoardScaleResult> {
  const rendererIndex = join(projectRoot, 'out', 'renderer', 'index.html');
  check(existsSync(rendererIndex), `no built renderer at ${rendererIndex}: run \`npm run build\` first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-scale-'));
  let host: HostProcess | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  try {
    host = await startHostProcess(dataDir);
    const buildStart = performance.now();
    const board = await buildBoard(host.url);
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const boardJson = JSON.stringify(
      await callApiOk(host.url, 'board.get', { debateId: board.debateId, studentId: board.studentId }),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

    const loads = await measureLoads(browser, host.url, board, errors);
    const chosen = await measureChoosing(browser, host.url, board, errors);
    const { drags, keys, floor, cpu } = await measureInteractions(browser, host.url, board, errors);
    check(errors.length === 0, `the page reported errors:\n${errors.join('\n')}`);

    const label = (text: string) => `1,000-card board: ${text}`;
    const measurements: Measurement[] = [
      summarize(
        {
          id: 'board1000.load.first-frame',
          label: label('cold load, navigation start → first frame with the board'),
          unit: 'ms',
          warmup: WARMUP,
          notes:
            'New browser context per load; student and debate remembered (localStorage set by an init script). ' +
            '"The board" = the three areas counting 1,000 cards, each showing its first cards in full (tag, quote, ' +
            'cite, buttons); first frame = a task posted from the requestAnimationFrame after that DOM mutation.',
        },
        loads.map((sample) => sample.firstFrame),
      ),
      summarize(
        {
          id: 'board1000.load.data-to-frame',
          label: label('cold load, board data handed to the UI → first frame (render only)'),
          unit: 'ms',
          warmup: WARMUP,
          notes:
            "From the app's performance mark after board.get is parsed to the first frame: Svelte, style, layout, paint.",
        },
        loads.map((sample) => sample.firstFrame - sample.dataArrived),
      ),
      summarize(
        {
          id: 'board1000.load.data',
          label: label('cold load, navigation start → board data handed to the UI'),
          unit: 'ms',
          warmup: WARMUP,
          notes: 'Bundle load and start-up, people.list, debates.list and board.get (1,000 cards) over HTTP.',
        },
        loads.map((sample) => sample.dataArrived),
      ),
      summarize(
        {
          id: 'board1000.choose.first-frame',
          label: label('**click on the student’s name → first frame with the board**'),
          unit: 'ms',
          warmup: WARMUP,
          notes: 'Page already loaded on the student chooser; includes the board.get round trip (1,000 cards).',
        },
        chosen.map((sample) => sample.firstFrame - (sample.chose ?? Number.NaN)),
      ),
      summarize(
        {
          id: 'board1000.drag.event-timing',
          label: label('**drag and drop, Event Timing, longest event per interaction**'),
          unit: 'ms',
          notes:
            `${drags.reported} of ${drags.expected} interactions had an event ≥ ${EVENT_THRESHOLD_MS} ms; the others ` +
            `count as ${EVENT_THRESHOLD_MS} ms (an upper bound). Mouse: press on a card, 6 moves, release.`,
        },
        drags.eventTiming,
      ),
      summarize(
        {
          id: 'board1000.drag.frame',
          label: label('drop: pointerup → next frame (main thread, cross-check)'),
          unit: 'ms',
        },
        drags.frames,
      ),
      summarize(
        {
          id: 'board1000.key.event-timing',
          label: label('**keyboard move, Event Timing, longest event per interaction**'),
          unit: 'ms',
          notes:
            `${keys.reported} of ${keys.expected} key presses had an event ≥ ${EVENT_THRESHOLD_MS} ms; the others ` +
            `count as ${EVENT_THRESHOLD_MS} ms (an upper bound). Space, arrows across and along the sides, Space.`,
        },
        keys.eventTiming,
      ),
      summarize(
        {
          id: 'board1000.floor.event-timing',
          label: label('floor: a key that changes nothing, Event Timing'),
          unit: 'ms',
          notes:
            `${floor.reported} of ${floor.expected} presses had an event ≥ ${EVENT_THRESHOLD_MS} ms. What any ` +
            'interaction costs on this machine (input → next paint in headless Chromium without GPU).',
        },
        floor.eventTiming,
      ),
      summarize(
        {
          id: 'board1000.drag.cpu',
          label: label('drop: main-thread CPU time (input task + next frame, traced pass)'),
          unit: 'ms',
          notes: 'Thread time from a Chromium trace: what the drop costs the renderer, whatever else the machine runs.',
        },
        cpu.drops,
      ),
      summarize(
        {
          id: 'board1000.key.cpu',
          label: label('keyboard move: main-thread CPU time (input task + next frame, traced pass)'),
          unit: 'ms',
        },
        cpu.keys,
      ),
      summarize(
        {
          id: 'board1000.key.frame',
          label: label('keydown → next frame (main thread, cross-check)'),
          unit: 'ms',
        },
        keys.frames,
      ),
    ];
    const notes = [
      `1,000-card board built through the API in ${buildSeconds.toFixed(1)} s (${ARTICLES} articles × ` +
        `${CARDS_PER_ARTICLE} teacher cards, one debate, ${PLACED_PER_SIDE * 2} placed, a third argued); ` +
        `board.get answer ${(boardJson.length / 1024).toFixed(0)} KiB of JSON.`,
    ];
    return { measurements, notes, browserVersion: browser.version() };
  } finally {
    await browser?.close();
    await host?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
