// The bibliography: the five starter articles in MLA, APA and Chicago author-date against strings checked by hand
// against each style's rules, the no-author / no-date rules, names, links, order and de-duplication.
import { afterEach, describe, expect, it } from 'vitest';
import { formatBibliography } from '../../src-main/core/sheet/citations';
import { parseAuthors } from '../../src-main/core/sheet/csl-item';
import type { Cite } from '../../src-main/shared/domain';
import type { CitationStyle } from '../../src-main/shared/sheet';
import { cleanUp, openApp, projectRoot, starterIds } from './helpers';

afterEach(cleanUp);

/** Every starter article once, with its cite as the real core reads it from the starter files. */
async function starterArticles(): Promise<Array<{ articleId: string; cite: Cite }>> {
  const { board } = await starterIds(openApp());
  const byArticle = new Map(board.cards.map((card) => [card.articleId, card.cite]));
  return [...byArticle].map(([articleId, cite]) => ({ articleId, cite }));
}

const texts = (articles: Array<{ articleId: string; cite: Cite }>, style: CitationStyle) =>
  formatBibliography(articles, style, projectRoot).map((entry) => entry.text);

const cite = (fields: Partial<Cite>): Cite => ({
  title: null,
  author: null,
  outlet: null,
  date: null,
  url: null,
  ...fields,
});

describe('the five starter articles', () => {
  // 01 and 03 and 04: title only (no author, outlet or date); 02: Con Coughlin, The Telegraph, 2022-01-13;
  // 05: Doug Klain, 2022-01-21, no title and no outlet. None has a URL.

  it('MLA 9: Author. "Title." Container, Day Mon. Year. No author → title first; no date → left out', async () => {
    // MLA: title case with minor words lowercase ("of", "with", "against"); a title with no container is a
    // self-contained work and italic; MLA has no "n.d.": a missing date is simply omitted. Alphabetical by the first
    // element, so untitled-author entries file under their title.
    expect(texts(await starterArticles(), 'mla')).toEqual([
      'China Supports Putin’s Action in Kazakhstan, Wants Unity against the West.',
      'Coughlin, Con. “Russia’s Alliance with China Is Beginning to Falter.” The Telegraph, 13 Jan. 2022.',
      'Events in Kazakhstan Confirm Maturity of Russia-China Alliance: Expert.',
      'Klain, Doug. 21 Jan. 2022.',
      'Russia & China: A Political Marriage of Convenience.',
    ]);
  });

  it('APA 7: Author, A. (Year, Month Day). Title. Source. No author → title moves first; no date → (n.d.)', async () => {
    // APA keeps the title's capitalization as the article gives it (the CSL style cannot sentence-case safely: it
    // would lower proper nouns), so the start-case headline of 04 stays start case: a known limit, see the report.
    expect(texts(await starterArticles(), 'apa')).toEqual([
      'China supports Putin’s action in Kazakhstan, wants unity against the West. (n.d.).',
      'Coughlin, C. (2022, January 13). Russia’s alliance with China is beginning to falter. The Telegraph.',
      'Events in Kazakhstan confirm maturity of Russia-China alliance: expert. (n.d.).',
      'Klain, D. (2022, January 21).',
      'Russia & China: A Political Marriage Of Convenience. (n.d.).',
    ]);
  });

  it('Chicago author-date: Author. Year. "Title." Container, Month Day, Year. No author → title; no date → n.d.', async () => {
    // CMOS 15.32 (no author: title in the author's place) and 15.44 (n.d.); a web page's full date follows the
    // title, as in the manual's website examples, hence 05's "2022. January 21, 2022."
    expect(texts(await starterArticles(), 'chicago')).toEqual([
      '“China Supports Putin’s Action in Kazakhstan, Wants Unity against the West.” n.d.',
      'Coughlin, Con. 2022. “Russia’s Alliance with China Is Beginning to Falter.” The Telegraph, January 13, 2022.',
      '“Events in Kazakhstan Confirm Maturity of Russia-China Alliance: Expert.” n.d.',
      'Klain, Doug. 2022. January 21, 2022.',
      '“Russia & China: A Political Marriage of Convenience.” n.d.',
    ]);
  });

  it('italicizes the container (MLA, APA, Chicago) and a stand-alone title (MLA, APA) in runs and html', async () => {
    const articles = await starterArticles();
    const telegraph = (style: CitationStyle) =>
      formatBibliography(articles, style, projectRoot).find((entry) => entry.text.startsWith('Coughlin'));
    expect(telegraph('mla')?.runs).toEqual([
      { text: 'Coughlin, Con. “Russia’s Alliance with China Is Beginning to Falter.” ', italic: false },
      { text: 'The Telegraph', italic: true },
      { text: ', 13 Jan. 2022.', italic: false },
    ]);
    expect(telegraph('chicago')?.html).toBe(
      'Coughlin, Con. 2022. “Russia’s Alliance with China Is Beginning to Falter.” <i>The Telegraph</i>, January 13, 2022.',
    );
    const [first] = formatBibliography(articles, 'apa', projectRoot);
    expect(first?.runs).toEqual([
      { text: 'China supports Putin’s action in Kazakhstan, wants unity against the West', italic: true },
      { text: '. (n.d.).', italic: false },
    ]);
  });
});

