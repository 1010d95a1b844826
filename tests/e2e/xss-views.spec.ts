// The XSS corpus in every field a teacher or student writes, shown in every view that renders them: nothing runs,
// no dialog opens, nothing is requested from outside the machine, and no dangerous markup reaches the DOM. The page
// runs with the Content-Security-Policy bypassed, so this proves the sanitizing and escaping alone (the CSP is a
// second wall, not the one tested here).
import type { Page } from '@playwright/test';
import { LibraryList } from './pages/reading-pages';
import { DebatesPage } from './pages/setup-page';
import { SheetPage } from './pages/sheet-page';
import { expect, test } from './support/fixtures';
import { unlockTeacher } from './support/teacher';
import { XssGuard, scanForDanger } from './support/xss-guard';
import { seedHostileWorld } from './support/xss-seed';

test.use({ bypassCSP: true });

/** Checks the view on screen: late handlers get a moment, then every detector's findings become problems. */
async function checkView(page: Page, guard: XssGuard, view: string, problems: string[]): Promise<void> {
  await page.waitForTimeout(150);
  const scan = await scanForDanger(page);
  const { hits, dialogs, remoteRequests, pageErrors } = guard.take();
  problems.push(
    ...hits.map((id) => `${view}: payload ${id} ran (__xss_hit)`),
    ...dialogs.map((message) => `${view}: dialog ${message}`),
    ...remoteRequests.map((url) => `${view}: request to ${url}`),
    ...pageErrors.map((message) => `${view}: page error ${message}`),
    ...scan.map((line) => `${view}: ${line}`),
  );
}

/** Scrolls every scrollable region top to bottom (long lists render lazily), checking as it goes. */
async function scrollThrough(page: Page): Promise<void> {
  for (let step = 0; step < 8; step++) {
    const more = await page.evaluate(() => {
      let moved = false;
      for (const element of document.querySelectorAll<HTMLElement>('main, main *')) {
        if (
          element.scrollHeight > element.clientHeight + 4 &&
          element.scrollTop + element.clientHeight < element.scrollHeight
        ) {
          element.scrollTop += element.clientHeight;
          moved = true;
        }
      }
      return moved;
    });
    if (!more) return;
    await page.waitForTimeout(100);
  }
}

test('the XSS corpus stays inert in every view', async ({ page, context, host }) => {
  test.setTimeout(120_000);
  const guard = await XssGuard.install(context, { dismissDialogs: false });
  const world = await seedHostileWorld(host.url);
  const problems: string[] = [];
  const check = (view: string) => checkView(page, guard, view, problems);

  await page.goto(host.url);
  await unlockTeacher(page);
  await check('first view');

  // ── Library, its search, and the reader with the teacher's highlights and notes ──
  const library = new LibraryList(page);
  await library.show();
  await expect(library.entries().filter({ hasText: 'Hostile Article 6' })).toHaveCount(1);
  await scrollThrough(page);
  await check('library');
  await page.getByRole('searchbox').first().fill('sentence');
  await expect(page.getByText(/Article 1 sentence/).first()).toBeVisible();
  await check('library search');
  await page.getByRole('searchbox').first().fill('');
  for (const title of world.titles) {
    await library.show();
    await library.open(title);
    await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: /Highlights and cards 12/ })).toBeVisible();
    await scrollThrough(page);
    await check(`reader (${title.slice(0, 20)})`);
  }

  // ── Debates list, setup, class results, live session, class list ──
  const debates = new DebatesPage(page);
  await debates.show();
  const row = debates.rows().filter({ hasText: world.sideA }).first();
  await expect(row).toBeVisible();
  await check('debates list');
  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('textbox', { name: /Motion/ })).toHaveValue(world.motion);
  await scrollThrough(page);
  await check('debate setup');

  await debates.show();
  await row.getByRole('button', { name: 'Class results', exact: true }).click();
  await expect(page.getByRole('main').getByText(world.student.name, { exact: true }).first()).toBeVisible();
  await scrollThrough(page);
  await check('class results');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class' }).click();
  await expect(page.getByRole('main').getByText(world.studentNames.at(-1)!, { exact: true }).first()).toBeVisible();
  await check('class list');

  await debates.show();
  await row.getByRole('button', { name: 'Live session', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Phases' })).toContainText(world.phaseNames[0]!);
  await check('live session');

  // ── The student's board, the argument editor, the instructions and the argument sheet ──
  // (A fresh load: the live session's projector bar covers the main navigation.)
  await page.goto(host.url);
  await page.getByRole('combobox', { name: 'Working as' }).selectOption(world.student.id);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debate board' }).click();
  await page.getByRole('combobox', { name: 'Debate' }).selectOption(world.debateId);
  await expect(page.getByRole('region', { name: world.sideA, exact: true })).toBeVisible();
  await scrollThrough(page);
  await check('board');
  await page.getByRole('button', { name: 'How to build your case' }).click();
  await expect(page.getByText('Instructions sentence 66 here.')).toBeVisible();
  await check('board instructions');
  const firstArgument = page.getByRole('button', { name: /^(Write why|Edit reasoning|View reasoning)/ }).first();
  await firstArgument.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('argument editor');
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();

  await new SheetPage(page).openFromBoard();
  await scrollThrough(page);
  await check('argument sheet preview');

  expect(problems, 'XSS findings per view').toEqual([]);
});
