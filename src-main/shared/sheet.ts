// The argument sheet: one student's board for one debate, laid out for reading, grading and keeping.
// These shapes are what the core's renderers (Markdown, HTML, PDF, Word) share; the UI picks the options.
import type { Cite, Rating, Side } from './domain';

export const SHEET_FORMATS = ['markdown', 'html', 'pdf', 'docx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export const CITATION_STYLES = ['mla', 'apa', 'chicago'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const CITATION_STYLE_NAMES: Record<CitationStyle, string> = {
  mla: 'MLA 9',
  apa: 'APA 7',
  chicago: 'Chicago (author-date)',
};

/** standard: a readable essay-like sheet; debate: each card as Tag / Cite / Body, the way Verbatim lays it out. */
export const SHEET_LAYOUTS = ['standard', 'debate'] as const;
export type SheetLayout = (typeof SHEET_LAYOUTS)[number];

export interface SheetOptions {
  style: CitationStyle;
  layout: SheetLayout;
  /** Adds the cards the student had on the board but did not place ("evidence considered but not used"). */
  includeUnused: boolean;
}

export const DEFAULT_SHEET_OPTIONS: SheetOptions = { style: 'mla', layout: 'standard', includeUnused: false };

export const SHEET_MIME_TYPES: Record<SheetFormat, string> = {
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const SHEET_EXTENSIONS: Record<SheetFormat, string> = { markdown: 'md', html: 'html', pdf: 'pdf', docx: 'docx' };

export interface SheetCard {
  cardId: string;
  articleId: string;
  tag: string;
  /** The verbatim passage. */
  quote: string;
  cite: Cite;
  /** The student's words (Markdown, untrusted: renderers sanitize). Empty for unused cards. */
  reasoningMarkdown: string;
  strength: Rating | null;
  relevance: Rating | null;
}

export interface SheetSide {
  side: Side;
  label: string;
  /** In the student's order. */
  cards: SheetCard[];
}

/** One article in the bibliography, formatted by the citation style. */
export interface BibliographyEntry {
  articleId: string;
  /** Plain text, as the style prints it. */
  text: string;
  /** The same text cut where the style changes font: Markdown and Word use these. */
  runs: Array<{ text: string; italic: boolean }>;
  /** Sanitized inline HTML (only i, b, span, a with http(s) href): for the HTML and PDF sheets. */
  html: string;
}

export interface SheetModel {
  motion: string;
  debateId: string;
  studentId: string;
  studentName: string;
  /** The day the sheet was made, YYYY-MM-DD. */
  date: string;
  thesisMarkdown: string;
  conclusionMarkdown: string;
  sides: [SheetSide, SheetSide];
  /** Cards on the board but not placed; empty unless options.includeUnused. */
  unused: SheetCard[];
  /** Every article cited by a card on the sheet, in the style's order. */
  bibliography: BibliographyEntry[];
  options: SheetOptions;
}

/** The file one exported sheet travels as: bytes as base64 because only JSON crosses the wire. */
export interface SheetFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/** A student's progress on one debate, for the teacher's batch export. */
export interface SheetStudent {
  id: string;
  name: string;
  placedCount: number;
  /** Any card placed, or a thesis or conclusion written. */
  started: boolean;
}

/** A file-name part from user text: letters, digits, spaces and dashes only; never empty, never a path. */
export function fileNamePart(text: string, fallback: string, maxLength = 60): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let cut = cleaned.slice(0, maxLength);
  // A long motion ends at a word: "… crisis January 2022", not "… crisis January 2022 al".
  if (/[\p{L}\p{N}]/u.test(cleaned.charAt(maxLength))) {
    const space = cut.lastIndexOf(' ');
    if (space > maxLength / 2) cut = cut.slice(0, space);
  }
  return cut.trim() || fallback;
}

/** "Russia and China alliance or rivalry - Ana Lopez.pdf": the debate first, so a folder sorts by debate. */
export function sheetFileName(motion: string, studentName: string, format: SheetFormat): string {
  return `${fileNamePart(motion, 'Debate')} - ${fileNamePart(studentName, 'Student', 40)}.${SHEET_EXTENSIONS[format]}`;
}
