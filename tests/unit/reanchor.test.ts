// Re-anchoring a highlight after the article's text was edited: position, then exact quote, then fuzzy,
// else orphaned (null). Offsets are UTF-16 code units, as the DOM counts them.
import { describe, expect, it } from 'vitest';
import { anchorAt, reanchor, type TextAnchor } from '../../src-main/core/anchoring';

const article = [
  'The river had flooded the lower town twice in ten years before the council agreed to act.',
  'Engineers proposed a levee along the eastern bank, paid for by a modest tax on riverside property.',
  'Opponents argued that the levee would simply push the water onto the farms downstream.',
  'After a long debate, the council approved the plan by a single vote in the spring of 1998.',
].join('\n\n');

const quote = 'push the water onto the farms downstream';

/** The stored anchor of `words` in `text` (which must contain them once). */
function anchorOf(text: string, words: string): TextAnchor {
  const start = text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(words, start + 1)).toBe(-1);
  return anchorAt(text, start, start + words.length);
}

/** Asserts the invariant every non-null result keeps: a valid range whose text is the quote. */
function expectConsistent(text: string, found: ReturnType<typeof reanchor>): void {
  if (!found) return;
  const { start, end } = found.anchor;
  expect(0 <= start && start < end && end <= text.length).toBe(true);
  expect(found.anchor.quote).toBe(text.slice(start, end));
  expect(found.anchor).toEqual(anchorAt(text, start, end));
}

