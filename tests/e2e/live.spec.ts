// The live session: the teacher edits the phases (saved, kept after a reload), runs the timer (time controlled
// with Playwright's clock, never waited for), moves between phases by buttons and keys, reaches "Time"; the
// class tally counts boards placed through the API; axe finds nothing serious in light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { LivePage, placeClassBoards, STARTER_MOTION } from './pages/live-page';
import { DebatesPage } from './pages/setup-page';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { teacherToken } from './support/teacher';

const START = new Date('2026-03-02T09:00:00Z');
/** Where the test stops time flowing on its own: later than the test can ever reach in real time. */
const FROZEN = new Date('2026-03-02T12:00:00Z');

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} ${violation.help}`),
    );
}

test('the teacher edits the phases, and they are kept after a reload', async ({ page, host }) => {
  const live = new LivePage(page);
  await live.open(host.url);
  expect(await live.phaseNames()).toEqual(['Preparation', 'Opening statements', 'Rebuttal', 'Closing']);
  await expect(live.countdown()).toHaveText('10:00');

  await live.button('Edit phases').click();
  const editor = live.editor();
  await expect(editor).toBeVisible();
  // Typing in the editor is typing, not shortcuts: "n" and "p" stay in the field, the phase does not move.
  const firstName = editor.getByRole('textbox', { name: 'Phase 1 name' });
  await firstName.fill('');
  await firstName.pressSequentially('Read and plan');
  await firstName.press('Space');
  await expect(live.currentPhase()).toHaveText('Preparation');
  await firstName.fill('Read the cards');
  await editor.getByRole('spinbutton', { name: 'Phase 1 minutes' }).fill('1.5');
  await editor.getByRole('button', { name: 'Remove phase 4' }).click();
  await editor.getByRole('button', { name: 'Move phase 3 up' }).click();
  await editor.getByRole('button', { name: 'Add phase' }).click();
  await editor.getByRole('textbox', { name: 'Phase 4 name' }).fill('Class vote');
  await editor.getByRole('spinbutton', { name: 'Phase 4 minutes' }).fill('0.5');

  // A bad value is explained, not saved.
  await editor.getByRole('spinbutton', { name: 'Phase 2 minutes' }).fill('200');
  await editor.getByRole('button', { name: 'Save phases' }).click();
  await expect(editor.getByRole('alert')).toContainText('Phase 2: a phase lasts at most 120 minutes');
  await editor.getByRole('spinbutton', { name: 'Phase 2 minutes' }).fill('8');
  await editor.getByRole('button', { name: 'Save phases' }).click();

  await expect(editor).toBeHidden();
  const saved = ['Read the cards', 'Rebuttal', 'Opening statements', 'Class vote'];
  await expect.poll(() => live.phaseNames()).toEqual(saved);
  await expect(live.countdown()).toHaveText('01:30');
  await expect(live.button('Edit phases')).toBeFocused();

  await page.reload();
  await live.open(host.url, { unlock: false });
  expect(await live.phaseNames()).toEqual(saved);
  await expect(live.page.getByRole('navigation', { name: 'Phases' })).toContainText('00:30');
});

test('the timer starts, pauses, moves between phases by buttons and keys, and says "Time"', async ({ page, host }) => {
  await page.clock.install({ time: START });
  const live = new LivePage(page);
  await live.open(host.url);
  await page.clock.pauseAt(FROZEN);
  await expect(live.countdown()).toHaveText('10:00');
  await expect(live.timerState()).toHaveText('Ready');

  await live.button('Start').click();
  await expect(live.timerState()).toHaveText('Running');
  await page.clock.runFor(65_000);
  await expect(live.countdown()).toHaveText('08:55');

  // Space pauses (the focused button is not pressed as well); the time stays however long the pause.
  await page.keyboard.press('Space');
  await expect(live.timerState()).toHaveText('Paused');
  await page.clock.runFor(120_000);
  await expect(live.countdown()).toHaveText('08:55');
  await expect(live.button('Resume')).toBeVisible();

  // Resumed, it counts on from where it was, and jumps right after a long gap (computed, not counted).
  await page.keyboard.press('Space');
  await expect(live.timerState()).toHaveText('Running');
  await page.clock.runFor(535_000);
  await expect(live.countdown()).toContainText('Time');
  await expect(live.timerState()).toHaveText('Time is up');
  await expect(live.announcement()).toHaveText('Time: Preparation is over.');
  await page.clock.runFor(12_000);
  await expect(page.locator('.over')).toHaveText('over by 00:12');

  // Next by the button: the next phase, ready at its full length, announced.
  await live.button('Next →').click();
  await expect(live.currentPhase()).toHaveText('Opening statements');
  await expect(live.countdown()).toHaveText('06:00');
  await expect(live.timerState()).toHaveText('Ready');
  await expect(live.announcement()).toHaveText('Phase 2 of 4: Opening statements, 6 minutes.');

  // Keys: N and → next, P and ← previous, R resets the phase.
  await page.keyboard.press('n');
  await expect(live.currentPhase()).toHaveText('Rebuttal');
  await page.keyboard.press('ArrowRight');
  await expect(live.currentPhase()).toHaveText('Closing');
  await expect(live.button('Next →')).toBeDisabled();
  await page.keyboard.press('ArrowLeft');
  await expect(live.currentPhase()).toHaveText('Rebuttal');
  await page.keyboard.press('p');
  await expect(live.currentPhase()).toHaveText('Opening statements');
  await live.button('← Previous').click();
  await expect(live.currentPhase()).toHaveText('Preparation');
  await expect(live.countdown()).toHaveText('10:00');

  // F and the button go full screen (the projector view itself), Esc and the button leave it.
  await page.keyboard.press('f');
  await expect(live.button('Leave full screen')).toBeVisible();
  expect(await page.evaluate(() => document.fullscreenElement?.getAttribute('aria-labelledby'))).toBe('live-motion');
  await page.keyboard.press('Escape');
  await expect(live.button('Full screen')).toBeVisible();
  await live.button('Full screen').click();
  await expect(live.button('Leave full screen')).toBeVisible();
  await live.button('Leave full screen').click();
  await expect(live.button('Full screen')).toBeVisible();

  await page.keyboard.press('Space');
  await page.clock.runFor(30_000);
  await expect(live.countdown()).toHaveText('09:30');
  await page.keyboard.press('r');
  await expect(live.countdown()).toHaveText('10:00');
  await expect(live.timerState()).toHaveText('Ready');
  await page.clock.runFor(5_000);
  await expect(live.countdown()).toHaveText('10:00');
});

test('the countdown runs on when the teacher leaves the live session or reloads the page', async ({ page, host }) => {
  await page.clock.install({ time: START });
  const live = new LivePage(page);
  await live.open(host.url);
  await page.clock.pauseAt(FROZEN);
  await live.button('Start').click();
  await page.clock.runFor(65_000);
  await expect(live.countdown()).toHaveText('08:55');

  // Back to the debates list mid-debate, and into the live session again 30 seconds later: still running, 30
  // seconds further on.
  await page.getByRole('button', { name: '← Debates' }).click();
  await expect(live.countdown()).toHaveCount(0);
  await page.clock.runFor(30_000);
  await new DebatesPage(page).row(STARTER_MOTION).getByRole('button', { name: 'Live session' }).click();
  await expect(live.timerState()).toHaveText('Running');
  await expect(live.countdown()).toHaveText('08:25');

  // Paused, then the page reloaded (teacher mode stays unlocked in this window): paused at the same time.
  await page.keyboard.press('Space');
  await expect(live.timerState()).toHaveText('Paused');
  await live.open(host.url, { unlock: false });
  await expect(live.timerState()).toHaveText('Paused');
  await expect(live.countdown()).toHaveText('08:25');
  // Running through a reload: the time that passed while the page loaded counts.
  await live.button('Resume').click();
  await page.clock.runFor(5_000);
  await live.open(host.url, { unlock: false });
  await page.clock.runFor(10_000);
  await expect(live.timerState()).toHaveText('Running');
  await expect(live.countdown()).toHaveText('08:10');
});

test('the class tally counts the cards placed on each side and shows the most contested', async ({ page, host }) => {
  const tags = await placeClassBoards(host.url);
  const live = new LivePage(page);
  await live.open(host.url);
  const students = (await callApiOk(host.url, 'people.list', {})).filter((person) => person.role === 'student');
  await expect(page.getByText(`2 of ${students.length} students have placed cards · 0 handed in`)).toBeVisible();
  await expect(live.total('Alliance')).toHaveText('2');
  await expect(live.total('Rivalry')).toHaveText('3');
  const contested = page.locator('.contested > li');
  // Card 0 is on both sides (1 and 1), card 1 twice on one side, card 2 once.
  await expect(contested).toHaveCount(3);
  await expect(contested.nth(0).locator('.card-tag')).toHaveText(tags[0] ?? '');
  await expect(contested.nth(0)).toContainText('1 on Alliance, 1 on Rivalry');
  await expect(contested.nth(1).locator('.card-tag')).toHaveText(tags[1] ?? '');
  await expect(contested.nth(1)).toContainText('0 on Alliance, 2 on Rivalry');
  await expect(contested.nth(2)).toContainText('1 on Alliance, 0 on Rivalry');

  // A student placing a card while the projector is on shows up without a reload.
  await placeClassBoards(host.url, { 'Lukas Novak': [[2, 'A']] });
  await expect(live.total('Alliance')).toHaveText('3');
  await expect(contested.nth(2)).toContainText('2 on Alliance, 0 on Rivalry');

  // A debate that keeps results from students until revealed: the projector does not show them unless asked.
  const [debate] = await callApiOk(host.url, 'debates.list', {});
  await callApiOk(host.url, 'debates.update', {
    teacherToken: await teacherToken(host.url),
    debateId: debate?.id ?? '',
    resultsHidden: true,
  });
  await expect(page.getByText('the tally is not shown here')).toBeVisible();
  await expect(live.total('Alliance')).toBeHidden();
  await page.getByRole('button', { name: 'Show the tally anyway' }).click();
  await expect(live.total('Alliance')).toHaveText('3');
});

test('axe: the live session with a running timer, light and dark', async ({ page, host }) => {
  test.slow();
  await placeClassBoards(host.url);
  await page.clock.install({ time: START });
  const live = new LivePage(page);
  await live.open(host.url);
  await page.clock.pauseAt(FROZEN);
  await live.button('Start').click();
  await page.clock.runFor(42_000);
  await expect(live.countdown()).toHaveText('09:18');
  // axe waits on timers of its own: time flows again while it looks.
  await page.clock.resume();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect.soft(await seriousViolations(page), `axe (${colorScheme})`).toEqual([]);
  }
  // At "Time" too (the red panel), and with the phase editor open.
  await page.clock.pauseAt(new Date(FROZEN.getTime() + 3_600_000));
  await expect(live.countdown()).toContainText('Time');
  await live.button('Edit phases').click();
  await expect(live.editor()).toBeVisible();
  await page.clock.resume();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect.soft(await seriousViolations(page), `axe at Time with the editor (${colorScheme})`).toEqual([]);
  }
});
