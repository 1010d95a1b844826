// The starter debate board: first run, moving cards with the mouse and the keyboard, persistence.
import { BoardPage } from './pages/board-page';
import { expect, test } from './support/fixtures';

const STUDENT = 'Amara Okafor';

test('first run shows the starter debate with its card pool and roster', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia and China after the Kazakhstan crisis (January 2022): alliance or rivalry?',
  );
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await board.chooseStudent(STUDENT);
  await expect(board.area('Evidence pool').getByRole('heading', { name: 'Evidence pool' })).toBeVisible();
  await expect(board.area('Alliance').getByRole('heading', { name: 'Alliance' })).toBeVisible();
  await expect(board.area('Rivalry').getByRole('heading', { name: 'Rivalry' })).toBeVisible();
  const poolTags = await board.tagsIn('Evidence pool');
  expect(poolTags.length).toBeGreaterThanOrEqual(16);
  expect(await board.tagsIn('Alliance')).toEqual([]);
  expect(await board.tagsIn('Rivalry')).toEqual([]);
  // Each card shows tag, verbatim quote and cite (unknown metadata is said to be unknown).
  const first = board.card(poolTags[0] ?? '');
  await expect(first.locator('.quote')).not.toBeEmpty();
  await expect(first.locator('.byline')).toContainText(/·/);
});

test('cards placed with the mouse and with the keyboard survive a host restart', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [mouseTag, keyboardTag, thirdTag] = await board.tagsIn('Evidence pool');
  if (!mouseTag || !keyboardTag || !thirdTag) throw new Error('the pool has too few cards');

  await board.dragCard(mouseTag, 'Rivalry');
  expect(await board.tagsIn('Rivalry')).toEqual([mouseTag]);

  // Keyboard alone: Space picks up, → moves from the pool to Alliance, Space drops.
  await board.keyboardMove(keyboardTag, ['ArrowRight']);
  await expect(board.liveRegion()).toContainText(`Dropped “${keyboardTag}” on Alliance, position 1. Saved.`);
  expect(await board.tagsIn('Alliance')).toEqual([keyboardTag]);

  // A second Rivalry card dropped above the first: the side keeps the order.
  await board.keyboardMove(thirdTag, ['ArrowRight', 'ArrowRight', 'ArrowUp']);
  await expect(board.liveRegion()).toContainText('Saved.');
  expect(await board.tagsIn('Rivalry')).toEqual([thirdTag, mouseTag]);
  expect(await board.tagsIn('Evidence pool')).not.toContain(mouseTag);

  await host.restart();
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  expect(await board.tagsIn('Rivalry')).toEqual([thirdTag, mouseTag]);
  expect(await board.tagsIn('Alliance')).toEqual([keyboardTag]);
});

test('a card can be reordered with the mouse and moved back to the pool', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [first, second] = await board.tagsIn('Evidence pool');
  if (!first || !second) throw new Error('the pool has too few cards');
  await board.dragCard(first, 'Alliance');
  await board.dragCard(second, 'Alliance');
  expect(await board.tagsIn('Alliance')).toEqual([first, second]);

  // Drop the second card on the top half of the first: it goes above it.
  await board.card(second).dragTo(board.card(first), { targetPosition: { x: 40, y: 5 } });
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([second, first]);

  await board.dragCard(second, 'Evidence pool');
  expect(await board.tagsIn('Alliance')).toEqual([first]);
  await page.reload();
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([first]);
  expect(await board.tagsIn('Evidence pool')).toContain(second);
});

test('Escape cancels a keyboard move and nothing is saved', async ({ page, host }) => {
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const [tag] = await board.tagsIn('Evidence pool');
  if (!tag) throw new Error('empty pool');
  await board.card(tag).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(board.liveRegion()).toContainText('Over Alliance, position 1 of 1.');
  await page.keyboard.press('Escape');
  await expect(board.liveRegion()).toContainText('Move cancelled');
  expect(await board.tagsIn('Alliance')).toEqual([]);
  await page.reload();
  await expect.poll(() => board.tagsIn('Evidence pool')).toContain(tag);
  expect(await board.tagsIn('Alliance')).toEqual([]);
});
