// Teacher mode for tests: unlock it through the UI (setting the PIN on first use), or get a token from the API.
import { expect, type Page } from '@playwright/test';
import { callApiOk } from './api';

/** The PIN every test sets on its fresh data dir. */
export const TEST_PIN = '2468';

/**
 * Chooses the teacher in "Working as" and types the PIN: sets it (typed twice) when none is set yet, otherwise
 * unlocks. Waits until teacher mode is on (the header's Lock button).
 */
export async function unlockTeacher(page: Page, pin = TEST_PIN): Promise<void> {
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Teacher' });
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const heading = await dialog.getByRole('heading').textContent();
  if (heading === 'Set a teacher PIN') {
    await dialog.getByLabel('PIN', { exact: true }).fill(pin);
    await dialog.getByLabel('PIN again', { exact: true }).fill(pin);
    await dialog.getByRole('button', { name: 'Set PIN and unlock' }).click();
  } else {
    await dialog.getByLabel('PIN', { exact: true }).fill(pin);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
  }
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Lock teacher mode' })).toBeVisible();
}

/** A teacher token straight from the API, for specs that prepare data: sets the PIN first if none is set. */
export async function teacherToken(baseUrl: string, pin = TEST_PIN): Promise<string> {
  const { pinSet } = await callApiOk(baseUrl, 'teacher.status', {});
  const session = pinSet
    ? await callApiOk(baseUrl, 'teacher.unlock', { pin })
    : await callApiOk(baseUrl, 'teacher.setPin', { pin });
  return session.teacherToken;
}

/** The teacher's person id (the roster has exactly one teacher profile). */
export async function teacherId(baseUrl: string): Promise<string> {
  const teacher = (await callApiOk(baseUrl, 'people.list', {})).find((person) => person.role === 'teacher');
  if (!teacher) throw new Error('no teacher in the roster');
  return teacher.id;
}
