// Class results in the browser host: several students' boards made through the API, the chart's numbers, the contested
// ranking, two boards side by side; "commit before you see" in the UI and the API; hand-ins; axe light and dark; and
// the screenshots docs/results*.png.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import type { Board, Person } from '../../src-main/shared/domain';
import { BoardPage } from './pages/board-page';
import { callApi, callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { teacherToken, unlockTeacher } from './support/teacher';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));

type Placed = Array<[card: number, side: 'A' | 'B', strength?: 1 | 2 | 3, reasoning?: string]>;

/**
 * The starter debate with five students' boards (the sixth, Jonas, does nothing). Card 0: 2 Alliance / 2 Rivalry;
 * card 1: 3 / 1; card 2: 4 / 0; card 3: 1 / 1; card 4: nobody.
 */
async function classBoards(url: string) {
  const [debate] = await callApiOk(url, 'debates.list', {});
  const people = await callApiOk(url, 'people.list', {});
  if (!debate) throw new Error('no starter debate');
  const student = (name: string): Person => {
    const found = people.find((person) => person.name === name);
    if (!found) throw new Error(`no student ${name}`);
    return found;
  };
  const board: Board = await callApiOk(url, 'board.get', {
    debateId: debate.id,
    studentId: student('Amara Okafor').id,
  });
  const cards = board.cards.filter((card) => card.ownerRole === 'teacher');
  const place = async (name: string, placed: Placed) => {
    const studentId = student(name).id;
    for (const [index, side, strength, reasoning] of placed) {
      const cardId = cards[index]!.id;
      await callApiOk(url, 'cards.place', { debateId: debate.id, studentId, cardId, side, index: 99 });
      if (strength || reasoning) {
        await callApiOk(url, 'placements.update', {
          debateId: debate.id,
          studentId,
          cardId,
          ...(strength ? { strength } : {}),
          ...(reasoning ? { reasoningMarkdown: reasoning } : {}),
        });
      }
    }
  };
  await place('Amara Okafor', [
    [0, 'A', 3, 'Both sent troops **together**: that is what allies do.'],
    [1, 'A', 2, 'Beijing backed Moscow publicly.'],
    [2, 'A'],
    [3, 'A'],
  ]);
  await place('Lukas Novak', [
    [0, 'B', 1, 'China stayed out of the mission: it watched Russia act alone.'],
    [1, 'B', 2, 'Trade competition in Central Asia is growing.'],
    [2, 'A', 3],
    [3, 'B'],
  ]);
  await place('Mei Lin Chen', [
    [0, 'A', 2],
    [1, 'A'],
    [2, 'A'],
  ]);
  await place('Diego Ramírez', [
    [0, 'B', 2],
    [1, 'A'],
    [2, 'A'],
  ]);
  return { debateId: debate.id, cards, student, board };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

async function openTeacherResults(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlockTeacher(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debates' }).click();
  await page.getByRole('button', { name: 'Class results' }).first().click();
  await expect(page.getByRole('heading', { name: 'Class results', level: 1 })).toBeVisible();
}

test('the teacher sees the class tally per card, the contested ranking and two boards side by side', async ({
  page,
  host,
}) => {
  test.slow();
  const { cards } = await classBoards(host.url);
  await openTeacherResults(page, host.url);

  await expect(page.getByText(/^4\s+students counted of 6 on the class list\./)).toBeVisible();
  const chart = page.getByRole('region', { name: 'How the class placed each card' });
  const row = (index: number) =>
    chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: cards[index]!.tag }) });
  await expect(row(0)).toContainText('Alliance: 2');
  await expect(row(0)).toContainText('Rivalry: 2');
  await expect(row(1)).toContainText('Alliance: 3');
  await expect(row(1)).toContainText('Rivalry: 1');
  await expect(row(2)).toContainText('Alliance: 4');
  await expect(row(2)).not.toContainText('Rivalry:');
  await expect(row(3)).toContainText('Not used: 2');
  await expect(row(4)).toContainText('Not used: 4');
  // Strength of card 0: 3, 1, 2, 2 → 2.0 with 4 rated; card 2: one rating of 3.
  await expect(row(0).getByRole('cell').nth(1)).toHaveText(/2\.0\s*4 rated/);
  await expect(row(2).getByRole('cell').nth(1)).toHaveText(/3\.0\s*1 rated/);

  const contested = page.getByRole('list', { name: 'Contested evidence, most contested first' });
  await expect(contested.getByRole('listitem')).toHaveCount(3);
  await expect(contested.getByRole('listitem').nth(0)).toContainText(
    new RegExp(`${escape(cards[0]!.tag)}\\s*100% contested`),
  );
  await expect(contested.getByRole('listitem').nth(1)).toContainText(
    new RegExp(`${escape(cards[1]!.tag)}\\s*50% contested`),
  );
  await expect(contested.getByRole('listitem').nth(2)).toContainText(
    new RegExp(`${escape(cards[3]!.tag)}\\s*50% contested`),
  );

  const hands = page.getByRole('region', { name: 'Hand-ins' });
  await expect(hands.getByRole('row', { name: /Jonas Lindqvist/ })).toContainText('Not started');
  await expect(hands.getByRole('row', { name: /Amara Okafor/ })).toContainText('Started');

  const compare = page.getByRole('region', { name: 'Two boards side by side' });
  await compare.getByLabel('Left board').selectOption({ label: 'Amara Okafor' });
  await compare.getByLabel('Right board').selectOption({ label: 'Lukas Novak' });
  const left = compare.getByRole('region', { name: 'Board of Amara Okafor' });
  const right = compare.getByRole('region', { name: 'Board of Lukas Novak' });
  await expect(left.getByRole('listitem').first()).toContainText(cards[0]!.tag);
  await expect(left).toContainText('Both sent troops together: that is what allies do.');
  await expect(left).toContainText('Strength: Strong');
  await expect(right.getByRole('heading', { name: /Rivalry \(3\)/ })).toBeVisible();
  await expect(right).toContainText('China stayed out of the mission');
  await expect(right.getByRole('heading', { name: /Alliance \(1\)/ })).toBeVisible();
});

