// The argument sheet through the UI: the live preview, each export format downloaded from the sheet view (Markdown,
// self-contained HTML that needs no script, PDF read back with pdftotext, Word read back with mammoth), Print…'s
// stylesheet, the teacher's batch export of 30 students into a .zip and into a folder that is never overwritten
// without asking, the keyboard path, and axe on the sheet view and the batch dialog in both themes.
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mammoth from 'mammoth';
import type { Person } from '../../src-main/shared/domain';
import { sheetFileName } from '../../src-main/shared/sheet';
import { BoardPage } from './pages/board-page';
import { BatchExportDialog, SheetPage } from './pages/sheet-page';
import { callApiOk, starterBoard } from './support/board-api';
import { expect, test } from './support/fixtures';
import { startHostProcess } from './support/host-process';
import { teacherToken, unlockTeacher } from './support/teacher';

const STUDENT = 'Amara Okafor';
const RTL_REASONING = 'قال المحلل إن التحالف غير رسمي 🤝 and the crisis proved it.';
const HOSTILE_REASONING = 'Images in reasoning never run <img src=x onerror=alert(1)> and stay inert.';
const REASONINGS = [
  'Reasoning one: an expert calls it an informal alliance, so they coordinate without a treaty.',
  RTL_REASONING,
  HOSTILE_REASONING,
];

interface FilledBoard {
  debateId: string;
  motion: string;
  student: Person;
  tags: string[];
  quotes: string[];
}

/** Three cards on the board (two for Alliance, one for Rivalry), each argued; a thesis. */
async function fillBoard(url: string): Promise<FilledBoard> {
  const { debateId, student, board } = await starterBoard(url, STUDENT);
  const ref = { debateId, studentId: student.id };
  const cards = [board.cards[0], board.cards[1], board.cards[4]];
  const sides = ['A', 'B', 'A'] as const;
  for (const [index, card] of cards.entries()) {
    if (!card) throw new Error('the pool has too few cards');
    await callApiOk(url, 'cards.place', { ...ref, cardId: card.id, side: sides[index] ?? 'A', index: 99 });
    await callApiOk(url, 'placements.update', {
      ...ref,
      cardId: card.id,
      reasoningMarkdown: REASONINGS[index] ?? '',
      strength: 2,
      relevance: 3,
    });
  }
  await callApiOk(url, 'positions.update', {
    ...ref,
    thesisMarkdown: 'Alliance, for now: the crisis showed how closely Moscow and Beijing coordinate.',
    conclusionMarkdown: '',
  });
  return {
    debateId,
    motion: board.debate.motion,
    student,
    tags: cards.map((card) => card?.tag ?? ''),
    quotes: cards.map((card) => card?.quote ?? ''),
  };
}

async function openSheet(page: Page, url: string): Promise<SheetPage> {
  const board = new BoardPage(page);
  await board.open(url);
  await board.chooseStudent(STUDENT);
  const sheet = new SheetPage(page);
  await sheet.openFromBoard();
  await expect(sheet.heading()).toHaveText(STUDENT);
  return sheet;
}

