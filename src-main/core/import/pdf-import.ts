// A PDF to draft parts with pdf.js (legacy build, in-process): page text rebuilt into paragraphs, Title/Author from its info.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DraftParts } from './assemble-draft';
import { escapePlainLine } from './block-split';
import { looksLikePdf } from './file-format';
import { invalid, reasonOf } from './messages';
import { normalizeText } from './normalize-text';
import { joinPages, paragraphsFromItems, type PdfTextItem } from './pdf-paragraphs';
import { NO_METADATA } from './types';

interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

let workerReady: Promise<void> | null = null;

/**
 * pdf.js runs its "worker" in this thread under Node; handing it the worker module directly
 * avoids resolving a worker file path, which breaks once the main process is bundled.
 */
function loadWorker(): Promise<void> {
  workerReady ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  });
  return workerReady;
}

/** The standard fonts' metrics make word spacing right for PDFs that do not embed their fonts. */
function standardFontDataUrl(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
  } catch {
    return undefined;
  }
}

function meaningfulTitle(value: unknown): string {
  const title = typeof value === 'string' ? value.replace(/^Microsoft (?:Word|PowerPoint) - /, '').trim() : '';
  if (!/\p{L}/u.test(title) || /\.(?:docx?|pdf|txt|rtf|odt|pages|indd|html?)$/i.test(title)) return '';
  return /^(?:untitled|document\d*|title|print|slide \d+)$/i.test(title) ? '' : title;
}

/** An account name ("admin", "jsmith") names the computer's user, not the article's author. */
function meaningfulAuthor(value: unknown): string {
  const author = typeof value === 'string' ? value.trim() : '';
  if (!/\p{L}/u.test(author) || /^[\p{Ll}\d._-]+$/u.test(author)) return '';
  return /^(?:admin|administrator|user|owner|unknown|author|default)$/i.test(author) ? '' : author;
}

function toItem(raw: RawTextItem): PdfTextItem | null {
  if (typeof raw.str !== 'string' || !raw.transform) return null;
  return {
    str: raw.str,
    x: raw.transform[4] ?? 0,
    y: raw.transform[5] ?? 0,
    width: raw.width ?? 0,
    height: raw.height || Math.hypot(raw.transform[2] ?? 0, raw.transform[3] ?? 0),
    hasEOL: raw.hasEOL === true,
  };
}

export async function pdfParts(fileName: string, bytes: Uint8Array): Promise<DraftParts> {
  if (!looksLikePdf(bytes)) throw invalid(fileName, 'is not a real PDF file (it does not start like one).');
  await loadWorker();
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdf.js may take ownership of the buffer it is given: it gets a copy.
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    // Never compile code from a file (fonts' charstrings): the document is untrusted.
    isEvalSupported: false,
    disableFontFace: true,
    standardFontDataUrl: standardFontDataUrl(),
    verbosity: 0,
  });
  const warnings: string[] = [];
  try {
    const document = await task.promise;
    const pages: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items = (content.items as RawTextItem[]).map(toItem).filter((item) => item !== null);
      const paragraphs = paragraphsFromItems(items).map((paragraph) => normalizeText(paragraph));
      if (paragraphs.length === 0) warnings.push(`PDF page ${number} had no text.`);
      pages.push(paragraphs);
      page.cleanup();
    }
    const info = ((await document.getMetadata()).info ?? {}) as Record<string, unknown>;
    const paragraphs = joinPages(pages);
    if (paragraphs.length === 0) throw invalid(fileName, 'has no text layer (it is probably a scanned image).');
    return {
      format: 'pdf',
      metadata: { ...NO_METADATA, title: meaningfulTitle(info.Title), author: meaningfulAuthor(info.Author) },
      blocks: paragraphs.map(escapePlainLine),
      warnings,
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    if (error instanceof Error && error.name === 'PasswordException') {
      throw invalid(
        fileName,
        'is password-protected: open it, save or print it as a PDF without a password, then import that.',
      );
    }
    throw invalid(fileName, `could not be read as a PDF (${reasonOf(error)}).`);
  } finally {
    await task.destroy();
  }
}
