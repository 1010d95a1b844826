// The sheet as Markdown: a real board (real dispatch, real SQLite) against snapshots checked by eye, in both
// layouts, plus the escaping that keeps student text from turning into HTML or into the sheet's own structure.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeMarkdownText, safeStudentMarkdown } from '../../src-main/core/sheet/markdown';
import { markdownToUnsafeHtml } from '../../src-main/shared/markdown';
import { cleanUp } from './helpers';
import { emptyBoard, fixtureBoard } from './sheet-fixture';

afterEach(() => {
  vi.useRealTimers();
  cleanUp();
});

const fixtures = join(import.meta.dirname, 'fixtures');

/** Compares with the checked snapshot; UPDATE_SHEET_FIXTURES=1 rewrites it (then read the diff before committing). */
function expectSnapshot(actual: string, file: string) {
  if (process.env.UPDATE_SHEET_FIXTURES) writeFileSync(join(fixtures, file), actual);
  expect(actual).toBe(readFileSync(join(fixtures, file), 'utf8'));
}

/** Sheets are dated today: the tests pin today to 15 March 2024 (only Date is faked, timers run as usual). */
function pinToday() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2024, 2, 15, 10));
}

describe('the Markdown sheet of a real board', () => {
  it('standard layout, APA: motion, student, date, thesis, each side in order with ratings in words', async () => {
    pinToday();
    const board = await fixtureBoard();
    expectSnapshot(
      await board.exportSheet('markdown', { style: 'apa', layout: 'standard', includeUnused: false }),
      'sheet-standard-apa.md',
    );
  });

  it('debate layout, Chicago, with the evidence considered but not used', async () => {
    pinToday();
    const board = await fixtureBoard();
    expectSnapshot(
      await board.exportSheet('markdown', { style: 'chicago', layout: 'debate', includeUnused: true }),
      'sheet-debate-chicago.md',
    );
  });

  it('says plainly that nothing is placed, and lists no bibliography', async () => {
    pinToday();
    const board = await emptyBoard();
    const markdown = await board.exportSheet('markdown', { style: 'mla', layout: 'standard', includeUnused: false });
    expect(markdown).toContain('**Nothing has been placed on this board yet: neither side has any evidence cards.**');
    expect(markdown.match(/\*No cards on this side\.\*/g)).toHaveLength(2);
    expect(markdown).toContain('*No thesis written yet.*');
    expect(markdown).not.toContain('Works Cited');
  });
});

describe('escaping', () => {
  it('shows plain text exactly: no emphasis, no HTML, no heading or list made from a quote', () => {
    const text = '<img src=x onerror=alert(1)> *not bold* [link](javascript:x) # 1. a_b\n- item\n2) two\n> quoted';
    const html = markdownToUnsafeHtml(escapeMarkdownText(text));
    expect(html).not.toMatch(/<img|<em>|<a |<h1|<li>|<blockquote>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; *not bold* [link](javascript:x) # 1. a_b');
  });

  it('keeps the student’s Markdown as written but shows raw HTML as text, outside code only', () => {
    const student =
      'Say **this** <script>alert(1)</script> `<b>code</b>`\n\n```\n<i>fenced</i>\n```\n<div onclick="x">';
    const safe = safeStudentMarkdown(student);
    expect(safe).toBe(
      'Say **this** &lt;script>alert(1)&lt;/script> `<b>code</b>`\n\n```\n<i>fenced</i>\n```\n&lt;div onclick="x">',
    );
    const html = markdownToUnsafeHtml(safe);
    expect(html).toContain('<strong>this</strong> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>&lt;b&gt;code&lt;/b&gt;</code>');
    expect(html).not.toMatch(/<script|<div/);
  });

  it('leaves no live HTML where "\\<" could be undone: "<<", an escaped backslash, a GFM autolink before it', () => {
    const tricks = [
      '<<script>;alert(1)//<</script>/script>',
      '\\\\<img src=x onerror=alert(2)>',
      '<form action="https://evil.example/x"><button formaction="javascript:alert(3)">Send</button></form>',
    ];
    for (const trick of tricks) {
      const html = markdownToUnsafeHtml(safeStudentMarkdown(trick));
      expect(html, trick).not.toMatch(/<(script|img|button|form)\b/);
    }
    // A fence the student left open is closed: the sheet's next section is not read as code (nor flipped).
    const open = safeStudentMarkdown('Reasoning: ```\n<b>x</b>\n```');
    expect(markdownToUnsafeHtml(`${open}\n\nNext\n\n\`\`\`\n<i>y</i>\n\`\`\``)).toMatch(/<p>Next<\/p>/);
    // A closer with an info string does not close (as in CommonMark), so what follows stays code.
    expect(safeStudentMarkdown('```\n```js\n<b>')).toBe('```\n```js\n<b>\n```');
    // A "<" an odd run of backslashes already escapes stays as written.
    expect(safeStudentMarkdown('a \\<b> c')).toBe('a \\<b> c');
  });

  it('keeps links to the web, e-mail and the sheet, and shows every other link and every image as text', () => {
    const kept =
      '[source](https://example.org/a?b=1&c=2) [mail](mailto:t@example.org) [up](#bibliography) [r](notes.md)';
    expect(safeStudentMarkdown(kept)).toBe(kept);
    expect(markdownToUnsafeHtml(kept).match(/<a /g)).toHaveLength(4);
    const tricks = [
      '[click](javascript:alert(1))',
      '[click]( JaVaScRiPt:alert(2))',
      '[click](javascript&#58;alert(3))',
      '[click](&#x6A;avascript:alert(4))',
      '[click](vbscript:msgbox(5))',
      '[click](data:text/html,<script>alert(6)</script>)',
      '[click](<javascript:alert(7)>)',
      '[click][ref]\n\n[ref]: javascript:alert(8)',
      '[a [nested] text](javascript:alert(9))',
      '![pixel](https://evil.example/p.png)',
      '![x](x"onerror="alert(10))',
      '![pixel][img]\n\n[img]: https://evil.example/q.png',
    ];
    for (const trick of tricks) {
      const html = markdownToUnsafeHtml(safeStudentMarkdown(trick));
      expect(html, trick).not.toMatch(/<img\b|src=/);
      // (A bare web address in the text is still a web link, as GFM makes it: harmless.)
      for (const [, href = ''] of html.matchAll(/href="([^"]*)"/g)) expect(href, trick).toMatch(/^https?:\/\//);
    }
    // An image in a code span is code, and stays as written.
    expect(safeStudentMarkdown('`![x](y)`')).toBe('`![x](y)`');
  });
});
