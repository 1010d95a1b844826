// Sheet export benchmark: a board with 100 placed cards, printed to PDF by the host's printer against Chromium's own
// page.pdf() of the same HTML in the same run (budget ≤ 1.5×), and exported to .docx (budget ≤ 1 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createApp, type DebateDeskApp } from '../../src-main/core/app';
import { createHostPdfPrinter, findChromium } from '../../src-main/host/pdf-printer';
import type { Article, Board } from '../../src-main/shared/domain';
import type { SheetFormat } from '../../src-main/shared/sheet';
import { projectRoot } from './core-open.bench';
import { check, summarize, type Measurement } from './stats';
import { call } from './app-call';

const CARDS = 100;
const PDF_N = 9;
const DOCX_N = 15;
const PDF_OPTIONS = { preferCSSPageSize: true, printBackground: true };

const REASONS = [
  'This shows **shared security interests**: both governments feared a colour revolution on their border.',
  'Beijing _deferred_ to Moscow here, which fits a division of labour rather than an alliance:\n\n- Russia provides security\n- China provides money',
  'The quote is from an [official source](https://example.org/statement), so it tells us what the state wants us to believe.',
  'A **rivalry** reading: Kazakhstan matters to China for the Belt and Road, and Russian troops there are a reminder of who is in charge.',
];

/** 100 student cards cut from the starter articles' sentences, each placed with reasoning and ratings. */
async function buildBoard(app: DebateDeskApp): Promise<{ debateId: string; studentId: string }> {
  const debate = (await call(app, 'debates.list', {}))[0];
  const student = (await call(app, 'people.list', {})).find((person) => person.role === 'student');
  check(debate && student, 'the starter debate and a student');
  const ref = { debateId: debate.id, studentId: student.id };
  const articles: Article[] = [];
  for (const summary of await call(app, 'articles.list', {})) {
    articles.push(await call(app, 'articles.get', { articleId: summary.id }));
  }
  const ranges = articles.flatMap((article) =>
    [...article.bodyText.matchAll(/[^.!?\n]{60,400}[.!?]/g)].map((match) => ({
      article,
      start: match.index,
      quote: match[0],
    })),
  );
  check(ranges.length >= CARDS, `${CARDS} sentences to cut cards from, found ${ranges.length}`);
  for (let index = 0; index < CARDS; index += 1) {
    const range = ranges[index]!;
    await call(app, 'excerpts.create', {
      personId: student.id,
      articleId: range.article.id,
      kind: 'card',
      tag: `Claim ${index + 1}: ${range.quote.split(' ').slice(0, 8).join(' ')}`,
      start: range.start,
      end: range.start + range.quote.length,
      quote: range.quote,
    });
  }
  const board: Board = await call(app, 'board.get', ref);
  const own = board.cards.filter((card) => card.ownerRole === 'student');
  check(own.length === CARDS, `${CARDS} student cards on the board, found ${own.length}`);
  for (const [index, card] of own.entries()) {
    await call(app, 'cards.place', { ...ref, cardId: card.id, side: index % 2 ? 'B' : 'A', index: CARDS });
    await call(app, 'placements.update', {
      ...ref,
      cardId: card.id,
      reasoningMarkdown: REASONS[index % REASONS.length]!,
      strength: ((index % 3) + 1) as 1 | 2 | 3,
      relevance: (((index + 1) % 3) + 1) as 1 | 2 | 3,
    });
  }
  await call(app, 'positions.update', {
    ...ref,
    thesisMarkdown: 'Russia and China act as **partners of convenience**, not allies.',
    conclusionMarkdown: 'The evidence for rivalry is stronger in the long run.',
  });
  return ref;
}

async function exportBytes(app: DebateDeskApp, ref: object, format: SheetFormat, layout = 'standard') {
  const file = await call(app, 'sheets.export', {
    ...(ref as { debateId: string; studentId: string }),
    format,
    options: { style: 'mla', layout: layout as 'standard', includeUnused: false },
  });
  return Buffer.from(file.dataBase64, 'base64');
}

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};

