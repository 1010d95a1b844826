// Takes the screenshots the README shows (docs/*.png) from a real board, so they never go stale; and, for review
// only, the board's other states and sizes (test-results/screens/, not committed).
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { LivePage, placeClassBoards } from './pages/live-page';
import { BatchExportDialog, SheetPage } from './pages/sheet-page';
import { callApiOk, createDebate, setDebateStatus, starterBoard } from './support/board-api';
import { expect, test } from './support/fixtures';
import { teacherToken, unlockTeacher } from './support/teacher';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const review = (name: string) => fileURLToPath(new URL(`../../test-results/screens/${name}`, import.meta.url));
const STUDENT = 'Amara Okafor';

const ARGUMENTS: Array<{
  side: 'A' | 'B';
  card: number;
  reasoning: string;
  strength: 1 | 2 | 3 | null;
  relevance: 1 | 2 | 3 | null;
}> = [
  {
    side: 'A',
    card: 0,
    reasoning:
      'An expert calls it an **informal alliance**: the two coordinate even without a treaty.\n\nThat is the core of the Alliance case.',
    strength: 3,
    relevance: 3,
  },
  {
    side: 'B',
    card: 1,
    reasoning: 'Beijing kept its distance in Kazakhstan: it let Moscow act but did not join in.',
    strength: 2,
    relevance: 3,
  },
  {
    side: 'A',
    card: 4,
    reasoning: 'Shared fear of “colour revolutions” ties them together.',
    strength: 2,
    relevance: 2,
  },
  { side: 'B', card: 5, reasoning: '', strength: null, relevance: null },
  {
    side: 'B',
    card: 9,
    reasoning: 'Central Asia is where their interests compete most directly.',
    strength: 3,
    relevance: 2,
  },
  { side: 'A', card: 12, reasoning: '', strength: 1, relevance: null },
];

/** A student mid-way through: cards on each side, most of them argued, a thesis written. */
async function fillBoard(url: string): Promise<void> {
  const { debateId, student, board } = await starterBoard(url, STUDENT);
  const ref = { debateId, studentId: student.id };
  for (const { side, card: index, reasoning, strength, relevance } of ARGUMENTS) {
    const card = board.cards[index];
    if (!card) throw new Error(`no card ${index}`);
    await callApiOk(url, 'cards.place', { ...ref, cardId: card.id, side, index: 99 });
    await callApiOk(url, 'placements.update', {
      ...ref,
      cardId: card.id,
      reasoningMarkdown: reasoning,
      strength,
      relevance,
    });
  }
  await callApiOk(url, 'positions.update', {
    ...ref,
    thesisMarkdown: 'Alliance, for now: the crisis showed how closely Moscow and Beijing coordinate against the West.',
    conclusionMarkdown: '',
  });
}

async function openFilledBoard(page: Page, url: string): Promise<BoardPage> {
  const board = new BoardPage(page);
  await board.open(url);
  await board.chooseStudent(STUDENT);
  await expect.poll(() => board.tagsIn('Alliance')).toHaveLength(3);
  await expect.poll(() => board.tagsIn('Rivalry')).toHaveLength(3);
  return board;
}

