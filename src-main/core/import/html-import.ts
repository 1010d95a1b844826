// A saved web page to draft parts: metadata from the page, the article found by Readability, as Markdown.
import { Readability } from '@mozilla/readability';
import { normalizeText } from './normalize-text';
import type { DraftParts } from './assemble-draft';
import { authorFromByline } from './body-metadata';
import { markdownBlocks } from './block-split';
import { dateFromValue } from './dates';
import { parseHtmlDocument } from './html-document';
import { htmlMetadata, stripSiteName } from './html-metadata';
import { htmlToMarkdown } from './html-to-markdown';
import type { ImportMetadata } from './types';
import { NO_METADATA } from './types';

interface ReadabilityArticle {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  content?: string | null;
  textContent?: string | null;
}

const FALLBACK_WARNING =
  'The article could not be told apart from the rest of the page, so the whole page text was imported: check for menus and footers.';

/** Readability's byline minus "By "; a name-like one, else a short one without digits (dates hide there). */
function readabilityAuthor(byline: string | null | undefined): string {
  const text = (byline ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return '';
  const names = authorFromByline(/^by\b/i.test(text) ? text : `By ${text}`);
  if (names) return names;
  const bare = text.replace(/^by\s+/i, '');
  return bare.length <= 60 && !/\d/.test(bare) ? bare : '';
}

function runReadability(html: string): ReadabilityArticle | null {
  try {
    const article = new Readability(parseHtmlDocument(html) as never).parse() as ReadabilityArticle | null;
    return article?.content && article.textContent?.trim() ? article : null;
  } catch {
    return null;
  }
}

function withFallbacks(metadata: ImportMetadata, article: ReadabilityArticle | null): ImportMetadata {
  const outlet = metadata.outlet || (article?.siteName ?? '').trim();
  return {
    ...metadata,
    outlet,
    title: metadata.title || stripSiteName((article?.title ?? '').trim(), outlet),
    author: metadata.author || readabilityAuthor(article?.byline),
    date: metadata.date || dateFromValue(article?.publishedTime ?? ''),
  };
}

export function htmlParts(html: string, warnings: string[] = []): DraftParts {
  const source = normalizeText(html);
  let metadata = NO_METADATA;
  try {
    metadata = htmlMetadata(parseHtmlDocument(source));
  } catch {
    // Metadata is a bonus: a page too broken to query still has text.
  }
  const article = runReadability(source);
  const notes = article?.content ? [...warnings] : [...warnings, FALLBACK_WARNING];
  const markdown = htmlToMarkdown(article?.content || bodyHtml(source), metadata.url);
  return {
    format: 'html',
    metadata: withFallbacks(metadata, article),
    blocks: markdownBlocks(markdown),
    warnings: notes,
  };
}

/** The page's body as HTML, or, if even that cannot be parsed, its text with the tags cut out. */
function bodyHtml(source: string): string {
  try {
    return parseHtmlDocument(source).body.innerHTML;
  } catch {
    return source
      .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/[<>]/g, ' ');
  }
}
