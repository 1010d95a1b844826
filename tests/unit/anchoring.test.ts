// Text anchors: exact offsets in UTF-16 code units, a quote plus 32 characters of context each side.
import { describe, expect, it } from 'vitest';
import { anchorAt, anchorQuote, CONTEXT_CHARS } from '../../src-main/core/anchoring';

const before = 'a'.repeat(40);
const middle = 'b'.repeat(40);
const after = 'c'.repeat(40);
const text = `${before}needle${middle}needle${after}`;
const first = before.length;
const second = before.length + 'needle'.length + middle.length;

describe('anchorQuote', () => {
  it('takes 32 characters of context each side', () => {
    expect(CONTEXT_CHARS).toBe(32);
    const anchor = anchorQuote(text, 'needle');
    expect(anchor).toEqual({
      start: first,
      end: first + 6,
      quote: 'needle',
      prefix: 'a'.repeat(32),
      suffix: 'b'.repeat(32),
    });
  });

  it('finds the occurrence nearest to `near`', () => {
    expect(anchorQuote(text, 'needle', 0)?.start).toBe(first);
    expect(anchorQuote(text, 'needle', first + 20)?.start).toBe(first);
    expect(anchorQuote(text, 'needle', second - 5)?.start).toBe(second);
    expect(anchorQuote(text, 'needle', text.length)?.start).toBe(second);
    const last = anchorQuote(text, 'needle', second);
    expect(last?.prefix).toBe('b'.repeat(32));
    expect(last?.suffix).toBe('c'.repeat(32));
  });

  it('finds overlapping occurrences', () => {
    expect(anchorQuote('aaaa', 'aa', 2)?.start).toBe(2);
    expect(anchorQuote('aaaa', 'aa', 1)?.start).toBe(1);
  });

  it('cuts the context short at the edges of the text', () => {
    expect(anchorQuote('needle in a haystack', 'needle')).toMatchObject({
      start: 0,
      prefix: '',
      suffix: ' in a haystack',
    });
    expect(anchorQuote('a haystack with a needle', 'needle')).toMatchObject({
      prefix: 'a haystack with a ',
      suffix: '',
    });
  });

  it('returns null when the quote is absent or empty', () => {
    expect(anchorQuote(text, 'haystack')).toBeNull();
    expect(anchorQuote(text, 'Needle')).toBeNull();
    expect(anchorQuote(text, '')).toBeNull();
    expect(anchorQuote('', 'needle')).toBeNull();
  });

  it('counts offsets in UTF-16 code units, as the DOM does', () => {
    const emoji = '😀 é needle';
    const anchor = anchorQuote(emoji, 'needle');
    expect(anchor?.start).toBe(5);
    expect(emoji.slice(anchor!.start, anchor!.end)).toBe('needle');
    expect(anchor?.prefix).toBe('😀 é ');
  });
});

describe('anchorAt', () => {
  it('anchors a valid range', () => {
    expect(anchorAt('0123456789', 2, 5)).toEqual({
      start: 2,
      end: 5,
      quote: '234',
      prefix: '01',
      suffix: '56789',
    });
    expect(anchorAt('0123456789', 0, 10).quote).toBe('0123456789');
  });

  it.each([
    [-1, 3],
    [3, 3],
    [5, 2],
    [0, 11],
    [10, 11],
    [Number.NaN, 2],
    [0, Number.NaN],
  ])('throws a RangeError for %d–%d in a text of 10 characters', (start, end) => {
    expect(() => anchorAt('0123456789', start, end)).toThrow(RangeError);
    expect(() => anchorAt('0123456789', start, end)).toThrow(/text has 10 characters/);
  });
});