test('commit before you see: hidden for students (UI and API) until revealed; a hand-in shows for the teacher', async ({
  page,
  host,
  browser,
}) => {
  test.slow();
  const { debateId, student } = await classBoards(host.url);
  const token = await teacherToken(host.url);
  await callApiOk(host.url, 'debates.update', { teacherToken: token, debateId, resultsHidden: true });

  const refused = await callApi(host.url, 'results.get', { debateId });
  expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/reveal/) } });

  // The student: the board's "Class results" shows the message, not the results.
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent('Mei Lin Chen');
  await page.getByRole('button', { name: 'Hand in', exact: true }).click();
  await expect(page.getByText(/^Handed in/)).toBeVisible();
  await page.getByRole('button', { name: 'Class results' }).click();
  await expect(page.getByText(/Your teacher will reveal the class results/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'How the class placed each card' })).toHaveCount(0);

  // The teacher, in another window: Mei Lin has handed in; revealing shows the results to the student at once.
  const teacherPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openTeacherResults(teacherPage, host.url);
  const hands = teacherPage.getByRole('region', { name: 'Hand-ins' });
  await expect(hands.getByRole('row', { name: /Mei Lin Chen/ })).toContainText('Handed in');
  await expect(hands).toContainText('1 handed in');
  await teacherPage.getByRole('button', { name: 'Reveal to students' }).click();
  await expect(teacherPage.getByText('Revealed to students')).toBeVisible();

  await expect(page.getByRole('region', { name: 'How the class placed each card' })).toBeVisible();
  await expect(page.getByText(/^4\s+students counted\./)).toBeVisible();
  // Students see the tallies, not who handed in.
  await expect(page.getByRole('region', { name: 'Hand-ins' })).toHaveCount(0);
  expect((await callApi(host.url, 'results.get', { debateId })).ok).toBe(true);

  // Taking the hand-in back shows for the teacher too.
  await page.getByRole('button', { name: '← Back to my board' }).click();
  await page.getByRole('button', { name: 'Take back' }).click();
  await expect(page.getByText('Not handed in')).toBeVisible();
  await expect(hands.getByRole('row', { name: /Mei Lin Chen/ })).toContainText('Started');
  const results = await callApiOk(host.url, 'results.get', { debateId, teacherToken: token });
  expect(results.students.find((s) => s.id === student('Mei Lin Chen').id)?.status).toBe('started');
  await teacherPage.close();
});

test('axe: the class results, light and dark, for the teacher and for a student', async ({ page, host }) => {
  test.slow();
  await classBoards(host.url);
  await openTeacherResults(page, host.url);
  await expect(page.getByRole('region', { name: 'Board of Amara Okafor' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect.soft(await seriousViolations(page), `axe (${scheme}), teacher`).toEqual([]);
  }
  await page.getByRole('button', { name: 'Lock teacher mode' }).click();
  const board = new BoardPage(page);
  await board.chooseStudent('Amara Okafor');
  await page.getByRole('button', { name: 'Class results' }).click();
  await expect(page.getByRole('region', { name: 'Contested evidence' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect.soft(await seriousViolations(page), `axe (${scheme}), student`).toEqual([]);
  }
});

test('class results screenshots for the README (1280×720, light and dark)', async ({ page, host }) => {
  test.slow();
  await page.setViewportSize({ width: 1280, height: 720 });
  const { debateId, student } = await classBoards(host.url);
  await callApiOk(host.url, 'debates.update', {
    teacherToken: await teacherToken(host.url),
    debateId,
    resultsHidden: true,
  });
  await callApiOk(host.url, 'positions.submit', { debateId, studentId: student('Amara Okafor').id });
  await openTeacherResults(page, host.url);
  await expect(page.getByRole('region', { name: 'Board of Amara Okafor' })).toContainText('allies');
  await page.getByRole('heading', { name: 'Class results', level: 1 }).evaluate((heading) => heading.scrollIntoView());
  await page.screenshot({ path: docs('results.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: docs('results-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('heading', { name: 'Two boards side by side' }).evaluate((heading) => heading.scrollIntoView());
  await page.screenshot({ path: docs('results-compare.png') });
  await page.getByRole('heading', { name: 'Hand-ins' }).evaluate((heading) => heading.scrollIntoView());
  await page.screenshot({ path: 'test-results/screens/results-hand-ins.png' });
  // The student's board with its Hand in bar, for review.
  await page.getByRole('button', { name: 'Lock teacher mode' }).click();
  await new BoardPage(page).chooseStudent('Lukas Novak');
  await page.screenshot({ path: 'test-results/screens/results-board-hand-in.png' });
});

test('the debate form sets "hide the class results until I reveal them"', async ({ page, host }) => {
  const [debate] = await callApiOk(host.url, 'debates.list', {});
  if (!debate) throw new Error('no starter debate');
  await page.goto(host.url);
  await unlockTeacher(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debates' }).click();
  await page.getByRole('button', { name: 'Edit' }).first().click();
  const setting = page.getByRole('checkbox', { name: 'Hide the class results from students until I reveal them' });
  await expect(setting).not.toBeChecked();
  await setting.check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { name: 'Debates', level: 1 })).toBeVisible();
  expect((await callApiOk(host.url, 'debates.get', { debateId: debate.id })).resultsHidden).toBe(true);
  expect(await callApi(host.url, 'results.get', { debateId: debate.id })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
