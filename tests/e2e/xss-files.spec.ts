// The XSS corpus in every file the app writes and reads: the argument sheet as HTML (opened with JavaScript on),
// Markdown (rendered by a naive Markdown renderer), Word (through mammoth) and PDF; and a debate pack and a work
// file carrying it, imported on a second computer through the UI. Nothing runs, nothing leaves the machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { Marked } from 'marked';
import type { Browser, Page } from '@playwright/test';
import type { SheetFormat } from '../../src-main/shared/sheet';
import { callApi, callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { unlockTeacher } from './support/teacher';
import { XssGuard, scanForDanger } from './support/xss-guard';
import { seedHostileWorld, type HostileWorld } from './support/xss-seed';

const SHEET_OPTIONS = { style: 'mla', layout: 'standard', includeUnused: true } as const;

/** A page of its own with every detector on and the CSP bypassed (so only the file's own safety is tested). */
async function guardedPage(browser: Browser): Promise<{ page: Page; guard: XssGuard; close: () => Promise<void> }> {
  const context = await browser.newContext({ bypassCSP: true });
  const guard = await XssGuard.install(context);
  const page = await context.newPage();
  return { page, guard, close: () => context.close() };
}

async function findingsOf(page: Page, guard: XssGuard, where: string): Promise<string[]> {
  await page.waitForTimeout(200);
  const scan = await scanForDanger(page);
  const { hits, dialogs, remoteRequests, pageErrors } = guard.take();
  return [
    ...hits.map((id) => `${where}: payload ${id} ran`),
    ...dialogs.map((message) => `${where}: dialog ${message}`),
    ...remoteRequests.map((url) => `${where}: request to ${url}`),
    ...pageErrors.map((message) => `${where}: page error ${message}`),
    ...scan.map((line) => `${where}: ${line}`),
  ];
}

async function exportSheet(url: string, world: HostileWorld, format: SheetFormat): Promise<Buffer> {
  const file = await callApiOk(url, 'sheets.export', {
    debateId: world.debateId,
    studentId: world.student.id,
    format,
    options: SHEET_OPTIONS,
  });
  return Buffer.from(file.dataBase64, 'base64');
}

test.describe('XSS corpus in files', () => {
  let folder: string;
  test.beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'debate-desk-xss-'));
  });
  test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

  test('argument sheet exports (HTML, Markdown, Word, PDF) keep the corpus inert', async ({ host, browser }) => {
    test.setTimeout(120_000);
    const world = await seedHostileWorld(host.url);
    const problems: string[] = [];
    const { page, guard, close } = await guardedPage(browser);
    try {
      // HTML: opened from disk like a teacher would, JavaScript on.
      const htmlPath = join(folder, 'sheet.html');
      writeFileSync(htmlPath, await exportSheet(host.url, world, 'html'));
      await page.goto(pathToFileURL(htmlPath).href);
      await expect(page.locator('body')).toContainText('<script>__xss_hit(1)</script>');
      problems.push(...(await findingsOf(page, guard, 'HTML sheet')));

      // Markdown: as a viewer that passes raw HTML through would show it.
      const markdown = (await exportSheet(host.url, world, 'markdown')).toString('utf8');
      const naive = new Marked({ gfm: true, async: false }).parse(markdown) as string;
      await page.goto('about:blank');
      await page.setContent(`<!doctype html><html><head></head><body>${naive}</body></html>`);
      await expect(page.locator('body')).toContainText('__xss_hit(1)');
      problems.push(...(await findingsOf(page, guard, 'Markdown sheet')));
    } finally {
      await close();
    }

    // Word: as HTML through mammoth, and the document's link targets.
    const docx = await exportSheet(host.url, world, 'docx');
    const { value: docxHtml } = await mammoth.convertToHtml({ buffer: docx });
    expect(docxHtml).toContain('__xss_hit(1)');
    // Payloads are expected as escaped text; only tags (elements mammoth made) must be free of them.
    for (const tag of docxHtml.match(/<[a-z][^>]*>/gi) ?? []) {
      // (A link to a web page, <a href="https://…">, is a link like any other: it opens in the browser.)
      const webLink = /^<a href="https?:[^"]*">$/i.test(tag);
      if (!webLink && /^<(script|iframe|object|embed|svg|img)\b|\son\w+=|javascript:|evil\.example/i.test(tag)) {
        problems.push(`Word sheet (mammoth HTML): ${tag}`);
      }
    }
    const rels = (await JSZip.loadAsync(docx)).file('word/_rels/document.xml.rels');
    const targets = [...((await rels?.async('string')) ?? '').matchAll(/Target="([^"]*)"/g)].map((m) => m[1]!);
    problems.push(
      ...targets.filter((target) => /^\s*(javascript|vbscript|data):/i.test(target)).map((t) => `Word link: ${t}`),
    );

    // PDF: only where this host has a printer (the browser host prints with the machine's Chromium).
    const pdf = await callApi(host.url, 'sheets.export', {
      debateId: world.debateId,
      studentId: world.student.id,
      format: 'pdf',
      options: SHEET_OPTIONS,
    });
    if (pdf.ok) {
      const bytes = Buffer.from(pdf.value.dataBase64, 'base64');
      const raw = bytes.toString('latin1');
      for (const danger of [/\/JavaScript/, /\/JS\s*[(<]/, /\/Launch/, /\/URI\s*\(\s*javascript:/i]) {
        if (danger.test(raw)) problems.push(`PDF sheet: ${danger}`);
      }
      const pdfPath = join(folder, 'sheet.pdf');
      writeFileSync(pdfPath, bytes);
      const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
      expect(text, 'the PDF shows the payloads as text').toContain('<script>__xss_hit(1)</script>');
    } else {
      test.info().annotations.push({ type: 'skipped', description: `PDF: ${pdf.error.message}` });
    }

    expect(problems, 'XSS findings in the exports').toEqual([]);
  });

  test('a debate pack and a work file carrying the corpus import inert on another computer', async ({
    host,
    browser,
  }) => {
    test.setTimeout(120_000);
    const world = await seedHostileWorld(host.url);
    const pack = await callApiOk(host.url, 'packs.exportDebate', {
      teacherToken: world.token,
      debateId: world.debateId,
    });
    const work = await callApiOk(host.url, 'work.export', { debateId: world.debateId, studentId: world.student.id });
    const packPath = join(folder, 'hostile.ddpack');
    const workPath = join(folder, 'hostile.ddwork');
    writeFileSync(packPath, Buffer.from(pack.dataBase64, 'base64'));
    writeFileSync(workPath, Buffer.from(work.dataBase64, 'base64'));

    const otherDir = mkdtempSync(join(tmpdir(), 'debate-desk-xss-other-'));
    let other: HostProcess | null = null;
    const { page, guard, close } = await guardedPage(browser);
    const problems: string[] = [];
    try {
      other = await startHostProcess(otherDir);
      await page.goto(other.url);
      // The debate pack, through the board's "Import debate pack…".
      const packChooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import debate pack…' }).first().click();
      await (await packChooser).setFiles(packPath);
      await expect(page.getByRole('status').filter({ hasText: 'Added the debate' })).toContainText(world.motion);
      problems.push(...(await findingsOf(page, guard, 'pack import message')));

      // The teacher imports the work file: the dialog's results name the student and the motion.
      await unlockTeacher(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debates' }).click();
      await page.getByRole('button', { name: 'Import work files…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import work files' });
      const workChooser = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Choose files…' }).click();
      await (await workChooser).setFiles(workPath);
      const results = dialog.getByRole('list', { name: 'Import results' }).getByRole('listitem');
      await expect(results.first()).toContainText(world.student.name);
      problems.push(...(await findingsOf(page, guard, 'work import results')));
      await dialog.getByRole('button', { name: 'Close' }).click();

      // The imported board, as the student sees it on this computer.
      await page.getByRole('combobox', { name: 'Working as' }).selectOption(world.student.id);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Debate board' }).click();
      await page.getByRole('combobox', { name: 'Debate' }).selectOption(world.debateId);
      await expect(page.getByRole('region', { name: world.sideA, exact: true })).toBeVisible();
      problems.push(...(await findingsOf(page, guard, 'imported board')));
    } finally {
      await close();
      await other?.stop();
      rmSync(otherDir, { recursive: true, force: true });
    }
    expect(problems, 'XSS findings after importing the files').toEqual([]);
  });
});
