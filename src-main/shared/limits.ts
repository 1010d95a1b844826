// Size limits shared by the API's input checks and the UI. Kept apart from contract.ts so that the
// renderer can show them without bundling zod.

/** Article bodies longer than this are refused (a long news article is ~60,000 characters). */
export const MAX_ARTICLE_MARKDOWN_CHARS = 2_000_000;
/** Imported files larger than this are refused before they are read. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
