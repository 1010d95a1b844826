// Importing saved web pages: metadata from meta tags and JSON-LD, the article via Readability, nothing active kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { draftFromFile } from '../../src-main/core/import';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

const fixtures = join(projectRoot, 'tests/fixtures/import/html');

/** HTML fixtures carry a .fixture suffix so that formatters leave their bytes alone (see the fixtures README). */
async function importPage(name: string) {
  return draftFromFile(name, readFileSync(join(fixtures, `${name}.fixture`)));
}

const metadataOf = (draft: Awaited<ReturnType<typeof importPage>>) => ({
  title: draft.title,
  author: draft.author,
  outlet: draft.outlet,
  date: draft.date,
  url: draft.url,
});

describe('HTML import', () => {
  it('reads a news article: og:, article:, JSON-LD and canonical metadata', async () => {
    const draft = await importPage('news-article.html');
    expect(draft.format).toBe('html');
    expect(draft.fileName).toBe('news-article.html');
    expect(metadataOf(draft)).toEqual({
      title: 'Russia and China split the steppe',
      // article:author is a profile URL, not a name: JSON-LD's author wins.
      author: 'Aruzhan Bekova',
      outlet: 'The Almaty Ledger',
      date: '2022-01-14',
      url: 'https://ledger.example.com/2022/01/steppe-split',
    });
    expect(draft.warnings).toEqual([]);
    expect(draft.blocks.map((block) => block.markdown)).toEqual([
      expect.stringMatching(/^When troops from the Collective Security Treaty Organization landed in Almaty/),
      expect.stringMatching(/^That quiet bargain, in which Russia keeps order/),
      '## A division of labour',
      expect.stringMatching(/^Analysts describe the arrangement as a condominium/),
      '> Moscow provides the guns; Beijing provides the money. Neither wants the other to provide both.',
      'Three facts stand out from the trade figures published by the national statistics office:',
      [
        '- China is now the largest buyer of Kazakh oil and metals.',
        '- Russia remains the main supplier of machinery and fuel.',
        '- Transit fees from [Belt and Road](https://example.org/belt-and-road) traffic doubled since 2015.',
      ].join('\n'),
      expect.stringMatching(/^Officials in both capitals insist the partnership is stronger than ever/),
    ]);
    expect(draft.blocks.every((block) => block.furniture === null)).toBe(true);
    const all = draft.blocks.map((block) => block.markdown).join('\n');
    expect(all).not.toMatch(/Home|Politics|Recommended|cookies|dataLayer|font-family|©/);
  });

  it('reads a blog post: byline in the body, <time>, and a title suffix equal to the site name', async () => {
    const draft = await importPage('blog-post.html');
    expect(metadataOf(draft)).toEqual({
      title: 'Why Tokayev called Moscow',
      author: 'Marat Seitkali',
      outlet: 'Steppe Notes',
      date: '2022-01-09',
      url: '',
    });
    // The byline and the dateline became metadata and left the body; the counters stay, flagged.
    expect(draft.blocks.map((block) => [block.markdown.slice(0, 30), block.furniture])).toEqual([
      ['On the night of 5 January, Pre', null],
      ['The request was unusual becaus', null],
      ['Whatever the reasons, the resu', null],
      ['3 comments', 'comment form'],
      ['Leave a comment', 'comment form'],
    ]);
  });

  it('invents nothing for a page without metadata', async () => {
    const draft = await importPage('no-metadata.html');
    expect(metadataOf(draft)).toEqual({ title: '', author: '', outlet: '', date: '', url: '' });
    expect(draft.blocks).toHaveLength(3);
    expect(draft.blocks[1]).toEqual({
      markdown:
        'In January, protests over the price of liquefied gas spread from the oil town of Zhanaozen to Almaty within days, and the government declared a state of emergency across the country.',
      furniture: null,
    });
  });

  it('survives broken HTML: unclosed tags, stray closing tags, an unclosed comment', async () => {
    const draft = await importPage('broken.html');
    expect(metadataOf(draft)).toEqual({
      title: 'Unclosed tags everywhere',
      author: 'Dana Abenova',
      outlet: '',
      date: '',
      url: '',
    });
    expect(draft.blocks).toHaveLength(3);
    expect(draft.blocks[0]!.markdown).toMatch(/^The first paragraph is never closed and its \*\*bold text never ends/);
    expect(draft.blocks[1]!.markdown).toContain('[link to the report](https://example.org/report)');
    expect(draft.blocks[2]!.markdown).toBe(
      'The third paragraph comes after stray closing tags that match nothing that was ever opened.',
    );
    expect(JSON.stringify(draft.blocks)).not.toContain('inside the comment');
  });

  it('decodes a windows-1252 page by its <meta charset> and says so', async () => {
    const draft = await importPage('windows-1252.html');
    expect(metadataOf(draft)).toEqual({
      title: 'Élections à Almaty : la société civile s’inquiète',
      author: 'Zoé Müller',
      outlet: '',
      date: '2022-01-20',
      url: '',
    });
    expect(draft.warnings).toEqual(['Text decoded as windows-1252 (as the page declares).']);
    expect(draft.blocks.map((block) => block.markdown)).toEqual([
      expect.stringContaining('« Nous voulons des règles claires », déclare une militante'),
      expect.stringContaining('estimé à 5 000 €, sera partagé'),
      expect.stringContaining('participation en hausse — un signe'),
    ]);
    const text = draft.blocks.map((block) => block.markdown).join('');
    expect(text.normalize('NFC')).toBe(text);
    expect(text).not.toMatch(/Ã|â€|\ufffd/);
  });

  it('keeps no script, event handler, javascript:/data:/vbscript: link, image, frame or form', async () => {
    const draft = await importPage('hostile.html');
    const markdown = draft.blocks.map((block) => block.markdown).join('\n\n');
    expect(markdown).not.toMatch(/<script|<img|<iframe|<svg|<form|<input|<button/i);
    expect(markdown).not.toMatch(/\bon(?:load|click|error)\b/i);
    expect(markdown).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(markdown).not.toMatch(/alert\((?:1|2|3|4|5|6|8|9|10)\)|secret/);
    // Link texts survive without their links; http(s) links are kept.
    expect(markdown).toContain(
      'The first paragraph has an evil link, a mixed-case evil link, a data link, a vbscript link',
    );
    expect(markdown).toContain('[safe link](https://example.org/safe)');
    // Text that talks about a tag is escaped, so it stays text when rendered.
    expect(markdown).toContain('&lt;script>alert(7)&lt;/script>');
    expect(draft.title).toBe('Hostile page');
  });

  it('falls back to the page text, with a warning, when there is no article to find', async () => {
    const draft = await draftFromFile('tiny.htm', new TextEncoder().encode('<p>Just one short line.</p>'));
    expect(draft.blocks).toEqual([{ markdown: 'Just one short line.', furniture: null }]);
    expect(draft.title).toBe('');
  });

  it('never throws on HTML that is not HTML at all', async () => {
    for (const source of ['<<<>>><', '</p></p></div>plain words', '<html', '<title>Only a title</title>', '<!--']) {
      const attempt = draftFromFile('odd.html', new TextEncoder().encode(source));
      await attempt.then(
        (draft) => expect(draft.blocks.length).toBeGreaterThan(0),
        (error: Error & { code?: string }) => {
          expect(error.code).toBe('INVALID_INPUT');
          expect(error.message).toBe('“odd.html” contains no text to import.');
        },
      );
    }
  });

  it('strips a title suffix only when it is the site name', async () => {
    const page = (title: string, site: string) =>
      new TextEncoder().encode(
        `<html><head><title>${title}</title>${site ? `<meta property="og:site_name" content="${site}">` : ''}</head><body><p>${'Words in a paragraph. '.repeat(30)}</p></body></html>`,
      );
    expect((await draftFromFile('a.html', page('Steppe politics | The Ledger', 'The Ledger'))).title).toBe(
      'Steppe politics',
    );
    expect((await draftFromFile('b.html', page('Steppe politics - The Ledger', 'The Ledger'))).title).toBe(
      'Steppe politics',
    );
    expect((await draftFromFile('c.html', page('Steppe politics | Analysis', 'The Ledger'))).title).toBe(
      'Steppe politics | Analysis',
    );
    expect((await draftFromFile('d.html', page('Steppe politics | The Ledger', ''))).title).toBe(
      'Steppe politics | The Ledger',
    );
  });
});
