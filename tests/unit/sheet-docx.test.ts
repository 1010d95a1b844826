// The argument sheet as Word: a real board in a temp SQLite exported through dispatch, opened with mammoth (what
// a reader of .docx sees) for the content and the Verbatim styles, and hostile text that must still make a valid file.
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { DebateDeskApp } from '../../src-main/core/app';
import { formatBibliography } from '../../src-main/core/sheet/citations';
import type { Board, EvidenceCard } from '../../src-main/shared/domain';
import type { SheetFile, SheetLayout } from '../../src-main/shared/sheet';
import { callOk, cleanUp, openApp, projectRoot, starterIds } from './helpers';

afterEach(cleanUp);

// mammoth drops unknown character styles; these turn Verbatim's into classes the test can see.
const STYLE_MAP = [
  "r[style-name='Style 13 pt Bold'] => span.cite",
  "r[style-name='Style Underline'] => span.underline",
  "r[style-name='Emphasis'] => span.emphasis",
  "p[style-name='Quote'] => blockquote > p:fresh",
];

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function buildBoard() {
  const app = openApp();
  const ids = await starterIds(app);
  const ref = { debateId: ids.debate.id, studentId: ids.students[0]!.id };
  const cards = ids.board.cards.slice(0, 6);
  for (const [index, card] of cards.entries()) {
    await callOk(app, 'cards.place', { ...ref, cardId: card.id, side: index % 2 ? 'B' : 'A', index: 99 });
    await callOk(app, 'placements.update', {
      ...ref,
      cardId: card.id,
      reasoningMarkdown: `Card ${index} shows **joint interest ${index}** and _caution ${index}_:\n\n- first point ${index}\n- second point ${index}\n\nSee [the source](https://example.org/${index}).`,
      strength: 3,
      relevance: 2,
    });
  }
  await callOk(app, 'positions.update', { ...ref, thesisMarkdown: 'A **marriage of convenience**.' });
  return { app, ref, cards };
}

async function exportDocx(app: DebateDeskApp, ref: object, layout: SheetLayout): Promise<Buffer> {
  const file = await callOk<SheetFile>(app, 'sheets.export', {
    ...ref,
    format: 'docx',
    options: { style: 'mla', layout, includeUnused: false },
  });
  expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(file.fileName).toMatch(/\.docx$/);
  return Buffer.from(file.dataBase64, 'base64');
}

function bibliographyTexts(cards: EvidenceCard[]): string[] {
  const byArticle = new Map(cards.map((card) => [card.articleId, card.cite]));
  return formatBibliography(
    [...byArticle].map(([articleId, cite]) => ({ articleId, cite })),
    'mla',
    projectRoot,
  ).map((entry) => entry.text);
}

/** word/document.xml, checked for the characters XML 1.0 forbids (Word refuses a file holding one). */
function documentXml(bytes: Buffer): string {
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['word/document.xml']);
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/);
  return xml;
}

