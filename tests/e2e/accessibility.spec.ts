// Accessibility: axe-core finds no serious or critical violation on the main screens, and a student can choose
// their name and move a card to a side with the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { ArticleReader, LibraryList } from './pages/reading-pages';
import { callApiOk } from './support/api';
import { setDebateStatus } from './support/board-api';
import { expect, test } from './support/fixtures';

const STUDENT = 'Amara Okafor';
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/** Runs axe on the whole page; returns one line per serious or critical violation and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} [${violation.impact}] ${node.target.join(' ')}: ${violation.help}` +
          (node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ')})` : ''),
      ),
    );
}

async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  expect.soft(await seriousViolations(page), `axe: serious or critical violations on ${screen}`).toEqual([]);
}

async function placeTwoCards(hostUrl: string): Promise<{ alliance: string; rivalry: string }> {
  const [debate] = await callApiOk(hostUrl, 'debates.list', {});
  const student = (await callApiOk(hostUrl, 'people.list', {})).find((person) => person.name === STUDENT);
  if (!debate || !student) throw new Error('no starter debate or student');
  const { cards } = await callApiOk(hostUrl, 'board.get', { debateId: debate.id, studentId: student.id });
  const [first, second] = cards;
  if (!first || !second) throw new Error('the pool has too few cards');
  const place = (cardId: string, side: 'A' | 'B') =>
    callApiOk(hostUrl, 'cards.place', { debateId: debate.id, studentId: student.id, cardId, side, index: 0 });
  await place(first.id, 'A');
  await place(second.id, 'B');
  return { alliance: first.tag, rivalry: second.tag };
}

test('axe: the student chooser (first screen)', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await expect(page.getByRole('button', { name: STUDENT })).toBeVisible();
  await expectNoSeriousViolations(page, 'the student chooser');
});

test('axe: the board with cards placed on both sides', async ({ page, host }) => {
  test.slow(); // a full-page axe scan of the board (colour contrast of every card) takes several seconds
  const placed = await placeTwoCards(host.url);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([placed.alliance]);
  await expect.poll(() => board.tagsIn('Rivalry')).toEqual([placed.rivalry]);
  await expectNoSeriousViolations(page, 'the board with placed cards');
});

test('axe: the board with a card picked up with the keyboard', async ({ page, host }) => {
  test.slow();
  const placed = await placeTwoCards(host.url);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([placed.alliance]);
  const [pooled] = await board.tagsIn('Evidence pool');
  if (!pooled) throw new Error('empty pool');
  await board.card(pooled).focus();
  await page.keyboard.press('Space');
  await expect(board.card(pooled)).toHaveAttribute('aria-pressed', 'true');
  await expect(board.liveRegion()).not.toBeEmpty();
  await expectNoSeriousViolations(page, 'the board with a card picked up');
  await page.keyboard.press('Escape');
  await expect(board.liveRegion()).toContainText('Move cancelled');
});

test('axe: the board with the argument editor open', async ({ page, host }) => {
  test.slow();
  const placed = await placeTwoCards(host.url);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([placed.alliance]);
  await board.openArgument(placed.alliance);
  await board.reasoning().fill('A **strong** link: they coordinate.\n\n- one\n- two');
  await board.rating('Strength', 'Strong').check();
  await expect(board.editor().getByRole('region', { name: 'Preview' }).locator('strong')).toHaveText('strong');
  await expectNoSeriousViolations(page, 'the argument editor');
  await board.closeEditor();
  await expect(board.summary(placed.alliance)).toContainText('Strength: Strong');
  await expectNoSeriousViolations(page, 'the board with an argued card');
});

test('axe: a locked board (read only)', async ({ page, host }) => {
  test.slow();
  const placed = await placeTwoCards(host.url);
  const [debate] = await callApiOk(host.url, 'debates.list', {});
  if (!debate) throw new Error('no starter debate');
  await setDebateStatus(host.url, debate.id, 'locked');
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  await expect(page.getByRole('note', { name: 'Read only' })).toBeVisible();
  await expect.poll(() => board.tagsIn('Rivalry')).toEqual([placed.rivalry]);
  await expectNoSeriousViolations(page, 'the locked board');
  await board.openArgument(placed.rivalry);
  await expectNoSeriousViolations(page, 'the argument editor of a locked board');
});

test('axe: the Library and the reader', async ({ page, host }) => {
  test.slow();
  await page.goto(host.url);
  const library = new LibraryList(page);
  await library.show();
  await expectNoSeriousViolations(page, 'the Library');

  const title = 'Russia’s alliance with China is beginning to falter';
  await library.open(title);
  const reader = new ArticleReader(page);
  await reader.waitFor(title);
  await expect(reader.body()).not.toBeEmpty();
  await expectNoSeriousViolations(page, 'the reader');
});

/** Presses Tab until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, what: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await isTarget()) return;
    await page.keyboard.press('Tab');
  }
  if (!(await isTarget())) throw new Error(`${what} was not reached with ${limit} presses of Tab`);
}

test('keyboard only: choose a student and move a card to the second side', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  const studentButton = page.getByRole('button', { name: STUDENT, exact: true });
  await expect(studentButton).toBeVisible();

  await tabTo(page, () => studentButton.evaluate((element) => element === document.activeElement), STUDENT);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Board of ${STUDENT}`)).toBeVisible();
  await expect.poll(async () => (await board.tagsIn('Evidence pool')).length).toBeGreaterThan(0);

  // Tab on from wherever the focus is now to the first evidence card.
  await tabTo(
    page,
    () => page.evaluate(() => document.activeElement?.getAttribute('aria-roledescription') === 'evidence card'),
    'an evidence card',
  );
  const tag = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  expect(await board.tagsIn('Evidence pool')).toContain(tag);

  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(board.liveRegion()).toContainText(`Dropped “${tag}” on Rivalry`);
  await expect(board.liveRegion()).toContainText('Saved.');
  expect(await board.tagsIn('Rivalry')).toEqual([tag]);
  expect(await board.tagsIn('Evidence pool')).not.toContain(tag);
  // The card keeps the focus, so the student can go on with the keyboard.
  await expect(board.card(tag)).toBeFocused();
});
