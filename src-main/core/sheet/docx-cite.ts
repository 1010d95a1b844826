// A card's cite line in words: the full source for the standard layout, and Verbatim's "Lastname YY" for the
// debate layout's Cite style. Fields the article does not have are left out, never invented.
import type { Cite } from '../../shared/domain';

/** The first author's last name: "Jane Smith" → Smith, "Smith, Jane" → Smith, "Ana Lopez and Bo Li" → Lopez. */
export function lastName(author: string): string {
  const first = author.split(/;|\s+and\s+|\s+&\s+/i)[0]?.trim() ?? '';
  const beforeComma = first.split(',')[0]?.trim() ?? '';
  const words = beforeComma.split(/\s+/).filter(Boolean);
  return words.at(-1) ?? '';
}

/**
 * What Verbatim's "Auto Format Cite" puts in the Cite style: the last name and the two-digit year
 * ("Smith 22"). Without an author, the outlet stands in (debaters cite "Reuters 22"); without a date, "ND".
 */
export function citeKey(cite: Cite): string {
  const name = (cite.author && lastName(cite.author)) || cite.outlet?.trim() || 'No author';
  const year = /^(\d{4})/.exec(cite.date ?? '')?.[1];
  return `${name} ${year ? year.slice(2) : 'ND'}`;
}

/** "Jane Smith, “Title”, Outlet, 2022-01-07, https://…", or a plain note when nothing is known. */
export function citeDetails(cite: Cite): string {
  const parts = [cite.author, cite.title ? `“${cite.title}”` : null, cite.outlet, cite.date, cite.url]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(', ') : 'Source not recorded';
}
