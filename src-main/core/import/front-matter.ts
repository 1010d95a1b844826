// YAML front matter at the top of a Markdown file: the article's metadata, when the file states it.
import matter from 'gray-matter';
import { dateFromValue } from './dates';
import { httpUrl } from './urls';
import type { ImportMetadata } from './types';
import { NO_METADATA } from './types';

export interface FrontMatter {
  metadata: ImportMetadata;
  body: string;
  warnings: string[];
}

const OPENING = /^---[ \t]*\n/;

function refuse(): never {
  throw new Error('only YAML front matter is read');
}

/** gray-matter evaluates `---js` front matter as JavaScript: never in an imported file. */
const SAFE_ENGINES = { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, cson: refuse };

function firstString(data: Record<string, unknown>, keys: string[], accept = (_text: string) => true): string {
  for (const key of keys) {
    const text = personOrText(data[key]);
    if (text && accept(text)) return text;
  }
  return '';
}

const notAUrl = (text: string): boolean => !/^https?:/i.test(text);

/** Strings, numbers, { name } objects and lists of them (several authors). */
function personOrText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(personOrText).filter(Boolean).join(', ');
  if (value && typeof value === 'object' && 'name' in value) return personOrText(value.name);
  return '';
}

export function readFrontMatter(text: string): FrontMatter {
  if (!OPENING.test(text)) return { metadata: NO_METADATA, body: text, warnings: [] };
  try {
    const parsed = matter(text, { language: 'yaml', engines: SAFE_ENGINES });
    const data = (parsed.data ?? {}) as Record<string, unknown>;
    const dateKeys = ['date', 'published', 'publishedAt', 'published_at', 'pubDate', 'datePublished'];
    const rawDate = dateKeys.map((key) => data[key]).find((value) => value !== undefined);
    return {
      metadata: {
        title: firstString(data, ['title', 'headline']),
        author: firstString(data, ['author', 'authors', 'byline', 'creator']),
        outlet: firstString(data, ['outlet', 'publication', 'publisher', 'site', 'site_name', 'source'], notAUrl),
        date: dateFromValue(rawDate),
        url: httpUrl(firstString(data, ['url', 'link', 'canonical', 'canonical_url', 'source_url'])),
      },
      body: parsed.content,
      warnings: [],
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      metadata: NO_METADATA,
      body: text,
      warnings: [`The front matter could not be read (${reason}); it was kept as text.`],
    };
  }
}
