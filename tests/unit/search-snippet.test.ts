// Search snippets made from an article's plain text: which words are marked and where the text is cut.
import { describe, expect, it } from 'vitest';
import { foldWord, searchSnippet } from '../../src-main/core/search-snippet';

const marked = (snippet: string) => snippet.replaceAll('\uE000', '[').replaceAll('\uE001', ']');

describe('searchSnippet', () => {
  it('marks whole words and the prefix being typed, ignoring case and diacritics like the index', () => {
    const text = 'The Élysée said Russia and the RUSSIANS would stay.';
    expect(marked(searchSnippet(text, { words: ['elysee'], prefix: 'russ' }))).toBe(
      'The [Élysée] said [Russia] and the [RUSSIANS] would stay.',
    );
    // A whole word is not a prefix: "the" does not mark "there".
    expect(marked(searchSnippet('there and the', { words: ['the'], prefix: null }))).toBe('there and [the]');
  });

  it('cuts a long text around the window with the most different query words, with ellipses', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const text = `${filler(30)} alliance ${filler(40)} alliance with China ${filler(40)}`;
    const snippet = marked(searchSnippet(text, { words: ['alliance'], prefix: 'chin' }));
    expect(snippet).toMatch(/^….* \[alliance\] with \[China\] .*…$/);
    expect(snippet.split(' ').length).toBeLessThanOrEqual(18);
  });

  it('gives the opening words, unmarked, when only the title matched', () => {
    const text =
      'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen';
    expect(searchSnippet(text, { words: ['zebra'], prefix: null })).toBe(
      'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen…',
    );
  });

  it('keeps the text between marks exactly, apart from runs of spaces', () => {
    const text = 'Xi’s call:\n\n“stability” — in Kazakhstan.';
    expect(marked(searchSnippet(text, { words: ['stability'], prefix: 'kaz' }))).toBe(
      'Xi’s call: “[stability]” — in [Kazakhstan].',
    );
  });
});

describe('foldWord', () => {
  it('folds case and diacritics, as unicode61 with remove_diacritics 2 does', () => {
    expect(['Élysée', 'ÇA', 'naïve', 'Straße', 'Казахстан'].map(foldWord)).toEqual([
      'elysee',
      'ca',
      'naive',
      'straße',
      'казахстан',
    ]);
  });
});
