// One Markdown dialect for the whole app: the renderer sanitizes this HTML for display, the core derives
// an article's plain text (the anchoring coordinate space) from the very same HTML.
import { Marked } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Raw HTML inside Markdown is shown as the text it is, never interpreted. Besides closing a door to script,
 * this keeps the text identical for every HTML parser: malformed markup (an unclosed <svg>, stray text in a
 * <table>) is rebuilt differently by a browser and by a server-side DOM, which would shift every highlight.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text }) => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character),
  },
});

/** Raw HTML from Markdown. NEVER put this in the DOM unsanitized: the renderer's markdown.ts does that. */
export function markdownToUnsafeHtml(markdown: string): string {
  return marked.parse(markdown) as string;
}

/**
 * Elements removed together with their content, both by the sanitizer and by the plain-text
 * derivation, so that the text the reader shows and the text excerpts are anchored in stay equal.
 */
export const ELEMENTS_DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'noembed',
  'noframes',
  'object',
  'embed',
  'title',
  'xmp',
  'plaintext',
  'svg',
  'math',
  'textarea',
  'select',
  'audio',
  'video',
  'form',
  'button',
] as const;
