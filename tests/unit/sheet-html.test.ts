// The sheet as HTML: a self-contained document that runs nothing and loads nothing, whatever the student, the
// teacher or an imported article typed; user text kept exactly (RTL, emoji, quotes in quotes); odd boards.
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSheet } from '../../src-main/core/sheet/build';
import { renderSheetHtml } from '../../src-main/core/sheet/html';
import type { Board } from '../../src-main/shared/domain';
import type { SheetOptions } from '../../src-main/shared/sheet';
import { callOk, cleanUp, projectRoot } from './helpers';
import { emptyBoard, fixtureBoard } from './sheet-fixture';

afterEach(cleanUp);

const STANDARD: SheetOptions = { style: 'mla', layout: 'standard', includeUnused: true };
const DEBATE: SheetOptions = { style: 'apa', layout: 'debate', includeUnused: true };

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:alert(1)">raw link</a>',
  '[md link](javascript:alert(1))',
  '[mixed case](JaVaScRiPt:alert(1))',
  '[entity](&#106;avascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(1)>',
  '![tracker](https://evil.example/pixel.png)',
  '![x](javascript:alert(1)) ![y](x" onerror="alert(1))',
  '<style>.sheet{display:none}</style><div style="background:url(https://evil.example/)">',
  '[ref][1]\n\n[1]: javascript:alert(1)',
];
const HOSTILE = XSS.join('\n\n');

/**
 * Everything that could run or load, found by parsing the document the way a browser would: script-like elements,
 * event-handler attributes, src attributes, links that are not http(s), styles other than the sheet's own.
 */
function dangers(document: string): string[] {
  const { document: dom } = parseHTML(document);
  const found: string[] = [];
  for (const element of dom.querySelectorAll('*')) {
    const name = element.tagName.toLowerCase();
    if (['script', 'iframe', 'img', 'svg', 'object', 'embed', 'link', 'base', 'form', 'math'].includes(name)) {
      found.push(`<${name}>`);
    }
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) found.push(`${name}[${attribute.name}]`);
      if (['src', 'srcset', 'style', 'action', 'formaction', 'xlink:href'].includes(attribute.name.toLowerCase())) {
        found.push(`${name}[${attribute.name}]`);
      }
      if (attribute.name === 'href' && !/^https?:\/\//i.test(attribute.value)) found.push(`href=${attribute.value}`);
    }
  }
  if (dom.querySelectorAll('style').length !== 1) found.push('extra <style>');
  // Text that merely mentions "<script" or "javascript:" is escaped or inert (checked through the DOM above);
  // an unescaped "<script" anywhere, even where a parser would not make it an element, is still refused.
  if (/<script/i.test(document)) found.push('<script');
  return found;
}

function textOf(html: string, selector: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll(selector)].map((element) => element.textContent ?? '');
}