/** Whitespace and typographic variants folded, so text compares across formats (line breaks, ligatures, escapes). */
function folded(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function savedText(download: Download): Promise<string> {
  return readFileSync(await savedPath(download), 'utf8');
}

async function savedPath(download: Download): Promise<string> {
  const path = await download.path();
  if (!path) throw new Error('the download was not saved');
  return path;
}

/** The bibliography entries as the preview shows them (plain text). */
async function bibliographyOf(sheet: SheetPage): Promise<string[]> {
  const entries = sheet.sheet().locator('.sheet-bibliography li');
  await expect(entries.first()).toBeVisible();
  return (await entries.allTextContents()).map(folded).filter((entry) => entry.length > 0);
}

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} [${violation.impact}] ${node.target.join(' ')}: ${violation.help}`,
      ),
    );
}

test('the preview follows the options', async ({ page, host }) => {
  const filled = await fillBoard(host.url);
  const sheet = await openSheet(page, host.url);
  await expect(sheet.style('MLA 9')).toBeChecked();
  await expect(sheet.layout('Standard')).toBeChecked();
  for (const tag of filled.tags) await expect(sheet.sheet()).toContainText(tag);
  // The student's hostile reasoning is shown as text and nothing in the preview has a handler or a source.
  await expect(sheet.sheet()).toContainText('Images in reasoning never run');
  expect(await sheet.sheet().locator('[onerror], script, img[src]').count()).toBe(0);

  const mla = await sheet.sheet().innerText();
  await sheet.style('APA 7').check();
  await expect.poll(async () => sheet.sheet().innerText()).not.toBe(mla);
  await sheet.waitForPreview();
  const apa = await sheet.sheet().innerText();
  await sheet.layout('Debate cards').check();
  await expect.poll(async () => sheet.sheet().innerText()).not.toBe(apa);

  // Unused evidence appears only when asked for: an unplaced card's tag.
  const unplaced = (await callApiOk(host.url, 'board.get', { debateId: filled.debateId, studentId: filled.student.id }))
    .cards[2]?.tag;
  if (!unplaced) throw new Error('no unplaced card');
  await sheet.waitForPreview();
  await expect(sheet.sheet()).not.toContainText(unplaced);
  await sheet.includeUnused().check();
  await expect(sheet.sheet()).toContainText(unplaced);

  // Back to the board, which is as it was.
  await sheet.backButton().click();
  await expect(page.getByText(`Board of ${STUDENT}`)).toBeVisible();
});

test('Markdown and HTML exports: every card, and HTML that needs no script', async ({ page, host, browser }) => {
  test.slow();
  const filled = await fillBoard(host.url);
  const sheet = await openSheet(page, host.url);

  const markdownFile = await sheet.export('Markdown (.md)');
  expect(markdownFile.suggestedFilename()).toBe(sheetFileName(filled.motion, STUDENT, 'markdown'));
  const markdown = folded(await savedText(markdownFile));
  for (const tag of filled.tags) expect(markdown).toContain(folded(tag));
  for (const quote of filled.quotes) expect(markdown).toContain(folded(quote));
  for (const reasoning of REASONINGS.slice(0, 2)) expect(markdown).toContain(folded(reasoning));
  expect(markdown).toContain('Images in reasoning never run');

  const htmlFile = await sheet.export('HTML (.html)');
  expect(htmlFile.suggestedFilename()).toBe(sheetFileName(filled.motion, STUDENT, 'html'));
  const html = await savedText(htmlFile);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).toMatch(/@media print/);

  // The saved file alone, in Chromium, with JavaScript on and off: the same page, pixel for pixel.
  const url = pathToFileURL(await savedPath(htmlFile)).href;
  const shots: Buffer[] = [];
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 900, height: 1000 } });
    const file = await context.newPage();
    await file.goto(url);
    for (const tag of filled.tags) await expect(file.locator('body')).toContainText(tag);
    await expect(file.locator('body')).toContainText(RTL_REASONING);
    shots.push(await file.screenshot({ fullPage: true }));
    await context.close();
  }
  expect(shots[0]?.equals(shots[1] ?? Buffer.alloc(0)), 'the HTML renders the same without JavaScript').toBe(true);
});

test('PDF export: pdftotext finds every quote, reasoning and bibliography entry', async ({ page, host }) => {
  test.slow();
  const filled = await fillBoard(host.url);
  const sheet = await openSheet(page, host.url);
  const bibliography = await bibliographyOf(sheet);
  expect(bibliography.length).toBeGreaterThan(0);

  const pdfFile = await sheet.export('PDF (.pdf)');
  expect(pdfFile.suggestedFilename()).toBe(sheetFileName(filled.motion, STUDENT, 'pdf'));
  const path = await savedPath(pdfFile);
  expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  const text = folded(execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
  for (const quote of filled.quotes) expect(text).toContain(folded(quote));
  // Left-to-right reasoning word for word; the right-to-left one run by run (pdftotext gives the runs in visual
  // order: the Arabic words, then the Latin ones with the full stop at the paragraph's left edge).
  expect(text).toContain(folded(REASONINGS[0] ?? ''));
  expect(text).toContain('قال المحلل إن التحالف غير رسمي');
  expect(text).toContain('and the crisis proved it');
  expect(text).toContain('Images in reasoning never run');
  for (const entry of bibliography) expect(text).toContain(entry);
});

test('Word export in the debate layout: tags as Heading 4, cites in the cite style', async ({ page, host }) => {
  test.slow();
  const filled = await fillBoard(host.url);
  const sheet = await openSheet(page, host.url);
  await sheet.layout('Debate cards').check();
  await sheet.waitForPreview();
  const wordFile = await sheet.export('Word (.docx)');
  expect(wordFile.suggestedFilename()).toBe(sheetFileName(filled.motion, STUDENT, 'docx'));

  // Verbatim's names: "heading 4" (Tag) is mammoth's h4 already; the cite and the read-aloud body are run styles.
  const { value: html } = await mammoth.convertToHtml(
    { path: await savedPath(wordFile) },
    { styleMap: ["r[style-name='Style 13 pt Bold'] => span.cite", "r[style-name='Style Underline'] => u.body"] },
  );
  const textOf = (fragment: string) => folded(decodeEntities(fragment.replace(/<[^>]+>/g, ' ')));
  const text = textOf(html);
  const headings4 = [...html.matchAll(/<h4[^>]*>(.*?)<\/h4>/g)].map((match) => textOf(match[1] ?? ''));
  expect(headings4).toEqual(expect.arrayContaining(filled.tags.map(folded)));
  const cites = [...html.matchAll(/<span class="cite">(.*?)<\/span>/g)].map((match) => textOf(match[1] ?? ''));
  expect(cites.length).toBeGreaterThanOrEqual(filled.tags.length);
  const bodies = [...html.matchAll(/<u class="body">(.*?)<\/u>/g)].map((match) => textOf(match[1] ?? ''));
  for (const quote of filled.quotes) expect(bodies.join(' ')).toContain(folded(quote));
  for (const quote of filled.quotes) expect(text).toContain(folded(quote));
  expect(text).toContain(folded(REASONINGS[0] ?? ''));
  expect(text).toContain('Images in reasoning never run');
});

test('without a Chromium to print with, PDF says so and offers Print…', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-e2e-'));
  const host = await startHostProcess(dataDir, { DEBATE_DESK_CHROMIUM: join(dataDir, 'no-chromium-here') });
  try {
    await fillBoard(host.url);
    const sheet = await openSheet(page, host.url);
    await sheet.exportButton('PDF (.pdf)').click();
    await expect(page.getByRole('alert')).toContainText('cannot make a PDF file here');
    await expect(sheet.printButton()).toBeFocused();
    await expect(sheet.exportButton('PDF (.pdf)')).toBeEnabled();
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('Print… shows the sheet alone', async ({ page, host }) => {
  await fillBoard(host.url);
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  const sheet = await openSheet(page, host.url);
  await sheet.printButton().click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.sheet()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(sheet.printButton()).toBeHidden();
  await expect(sheet.exportButton('PDF (.pdf)')).toBeHidden();

  // Another student takes the computer: Amara's sheet is not theirs to see, so their own board opens.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Lukas Novak' });
  await expect(page.getByText('Board of Lukas Novak')).toBeVisible();
  await expect(sheet.preview()).toHaveCount(0);
});

test('the teacher opens any student’s sheet from the batch dialog', async ({ page, host }) => {
  const filled = await fillBoard(host.url);
  await page.goto(host.url);
  await unlockTeacher(page);
  const batch = new BatchExportDialog(page);
  await batch.open(/Russia and China/);
  expect(await batch.rows()).toContainEqual([STUDENT, '3']);
  await batch
    .dialog()
    .getByRole('button', { name: `View the sheet of ${STUDENT}` })
    .click();
  const sheet = new SheetPage(page);
  await sheet.waitForPreview();
  await expect(sheet.heading()).toHaveText(STUDENT);
  for (const tag of filled.tags) await expect(sheet.sheet()).toContainText(tag);
  await expect(page.getByRole('button', { name: 'Debates', exact: true })).toHaveAttribute('aria-current', 'page');
  await sheet.backButton().click();
  await expect(page.getByRole('heading', { name: 'Debates', level: 1 })).toBeVisible();
});

/** 30 students through the API, each with one card placed. */
async function thirtyStudents(url: string): Promise<{ debateId: string; motion: string; names: string[] }> {
  const token = await teacherToken(url);
  const { debateId, board } = await starterBoard(url, STUDENT);
  const card = board.cards[0];
  if (!card) throw new Error('no card');
  const names = Array.from({ length: 30 }, (_, index) => `Batch Student ${String(index + 1).padStart(2, '0')}`);
  for (const name of names) {
    const student = await callApiOk(url, 'people.add', { teacherToken: token, name });
    await callApiOk(url, 'cards.place', { debateId, studentId: student.id, cardId: card.id, side: 'A', index: 0 });
  }
  return { debateId, motion: board.debate.motion, names };
}

test('batch export of 30 students: a .zip with 30 files', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { motion, names } = await thirtyStudents(host.url);
  await page.goto(host.url);
  await unlockTeacher(page);
  const batch = new BatchExportDialog(page);
  await batch.open(motion);
  // The starter roster's students have not started: listed, but left out unless asked for.
  const rows = await batch.rows();
  expect(rows).toContainEqual(['Batch Student 07', '1']);
  expect(rows).toContainEqual([STUDENT, 'Not started']);
  await expect(batch.exportButton()).toHaveText('Export 30 sheets');
  await batch.includeNotStarted().check();
  await expect(batch.exportButton()).toHaveText(`Export ${rows.length} sheets`);
  await batch.includeNotStarted().uncheck();

  await batch.format('Word (.docx)').check();
  const download = await batch.exportZip();
  expect(download.suggestedFilename()).toBe(
    `${sheetFileName(motion, 'x', 'markdown').replace(/ - x\.md$/, '')} - sheets.zip`,
  );
  const files = unzipSync(readFileSync(await savedPath(download)));
  const fileNames = Object.keys(files).sort();
  expect(fileNames).toEqual(names.map((name) => sheetFileName(motion, name, 'docx')).sort());
  for (const bytes of Object.values(files)) expect(strFromU8(bytes.subarray(0, 2))).toBe('PK');
  await expect(batch.result()).toHaveText(/^30 sheets saved in/);

  // Cancel stops between two files: the file on its way is finished, the .zip holds what was done.
  let asked = 0;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/sheets.export', async (route) => {
    if (++asked === 3) await held;
    await route.continue();
  });
  await batch.dialog().getByRole('button', { name: 'Export again' }).click();
  await batch.format('Markdown (.md)').check();
  const partial = page.waitForEvent('download');
  await batch.exportButton().click();
  await expect(batch.progress()).toHaveAttribute('value', '2');
  await batch.dialog().getByRole('button', { name: 'Cancel' }).click();
  release();
  await expect(batch.result()).toHaveText(
    '3 sheets saved in “' + (await partial).suggestedFilename() + '”. Stopped after 3 sheets of 30.',
  );
  expect(Object.keys(unzipSync(readFileSync(await savedPath(await partial))))).toHaveLength(3);
});

test('batch export into a folder asks before replacing a file already there', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { motion, names } = await thirtyStudents(host.url);
  // The folder picker gives the Origin Private File System: a real FileSystemDirectoryHandle the test can read.
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = () =>
      navigator.storage.getDirectory();
  });
  await page.goto(host.url);
  const existing = sheetFileName(motion, names[4] ?? '', 'markdown');
  await page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    const writable = await (await root.getFileHandle(name, { create: true })).createWritable();
    await writable.write('the teacher’s own notes');
    await writable.close();
  }, existing);
  const folderFiles = () =>
    page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const found: Record<string, string> = {};
      for await (const [name, handle] of root as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind === 'file') found[name] = await (await (handle as FileSystemFileHandle).getFile()).text();
      }
      return found;
    });

  await unlockTeacher(page);
  const batch = new BatchExportDialog(page);
  await batch.open(motion);
  await batch.format('Markdown (.md)').check();
  await batch.destination('A folder…').check();

  // Cancel: nothing is written.
  await batch.exportButton().click();
  await expect(batch.overwriteQuestion()).toContainText(existing);
  await batch.overwriteQuestion().getByRole('button', { name: 'Cancel' }).click();
  await expect(batch.exportButton()).toBeVisible();
  expect(Object.keys(await folderFiles())).toEqual([existing]);

  // Skip existing: 29 new files, the teacher's file as it was.
  await batch.exportButton().click();
  await batch.overwriteQuestion().getByRole('button', { name: 'Skip existing' }).click();
  await expect(batch.result()).toHaveText(/^29 sheets saved in the folder/, { timeout: 90_000 });
  await expect(batch.result()).toContainText('1 existing file left as it was');
  let files = await folderFiles();
  expect(Object.keys(files).sort()).toEqual(names.map((name) => sheetFileName(motion, name, 'markdown')).sort());
  expect(files[existing]).toBe('the teacher’s own notes');

  // Replace: every file is asked about (all 30 are there now), then written.
  await batch.dialog().getByRole('button', { name: 'Export again' }).click();
  await batch.exportButton().click();
  await expect(batch.overwriteQuestion().getByRole('heading')).toHaveText('30 files are already there');
  await batch.overwriteQuestion().getByRole('button', { name: 'Replace' }).click();
  await expect(batch.result()).toHaveText(/^30 sheets saved in the folder/, { timeout: 90_000 });
  files = await folderFiles();
  expect(files[existing]).toContain('# ');
  expect(Object.keys(files)).toHaveLength(30);
});

test('keyboard only: from the board to a Word file, and a batch export', async ({ page, host }) => {
  test.slow();
  const filled = await fillBoard(host.url);
  const board = new BoardPage(page);
  await board.open(host.url);
  await board.chooseStudent(STUDENT);
  const sheet = new SheetPage(page);
  const sheetButton = page.getByRole('button', { name: 'Argument sheet', exact: true });
  await tabTo(page, () => isFocused(sheetButton), 'Argument sheet');
  await page.keyboard.press('Enter');
  await sheet.waitForPreview();

  await tabTo(page, () => isFocused(sheet.style('MLA 9')), 'the citation style');
  await page.keyboard.press('ArrowDown');
  await expect(sheet.style('APA 7')).toBeChecked();
  await tabTo(page, () => isFocused(sheet.layout('Standard')), 'the layout');
  await page.keyboard.press('ArrowDown');
  await expect(sheet.layout('Debate cards')).toBeChecked();
  await sheet.waitForPreview();
  await tabTo(page, () => isFocused(sheet.exportButton('Word (.docx)')), 'Word');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toBe(sheetFileName(filled.motion, STUDENT, 'docx'));
  await expect(sheet.status()).toContainText('Exported');
  await tabTo(page, () => isFocused(sheet.backButton()), 'Back', 60);
  await page.keyboard.press('Enter');
  await expect(page.getByText(`Board of ${STUDENT}`)).toBeVisible();

  // The teacher: Debates → Export sheets… → Export, all from the keyboard.
  await unlockTeacher(page);
  await page.getByRole('button', { name: 'Debates', exact: true }).focus();
  await page.keyboard.press('Enter');
  const exportSheets = page.getByRole('button', { name: 'Export sheets…' }).first();
  await tabTo(page, () => isFocused(exportSheets), 'Export sheets…');
  await page.keyboard.press('Enter');
  const batch = new BatchExportDialog(page);
  await expect(batch.studentTable()).toBeVisible();
  await tabTo(page, () => isFocused(batch.format('PDF (.pdf)')), 'the format');
  await page.keyboard.press('ArrowLeft');
  await expect(batch.format('HTML (.html)')).toBeChecked();
  await tabTo(page, () => isFocused(batch.exportButton()), 'Export', 60);
  const zipping = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const zip = unzipSync(readFileSync(await savedPath(await zipping)));
  expect(Object.keys(zip)).toEqual([sheetFileName(filled.motion, STUDENT, 'html')]);
  await expect(batch.dialog().getByRole('heading', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(batch.dialog()).toBeHidden();
  await expect(exportSheets).toBeFocused();
});

async function isFocused(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}

async function tabTo(page: Page, isTarget: () => Promise<boolean>, what: string, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await isTarget()) return;
    await page.keyboard.press('Tab');
  }
  if (!(await isTarget())) throw new Error(`${what} was not reached with ${limit} presses of Tab`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the sheet view and the batch dialog (${scheme})`, async ({ page, host }) => {
    test.slow();
    await fillBoard(host.url);
    await page.emulateMedia({ colorScheme: scheme });
    const sheet = await openSheet(page, host.url);
    expect.soft(await seriousViolations(page), 'the sheet view').toEqual([]);
    await sheet.layout('Debate cards').check();
    await sheet.waitForPreview();
    expect.soft(await seriousViolations(page), 'the sheet view, debate layout').toEqual([]);

    await unlockTeacher(page);
    const batch = new BatchExportDialog(page);
    await batch.open(/Russia and China/);
    expect.soft(await seriousViolations(page), 'the batch dialog').toEqual([]);
  });
}
