// Publication dates to ISO yyyy-mm-dd: from metadata values, and from lines near the top of a text, only when unambiguous.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?';

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
  /** Written-out dates also occur in prose; numeric ones are a metadata habit. */
  written: boolean;
}

export function isoDate(year: number, month: number, day: number): string {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return '';
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return '';
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** POSIX's rule for two-digit years: 69–99 are 1900s, 00–68 are 2000s. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 4) return year;
  return year < 69 ? 2000 + year : 1900 + year;
}

/** d/m and m/d only when one reading is impossible (a part above 12) or both agree (same number). */
function unambiguousNumeric(first: number, second: number, year: number): string {
  if (first > 12 && second <= 12) return isoDate(year, second, first);
  if (second > 12 && first <= 12) return isoDate(year, first, second);
  if (first === second) return isoDate(year, first, second);
  return '';
}

const PATTERNS: { regex: RegExp; written: boolean; toIso: (m: RegExpExecArray) => string }[] = [
  {
    regex:
      /(?<![\d.\-/])(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d])/g,
    written: false,
    toIso: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    regex: /(?<![\d.\-/])(\d{4})\/(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    written: false,
    toIso: (m) => isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    regex: /(?<![\d.\-/])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[.\-/]\d)/g,
    written: false,
    toIso: (m) => unambiguousNumeric(Number(m[1]), Number(m[3]), fullYear(m[4] ?? '')),
  },
  {
    regex: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    written: true,
    toIso: (m) => isoDate(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1])),
  },
  {
    regex: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    written: true,
    toIso: (m) => isoDate(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2])),
  },
];

/** Every date in a line, in order; overlapping matches keep the earlier pattern's. */
export function findDates(line: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { regex, written, toIso } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(line); m; m = regex.exec(line)) {
      const iso = toIso(m);
      const overlaps = found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length);
      if (iso && !overlaps) found.push({ iso, index: m.index, length: m[0].length, written });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A metadata value (meta tag, JSON-LD, front matter, <time datetime>) that is nothing but a date. */
export function dateFromValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return '';
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dates = findDates(text);
  const only = dates.length === 1 ? dates[0] : undefined;
  if (!only) return '';
  const rest = text.slice(0, only.index) + text.slice(only.index + only.length);
  return isDatelineResidue(rest) ? only.iso : '';
}

const DATELINE_WORDS = new RegExp(
  `\\b(?:${WEEKDAY}|published|posted|updated|date[ds]?|on|at|first|last|modified|\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?|[ap]m|gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk)\\b`,
  'gi',
);

/** What is left of a dateline once the date is cut out: labels, weekday, time, time zone, punctuation. */
export function isDatelineResidue(rest: string): boolean {
  return !/\p{L}/u.test(rest.replace(DATELINE_WORDS, ''));
}

export interface LineDate {
  iso: string;
  /** The line without its date when the date was a label of it (a dateline, or a prefix); else the line as it was. */
  rest: string;
}

const LABEL_PREFIX = /^(?:(?:published|posted|updated|date[d]?|on)\b\s*:?\s*)?/i;

/**
 * The publication date a line near the top states. Numeric dates count anywhere in a short line;
 * written ones ("13 January 2022") only when the line is a dateline or starts with the date,
 * because prose mentions events by date too. Several different dates: none (never guess).
 */
export function dateFromLine(line: string, maxLength = 150): LineDate | null {
  const published = line.replace(/\b(?:last\s+)?(?:updated|modified)\b.*$/i, '');
  const dates = findDates(published);
  if (dates.length === 0) return null;
  const distinct = new Set(dates.map((d) => d.iso));
  if (distinct.size > 1) return null;
  const first = dates[0]!;
  const prefix = LABEL_PREFIX.exec(published)?.[0] ?? '';
  const atStart = first.index === prefix.length;
  const rest = published.slice(0, first.index) + published.slice(first.index + first.length);
  if (dates.length === 1 && isDatelineResidue(rest)) return { iso: first.iso, rest: '' };
  if (atStart) return { iso: first.iso, rest: line.slice(first.index + first.length).replace(/^[\s,;:|–—-]+/, '') };
  if (!first.written && line.length <= maxLength) return { iso: first.iso, rest: line };
  return null;
}
