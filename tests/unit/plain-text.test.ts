// Plain text derived from an article's Markdown (the anchoring coordinate space) and word counts.
import { describe, expect, it } from 'vitest';
import { countWords, markdownToPlainText } from '../../src-main/core/plain-text';
import { markdownToUnsafeHtml } from '../../src-main/shared/markdown';

describe('markdownToPlainText', () => {
  it('keeps the words and drops the Markdown syntax', () => {
    const text = markdownToPlainText('# Title\n\nPara **bold** _it_ `code` [link](https://example.org)\n\n- a\n- b\n');
    expect(text).toContain('Title');
    expect(text).toContain('Para bold it code link');
    expect(text).not.toMatch(/[#*_`[\]()]|https?:/);
  });

  it.each([
    ['script', 'before <script>alert("SECRET")</script> after'],
    ['style', '<style>p { color: red } /* SECRET */</style>\n\nbefore after'],
    ['template', 'before <template><p>SECRET</p></template> after'],
    ['noscript', 'before <noscript>SECRET</noscript> after'],
    ['iframe', 'before\n\n<iframe>SECRET</iframe>\n\nafter'],
    ['textarea', 'before\n\n<textarea>SECRET</textarea>\n\nafter'],
    ['svg', 'before <svg><text>SECRET</text></svg> after'],
    ['button', 'before <button>SECRET</button> after'],
  ])('shows raw <%s> as the literal text it is, never as an element', (tag, markdown) => {
    const html = markdownToUnsafeHtml(markdown);
    expect(html).not.toMatch(new RegExp(`<${tag}\\b`, 'i'));
    const text = markdownToPlainText(markdown);
    expect(text).toContain(`<${tag}>`);
    expect(text).toContain('SECRET');
    expect(text).toContain(`</${tag}>`);
  });

  it('decodes HTML entities', () => {
    const text = markdownToPlainText('Tom &amp; Jerry &eacute;t&eacute; &#8212; &#x2019; &lt;b&gt; &quot;q&quot;');
    expect(text.trim()).toBe('Tom & Jerry été — ’ <b> "q"');
  });

  it('normalizes to NFC', () => {
    const decomposed = 'Cafe\u0301 in Almaty; Zaz\u0307o\u0301\u0142c\u0301';
    const text = markdownToPlainText(decomposed);
    expect(text.trim()).toBe(decomposed.normalize('NFC'));
    expect(text).toContain('Caf\u00e9');
    expect(text).not.toContain('e\u0301');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('keeps typographic characters exactly', () => {
    expect(markdownToPlainText('“color revolutions” – Xi’s call…').trim()).toBe('“color revolutions” – Xi’s call…');
  });

  it('keeps an HTML comment visible as text rather than hiding what a teacher wrote', () => {
    expect(markdownToPlainText('<!-- a comment -->').trim()).toBe('<!-- a comment -->');
  });
});

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['— … !!! ---', 0],
    ['one', 1],
    ['Russia and China', 3],
    ["don't stop", 2],
    ['Xi’s well-known 2022 plan', 4],
    ['stop—go', 2],
    ['Zażółć gęślą jaźń', 3],
    ['Сергей Лавров', 2],
    ['习近平 visited', 2],
    ['  leading and trailing  ', 3],
    ['around 10,000 troops', 3],
    ['a 3.5 per cent rise', 5],
    ['Moscow, Beijing.Then', 3],
  ])('counts %j as %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
