// Two tabs on the same student's board: a change in one shows in the other without a reload; a save made against
// a board the other tab has since changed is refused, the tab is told, shows the latest board and keeps the text
// typed in it; an undo never overwrites the other tab's newer change. Where a test must hold one tab's autosave or
// reload back until the other has saved, that tab runs in a window of its own (Playwright's clock belongs to a
// browser context) with its timers on the clock: no sleeps, no races.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { callApiOk, starterBoard } from './support/board-api';
import { expect, test } from './support/fixtures';

const STUDENT = 'Amara Okafor';

/** A second tab in the same browser, failing the test on a page error as the first one does. */
async function secondTab(page: Page, problems: string[]): Promise<Page> {
  return watched(await page.context().newPage(), problems);
}

/** A tab in a window of its own, whose timers run on Playwright's clock (installed, still running). */
async function clockedWindow(browser: Browser, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const tab = watched(await context.newPage(), problems);
  await tab.clock.install();
  return tab;
}

function watched(tab: Page, problems: string[]): Page {
  tab.on('pageerror', (error) => problems.push(`tab B page error: ${error.message}`));
  tab.on('dialog', (dialog) => {
    problems.push(`tab B dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return tab;
}

/** The student's board in a tab: the first tab picks the name; the second finds it remembered (same browser). */
async function openBoard(page: Page, url: string): Promise<BoardPage> {
  const board = new BoardPage(page);
  await board.open(url);
  const remembered = page.getByText(`Board of ${STUDENT}`);
  await expect(remembered.or(page.getByRole('heading', { name: 'Who is working?' }))).toBeVisible();
  if (!(await remembered.isVisible())) await board.chooseStudent(STUDENT);
  return board;
}

async function storedBoard(url: string) {
  const { debateId, student } = await starterBoard(url, STUDENT);
  return callApiOk(url, 'board.get', { debateId, studentId: student.id });
}

test('a move in one tab shows in the other without a reload', async ({ page, host, pageProblems }) => {
  const tabA = await openBoard(page, host.url);
  const tabB = await openBoard(await secondTab(page, pageProblems), host.url);
  await tabB.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const [first, second] = await tabA.tagsIn('Evidence pool');
  if (!first || !second) throw new Error('the pool has too few cards');

  await tabA.dragCard(first, 'Alliance');
  await expect.poll(() => tabB.tagsIn('Alliance')).toEqual([first]);

  await tabB.keyboardMove(second, ['ArrowRight', 'ArrowRight']);
  await expect(tabB.liveRegion()).toContainText(`Dropped “${second}” on Rivalry, position 1. Saved.`);
  await expect.poll(() => tabA.tagsIn('Rivalry')).toEqual([second]);
  expect(await tabB.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // Neither tab was told of a conflict: each only saw the other's change.
  await expect(tabA.page.getByRole('alert')).toHaveCount(0);
  await expect(tabB.page.getByRole('alert')).toHaveCount(0);
});

test('a stale edit is refused: the tab is told, shows the latest board and keeps what was typed', async ({
  page,
  browser,
  host,
  pageProblems,
}) => {
  const { debateId, student, board } = await starterBoard(host.url, STUDENT);
  const card = board.cards[0]!;
  await callApiOk(host.url, 'cards.place', { debateId, studentId: student.id, cardId: card.id, side: 'A', index: 0 });

  const tabA = await openBoard(page, host.url);
  const pageB = await clockedWindow(browser, pageProblems);
  const tabB = await openBoard(pageB, host.url);
  await tabA.openArgument(card.tag);
  await tabB.openArgument(card.tag);

  // Tab B's clock stands still: what is typed there waits for its autosave while tab A saves first.
  await pageB.clock.pauseAt(Date.now() + 1_000);
  await tabB.reasoning().pressSequentially('Typed in tab B.');
  await tabA.reasoning().fill('Written in tab A.');
  await tabA.closeEditor();
  await tabA.waitUntilSaved();
  await pageB.clock.resume();

  const alert = pageB.getByRole('alert');
  await expect(alert).toContainText('Your last change was not saved');
  await expect(alert).toContainText('It now shows the latest version; your change was not saved.');
  // The latest board: tab A's reasoning on the card. Tab B's own text is kept, in words, beside it.
  await expect(tabB.summary(card.tag)).toContainText('Written in tab A.');
  const notice = pageB.getByRole('region', { name: 'Your last change was not saved' });
  await expect(notice).toBeFocused();
  const kept = notice.getByRole('textbox', { name: 'Yours, not saved' });
  await expect(kept).toHaveValue('Typed in tab B.');
  await expect(notice.getByRole('heading', { name: `Your reasoning for “${card.tag}”` })).toBeVisible();
  await expect(notice.getByRole('blockquote')).toHaveText('Written in tab A.');
  expect((await storedBoard(host.url)).placements[0]?.reasoningMarkdown).toBe('Written in tab A.');

  const { violations } = await new AxeBuilder({ page: pageB }).analyze();
  expect(violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))).toEqual([]);
  await pageB.screenshot({ path: 'docs/board-conflict.png' });

  // "Use my text" (by keyboard): tab B's text replaces the latest one, saved, and tab A sees it.
  await notice.getByRole('button', { name: `Use my text for your reasoning for “${card.tag}”` }).focus();
  await pageB.keyboard.press('Enter');
  await expect(kept).toHaveCount(0);
  await tabB.waitUntilSaved();
  await expect(tabA.summary(card.tag)).toContainText('Typed in tab B.');
  expect((await storedBoard(host.url)).placements[0]?.reasoningMarkdown).toBe('Typed in tab B.');

  await pageB.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(pageB.getByRole('alert')).toHaveCount(0);
  await pageB.context().close();
});

test('an undo never overwrites the other tab’s newer change', async ({ page, browser, host, pageProblems }) => {
  const pageA = await clockedWindow(browser, pageProblems);
  const tabA = await openBoard(pageA, host.url);
  const tabB = await openBoard(page, host.url);
  const [mine, theirs, later] = await tabA.tagsIn('Evidence pool');
  if (!mine || !theirs || !later) throw new Error('the pool has too few cards');

  // Tab A places a card; tab B then moves another. Once the push has reached tab A, its undo step is gone.
  await tabA.dragCard(mine, 'Alliance');
  await expect(tabA.undoButton()).toBeEnabled();
  // Tab B acts once it shows tab A's move (a move made before that would be refused as stale, rightly).
  await expect.poll(() => tabB.tagsIn('Alliance')).toEqual([mine]);
  await tabB.dragCard(theirs, 'Rivalry');
  await expect.poll(() => tabA.tagsIn('Rivalry')).toEqual([theirs]);
  await expect(tabA.undoButton()).toBeDisabled();
  await pageA.keyboard.press('Control+z');
  await tabA.waitUntilSaved();
  expect(await tabA.tagsIn('Alliance')).toEqual([mine]);
  expect((await storedBoard(host.url)).placements).toHaveLength(2);

  // The race: tab A undoes its next move before it has shown tab B's newer one (tab A's timers stand still, so
  // the push is taken in but the reload waits). The undo is sent against the old board and refused.
  await tabA.dragCard(later, 'Alliance');
  await expect.poll(() => tabB.tagsIn('Alliance')).toContain(later);
  await pageA.clock.pauseAt(Date.now() + 1_000);
  await tabB.dragCard(mine, 'Evidence pool');
  await expect.poll(async () => (await storedBoard(host.url)).placements.length).toBe(2);
  await tabA.undoButton().click();
  await pageA.clock.resume();
  await expect(pageA.getByRole('alert')).toContainText('It now shows the latest version; your change was not saved.');

  // Tab B's change stands, in the store and on both screens.
  const stored = await storedBoard(host.url);
  const tagOf = (cardId: string) => stored.cards.find((card) => card.id === cardId)?.tag;
  expect(stored.placements.map((placement) => [tagOf(placement.cardId), placement.side])).toEqual([
    [later, 'A'],
    [theirs, 'B'],
  ]);
  await expect.poll(() => tabA.tagsIn('Alliance')).toEqual([later]);
  await expect.poll(() => tabB.tagsIn('Alliance')).toEqual([later]);
  expect(await tabA.tagsIn('Rivalry')).toEqual([theirs]);
  await expect(tabA.undoButton()).toBeDisabled();
  await pageA.context().close();
});

test('only the text both tabs wrote is held back: a field the other tab did not touch is saved', async ({
  page,
  browser,
  host,
  pageProblems,
}) => {
  const tabA = await openBoard(page, host.url);
  const pageB = await clockedWindow(browser, pageProblems);
  const tabB = await openBoard(pageB, host.url);

  // Tab B writes a thesis and a conclusion; before its autosave, tab A saves a thesis of its own.
  await pageB.clock.pauseAt(Date.now() + 1_000);
  await tabB.thesis().pressSequentially('Thesis from tab B.');
  await tabB.conclusion().pressSequentially('Conclusion from tab B.');
  await tabA.thesis().fill('Thesis from tab A.');
  await tabA.conclusion().focus();
  await tabA.waitUntilSaved();
  await pageB.clock.resume();

  const notice = pageB.getByRole('region', { name: 'Your last change was not saved' });
  await expect(notice.getByRole('heading', { name: 'Your thesis' })).toBeVisible();
  await expect(notice.getByRole('textbox', { name: 'Yours, not saved' })).toHaveValue('Thesis from tab B.');
  await expect(notice.getByRole('blockquote')).toHaveText('Thesis from tab A.');
  // The conclusion, which tab A never touched, is not in the notice: it was saved, and reaches tab A.
  await expect(notice.getByRole('heading', { name: 'Your conclusion' })).toHaveCount(0);
  await expect(tabB.thesis()).toHaveValue('Thesis from tab A.');
  await expect(tabA.conclusion()).toHaveValue('Conclusion from tab B.');
  const stored = await storedBoard(host.url);
  expect(stored.position).toEqual({
    thesisMarkdown: 'Thesis from tab A.',
    conclusionMarkdown: 'Conclusion from tab B.',
  });
  await pageB.context().close();
});
