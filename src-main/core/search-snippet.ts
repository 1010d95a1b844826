// Search snippets: the few words of an article around its best cluster of matches, matches marked.
// Made here rather than by FTS5's snippet(): with the index's detail=column that function re-tokenizes each
// whole article, which cost more than the search itself (docs/PERFORMANCE.md). Here one regular expression
// finds the matches and only the words shown are looked at.

/** Marks around each match in a snippet; private-use characters, so no HTML ever crosses the wire. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

/** What FTS5's unicode61 tokenizer counts as part of a word: letters, digits and combining marks. */
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const WORDS_BEFORE = 4;
const SNIPPET_WORDS = 16;
/** Enough characters for SNIPPET_WORDS words of any ordinary text. */
const SNIPPET_CHARS = 400;

/** How the index compares words (unicode61, remove_diacritics 2): case and diacritics ignored. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // eslint-disable-next-line no-control-regex -- ASCII is the common case and needs no decomposition.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Each folded letter with the accented letters that fold to it (Latin, Greek, Cyrillic), for patterns. */
const VARIANTS = (() => {
  const variants = new Map<string, string>();
  const ranges: Array<[number, number]> = [
    [0xc0, 0x24f],
    [0x370, 0x3ff],
    [0x400, 0x4ff],
    [0x1e00, 0x1fff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const letter = String.fromCodePoint(code);
      const folded = foldWord(letter);
      if (folded !== letter.toLowerCase() && [...folded].length === 1) {
        variants.set(folded, (variants.get(folded) ?? '') + letter);
      }
    }
  }
  return variants;
})();

function letterPattern(letter: string): string {
  const escaped = letter.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const variants = VARIANTS.get(letter);
  return variants ? `[${escaped}${variants}]` : escaped;
}

export interface SnippetQuery {
  /** Folded words that must match whole. */
  words: string[];
  /** A folded word still being typed (matches as a prefix), or null. */
  prefix: string | null;
}

interface Match {
  start: number;
  end: number;
  /** Which query word it is (index into words, the prefix last). */
  term: number;
}

/** One case-insensitive expression with a capture group per query word. */
function queryPattern(query: SnippetQuery): RegExp | null {
  const groups = query.words.map((word) => `(${[...word].map(letterPattern).join('')}(?!${WORD_CHAR}))`);
  if (query.prefix) groups.push(`(${[...query.prefix].map(letterPattern).join('')}${WORD_CHAR}*)`);
  return groups.length ? new RegExp(`(?<!${WORD_CHAR})(?:${groups.join('|')})`, 'giu') : null;
}

function matchesIn(text: string, query: SnippetQuery): Match[] {
  const pattern = queryPattern(query);
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    term: match.slice(1).findIndex((group) => group !== undefined),
  }));
}

/** The match that begins the stretch of text showing the most different query words (the earliest such). */
function bestMatch(matches: Match[]): Match | undefined {
  let best: Match | undefined;
  let bestScore = 0;
  for (const [index, match] of matches.entries()) {
    const terms = new Set<number>();
    for (let next = index; next < matches.length && matches[next]!.end - match.start <= SNIPPET_CHARS / 4; next++) {
      terms.add(matches[next]!.term);
    }
    if (terms.size > bestScore) [best, bestScore] = [match, terms.size];
  }
  return best;
}

/** Where the snippet starts: a few words before `at`. */
function startBefore(text: string, at: number): number {
  const from = Math.max(0, at - SNIPPET_CHARS / 2);
  const words = [...text.slice(from, at).matchAll(WORD)];
  const first = words.at(-WORDS_BEFORE);
  return first ? from + first.index : words[0] ? from + words[0].index : at;
}

/** A snippet with every match marked, '…' where text was cut; the opening words when nothing matches. */
export function searchSnippet(text: string, query: SnippetQuery): string {
  const matches = matchesIn(text, query);
  const start = startBefore(text, bestMatch(matches)?.start ?? 0);
  const words = [...text.slice(start, start + SNIPPET_CHARS).matchAll(WORD)].slice(0, SNIPPET_WORDS);
  if (words.length === 0) return '';
  const lastWord = words.at(-1)!;
  let end = start + lastWord.index + lastWord[0].length;
  const cut = HAS_WORD.test(text.slice(end));
  if (!cut) end = text.trimEnd().length;

  let snippet = HAS_WORD.test(text.slice(0, start)) ? '…' : '';
  let at = start;
  for (const match of matches) {
    if (match.start < start || match.end > end) continue;
    snippet += text.slice(at, match.start) + MATCH_START + text.slice(match.start, match.end) + MATCH_END;
    at = match.end;
  }
  snippet += text.slice(at, end) + (cut ? '…' : '');
  return snippet.replace(/\s+/g, ' ');
}