describe('reanchor', () => {
  const stored = anchorOf(article, quote);

  it('keeps the same offsets when the text is unchanged ("position")', () => {
    const found = reanchor(article, stored);
    expect(found).toEqual({ anchor: stored, method: 'position' });
  });

  it('keeps the offsets, with fresh context, when only text after the quote changed', () => {
    const edited = article.replace('in the spring of 1998', 'in April 1998');
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('position');
    expect(found?.anchor.start).toBe(stored.start);
    expectConsistent(edited, found);
  });

  it('follows the quote when text is inserted before it ("quote")', () => {
    const inserted = 'Editor’s note: this story was updated on 3 May. ';
    const edited = inserted + article;
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('quote');
    expect(found?.anchor.start).toBe(stored.start + inserted.length);
    expect(found?.anchor.end).toBe(stored.end + inserted.length);
    expect(found?.anchor.quote).toBe(quote);
    expectConsistent(edited, found);
  });

  it('follows the quote when text before it was deleted', () => {
    const edited = article.replace(
      'Engineers proposed a levee along the eastern bank, ',
      'Engineers proposed a levee, ',
    );
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('quote');
    expect(edited.slice(found!.anchor.start, found!.anchor.end)).toBe(quote);
  });

  it('picks the occurrence whose context matches when the quote now appears twice', () => {
    const short = anchorOf(article, 'the levee');
    // A new first paragraph also says "the levee"; it comes before, and sits nearer to the old offset.
    const intro = 'Nobody in the lower town trusted the levee at first. ';
    const edited = intro + article;
    const found = reanchor(edited, short);
    expect(found?.method).toBe('quote');
    expect(found?.anchor.start).toBe(short.start + intro.length);
    expect(found?.anchor.prefix).toBe(short.prefix);
    expect(found?.anchor.suffix).toBe(short.suffix);
  });

  it('prefers the context over the distance between two copies of a longer quote', () => {
    // The sentence is copied as a pull quote at the very start, and a line is inserted before the original.
    const pull = `“${quote}”\n\n`;
    const edited = pull + article.replace('Opponents argued', 'At a packed meeting, opponents argued');
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('quote');
    expect(found?.anchor.prefix.endsWith('the levee would simply ')).toBe(true);
    expect(edited.slice(found!.anchor.start, found!.anchor.end)).toBe(quote);
  });

  it('finds the passage when a typo inside the quote was fixed ("fuzzy")', () => {
    const typo = article.replace('farms downstream', 'frams downstraem');
    const before = anchorOf(typo, 'push the water onto the frams downstraem');
    const found = reanchor(article, before);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.quote).toBe(quote);
    expect(found?.anchor.start).toBe(stored.start);
    expectConsistent(article, found);
  });

  it('finds the passage when a word inside the quote was changed', () => {
    const edited = article.replace('onto the farms downstream', 'onto the fields downstream');
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.quote).toBe('push the water onto the fields downstream');
    expectConsistent(edited, found);
  });

  it('finds the edited quote in place even when a closer copy of its words exists elsewhere', () => {
    // approx-string-match reports only the matches with the fewest errors: the copy in the last
    // paragraph (one error) would hide the edited original (two errors: barn for farms) without the local searches.
    const copy = '\n\nAs one critic put it, the levee would push the water onto the farm downstream.';
    const text = article + copy;
    const edited = text.replace(quote, 'push the water onto the barn downstream');
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.start).toBe(stored.start);
    expect(found?.anchor.quote).toBe('push the water onto the barn downstream');
  });

  it('finds an edited quote that also moved, as long as its context came along', () => {
    const edited = `A short introduction was added here.\n\n${article.replace('the water onto', 'the floodwater onto')}`;
    const found = reanchor(edited, stored);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.quote).toBe('push the floodwater onto the farms downstream');
  });

  it('orphans a quote that was deleted', () => {
    const edited = article.replace(` would simply ${quote}`, ' would cost too much');
    expect(reanchor(edited, stored)).toBeNull();
  });

  it('orphans a quote whose whole paragraph was rewritten', () => {
    const edited = article.replace(
      'Opponents argued that the levee would simply push the water onto the farms downstream.',
      'Critics said the money would be better spent on moving families out of the flood zone altogether.',
    );
    expect(reanchor(edited, stored)).toBeNull();
  });

  it('orphans rather than attach to a similar sentence elsewhere when the original was deleted', () => {
    const text = [
      'Farmers feared the plan would push the water onto the fields downstream, and said so loudly.',
      'Engineers proposed a levee along the eastern bank, paid for by a modest tax on riverside property.',
      'Opponents argued that the levee would simply push the water onto the farms downstream.',
      'After a long debate, the council approved the plan by a single vote in the spring of 1998.',
    ].join('\n\n');
    const highlighted = anchorOf(text, quote);
    const edited = text.replace(' would simply push the water onto the farms downstream', ' would cost too much');
    // "push the water onto the fields downstream" is only 4 edits away, but nothing around it agrees.
    expect(reanchor(edited, highlighted)).toBeNull();
  });

  it('attaches to a near-copy that now stands exactly where the quote was, before its old suffix', () => {
    // The judgment call: the sentence before the quote was rewritten and the quote changed by one
    // word. Its suffix and 90% of its words are still there, so it is taken to be the same passage,
    // although the first sentence could in principle have been a different one that survived.
    const text = `Opponents argued that the levee would simply ${quote}. The council voted anyway.`;
    const highlighted = anchorOf(text, quote);
    const edited = `Farmers feared the plan would push the water onto the fields downstream. The council voted anyway.`;
    const found = reanchor(edited, highlighted);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.quote).toBe('push the water onto the fields downstream');
  });

  it('counts emoji (surrogate pairs) and combining accents before the quote in UTF-16 code units', () => {
    const decorated = `🌊🏠 Cafe\u0301 owners e\u0301cole 👩‍👩‍👧 said: ${article}`;
    const prefixLength = decorated.length - article.length;
    expect(prefixLength).toBe(
      2 + 2 + ' Cafe'.length + 1 + ' owners e'.length + 1 + 'cole '.length + 8 + ' said: '.length,
    );
    const found = reanchor(decorated, stored);
    expect(found?.method).toBe('quote');
    expect(found?.anchor.start).toBe(stored.start + prefixLength);
    expect(decorated.slice(found!.anchor.start, found!.anchor.end)).toBe(quote);
  });

  it('moves by UTF-16 code units when an emoji is inserted before an edited quote', () => {
    const storedHere = anchorOf(article, 'the council approved the plan by a single vote');
    const edited = article
      .replace('After a long debate,', 'After a long debate 🗳️,')
      .replace('single vote', 'single ballot');
    const found = reanchor(edited, storedHere);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.quote).toBe('the council approved the plan by a single ballot');
    expect(found?.anchor.start).toBe(storedHere.start + ' 🗳️'.length);
    expect(' 🗳️'.length).toBe(4);
  });

  it.each([
    ['an emoji (surrogate pair)', '👍'],
    ['a letter with a combining accent', 'e\u0301'],
  ])('widens a fuzzy match that would split %s at its edge', (_name, character) => {
    const text = 'Some text before the highlight. He said X fine and left the room quietly, without a word.';
    const highlighted = anchorOf(text, 'X fine and left the room');
    // The cheapest alignment substitutes X with the last code unit of the new character (one error),
    // which would start the highlight in the middle of it.
    const edited = text.replace('X fine', `${character} fine`);
    const found = reanchor(edited, highlighted);
    expect(found?.method).toBe('fuzzy');
    expect(found?.anchor.quote).toBe(`${character} fine and left the room`);
    expectConsistent(edited, found);
  });

  it('orphans everything in an empty text, and an empty quote anywhere', () => {
    expect(reanchor('', stored)).toBeNull();
    expect(reanchor(article, { start: 0, end: 0, quote: '', prefix: '', suffix: '' })).toBeNull();
  });

  it('copes with stored offsets that no longer fit the text', () => {
    const shorter = article.slice(stored.start - 10, stored.end + 10);
    const found = reanchor(shorter, stored);
    expect(found?.method).toBe('quote');
    expect(found?.anchor.start).toBe(10);
    expect(reanchor('unrelated', stored)).toBeNull();
  });
});