export async function runSheetExportBench(): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const executablePath = findChromium();
  check(executablePath, 'a Chromium for the PDF printer (DEBATE_DESK_CHROMIUM or /usr/bin/chromium)');
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-sheet-'));
  const app = createApp({ dataDir, resourcesDir: projectRoot });
  const printer = createHostPdfPrinter();
  check(printer, 'the host printer');
  const baseline = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const ref = await buildBoard(app);
    // The very document the PDF export prints: sheets.export 'html' is renderSheetHtml(...).document.
    const html = (await exportBytes(app, ref, 'html')).toString('utf8');
    const page = await baseline.newPage();

    const cold = await timed(() => printer.print(html)); // launches Chromium
    await page.setContent(html);
    await page.pdf(PDF_OPTIONS);

    // Interleaved, so load on the machine falls on both alike.
    const ours: number[] = [];
    const chromiumPdf: number[] = [];
    const chromiumWithContent: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < PDF_N; i += 1) {
      ours.push(await timed(async () => (pdfBytes = (await printer.print(html)).length)));
      const set = await timed(() => page.setContent(html));
      const pdf = await timed(() => page.pdf(PDF_OPTIONS));
      chromiumPdf.push(pdf);
      chromiumWithContent.push(set + pdf);
    }
    const backToBack: number[] = [];
    for (let i = 0; i < PDF_N; i += 1) backToBack.push(await timed(() => printer.print(html)));

    const docx: number[] = [];
    const debateDocx: number[] = [];
    for (let i = 0; i < DOCX_N + 2; i += 1) {
      const standard = await timed(() => exportBytes(app, ref, 'docx'));
      const debate = await timed(() => exportBytes(app, ref, 'docx', 'debate'));
      if (i >= 2) {
        docx.push(standard);
        debateDocx.push(debate);
      }
    }

    const a = summarize(
      {
        id: 'sheet.pdf.print',
        label: `Sheet → PDF: host printer \`print(html)\`, ${CARDS} cards (warm, interleaved with the baseline)`,
        unit: 'ms',
        notes: `fresh context (JS off, network aborted) + setContent + page.pdf; HTML ${Math.round(html.length / 1024)} KiB, PDF ${Math.round(pdfBytes / 1024)} KiB; cold first print (Chromium launch) ${cold.toFixed(0)} ms`,
      },
      ours,
    );
    const b = summarize(
      {
        id: 'sheet.pdf.chromium',
        label: `Sheet → PDF: Chromium's own \`page.pdf()\` on an open page, same HTML (baseline)`,
        unit: 'ms',
        notes: 'setContent done before, not timed',
      },
      chromiumPdf,
    );
    const bWithContent = summarize(
      {
        id: 'sheet.pdf.chromium-with-content',
        label: 'Sheet → PDF: Chromium `setContent` + `page.pdf()` on an open page (for reference)',
        unit: 'ms',
      },
      chromiumWithContent,
    );
    const batch = summarize(
      {
        id: 'sheet.pdf.back-to-back',
        label: 'Sheet → PDF: host printer, prints back to back (a teacher batch export)',
        unit: 'ms',
        notes: 'no pause between prints, so the next fresh context is not always made ahead',
      },
      backToBack,
    );
    const d = summarize(
      {
        id: 'sheet.docx',
        label: `Sheet → .docx via dispatch, ${CARDS} cards, standard layout (budget ≤ 1000 ms)`,
        unit: 'ms',
        warmup: 2,
      },
      docx,
    );
    const dd = summarize(
      {
        id: 'sheet.docx.debate',
        label: `Sheet → .docx via dispatch, ${CARDS} cards, debate layout`,
        unit: 'ms',
        warmup: 2,
      },
      debateDocx,
    );
    const ratio = a.median / b.median;
    const notes = [
      `Sheet PDF ratio: host print(html) median ${a.median.toFixed(0)} ms / Chromium page.pdf() median ${b.median.toFixed(0)} ms = ${ratio.toFixed(2)}× (budget ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'}); against setContent + page.pdf() ${(a.median / bWithContent.median).toFixed(2)}×.`,
      `Sheet .docx: median ${d.median.toFixed(0)} ms standard, ${dd.median.toFixed(0)} ms debate (budget ≤ 1000 ms: ${Math.max(d.median, dd.median) <= 1000 ? 'met' : 'NOT met'}).`,
    ];
    return { measurements: [a, b, bWithContent, batch, d, dd], notes };
  } finally {
    await baseline.close();
    await printer.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
