// Decides how a file is read: by its extension, except that a PDF or Word signature in the bytes wins.
import { invalid, SUPPORTED_EXTENSIONS_TEXT } from './messages';
import type { ImportFormat } from './types';

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

const ADVICE_BY_EXTENSION: Record<string, string> = {
  doc: 'is an old Word document (.doc): open it in Word or LibreOffice and save it as .docx first.',
  rtf: 'is a rich-text file (.rtf): open it in Word or LibreOffice and save it as .docx first.',
  odt: 'is an OpenDocument file (.odt): open it in LibreOffice and save it as .docx first.',
  pages: 'is a Pages document: export it as .docx or PDF first.',
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, signature: string): boolean {
  if (bytes.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[i] !== signature.charCodeAt(i)) return false;
  return true;
}

/** PDF readers accept the signature anywhere in the first KiB (some files start with junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-');
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, 'PK\u0003\u0004');
}

/** A Word file is a zip whose directory (stored uncompressed) names word/document.xml. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  return (
    looksLikeZip(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml')
  );
}

/**
 * The extension decides whether a file is accepted at all (predictable for the teacher); among the
 * accepted ones, bytes that are unmistakably a PDF or a Word file are read as such whatever the
 * extension says. HTML saved as .txt stays text: a signature that text can also contain is not trusted.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const extension = extensionOf(fileName);
  const byExtension = FORMAT_BY_EXTENSION[extension];
  if (!byExtension) {
    const advice = ADVICE_BY_EXTENSION[extension];
    throw invalid(fileName, advice ?? `is not an article: Debate Desk imports ${SUPPORTED_EXTENSIONS_TEXT}.`);
  }
  if (startsWith(bytes, '%PDF-') || (byExtension === 'pdf' && looksLikePdf(bytes))) return 'pdf';
  if (looksLikeDocx(bytes)) return 'docx';
  return byExtension;
}
