// Derives an article's plain text from its Markdown: the textContent the reader will show.
import { parseHTML } from 'linkedom';
import { ELEMENTS_DROPPED_WITH_CONTENT, markdownToUnsafeHtml } from '../shared/markdown';

export function markdownToPlainText(markdown: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${markdownToUnsafeHtml(markdown)}</body></html>`);
  for (const element of document.querySelectorAll(ELEMENTS_DROPPED_WITH_CONTENT.join(','))) {
    element.remove();
  }
  return (document.body.textContent ?? '').normalize('NFC');
}

/** Words as a reader counts them: letters or digits, with inner apostrophes, hyphens and number separators. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