test('board screenshots for the README', async ({ page, host }) => {
  test.slow();
  await fillBoard(host.url);
  const board = await openFilledBoard(page, host.url);
  await page.screenshot({ path: docs('board.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: docs('board-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // Keyboard pick-up state: a card held over Rivalry, between its first two cards.
  const [poolTag] = await board.tagsIn('Evidence pool');
  await board.card(poolTag ?? '').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(board.liveRegion()).toContainText('Over Rivalry, position 2');
  await page.screenshot({ path: docs('board-keyboard.png') });
  await page.keyboard.press('Escape');
  await page.reload();
  await expect.poll(() => board.tagsIn('Alliance')).toHaveLength(3);

  const argued = (await board.tagsIn('Alliance'))[0] ?? '';
  await board.openArgument(argued);
  await page.screenshot({ path: docs('board-reasoning.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: review('board-reasoning-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await board.closeEditor();

  const { debateId } = await starterBoard(host.url, STUDENT);
  await setDebateStatus(host.url, debateId, 'locked');
  await page.reload();
  await expect(page.getByRole('note', { name: 'Read only' })).toBeVisible();
  await page.screenshot({ path: docs('board-locked.png') });
});

test('board states and sizes for review', async ({ page, host }) => {
  test.slow();
  const empty = new BoardPage(page);
  await empty.open(host.url);
  await page.screenshot({ path: review('board-chooser.png') });
  await empty.chooseStudent('Lukas Novak');
  await page.screenshot({ path: review('board-empty.png') });

  await fillBoard(host.url);
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: STUDENT });
  const board = new BoardPage(page);
  await expect.poll(() => board.tagsIn('Alliance')).toHaveLength(3);

  // Mid-drag: a pool card over Rivalry, between two cards.
  const [poolTag] = await board.tagsIn('Evidence pool');
  // Over the lower half of Rivalry's first card (the second one starts below the window at 1280×800).
  const [firstRival] = await board.tagsIn('Rivalry');
  const from = await board.card(poolTag ?? '').boundingBox();
  const over = await board.card(firstRival ?? '').boundingBox();
  if (!from || !over) throw new Error('cards not on screen');
  await page.mouse.move(from.x + 80, from.y + 30);
  await page.mouse.down();
  await page.mouse.move(over.x + 90, over.y + over.height - 30, { steps: 12 });
  await expect(board.area('Rivalry').locator('.drop-marker')).toBeVisible();
  await page.screenshot({ path: review('board-dragging.png') });
  await page.keyboard.press('Escape');
  await page.mouse.up();

  await board.poolSearch().fill('Kazakhstan');
  await page.screenshot({ path: review('board-search.png') });
  await board.poolSearch().fill('');

  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
    [1440, 900],
    [1024, 768],
    [820, 1000],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: review(`board-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 820, height: 1000 });
  await page.screenshot({ path: review('board-820-full.png'), fullPage: true });
});

test('library and reader screenshots for the README', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.screenshot({ path: docs('library.png') });

  await page.getByRole('button', { name: /Russia’s alliance with China is beginning to falter/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia’s alliance with China is beginning to falter',
  );
  await page.screenshot({ path: docs('reader.png') });
});

test('argument sheet screenshots for the README', async ({ page, host }) => {
  test.slow();
  await fillBoard(host.url);
  await openFilledBoard(page, host.url);
  const sheet = new SheetPage(page);
  await sheet.openFromBoard();
  await page.screenshot({ path: docs('sheet-view.png') });
  await page.screenshot({ path: review('sheet-view-full.png'), fullPage: true });
  await sheet.layout('Debate cards').check();
  await sheet.waitForPreview();
  await page.screenshot({ path: review('sheet-view-debate.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: review('sheet-view-debate-dark.png') });
  await page.emulateMedia({ colorScheme: 'light', media: 'print' });
  await page.screenshot({ path: review('sheet-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
});

test('batch export screenshot (mid-export) for the README', async ({ page, host }) => {
  test.slow();
  await fillBoard(host.url);
  // A class: the starter students plus a few more, most with a card or two on their board.
  const token = await teacherToken(host.url);
  const { debateId, board } = await starterBoard(host.url, STUDENT);
  for (const name of ['Chen Wei', 'Fatima Zahra', 'Jonas Berg', 'Maya Patel', 'Oliver Smith', 'Sofia Rossi']) {
    await callApiOk(host.url, 'people.add', { teacherToken: token, name });
  }
  const students = (await callApiOk(host.url, 'people.list', {})).filter((person) => person.role === 'student');
  for (const [index, student] of students.entries()) {
    if (index % 4 === 3) continue; // one in four has not started
    for (const card of board.cards.slice(index % 3, (index % 3) + 1 + (index % 4))) {
      await callApiOk(host.url, 'cards.place', {
        debateId,
        studentId: student.id,
        cardId: card.id,
        side: 'A',
        index: 0,
      });
    }
  }

  // Hold the export after a few files, so the progress bar is caught half-way.
  let exported = 0;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sheets.export', async (route) => {
    exported++;
    if (exported > 3) await held;
    await route.continue();
  });

  await page.goto(host.url);
  await unlockTeacher(page);
  const batch = new BatchExportDialog(page);
  await batch.open(/Russia and China/);
  await page.screenshot({ path: review('sheet-batch-choose.png') });
  await batch.format('Word (.docx)').check();
  await batch.destination('One .zip file').check();
  const downloading = page.waitForEvent('download');
  await batch.exportButton().click();
  await expect(batch.progress()).toHaveAttribute('value', '3');
  await page.screenshot({ path: docs('sheet-batch.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: review('sheet-batch-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  release();
  await downloading;
  await expect(batch.result()).toContainText('saved in');
  await page.screenshot({ path: review('sheet-batch-done.png') });
});

test('live session screenshot for the README: the projector with a running timer', async ({ page, host }) => {
  test.slow();
  await placeClassBoards(host.url, {
    'Amara Okafor': [
      [0, 'A'],
      [1, 'B'],
      [2, 'A'],
      [4, 'A'],
      [9, 'B'],
    ],
    'Lukas Novak': [
      [0, 'B'],
      [1, 'B'],
      [4, 'A'],
      [9, 'A'],
    ],
    'Mei Lin Chen': [
      [0, 'A'],
      [1, 'A'],
      [2, 'B'],
      [9, 'B'],
    ],
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
  const live = new LivePage(page);
  await live.open(host.url);
  await page.clock.pauseAt(new Date('2026-03-02T12:00:00Z'));
  await live.button('Next →').click();
  await live.button('Start').click();
  await page.clock.runFor(2 * 60_000 + 18_000);
  await expect(live.countdown()).toHaveText('03:42');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: docs('live.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: review('live-dark.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: review('live-1920x1080.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: review('live-1920x1080-light.png') });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.clock.runFor(4 * 60_000);
  await expect(live.countdown()).toContainText('Time');
  await page.screenshot({ path: review('live-time.png') });
  await live.button('Edit phases').click();
  await page.screenshot({ path: review('live-editor.png') });
});

test('live session at its limits, for review: a 300-character motion and 12 phases of 40 characters', async ({
  page,
  host,
}) => {
  const motion =
    `${'Should the Collective Security Treaty Organization, after its first deployment in Kazakhstan, '.repeat(3)}really?`.slice(
      0,
      300,
    );
  const debateId = await createDebate(host.url, motion, 8);
  await callApiOk(host.url, 'live.setPhases', {
    teacherToken: await teacherToken(host.url),
    debateId,
    phases: Array.from({ length: 12 }, (_, i) => ({ name: `Phase ${i + 1} `.padEnd(40, 'w'), minutes: 120 })),
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  const live = new LivePage(page);
  await live.open(host.url, { motion });
  await page.screenshot({ path: review('live-limits-1280x720.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: review('live-limits-1920x1080.png') });
});
