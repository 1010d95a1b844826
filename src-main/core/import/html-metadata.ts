// What a saved web page states about its article: meta tags, JSON-LD, <time>, <link rel=canonical>.
import { dateFromValue } from './dates';
import type { HtmlDocument } from './html-document';
import { tidyLine } from './normalize-text';
import type { ImportMetadata } from './types';
import { httpUrl } from './urls';

type JsonObject = Record<string, unknown>;

function meta(document: HtmlDocument, ...keys: string[]): string {
  for (const key of keys) {
    for (const element of document.querySelectorAll('meta')) {
      const name = (element.getAttribute('property') ?? element.getAttribute('name') ?? '').trim().toLowerCase();
      const content = tidyLine(element.getAttribute('content') ?? '');
      if (name === key && content) return content;
    }
  }
  return '';
}

function asObjects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (!value || typeof value !== 'object') return [];
  const object = value as JsonObject;
  return [object, ...asObjects(object['@graph'])];
}

const ARTICLE_TYPES = /article|posting|report|newsarticle|webpage/i;

/** JSON-LD objects describing the article (NewsArticle, BlogPosting…), best first. */
function jsonLdArticles(document: HtmlDocument): JsonObject[] {
  const objects: JsonObject[] = [];
  for (const script of document.querySelectorAll('script')) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      objects.push(...asObjects(JSON.parse(script.textContent ?? '')));
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources remain.
    }
  }
  const typeOf = (object: JsonObject): string => [object['@type']].flat().join(' ');
  const articles = objects.filter((object) => ARTICLE_TYPES.test(typeOf(object)));
  return articles.sort((a, b) => Number(/webpage/i.test(typeOf(a))) - Number(/webpage/i.test(typeOf(b))));
}

/** A name from a JSON-LD value: "Jane Doe", { name }, or a list of either. */
function names(value: unknown): string {
  if (typeof value === 'string') return /^https?:/i.test(value) ? '' : tidyLine(value);
  if (Array.isArray(value)) return [...new Set(value.map(names).filter(Boolean))].join(', ');
  if (value && typeof value === 'object') return names((value as JsonObject).name);
  return '';
}

function fromJsonLd(articles: JsonObject[], pick: (article: JsonObject) => string): string {
  for (const article of articles) {
    const value = pick(article);
    if (value) return value;
  }
  return '';
}

function firstText(document: HtmlDocument, selector: string): string {
  return tidyLine(document.querySelector(selector)?.textContent ?? '');
}

function publicationDate(document: HtmlDocument, articles: JsonObject[]): string {
  const candidates = [
    meta(document, 'article:published_time'),
    fromJsonLd(articles, (article) => dateFromValue(article.datePublished)),
    ...[...document.querySelectorAll('time[datetime]')]
      .sort((a, b) => Number(b.getAttribute('pubdate') !== null) - Number(a.getAttribute('pubdate') !== null))
      .map((time) => time.getAttribute('datetime')),
    meta(document, 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued'),
  ];
  for (const candidate of candidates) {
    const iso = dateFromValue(candidate);
    if (iso) return iso;
  }
  return '';
}

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' • ', ' : '];

/** "Headline | The Daily Planet" → "Headline", but only when the suffix is the outlet's own name. */
export function stripSiteName(title: string, outlet: string): string {
  if (!outlet) return title;
  const site = outlet.toLowerCase();
  for (const separator of TITLE_SEPARATORS) {
    const at = title.lastIndexOf(separator);
    if (
      at > 0 &&
      title
        .slice(at + separator.length)
        .trim()
        .toLowerCase() === site
    )
      return title.slice(0, at).trim();
  }
  return title;
}

export function htmlMetadata(document: HtmlDocument): ImportMetadata {
  const articles = jsonLdArticles(document);
  const outlet =
    meta(document, 'og:site_name') ||
    fromJsonLd(articles, (article) => names(article.publisher)) ||
    meta(document, 'application-name');
  const title =
    meta(document, 'og:title', 'twitter:title') ||
    fromJsonLd(articles, (article) => names(article.headline)) ||
    firstText(document, 'head > title') ||
    firstText(document, 'h1');
  const author =
    meta(document, 'author') ||
    meta(document, 'article:author').replace(/^https?:\S*$/i, '') ||
    fromJsonLd(articles, (article) => names(article.author));
  const canonical = [...document.querySelectorAll('link')].find((link) =>
    (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const url = httpUrl(canonical?.getAttribute('href')) || httpUrl(meta(document, 'og:url'));
  return { title: stripSiteName(title, outlet), author, outlet, date: publicationDate(document, articles), url };
}
