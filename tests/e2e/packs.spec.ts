// Offline sharing by files between two computers (two hosts, each with its own data dir): the teacher exports a debate
// pack, the student's computer imports it, the student builds a board and exports their work, the teacher imports it.
// Scripts in the shared text are stored as text and never run.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BoardPage } from './pages/board-page';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { teacherId, teacherToken, unlockTeacher } from './support/teacher';

const MOTION = 'Samarkand 2022: a real partnership?';
const NEWCOMER = 'Zara Newcomer';
const HACKED = '__packsHacked';

/** On the teacher's computer: a new article and debate with script in its text, and a student only it knows. */
async function prepareTeacher(url: string): Promise<void> {
  const token = await teacherToken(url);
  const article = await callApiOk(url, 'articles.create', {
    teacherToken: token,
    title: 'Summit in Samarkand',
    bodyMarkdown: `The leaders met in Samarkand to talk about trade corridors. <script>window.${HACKED} = 1</script> Observers noted warm words but few signed agreements.\n\nAnalysts expect the rail link to take a decade.`,
  });
  const body = (await callApiOk(url, 'articles.get', { articleId: article.id })).bodyText;
  const quote = 'Analysts expect the rail link to take a decade.';
  const card = await callApiOk(url, 'excerpts.create', {
    personId: await teacherId(url),
    teacherToken: token,
    articleId: article.id,
    kind: 'card',
    tag: 'The rail link is far off',
    start: body.indexOf(quote),
    end: body.indexOf(quote) + quote.length,
    quote,
  });
  const [starter] = await callApiOk(url, 'debates.list', {});
  const setup = await callApiOk(url, 'debates.get', { debateId: starter!.id });
  const firstArticle = setup.articleIds[0]!;
  await callApiOk(url, 'debates.create', {
    teacherToken: token,
    motion: MOTION,
    sideA: 'Partnership',
    sideB: 'Competition',
    instructionsMarkdown: `Use two cards. <img src="x" onerror="window.${HACKED} = 2"> <script>window.${HACKED} = 3</script>`,
    articleIds: [article.id, firstArticle],
    poolCardIds: [card.id, ...setup.pool.filter((c) => c.articleId === firstArticle).map((c) => c.id)],
  });
  await callApiOk(url, 'people.add', { teacherToken: token, name: NEWCOMER });
}

