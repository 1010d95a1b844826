// Text anchors, Hypothesis-style. Offsets are UTF-16 code units of an article's stored plain text
// (body_text), which is exactly what the DOM's textContent of the rendered article holds.
// Re-anchoring after an edit (position → exact quote → fuzzy) builds on these selectors.
import search from 'approx-string-match';

/** How much context on each side identifies a quote that occurs more than once. */
export const CONTEXT_CHARS = 32;

export interface TextAnchor {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

export function anchorAt(text: string, start: number, end: number): TextAnchor {
  if (!(0 <= start && start < end && end <= text.length)) {
    throw new RangeError(`No text at ${start}–${end} (text has ${text.length} characters)`);
  }
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** The anchor of the exact quote nearest to `near` (default: the first), or null when absent. */
export function anchorQuote(text: string, quote: string, near = 0): TextAnchor | null {
  if (quote.length === 0) return null;
  let best = -1;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
  }
  return best === -1 ? null : anchorAt(text, best, best + quote.length);
}

// ---------------------------------------------------------------------------------------------
// Re-anchoring after the article's text was edited. Three steps, in the order DESIGN.md requires:
//   1. position: the stored offsets still hold the quote → keep them;
//   2. quote: the exact quote occurs somewhere → the occurrence whose context agrees best, then the
//      nearest to the old position (the quote moved, e.g. a sentence was inserted before it);
//   3. fuzzy: approx-string-match finds passages within quote.length / 2 edits → the best-scored one,
//      but only when it is convincing: a highlight attached to the wrong words is worse than an
//      orphan, which the UI shows with its stored quote and the student can re-attach by hand.

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';
/** null = orphaned: the highlight could not be found again in the new text. */
export type Reanchored = { anchor: TextAnchor; method: AnchorMethod } | null;

/** Hypothesis' weights (match-quote.js): the quote matters most, context a lot, the old position barely. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const MAX_SCORE = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * A fuzzy match must score at least this (0–1), i.e. 69 of the 92 points. Unrelated 32-character
 * contexts of English prose are ~0.15–0.25 similar (at most ~0.5), so:
 * - both context sides intact (40 + 2 points): the quote may have changed by up to ~45%;
 * - one side intact, the other unrelated (~25 points): the quote must still be ≥ ~84% the same;
 * - no context left (≤ ~10 points, 20 at the very most): not even a ~97% copy passes, as a rule.
 * So a passage that merely resembles the quote somewhere else in the article (a repeated phrase, or
 * a similar sentence after the quote itself was deleted) is orphaned. Measured on random documents:
 * quotes with ≤ 30% of their characters edited in place score ≥ 0.79; deleted or rewritten quotes
 * score ≤ 0.66, and near-copies elsewhere pass only when they stand where the quote was.
 */
const MIN_FUZZY_SCORE = 0.75;
/** Below this the "match" is mostly different words; search's error limit already ensures it. */
const MIN_QUOTE_SIMILARITY = 0.5;
/** approx-string-match's limit (Hypothesis uses the same cap: the search slows with more errors). */
const MAX_ERRORS_CAP = 256;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

export function reanchor(text: string, stored: TextAnchor): Reanchored {
  if (stored.quote.length === 0 || text.length === 0) return null;
  if (quoteStillAt(text, stored)) return { anchor: anchorAt(text, stored.start, stored.end), method: 'position' };
  const exact = best(text, stored, exactCandidates(text, stored.quote));
  if (exact) return { anchor: anchorAt(text, exact.start, exact.end), method: 'quote' };
  const fuzzy = best(text, stored, fuzzyCandidates(text, stored));
  if (!fuzzy || !isConvincing(text, stored, fuzzy)) return null;
  const [start, end] = snapToCharacters(text, ...snapToWords(text, stored, fuzzy));
  return { anchor: anchorAt(text, start, end), method: 'fuzzy' };
}

function quoteStillAt(text: string, stored: TextAnchor): boolean {
  const { start, end } = stored;
  return Number.isInteger(start) && Number.isInteger(end) && text.slice(start, end) === stored.quote;
}

function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * `search` reports only the matches with the globally lowest error count, so a near-copy elsewhere
 * with one error fewer would hide the real, edited quote. Searching again near the old position and
 * next to where the stored context still occurs keeps those local matches in the running; scoring on
 * context then decides.
 */
function fuzzyCandidates(text: string, stored: TextAnchor): Candidate[] {
  const { quote } = stored;
  const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(quote.length / 2));
  if (maxErrors === 0) return []; // a one-character quote: only the exact search makes sense
  const found: Candidate[] = [];
  for (const [from, to] of searchRegions(text, stored, maxErrors)) {
    for (const match of search(text.slice(from, to), quote, maxErrors)) {
      if (match.end > match.start) {
        found.push({ start: from + match.start, end: from + match.end, errors: match.errors });
      }
    }
  }
  return found;
}

