// The argument sheet as PDF through the browser host's printer (the machine's Chromium): the text pdftotext reads
// back has every quote, reasoning and bibliography entry; without a printer, PDF export says plainly it cannot.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type DebateDeskApp } from '../../src-main/core/app';
import { formatBibliography } from '../../src-main/core/sheet/citations';
import type { EvidenceCard } from '../../src-main/shared/domain';
import type { SheetFile } from '../../src-main/shared/sheet';
import { createHostPdfPrinter, findChromium } from '../../src-main/host/pdf-printer';
import { callOk, cleanUp, makeTempDir, openApp, projectRoot, starterIds } from './helpers';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const chromium = findChromium();

describe.skipIf(!chromium)('PDF export with the host printer', () => {
  let app: DebateDeskApp;
  let workDir: string;

  // Chromium's first launch can take seconds on a loaded machine.
  beforeAll(() => {
    workDir = makeTempDir();
    const pdfPrinter = createHostPdfPrinter();
    if (!pdfPrinter) throw new Error('no printer although a Chromium was found');
    app = createApp({ dataDir: workDir, resourcesDir: projectRoot, pdfPrinter });
  });
  afterAll(async () => {
    await app.close(); // closes Chromium too
    cleanUp();
  });

  it('prints every quote, reasoning and bibliography entry', { timeout: 120_000 }, async () => {
    const ids = await starterIds(app);
    const ref = { debateId: ids.debate.id, studentId: ids.students[0]!.id };
    const cards: EvidenceCard[] = ids.board.cards.slice(0, 8);
    for (const [index, card] of cards.entries()) {
      await callOk(app, 'cards.place', { ...ref, cardId: card.id, side: index % 2 ? 'B' : 'A', index: 99 });
      await callOk(app, 'placements.update', {
        ...ref,
        cardId: card.id,
        reasoningMarkdown: `Reasoning ${index}: this shows **shared interest number ${index}** in the region.`,
      });
    }
    const file = await callOk<SheetFile>(app, 'sheets.export', {
      ...ref,
      format: 'pdf',
      options: { style: 'apa', layout: 'standard', includeUnused: false },
    });
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toMatch(/\.pdf$/);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfPath = join(workDir, 'sheet.pdf');
    writeFileSync(pdfPath, bytes);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));

    for (const [index, card] of cards.entries()) {
      expect(text).toContain(squash(card.quote));
      expect(text).toContain(`Reasoning ${index}: this shows shared interest number ${index} in the region.`);
    }
    const byArticle = new Map(cards.map((card) => [card.articleId, card.cite]));
    const entries = formatBibliography(
      [...byArticle].map(([articleId, cite]) => ({ articleId, cite })),
      'apa',
      projectRoot,
    );
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(text).toContain(squash(entry.text));
  });
});

describe('PDF export without a printer', () => {
  afterEach(cleanUp);

  it('answers UNAVAILABLE with a plain message', async () => {
    const app = openApp();
    const ids = await starterIds(app);
    const result = await app.dispatch('sheets.export', {
      debateId: ids.debate.id,
      studentId: ids.students[0]!.id,
      format: 'pdf',
      options: { style: 'mla', layout: 'standard', includeUnused: false },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/PDF/) } });
  });

  it('is what the host gets when no Chromium is where it looks', () => {
    expect(createHostPdfPrinter({ DEBATE_DESK_CHROMIUM: join(makeTempDir(), 'no-such-chromium') })).toBeNull();
  });
});
