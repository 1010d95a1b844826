// The reviewable draft an imported file becomes, before the teacher saves it as an article.

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface ImportBlock {
  markdown: string;
  /** Why the block looks like page furniture (menus, counters, ads…), or null. Flagged blocks are kept: the teacher decides. */
  furniture: string | null;
}

export interface ImportDraft {
  fileName: string;
  format: ImportFormat;
  /** Each of these is '' when the file does not state it: never invented. */
  title: string;
  author: string;
  outlet: string;
  /** ISO yyyy-mm-dd, or ''. */
  date: string;
  url: string;
  /** The body as Markdown blocks (paragraphs, headings, lists, quotes), in order. */
  blocks: ImportBlock[];
  warnings: string[];
}

/** One limit for the API's input check and the importers. */
export { MAX_IMPORT_FILE_BYTES as MAX_IMPORT_BYTES } from '../../shared/limits';

/** Metadata a format found on its own; the body heuristics fill in what is still ''. */
export interface ImportMetadata {
  title: string;
  author: string;
  outlet: string;
  date: string;
  url: string;
}

export const NO_METADATA: ImportMetadata = { title: '', author: '', outlet: '', date: '', url: '' };