async function download(page: Page, click: () => Promise<void>, folder: string): Promise<string> {
  const waiting = page.waitForEvent('download');
  await click();
  const file = await waiting;
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

async function chooseFiles(page: Page, click: () => Promise<void>, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(files);
}

test('a debate pack goes to a student’s computer and the student’s work comes back', async ({
  page,
  host,
  browser,
}) => {
  test.setTimeout(120_000);
  const studentDir = mkdtempSync(join(tmpdir(), 'debate-desk-e2e-student-'));
  const files = mkdtempSync(join(tmpdir(), 'debate-desk-e2e-files-'));
  let studentHost: HostProcess | null = null;
  const studentContext = await browser.newContext();
  try {
    studentHost = await startHostProcess(studentDir);
    await prepareTeacher(host.url);

    // ── The teacher exports the pack ──
    await page.goto(host.url);
    await unlockTeacher(page);
    await page.getByRole('button', { name: 'Debates', exact: true }).click();
    const row = page.getByRole('article', { name: MOTION });
    const packPath = await download(page, () => row.getByRole('button', { name: 'Export pack' }).click(), files);
    expect(packPath).toMatch(/\.ddpack$/);
    await expect(page.getByRole('status').filter({ hasText: 'Import debate pack' })).toBeVisible();

    // ── The student's computer imports it (no PIN there): a bad file first, then the pack ──
    const student = await studentContext.newPage();
    const problems: string[] = [];
    student.on('pageerror', (error) => problems.push(error.message));
    await student.goto(studentHost.url);
    const importPack = student.getByRole('button', { name: 'Import debate pack…' });
    const bogus = join(files, 'holiday photos.ddpack');
    writeFileSync(bogus, 'not a zip at all');
    await chooseFiles(student, () => importPack.first().click(), [bogus]);
    await expect(student.getByRole('alert')).toContainText('“holiday photos.ddpack” cannot be imported');
    await expect(student.getByRole('alert')).toContainText('not a zip');
    await chooseFiles(student, () => importPack.first().click(), [packPath]);
    await expect(student.getByRole('status').filter({ hasText: `Added the debate “${MOTION}”` })).toBeVisible();
    await expect(student.getByRole('status').filter({ hasText: '1 student added to the class list' })).toBeVisible();
    // The same pack again changes nothing.
    await chooseFiles(student, () => importPack.first().click(), [packPath]);
    await expect(student.getByRole('status').filter({ hasText: 'nothing changed' })).toBeVisible();

    // ── The student builds a board on the imported debate ──
    await student.getByRole('combobox', { name: 'Debate' }).selectOption({ label: MOTION });
    await expect(student.getByRole('heading', { level: 1 })).toHaveText(MOTION);
    const board = new BoardPage(student);
    await board.chooseStudent(NEWCOMER);
    const [first, second] = await board.tagsIn('Evidence pool');
    if (!first || !second) throw new Error('the imported pool is too small');
    await board.dragCard(first, 'Partnership');
    await board.dragCard(second, 'Competition');
    await board.waitUntilSaved();
    await student.getByRole('button', { name: 'How to build your case' }).click();
    await expect(student.locator('#debate-instructions')).toContainText('Use two cards.');
    const workPath = await download(
      student,
      () => student.getByRole('button', { name: 'Export my work' }).click(),
      files,
    );
    expect(workPath).toMatch(/\.ddwork$/);
    expect(
      await student.evaluate((name) => (window as unknown as Record<string, unknown>)[name], HACKED),
    ).toBeUndefined();
    expect(problems).toEqual([]);

    // ── The teacher imports the work file, with two files that are refused ──
    const notWork = join(files, 'essay.ddwork');
    writeFileSync(notWork, 'just some text');
    const cut = join(files, 'cut short.ddwork');
    const workBytes = readFileSync(workPath);
    writeFileSync(cut, workBytes.subarray(0, Math.floor(workBytes.length / 2)));
    await page.getByRole('button', { name: 'Import work files…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import work files' });
    await expect(dialog).toBeVisible();
    await chooseFiles(page, () => dialog.getByRole('button', { name: 'Choose files…' }).click(), [
      workPath,
      notWork,
      cut,
    ]);
    await expect(dialog.getByRole('status')).toContainText('Done: 3 of 3 files. 1 imported, 2 refused.');
    await expect(dialog.getByRole('progressbar', { name: 'Work files imported' })).toHaveAttribute('value', '3');
    const results = dialog.getByRole('list', { name: 'Import results' }).getByRole('listitem');
    await expect(results).toHaveCount(3);
    await expect(results.nth(0)).toContainText(
      `Imported ${NEWCOMER}’s work on “${MOTION}”: 2 cards placed (1 on Partnership, 1 on Competition)`,
    );
    await expect(results.nth(1)).toContainText('“essay.ddwork” cannot be imported: it is not a Debate Desk file');
    await expect(results.nth(2)).toContainText('“cut short.ddwork” cannot be imported: the file is incomplete');
    await dialog.screenshot({ path: 'docs/work-import.png' });
    const { violations } = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(
      violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
    // The same file again: already imported, nothing changes.
    await chooseFiles(page, () => dialog.getByRole('button', { name: 'Choose files…' }).click(), [workPath]);
    await expect(results.nth(0)).toContainText('Already imported');
    // A folder: its work files are imported, other files skipped and counted.
    const folder = join(files, 'class 9b');
    mkdirSync(folder);
    copyFileSync(workPath, join(folder, basename(workPath)));
    writeFileSync(join(folder, 'notes.txt'), 'not a work file');
    await chooseFiles(page, () => dialog.getByRole('button', { name: 'Choose a folder…' }).click(), [folder]);
    await expect(dialog.getByRole('status')).toContainText('Done: 1 of 1 files. 1 already imported.');
    await expect(dialog.getByRole('status')).toContainText('1 other file in the folder skipped (not work files).');
    await expect(results).toHaveCount(1);
    await expect(results.nth(0)).toContainText(`class 9b/${basename(workPath)}`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();

    // ── The imported work counts in the teacher's class results ──
    await page.getByRole('article', { name: MOTION }).getByRole('button', { name: 'Class results' }).click();
    const chart = page.getByRole('region', { name: 'How the class placed each card' });
    const chartRow = (tag: string) =>
      chart.getByRole('row').filter({ has: page.getByRole('rowheader', { name: tag }) });
    await expect(chartRow(first)).toContainText('Partnership: 1');
    await expect(chartRow(second)).toContainText('Competition: 1');
    await expect(page.getByText(/^1\s+student counted of/)).toBeVisible();

    // ── The imported placements on the teacher's board ──
    const teacherBoardPage = await (await browser.newContext()).newPage();
    await teacherBoardPage.goto(host.url);
    await teacherBoardPage.getByRole('combobox', { name: 'Debate' }).selectOption({ label: MOTION });
    const teacherBoard = new BoardPage(teacherBoardPage);
    await teacherBoard.chooseStudent(NEWCOMER);
    expect(await teacherBoard.tagsIn('Partnership')).toEqual([first]);
    expect(await teacherBoard.tagsIn('Competition')).toEqual([second]);
    await teacherBoardPage.context().close();
  } finally {
    await studentContext.close();
    await studentHost?.stop();
    rmSync(studentDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  }
});
