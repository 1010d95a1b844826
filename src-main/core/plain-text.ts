// Derives an article's plain text from its Markdown: the textContent the reader will show.
import { Parser } from 'htmlparser2';
import { ELEMENTS_DROPPED_WITH_CONTENT, markdownToUnsafeHtml } from '../shared/markdown';

const DROPPED = new Set<string>(ELEMENTS_DROPPED_WITH_CONTENT);

/**
 * The text nodes of the rendered Markdown, in order, as a browser's textContent gives them. A streaming
 * parser rather than a DOM: the HTML is marked's own, well formed (raw HTML in Markdown arrives escaped),
 * and building a tree cost three times as much (docs/PERFORMANCE.md, bulk import).
 */
export function markdownToPlainText(markdown: string): string {
  let text = '';
  let droppedDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (DROPPED.has(name)) droppedDepth++;
      },
      onclosetag(name) {
        if (DROPPED.has(name)) droppedDepth--;
      },
      ontext(data) {
        if (droppedDepth === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.end(markdownToUnsafeHtml(markdown));
  return text.normalize('NFC');
}

/** Words as a reader counts them: letters or digits, with inner apostrophes, hyphens and number separators. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
