// An article's cite as a CSL-JSON item, the input every CSL style reads. Only what the cite really says goes in:
// a missing field stays missing, so the style itself applies its rule for it (title first, "n.d." …).
import { parse as parseName } from '@citation-js/name';
import type { Cite } from '../../shared/domain';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
  suffix?: string;
  'non-dropping-particle'?: string;
  'dropping-particle'?: string;
}

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  issued?: { 'date-parts': number[][] };
  URL?: string;
}

/**
 * Words that mark a body rather than a person ("Centre for Eastern Studies", "Reuters Staff"): such an author is
 * given as a literal, which every style prints as written instead of inverting it into "Studies, Centre for Eastern".
 */
const ORGANISATION_WORDS =
  /\b(agency|association|board|bureau|cent(?:er|re)|college|commission|committee|council|department|desk|editors?|foundation|group|institute|ministry|news|office|organi[sz]ation|press|reuters|service|society|staff|team|times|union|university)\b/i;

const SUFFIX = /,?\s+(Jr\.?|Sr\.?|II|III|IV)$/;

function personOrOrganisation(raw: string): CslName {
  const name = raw.trim();
  // One word (an outlet signing as itself), an acronym, or a body: print it as written.
  if (!/\s/.test(name.replace(/,\s*/, ' ')) || ORGANISATION_WORDS.test(name) || /^[\p{Lu}\d&.\s-]+$/u.test(name)) {
    return { literal: name };
  }
  const suffix = SUFFIX.exec(name);
  let parsed: CslName;
  try {
    parsed = parseName(suffix ? name.slice(0, suffix.index) : name) as CslName;
  } catch {
    // The name parser throws on text it cannot read as a name at all ("<img …>"): print such text as written.
    return { literal: name };
  }
  if (!parsed.family) return { literal: name };
  return suffix ? { ...parsed, suffix: suffix[1] } : parsed;
}

/** "Ana Lopez and Li Wei", "Lopez, Ana; Wei, Li", "A, B & C" → one name each. */
export function parseAuthors(author: string): CslName[] {
  const text = author.trim();
  if (!text) return [];
  // "Family, Given" with nothing else is one inverted name, not two people ("Ana Lopez, Li Wei" is two: the part
  // before the comma is a family name only when it is one word, or starts with a particle like "van").
  const inverted = /^([^,;&]+),([^,;&]+)$/.exec(text);
  if (inverted && !/\band\b/i.test(text) && /^(?:\p{Ll}+\s+)*\S+$/u.test(inverted[1]!.trim())) {
    return [personOrOrganisation(text)];
  }
  const parts = text.includes(';') ? text.split(';') : text.split(/\s*,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*/i);
  return parts
    .map((part) => part.trim())
    .filter(Boolean)
    .map(personOrOrganisation);
}

/** "2022-01-13" → [[2022, 1, 13]]; "2022-01" and "2022" keep only what they say; anything else is no date. */
export function parseIssued(date: string | null): CslItem['issued'] | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date?.trim() ?? '');
  if (!match) return undefined;
  const parts = [match[1], match[2], match[3]].filter((part): part is string => part !== undefined).map(Number);
  return { 'date-parts': [parts] };
}

/** Only links a reader can follow: other schemes (javascript:, file:) are left out of the bibliography. */
export function webUrl(url: string | null): string | undefined {
  const trimmed = url?.trim() ?? '';
  return /^https?:\/\/[^\s]+$/i.test(trimmed) ? trimmed : undefined;
}

/**
 * Title-case styles (MLA, Chicago) keep minor words lowercase ("Marriage of Convenience"), but citeproc leaves any
 * word that is already capitalized as it is, so a headline typed in start case ("Marriage Of Convenience") would
 * keep its "Of". Lowering those words (not the first word, nor the first after a colon) lets the style decide.
 */
const MINOR_WORDS =
  /(?<![:?!.]\s+)(?<=\S\s+)\b(A|An|The|And|But|Or|Nor|For|As|At|By|In|Of|Off|On|Per|To|Up|Via|From|Into|Onto|Over|With|Against|Between)\b(?=\s+\S)/g;

export function lowerMinorWords(title: string): string {
  return title.replace(MINOR_WORDS, (word) => word.toLowerCase());
}

/**
 * No access date is given: the app does not know when the student read the article (it was imported, often from a
 * file, and is read offline), and inventing one would be false. MLA 9 and Chicago make it optional ("Accessed" only
 * for undated online sources), and APA 7 asks for one only for pages designed to change.
 */
export function cslItem(id: string, cite: Cite, titleCase: boolean): CslItem {
  const item: CslItem = { id, type: cite.outlet?.trim() ? 'article-newspaper' : 'webpage' };
  const title = cite.title?.trim();
  const authors = parseAuthors(cite.author ?? '');
  // With neither title nor author, the styles would print a bare date or nothing: a bracketed description is
  // what MLA and APA prescribe for an untitled work.
  if (title) item.title = titleCase ? lowerMinorWords(title) : title;
  else if (authors.length === 0) item.title = '[Untitled article]';
  if (authors.length > 0) item.author = authors;
  if (cite.outlet?.trim()) item['container-title'] = cite.outlet.trim();
  const issued = parseIssued(cite.date);
  if (issued) item.issued = issued;
  const url = webUrl(cite.url);
  if (url) item.URL = url;
  return item;
}