describe('the document', () => {
  it('is self-contained: doctype, lang, charset, CSP, title, the sheet.css inlined once, no script', async () => {
    const board = await fixtureBoard();
    const document = await board.exportSheet('html', STANDARD);
    expect(document.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(document).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(document).toContain(
      '<title>Russia and China after the Kazakhstan crisis (January 2022): alliance or rivalry? — Aisha Rahman</title>',
    );
    const css = readFileSync(join(projectRoot, 'resources', 'sheet', 'sheet.css'), 'utf8');
    expect(document).toContain(`<style>\n${css}\n</style>`);
    expect(css).toMatch(/@page\s*{[^}]*margin/);
    expect(css).toMatch(/break-inside:\s*avoid/);
    // Every rule is scoped under .sheet (the app's preview imports the same file).
    const selectors = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .match(/(^|})\s*([^@{}\s][^{}]*){/g)
      ?.map((rule) =>
        rule
          .replace(/^}?\s*/, '')
          .replace(/{$/, '')
          .trim(),
      );
    for (const selector of selectors ?? []) {
      for (const part of selector.split(',')) expect(part.trim()).toMatch(/^\.sheet/);
    }
    expect(dangers(document)).toEqual([]);
  });

  it('shows the sides in the student’s order with tags, quotes, cites, ratings in words and reasoning', async () => {
    const board = await fixtureBoard();
    const { html } = await callOk<{ html: string }>(board.app, 'sheets.preview', { ...board.ref, options: STANDARD });
    expect(html.startsWith('<article class="sheet sheet--standard">')).toBe(true);
    expect(textOf(html, '.sheet-side-heading')).toEqual(['Side A Alliance 2 cards', 'Side B Rivalry 2 cards']);
    expect(textOf(html, '.sheet-side--a .sheet-tag')).toEqual([
      '1 OSW expert: China backed Russia’s narrative and gave Moscow a free hand in Kazakhstan',
      '2 Klain: Russian force and Chinese capital combined to support Tokayev',
    ]);
    expect(textOf(html, '.sheet-side--a .sheet-ratings')[0]).toBe('Strength: Strong (3/3)Relevance: Central (3/3)');
    expect(textOf(html, '.sheet-side--b .sheet-cite')[0]).toBe(
      'Con Coughlin, The Telegraph, 13 January 2022, “Russia’s alliance with China is beginning to falter”',
    );
    expect(html).toContain(
      '<a href="https://www.osw.waw.pl/en" rel="noopener noreferrer">OSW</a> and &lt;b&gt;this&lt;/b&gt;.',
    );
    expect(textOf(html, '.sheet-bibliography li')).toHaveLength(5);
    expect(textOf(html, '.sheet-unused .sheet-card').length).toBeGreaterThan(0);
  });

  it('debate layout: the tag as h4, then the cite line led by the emphasised "Lastname Year", then the body', async () => {
    const board = await fixtureBoard();
    const { html } = await callOk<{ html: string }>(board.app, 'sheets.preview', { ...board.ref, options: DEBATE });
    expect(html).toContain(
      '<h4 class="sheet-tag" dir="auto">Telegraph: Russia–China competition in Central Asia questions their claimed alliance</h4>\n' +
        '<p class="sheet-cite"><strong class="sheet-cite-key" dir="auto">Coughlin 2022</strong> <span dir="auto">Con Coughlin</span>, <i dir="auto">The Telegraph</i>, 13 January 2022, <span dir="auto">“Russia’s alliance with China is beginning to falter”</span></p>\n' +
        '<blockquote class="sheet-quote"><p dir="auto">The deepening rivalry',
    );
    expect(textOf(html, '.sheet-bibliography h2')).toEqual(['References']);
  });
});

describe('hostile input', () => {
  it('runs and loads nothing from reasoning, thesis and conclusion typed by the student', async () => {
    const board = await fixtureBoard();
    const [cardId] = (await callOk<Board>(board.app, 'board.get', board.ref)).placements.map((p) => p.cardId);
    await callOk(board.app, 'placements.update', { ...board.ref, cardId, reasoningMarkdown: HOSTILE });
    await callOk(board.app, 'positions.update', { ...board.ref, thesisMarkdown: HOSTILE, conclusionMarkdown: HOSTILE });
    for (const options of [STANDARD, DEBATE]) {
      const document = await board.exportSheet('html', options);
      expect(dangers(document)).toEqual([]);
      // Markdown links to http(s) survive as links; images are never fetched, their description stays.
      expect(document).toContain('<span class="sheet-image-alt">[image: tracker]</span>');
      expect(document).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('runs and loads nothing from the motion, the side labels, a tag, a quote, a cite or the student’s name', async () => {
    const board = await fixtureBoard();
    const real = await callOk<Board>(board.app, 'board.get', board.ref);
    for (const payload of XSS) {
      const hostile: Board = {
        ...real,
        debate: { ...real.debate, motion: payload, sideA: payload, sideB: payload },
        student: { ...real.student, name: payload },
        cards: real.cards.map((card) => ({
          ...card,
          tag: payload,
          quote: payload,
          cite: { title: payload, author: payload, outlet: payload, date: payload, url: payload },
        })),
      };
      for (const options of [STANDARD, DEBATE]) {
        const { document } = renderSheetHtml(buildSheet(hostile, options, '2024-03-15', projectRoot), projectRoot);
        expect(dangers(document), payload).toEqual([]);
      }
    }
  });
});

describe('unusual text and boards', () => {
  it('keeps RTL, emoji and quotes within quotes exactly, with dir="auto" on user text', async () => {
    const board = await fixtureBoard();
    const real = await callOk<Board>(board.app, 'board.get', board.ref);
    const tag = 'الصين تدعم روسيا — China 🇨🇳🤝🇷🇺 backs Russia';
    const quote = "He said: \"It's a 'marriage' of «convenience»\" — אמר השגריר 😀\nSecond line & <more>";
    const edited: Board = {
      ...real,
      student: { ...real.student, name: 'Zoë O’Brien-Nakamura 🎓' },
      cards: real.cards.map((card, index) => (index === 0 ? { ...card, tag, quote } : card)),
    };
    const { body } = renderSheetHtml(buildSheet(edited, STANDARD, '2024-03-15', projectRoot), projectRoot);
    expect(textOf(body, '.sheet-side--a .sheet-tag [dir="auto"]')[0]).toBe(tag);
    expect(textOf(body, '.sheet-side--a .sheet-quote')[0]).toBe(quote.replace('\n', ''));
    expect(body).toContain('<br>Second line &#38; &#60;more&#62;</p>');
    expect(textOf(body, '.sheet-meta dd')[0]).toBe('Zoë O’Brien-Nakamura 🎓');
    expect(body).toMatch(/<blockquote class="sheet-quote"><p dir="auto">He said/);
  });

  it('says plainly that nothing is placed on an empty board', async () => {
    const board = await emptyBoard();
    const document = await board.exportSheet('html', { ...STANDARD, includeUnused: false });
    expect(textOf(document, '.sheet-nothing-placed')).toEqual([
      'Nothing has been placed on this board yet: neither side has any evidence cards.',
    ]);
    expect(textOf(document, '.sheet-side .sheet-empty')).toEqual(['No cards on this side.', 'No cards on this side.']);
    expect(document).not.toContain('<section class="sheet-bibliography">');
    expect(dangers(document)).toEqual([]);
  });

  it('prints a 20,000-character reasoning whole', async () => {
    const board = await fixtureBoard();
    const [cardId] = (await callOk<Board>(board.app, 'board.get', board.ref)).placements.map((p) => p.cardId);
    const long = `${'Evidence matters. '.repeat(1_000)}${'x'.repeat(2_000)}`;
    expect(long).toHaveLength(20_000);
    await callOk(board.app, 'placements.update', { ...board.ref, cardId, reasoningMarkdown: long });
    const document = await board.exportSheet('html', STANDARD);
    expect(textOf(document, '.sheet-reasoning-text')[0]?.trim()).toBe(long.trim());
  });
});
