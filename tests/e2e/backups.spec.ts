// Backups in a real browser against a real host: the teacher backs up, changes something, restores and sees the old
// state (after a safety backup); a damaged data file at start is recovered from the newest backup and everyone is
// told in plain words; axe finds no serious problem on the Backups view and the restore dialog.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { startHostProcess } from './support/host-process';
import { teacherToken, unlockTeacher } from './support/teacher';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const review = (name: string) => fileURLToPath(new URL(`../../test-results/screens/${name}`, import.meta.url));

async function openBackups(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await unlockTeacher(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class' }).click();
  await page.getByRole('button', { name: 'Backups…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
}

const backupRows = (page: Page) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader') });

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

test('the teacher backs up, changes the class, restores the backup and sees the old class again', async ({
  page,
  host,
}) => {
  await openBackups(page, host.url);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Backed up: / })).toBeVisible();
  await expect(backupRows(page)).toHaveCount(1);
  await expect(backupRows(page).first()).toContainText('Made by the teacher');

  // A change after the backup, made through the UI.
  await page.getByRole('button', { name: '← Back to Class' }).click();
  await page.getByLabel('Name of a new student').fill('Zara After The Backup');
  await page.getByRole('button', { name: 'Add student' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added Zara After The Backup' })).toBeVisible();

  const zaraOption = page
    .getByRole('combobox', { name: 'Working as' })
    .getByRole('option', { name: 'Zara After The Backup' });
  await expect(zaraOption).toHaveCount(1);
  await page.getByRole('button', { name: 'Backups…' }).click();
  // Keyboard path: focus the row's Restore button and press Enter; Escape keeps everything as it is.
  const restoreButton = page.getByRole('button', { name: /^Restore the backup from / });
  await restoreButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Restore the backup from / });
  await expect(dialog).toContainText('First, everything as it is now is backed up');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(restoreButton).toBeFocused();

  await restoreButton.click();
  await dialog.getByRole('button', { name: 'Back up now, then restore' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Restored the backup from / })).toBeVisible();
  await expect(backupRows(page)).toHaveCount(2);
  await expect(backupRows(page).first()).toContainText('Just before a restore');

  await page.getByRole('button', { name: '← Back to Class' }).click();
  await expect(page.getByRole('heading', { name: 'Class' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Zara After The Backup/ })).toHaveCount(0);
  await expect(
    page.getByRole('combobox', { name: 'Working as' }).getByRole('option', { name: 'Zara After The Backup' }),
  ).toHaveCount(0);
  // Still in teacher mode after the restore.
  await expect(page.getByRole('button', { name: 'Lock teacher mode' })).toBeVisible();
});

test('axe: the Backups view and the restore dialog', async ({ page, host }) => {
  // Three backups a second apart, for three reasons: by the teacher, just before a restore, by the teacher again.
  const token = await teacherToken(host.url);
  const first = await callApiOk(host.url, 'backups.create', { teacherToken: token });
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await callApiOk(host.url, 'backups.restore', { teacherToken: token, name: first.name });
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await callApiOk(host.url, 'backups.create', { teacherToken: token });
  await openBackups(page, host.url);
  await expect(backupRows(page)).toHaveCount(3);
  await expect(backupRows(page).nth(1)).toContainText('Just before a restore');
  expect.soft(await seriousViolations(page), 'the Backups view').toEqual([]);
  await page.screenshot({ path: docs('backups.png') });
  await page
    .getByRole('button', { name: /^Restore the backup from / })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect.soft(await seriousViolations(page), 'the restore dialog').toEqual([]);
  await page.screenshot({ path: review('backups-restore-dialog.png') });
});

test('a damaged data file at start: the newest backup is restored and everyone is told in plain words until the teacher dismisses it', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-e2e-damaged-'));
  try {
    const first = await startHostProcess(dataDir);
    const token = await teacherToken(first.url);
    await callApiOk(first.url, 'people.add', { teacherToken: token, name: 'Kept By The Backup' });
    await callApiOk(first.url, 'backups.create', { teacherToken: token });
    await callApiOk(first.url, 'people.add', { teacherToken: token, name: 'Lost With The Damage' });
    await first.stop();
    writeFileSync(join(dataDir, 'debate-desk.sqlite'), 'This is a shopping list, not a database.\n'.repeat(40));

    const second = await startHostProcess(dataDir);
    try {
      await page.goto(second.url);
      const notice = page.getByRole('status').filter({ hasText: 'The data file was damaged' });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('the data file is not a database file');
      await expect(notice).toContainText(`moved to ${join(dataDir, 'damaged')}`);
      await expect(notice).toContainText('Work done after that time may be missing');
      expect.soft(await seriousViolations(page), 'the start notice').toEqual([]);
      await page.screenshot({ path: review('backups-start-notice.png') });

      const people = await callApiOk(second.url, 'people.list', {});
      expect(people.map((person) => person.name)).toContain('Kept By The Backup');
      expect(people.map((person) => person.name)).not.toContain('Lost With The Damage');

      await notice.getByRole('button', { name: /^Dismiss/ }).click();
      await expect(notice).toBeHidden();

      // Dismissed by a student: hidden in that window only. Another window is told again, until the teacher
      // dismisses it, for everyone and for good (it is kept across restarts until then).
      const teacherWindow = await page.context().newPage();
      await teacherWindow.goto(second.url);
      const again = teacherWindow.getByRole('status').filter({ hasText: 'The data file was damaged' });
      await expect(again).toBeVisible();
      await unlockTeacher(teacherWindow);
      await again.getByRole('button', { name: /^Dismiss/ }).click();
      await expect(again).toBeHidden();
      await expect.poll(() => callApiOk(second.url, 'app.notices', {})).toEqual([]);
      const later = await page.context().newPage();
      await later.goto(second.url);
      await expect(later.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(later.getByRole('status').filter({ hasText: 'The data file was damaged' })).toHaveCount(0);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a restore reaches a student’s board open in another window, without a reload', async ({ page, host }) => {
  const token = await teacherToken(host.url);
  const [debate] = await callApiOk(host.url, 'debates.list', {});
  const student = (await callApiOk(host.url, 'people.list', {})).find((person) => person.name === 'Amara Okafor');
  if (!debate || !student) throw new Error('no starter debate or student');
  const backup = await callApiOk(host.url, 'backups.create', { teacherToken: token });

  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent('Amara Okafor');
  const { cards } = await callApiOk(host.url, 'board.get', { debateId: debate.id, studentId: student.id });
  const card = cards[0];
  if (!card) throw new Error('the pool is empty');
  // Placed after the backup, seen live on the open board.
  await callApiOk(host.url, 'cards.place', {
    debateId: debate.id,
    studentId: student.id,
    cardId: card.id,
    side: 'A',
    index: 0,
  });
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([card.tag]);

  await callApiOk(host.url, 'backups.restore', { teacherToken: token, name: backup.name });
  await expect.poll(() => board.tagsIn('Alliance')).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toHaveCount(0);
});
