// Markdown for display: marked → DOMPurify; and the argument sheet's preview HTML, sanitized again here.
// The only HTML the page renders, through Markdown.svelte.
import DOMPurify from 'dompurify';
import { ELEMENTS_DROPPED_WITH_CONTENT, markdownToUnsafeHtml } from '../../src-main/shared/markdown';

const droppedElements = [...ELEMENTS_DROPPED_WITH_CONTENT];

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // Debate Desk is offline and private: no image is fetched from the web (only data: images stay).
  if (node instanceof HTMLImageElement && !node.getAttribute('src')?.startsWith('data:image/')) {
    node.removeAttribute('src');
    node.removeAttribute('srcset');
  }
  // Links leave the app for the system browser; they never navigate the app's own window.
  if (node instanceof HTMLAnchorElement) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const SAFE_HTML = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: droppedElements,
  FORBID_CONTENTS: droppedElements,
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
};

export function renderMarkdown(markdown: string): string {
  return DOMPurify.sanitize(markdownToUnsafeHtml(markdown), SAFE_HTML);
}

/**
 * The sheet preview (sheets.preview: the core already sanitized it). It is shown in the app's own page, so it
 * goes through the same DOMPurify rules as Markdown: no script, no handler, no style attribute, no remote image.
 */
export function sanitizeSheetHtml(html: string): string {
  return DOMPurify.sanitize(html, SAFE_HTML);
}
