// Takes the screenshots the README shows (docs/*.png) from a real board, so they never go stale.
import { fileURLToPath } from 'node:url';
import { BoardPage } from './pages/board-page';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const STUDENT = 'Amara Okafor';

/** Places a few starter cards on each side through the API, as a student mid-way through would have. */
async function fillBoard(url: string): Promise<void> {
  const [debate] = await callApiOk(url, 'debates.list', {});
  const student = (await callApiOk(url, 'people.list', {})).find((person) => person.name === STUDENT);
  if (!debate || !student) throw new Error('starter debate or student missing');
  const board = await callApiOk(url, 'board.get', { debateId: debate.id, studentId: student.id });
  const moves: Array<['A' | 'B', number]> = [
    ['A', 0],
    ['B', 1],
    ['A', 4],
    ['B', 5],
    ['B', 9],
    ['A', 12],
  ];
  for (const [side, cardIndex] of moves) {
    const card = board.cards[cardIndex];
    if (!card) throw new Error(`no card ${cardIndex}`);
    await callApiOk(url, 'cards.place', {
      debateId: debate.id,
      studentId: student.id,
      cardId: card.id,
      side,
      index: 99,
    });
  }
}

test('board, library and reader screenshots for the README', async ({ page, host }) => {
  await fillBoard(host.url);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  await expect.poll(() => board.tagsIn('Alliance')).toHaveLength(3);
  await page.screenshot({ path: docs('board.png') });

  // Keyboard pick-up state: a card held over Rivalry.
  const [poolTag] = await board.tagsIn('Evidence pool');
  await board.card(poolTag ?? '').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(board.liveRegion()).toContainText('Over Rivalry');
  await page.screenshot({ path: docs('board-keyboard.png') });
  await page.keyboard.press('Escape');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: docs('board-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('button', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.screenshot({ path: docs('library.png') });

  await page.getByRole('button', { name: /Russia’s alliance with China is beginning to falter/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Russia’s alliance with China is beginning to falter',
  );
  await page.screenshot({ path: docs('reader.png') });
});