describe('cites the starter articles do not exercise', () => {
  const withUrl = cite({
    title: 'Kazakhstan "unrest" & the CSTO',
    author: 'Centre for Eastern Studies',
    outlet: 'OSW Commentary',
    date: '2022-01-07',
    url: 'https://www.osw.waw.pl/en/a?x=1&y=2',
  });

  it('keeps an organisation as written and links the URL, http(s) only', () => {
    const [entry] = formatBibliography([{ articleId: 'o', cite: withUrl }], 'mla', projectRoot);
    expect(entry?.text).toBe(
      'Centre for Eastern Studies. “Kazakhstan ‘Unrest’ & the CSTO.” OSW Commentary, 7 Jan. 2022, https://www.osw.waw.pl/en/a?x=1&y=2.',
    );
    expect(entry?.html).toContain(
      '<a href="https://www.osw.waw.pl/en/a?x=1&amp;y=2" rel="noopener noreferrer">https://www.osw.waw.pl/en/a?x=1&amp;y=2</a>',
    );
    const [hostile] = formatBibliography(
      [{ articleId: 'h', cite: { ...withUrl, url: 'javascript:alert(1)', title: '<img src=x onerror=alert(1)>' } }],
      'apa',
      projectRoot,
    );
    expect(hostile?.text).not.toContain('javascript:');
    expect(hostile?.html).not.toMatch(/<img|<[^>]*onerror|javascript:/i);
    expect(hostile?.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('parses people into family and given names, and lists several authors', () => {
    expect(parseAuthors('Con Coughlin')).toEqual([{ given: 'Con', family: 'Coughlin' }]);
    expect(parseAuthors('Coughlin, Con')).toEqual([{ given: 'Con', family: 'Coughlin' }]);
    expect(parseAuthors('Ludwig van Beethoven')).toEqual([
      { given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' },
    ]);
    expect(parseAuthors('Martin Luther King Jr.')).toEqual([{ given: 'Martin Luther', family: 'King', suffix: 'Jr.' }]);
    expect(parseAuthors('Ana Lopez and Li Wei')).toEqual([
      { given: 'Ana', family: 'Lopez' },
      { given: 'Li', family: 'Wei' },
    ]);
    expect(parseAuthors('Reuters')).toEqual([{ literal: 'Reuters' }]);
    expect(parseAuthors('PAP')).toEqual([{ literal: 'PAP' }]);
    expect(parseAuthors('The Editorial Board')).toEqual([{ literal: 'The Editorial Board' }]);
    const two = cite({ title: 'Joint drills', author: 'Ana Lopez and Li Wei', outlet: 'Daily', date: '2021-08' });
    expect(texts([{ articleId: 't', cite: two }], 'apa')).toEqual([
      'Lopez, A., & Wei, L. (2021, August). Joint drills. Daily.',
    ]);
  });

  it('gives an article with neither title nor author a bracketed description, never an empty entry', () => {
    expect(texts([{ articleId: 'e', cite: cite({}) }], 'chicago')).toEqual(['“[Untitled Article].” n.d.']);
  });
});

describe('order and de-duplication', () => {
  it('lists each article once, in the style’s order whatever order the sheet cites them in', async () => {
    const articles = await starterArticles();
    const reversed = [...articles].reverse();
    const twice = [...articles, ...reversed];
    for (const style of ['mla', 'apa', 'chicago'] as const) {
      expect(texts(twice, style)).toEqual(texts(articles, style));
      expect(texts(reversed, style)).toEqual(texts(articles, style));
    }
    expect(formatBibliography(twice, 'mla', projectRoot).map((entry) => entry.articleId)).toHaveLength(5);
  });

  it('lists two imports of the same article once, and nothing for no articles', () => {
    const same = cite({ title: 'Same', author: 'Doug Klain', date: '2022-01-21' });
    expect(
      formatBibliography(
        [
          { articleId: 'x', cite: same },
          { articleId: 'y', cite: { ...same } },
        ],
        'mla',
        projectRoot,
      ).map((entry) => entry.articleId),
    ).toEqual(['x']);
    expect(formatBibliography([], 'apa', projectRoot)).toEqual([]);
  });
});