describe('Word export', () => {
  it('standard layout has every tag, quote, reasoning, rating and bibliography entry', async () => {
    const { app, ref, cards } = await buildBoard();
    const bytes = await exportDocx(app, ref, 'standard');
    documentXml(bytes);
    const text = squash((await mammoth.extractRawText({ buffer: bytes })).value);
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP });
    for (const [index, card] of cards.entries()) {
      expect(text).toContain(squash(card.tag));
      expect(text).toContain(squash(card.quote));
      expect(html).toContain(`<strong>joint interest ${index}</strong>`);
      expect(html).toContain(`<em>caution ${index}</em>`);
      expect(html).toContain(`<li>first point ${index}</li>`);
      expect(html).toContain(`<a href="https://example.org/${index}">the source</a>`);
    }
    expect(html).toContain('<h3>'); // tags as headings
    expect(html).toContain('<blockquote>'); // quotes in Word's Quote style
    expect(text).toContain('Strength: Strong · Relevance: Relevant');
    expect(html).toContain('A <strong>marriage of convenience</strong>.');
    const entries = bibliographyTexts(cards);
    expect(entries.length).toBeGreaterThan(0);
    expect(text).toContain('Works Cited');
    for (const entry of entries) expect(text).toContain(squash(entry));
  });

  it('debate layout: tag in heading 4, "Style 13 pt Bold" cite, body in "Style Underline", bold as Emphasis', async () => {
    const { app, ref, cards } = await buildBoard();
    const bytes = await exportDocx(app, ref, 'debate');
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP });
    expect(
      messages.filter((message) => /Style 13 pt Bold|Style Underline|Emphasis|heading 4/.test(message.message)),
    ).toEqual([]);
    for (const [index, card] of cards.entries()) {
      expect(html).toContain(`<h4>${escapeHtml(squash(card.tag))}</h4>`);
      expect(squash(html)).toContain(`<span class="underline">${escapeHtml(squash(card.quote))}</span>`);
      expect(html).toContain(`<span class="emphasis">joint interest ${index}</span>`);
    }
    // The starter's Coughlin article (2022) cites as "Coughlin 22"; untitled-author ones by outlet or "No author".
    expect(html).toMatch(/<span class="cite">[^<]+ (\d\d|ND)<\/span>/);
    const cites = [...html.matchAll(/<span class="cite">([^<]+)<\/span>/g)].map((match) => match[1]);
    expect(cites).toHaveLength(cards.length);
    const text = squash((await mammoth.extractRawText({ buffer: bytes })).value);
    for (const entry of bibliographyTexts(cards)) expect(text).toContain(squash(entry));
    // Word's built-in heading 4 (outline level 3), so the Navigation Pane lists the tags.
    const styles = new TextDecoder().decode(unzipSync(new Uint8Array(bytes))['word/styles.xml']);
    expect(styles).toMatch(/w:styleId="Heading4"><w:name w:val="heading 4"\/>[\s\S]*?<w:outlineLvl w:val="3"\/>/);
  });

  it('hostile text (markup, control characters, right-to-left, emoji) still makes a valid document', async () => {
    const app = openApp();
    const ids = await starterIds(app);
    const student = ids.students[0]!;
    const ref = { debateId: ids.debate.id, studentId: student.id };
    const card = ids.board.cards[0]!;
    const hostileTag = 'שלום <w:p>&amp; ]]></w:t> \u0001\u0007\u000b\u001f\uFFFE end 😀';
    const excerptArticle = await callOk<{ bodyText: string }>(app, 'articles.get', { articleId: card.articleId });
    const start = excerptArticle.bodyText.indexOf(card.quote);
    await callOk(app, 'excerpts.create', {
      personId: student.id,
      articleId: card.articleId,
      kind: 'card',
      tag: hostileTag,
      start,
      end: start + card.quote.length,
      quote: card.quote,
    });
    const own = (await callOk<Board>(app, 'board.get', ref)).cards.find((c) => c.tag.startsWith('שלום'));
    expect(own).toBeDefined();
    await callOk(app, 'cards.place', { ...ref, cardId: own!.id, side: 'A', index: 0 });
    await callOk(app, 'placements.update', {
      ...ref,
      cardId: own!.id,
      reasoningMarkdown: 'مرحبا بالعالم **<script>alert(1)</script>** \u0000\u0008 [x](javascript:alert(1)) 👩🏽‍🎓\ttab',
    });
    await callOk(app, 'positions.update', {
      ...ref,
      thesisMarkdown: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>&a;',
    });

    for (const layout of ['standard', 'debate'] as const) {
      const bytes = await exportDocx(app, ref, layout);
      const xml = documentXml(bytes);
      // User text is escaped character data, never markup.
      expect(xml).toContain('&lt;w:p&gt;&amp;amp; ]]&gt;&lt;/w:t&gt;');
      expect(xml).toContain('<w:bidi/>'); // right-to-left paragraphs
      expect(xml).toContain('<w:rtl/>'); // right-to-left runs
      expect(xml).not.toContain('javascript:');
      const text = (await mammoth.extractRawText({ buffer: bytes })).value;
      expect(text).toContain('שלום <w:p>&amp; ]]></w:t>  end 😀');
      expect(text).toContain('مرحبا بالعالم <script>alert(1)</script>');
      expect(text).toContain('👩🏽‍🎓');
      expect(text).toContain('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>&a;');
    }
  });
});
