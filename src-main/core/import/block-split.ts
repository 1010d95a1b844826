// Splits a body into Markdown blocks: Markdown by its own grammar, plain text by blank lines.
import { Lexer } from 'marked';
import { tidyLine } from './normalize-text';

/** Top-level Markdown blocks as written: a list, a quote or a fenced code block stays one block. */
export function markdownBlocks(markdown: string): string[] {
  // Block tokens only: the inline pass of a full lex is half its cost and says nothing about blocks.
  return new Lexer({ gfm: true })
    .blockTokens(markdown.replace(/\r\n?/g, '\n'))
    .filter((token) => token.type !== 'space')
    .map((token) => token.raw.replace(/^\n+|\s+$/g, ''))
    .filter((raw) => raw.trim() !== '');
}

/**
 * Plain text made safe to store as Markdown without changing what it says: tag-like `<` and
 * entity-like `&` are escaped, and so is a number opening a line ("2022. A year…"), which
 * Markdown would otherwise turn into a list and drop from the text.
 */
export function escapePlainLine(line: string): string {
  return line
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/<(?=[a-z/!?])/gi, '&lt;')
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3');
}

/** Paragraphs of plain text (blank-line separated), each line tidied; indentation is never code here. */
export function plainTextParagraphs(text: string): string[][] {
  return text
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) => paragraph.split('\n').map(tidyLine).filter(Boolean))
    .filter((lines) => lines.length > 0);
}

export function plainTextBlocks(text: string): string[] {
  return plainTextParagraphs(text).map((lines) => lines.map(escapePlainLine).join('\n'));
}