/** [from, to) slices of the text to search: all of it, then the likeliest places for the quote. */
function searchRegions(text: string, stored: TextAnchor, maxErrors: number): Array<[number, number]> {
  const span = stored.quote.length + maxErrors;
  const regions: Array<[number, number]> = [[0, text.length]];
  const around = (from: number, to: number) => {
    if (Number.isFinite(from) && Number.isFinite(to) && from < to) {
      regions.push([clamp(from, 0, text.length), clamp(to, 0, text.length)]);
    }
  };
  around(stored.start - maxErrors - CONTEXT_CHARS, stored.start + span + CONTEXT_CHARS);
  // Where the stored context still occurs verbatim (anchorQuote: nearest occurrence; null if empty).
  const afterPrefix = anchorQuote(text, stored.prefix, stored.start - stored.prefix.length)?.end;
  if (afterPrefix !== undefined) around(afterPrefix, afterPrefix + span);
  const beforeSuffix = anchorQuote(text, stored.suffix, stored.end)?.start;
  if (beforeSuffix !== undefined) around(beforeSuffix - span, beforeSuffix);
  return regions;
}

/** The highest-scoring candidate; among equal scores, the one nearest to the old position. */
function best(text: string, stored: TextAnchor, candidates: Candidate[]): Candidate | null {
  let winner: Candidate | null = null;
  let winnerScore = -Infinity;
  for (const candidate of candidates) {
    const value = score(text, stored, candidate);
    const tie = value === winnerScore && winner !== null && distance(candidate, stored) < distance(winner, stored);
    if (value > winnerScore || tie) {
      winner = candidate;
      winnerScore = value;
    }
  }
  return winner;
}

function isConvincing(text: string, stored: TextAnchor, candidate: Candidate): boolean {
  return (
    quoteSimilarity(stored, candidate) >= MIN_QUOTE_SIMILARITY && score(text, stored, candidate) >= MIN_FUZZY_SCORE
  );
}

/** 0–1: how well the candidate's text and surroundings agree with the stored quote and context. */
function score(text: string, stored: TextAnchor, candidate: Candidate): number {
  const before = text.slice(Math.max(0, candidate.start - CONTEXT_CHARS), candidate.start);
  const after = text.slice(candidate.end, candidate.end + CONTEXT_CHARS);
  const moved = Math.min(1, distance(candidate, stored) / text.length);
  const points =
    WEIGHTS.quote * quoteSimilarity(stored, candidate) +
    WEIGHTS.prefix * similarity(stored.prefix, before) +
    WEIGHTS.suffix * similarity(stored.suffix, after) +
    WEIGHTS.position * (1 - moved);
  return points / MAX_SCORE;
}

function quoteSimilarity(stored: TextAnchor, candidate: Candidate): number {
  return 1 - candidate.errors / stored.quote.length;
}

function distance(candidate: Candidate, stored: TextAnchor): number {
  const moved = Math.abs(candidate.start - stored.start);
  return Number.isFinite(moved) ? moved : Number.MAX_SAFE_INTEGER;
}

/**
 * 1 − edit distance / CONTEXT_CHARS: 1 for equal contexts, 0 for nothing in common. Contexts are
 * measured against their full width even when cut short by the edge of the text, as if the text were
 * padded beyond its edges: the edge is context too. So a quote that was at the very start and now has
 * one character before it loses 1/32 of its prefix score, not all of it; one that was at the start
 * and now has a whole paragraph before it loses it all.
 */
function similarity(a: string, b: string): number {
  const width = Math.max(CONTEXT_CHARS, a.length, b.length);
  return 1 - editDistance(a, b) / width;
}

/** Levenshtein distance, two rows (contexts are ≤ CONTEXT_CHARS long, so this stays cheap). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The alignment ends a match where the errors are fewest, which can be inside a changed word: "a
 * single vote" found as "a single ball" in "a single ballot". A highlight that began (ended) at a word
 * boundary should still do so, so move such an edge out to the boundary of the word it cuts.
 */
function snapToWords(text: string, stored: TextAnchor, match: Candidate): [number, number] {
  const { quote, prefix, suffix } = stored;
  let start = match.start;
  let end = match.end;
  const startedAtBoundary = !isWordChar(prefix.slice(-1)) || !isWordChar(quote.slice(0, 1));
  const endedAtBoundary = !isWordChar(suffix.slice(0, 1)) || !isWordChar(quote.slice(-1));
  if (startedAtBoundary) {
    const limit = Math.max(0, match.start - CONTEXT_CHARS);
    while (start > limit && isWordChar(text[start - 1]) && isWordChar(text[start])) start -= 1;
  }
  if (endedAtBoundary) {
    const limit = Math.min(text.length, match.end + CONTEXT_CHARS);
    while (end < limit && isWordChar(text[end - 1]) && isWordChar(text[end])) end += 1;
  }
  return [start, end];
}

/** Letters, digits and combining marks (so that "é" written as e + U+0301 is one word character). */
function isWordChar(character: string | undefined): boolean {
  return character !== undefined && WORD_CHAR.test(character);
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]/u;

/**
 * A fuzzy match's edges come from an edit-distance alignment, which knows nothing of characters: it
 * may cut an emoji's surrogate pair in half or part a letter from its combining accent. Widen the
 * range so that the highlight (and the quote saved with it) holds whole characters.
 */
function snapToCharacters(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from > 0 && isInsideCharacter(text, from)) from -= 1;
  while (to < text.length && isInsideCharacter(text, to)) to += 1;
  return [from, to];
}

/** True when a boundary at `at` would split a surrogate pair or a base letter from its combining mark. */
function isInsideCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const previous = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) return true;
  return COMBINING_MARK.test(String.fromCodePoint(text.codePointAt(at) ?? 0));
}

const COMBINING_MARK = /^\p{M}/u;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
