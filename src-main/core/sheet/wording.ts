// The words every sheet format shares: headings, ratings, short cites, dates. One place, so the Markdown, HTML and
// Word sheets say the same thing the same way.
import { RELEVANCE_LABELS, STRENGTH_LABELS, type Cite, type Rating } from '../../shared/domain';
import type { CitationStyle, SheetModel } from '../../shared/sheet';
import { parseAuthors } from './csl-item';

/** What each style calls its list of sources. */
export const BIBLIOGRAPHY_HEADINGS: Record<CitationStyle, string> = {
  mla: 'Works Cited',
  apa: 'References',
  chicago: 'References',
};

export const NOTHING_PLACED = 'Nothing has been placed on this board yet: neither side has any evidence cards.';
export const EMPTY_SIDE = 'No cards on this side.';
export const NO_THESIS = 'No thesis written yet.';
export const NO_CONCLUSION = 'No conclusion written yet.';
export const UNUSED_HEADING = 'Evidence considered but not used';

export function nothingPlaced(sheet: SheetModel): boolean {
  return sheet.sides.every((side) => side.cards.length === 0);
}

/** "Strength: Strong (3/3)": words first, the number for the grader; "not rated" rather than a blank. */
export function ratingText(kind: 'Strength' | 'Relevance', rating: Rating | null): string {
  if (rating === null) return `${kind}: not rated`;
  const labels = kind === 'Strength' ? STRENGTH_LABELS : RELEVANCE_LABELS;
  return `${kind}: ${labels[rating]} (${rating}/3)`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2022-01-21" → "21 January 2022" (unambiguous in every English-speaking classroom); anything else as written. */
export function readableDate(date: string | null): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date?.trim() ?? '');
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date?.trim() ?? '';
  return match[3] ? `${Number(match[3])} ${month} ${match[1]}` : `${month} ${match[1]}`;
}

/**
 * The debate-style short cite, "Coughlin 2022": the first author's last name (or the organisation, else the outlet,
 * else the title's first words) and the year, "n.d." without one.
 */
export function shortCite(cite: Cite): { who: string; when: string } {
  const authors = parseAuthors(cite.author ?? '');
  const first = authors[0];
  const firstName = first ? (first.family ?? first.literal ?? '') : '';
  let who = firstName;
  if (authors.length === 2) who = `${firstName} & ${authors[1]?.family ?? authors[1]?.literal ?? ''}`;
  if (authors.length > 2) who = `${firstName} et al.`;
  if (!who) who = cite.outlet?.trim() || shortTitle(cite.title) || 'Unknown source';
  const year = /^\d{4}/.exec(cite.date?.trim() ?? '')?.[0];
  return { who, when: year ?? 'n.d.' };
}

function shortTitle(title: string | null): string {
  const words = (title ?? '').trim().split(/\s+/).filter(Boolean);
  return words.length > 4 ? `${words.slice(0, 4).join(' ')}…` : words.join(' ');
}

/** The parts of the long cite line, in the order a reader checks them: who, where, when, what, link. */
export function citeParts(cite: Cite): {
  author?: string;
  outlet?: string;
  date?: string;
  title?: string;
  url?: string;
} {
  const pick = (value: string | null) => value?.trim() || undefined;
  return {
    author: pick(cite.author),
    outlet: pick(cite.outlet),
    date: pick(readableDate(cite.date)),
    title: pick(cite.title),
    url: pick(cite.url),
  };
}
