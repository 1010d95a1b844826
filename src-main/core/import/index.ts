// The import pipeline's entry points: a file, or pasted text, to a draft the teacher reviews before saving.
import { assembleDraft } from './assemble-draft';
import { decodeText } from './decode-text';
import { docxParts } from './docx-import';
import { detectFormat, extensionOf } from './file-format';
import { htmlParts } from './html-import';
import { invalid, tooLarge } from './messages';
import { pdfParts } from './pdf-import';
import { textParts } from './text-import';
import type { ImportDraft } from './types';
import { MAX_IMPORT_BYTES } from './types';

export type { ImportBlock, ImportDraft, ImportFormat } from './types';
export { MAX_IMPORT_BYTES } from './types';

/** Only the name: a path from a drop or a dialog says nothing the teacher needs to read. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() ?? '';
}

export async function draftFromFile(fileName: string, bytes: Uint8Array): Promise<ImportDraft> {
  const name = baseName(fileName);
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(name, bytes.byteLength);
  if (bytes.byteLength === 0) throw invalid(name, 'is empty.');
  const format = detectFormat(name, bytes);
  switch (format) {
    case 'pdf':
      return assembleDraft(name, await pdfParts(name, bytes));
    case 'docx':
      return assembleDraft(name, await docxParts(name, bytes));
    case 'html': {
      const decoded = decodeText(name, bytes, { html: true });
      return assembleDraft(name, htmlParts(decoded.text, decoded.warnings));
    }
    case 'text':
    case 'markdown': {
      const decoded = decodeText(name, bytes);
      if (!decoded.text.trim()) throw invalid(name, 'is empty.');
      return assembleDraft(name, textParts(decoded.text, format, decoded.warnings));
    }
  }
}

/** Pasted text or Markdown: Markdown when the (optional) file name says so, else plain text. */
export function draftFromText(text: string, fileName = ''): ImportDraft {
  const name = baseName(fileName);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) throw tooLarge(name, bytes);
  if (!text.trim()) throw invalid(name, 'is empty.');
  const extension = extensionOf(name);
  const format = extension === 'md' || extension === 'markdown' ? 'markdown' : 'text';
  return assembleDraft(name, textParts(text, format));
}
