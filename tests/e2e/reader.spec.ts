// The Library and the reader on the starter pack: metadata shown (unknown stays unknown), the rendered text
// equal to the stored plain text (the anchoring contract), and the way from a board card to its article and back.
import { BoardPage } from './pages/board-page';
import { ArticleReader, LibraryList } from './pages/reading-pages';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';

const STUDENT = 'Amara Okafor';

/** The starter pack as its front matter says (resources/starter/articles): '' = the source does not say. */
const STARTER_ARTICLES = [
  {
    title: 'Events in Kazakhstan confirm maturity of Russia-China alliance: expert',
    author: '',
    outlet: '',
    date: '',
  },
  {
    title: 'Russia’s alliance with China is beginning to falter',
    author: 'Con Coughlin',
    outlet: 'The Telegraph',
    date: '13 Jan 2022',
  },
  {
    title: 'China supports Putin’s action in Kazakhstan, wants unity against the West',
    author: '',
    outlet: '',
    date: '',
  },
  { title: 'Russia & China: A Political Marriage Of Convenience', author: '', outlet: '', date: '' },
  { title: '', author: 'Doug Klain', outlet: '', date: '21 Jan 2022' },
];

const shownTitle = (title: string) => title || 'Untitled article';

async function starterBoard(hostUrl: string) {
  const [debate] = await callApiOk(hostUrl, 'debates.list', {});
  const student = (await callApiOk(hostUrl, 'people.list', {})).find((person) => person.name === STUDENT);
  if (!debate || !student) throw new Error('no starter debate or student');
  return callApiOk(hostUrl, 'board.get', { debateId: debate.id, studentId: student.id });
}

test('the Library lists the five starter articles with what is known of their source', async ({ page, host }) => {
  await page.goto(host.url);
  const library = new LibraryList(page);
  await library.show();
  await expect(library.entries()).toHaveCount(STARTER_ARTICLES.length);

  for (const article of STARTER_ARTICLES) {
    const entry = library.entry(shownTitle(article.title));
    await expect(entry, shownTitle(article.title)).toHaveCount(1);
    await expect(entry).toContainText(article.author || 'Unknown author');
    await expect(entry).toContainText(article.outlet || 'Unknown outlet');
    if (article.date) await expect(entry).toContainText(article.date);
    else await expect(entry).toContainText(/n\.d\.|Unknown date|No date/);
  }
  // Nothing is invented: the untitled article is not given a title, the Telegraph's author is nobody else's.
  await expect(library.entry('Untitled article')).toContainText('Doug Klain');
  await expect(library.entries().filter({ hasText: 'Con Coughlin' })).toHaveCount(1);
  await expect(library.entries().filter({ hasText: 'The Telegraph' })).toHaveCount(1);
});

test('the reader shows each starter article with exactly its stored plain text, and every card quote in it', async ({
  page,
  host,
}) => {
  const summaries = await callApiOk(host.url, 'articles.list', {});
  expect(summaries).toHaveLength(STARTER_ARTICLES.length);
  const board = await starterBoard(host.url);
  expect(board.cards.length).toBeGreaterThanOrEqual(16);
  const quotesChecked = new Set<string>();

  await page.goto(host.url);
  const library = new LibraryList(page);
  const reader = new ArticleReader(page);
  for (const summary of summaries) {
    const article = await callApiOk(host.url, 'articles.get', { articleId: summary.id });
    const title = shownTitle(article.title ?? '');
    await library.show();
    await library.open(title);
    await reader.waitFor(title);
    await expect(reader.article()).toContainText(article.author ?? 'Unknown');

    // The anchoring contract: offsets in bodyText are offsets in the DOM text of the rendered body.
    const domText = await reader.bodyText();
    expect(domText.length, `${title}: length of the rendered text`).toBe(article.bodyText.length);
    expect(domText, `${title}: rendered text = bodyText`).toBe(article.bodyText);
    // …and in the region the reader maps selections and highlights through.
    expect(await reader.textRegionText(), `${title}: text of the “Article text” region = bodyText`).toBe(
      article.bodyText,
    );

    for (const card of board.cards.filter((candidate) => candidate.articleId === article.id)) {
      expect(domText, `quote of “${card.tag}”`).toContain(card.quote);
      quotesChecked.add(card.id);
    }
  }
  expect(quotesChecked.size, 'every starter card belongs to a starter article').toBe(board.cards.length);
});

test('“Read” on a board card opens its article, and “Back to the board” returns to the board', async ({
  page,
  host,
}) => {
  const { cards, debate, student } = await starterBoard(host.url);
  const [pooled, placed] = cards;
  if (!pooled || !placed) throw new Error('the pool has too few cards');
  // One card on a side as well, to check the way back keeps the board as it was.
  await callApiOk(host.url, 'cards.place', {
    debateId: debate.id,
    studentId: student.id,
    cardId: placed.id,
    side: 'A',
    index: 0,
  });

  const boardPage = new BoardPage(page);
  await boardPage.open(host.url);
  await boardPage.chooseStudent(STUDENT);
  await expect.poll(() => boardPage.tagsIn(debate.sideA)).toEqual([placed.tag]);

  const reader = new ArticleReader(page);
  for (const [card, area] of [
    [pooled, 'Evidence pool'],
    [placed, debate.sideA],
  ] as const) {
    const cardItem = boardPage
      .area(area)
      .getByRole('listitem')
      .filter({ has: boardPage.card(card.tag) });
    await cardItem.getByRole('button', { name: /^read\b.*article$/i }).click();

    const article = await callApiOk(host.url, 'articles.get', { articleId: card.articleId });
    await reader.waitFor(shownTitle(article.title ?? ''));
    expect(await reader.bodyText()).toContain(card.quote);

    await reader.backButton('the board').click();
    await expect(page.getByText(`Board of ${STUDENT}`)).toBeVisible();
    await expect(boardPage.card(card.tag)).toBeVisible();
    await expect.poll(() => boardPage.tagsIn(debate.sideA)).toEqual([placed.tag]);
    expect(await boardPage.tagsIn('Evidence pool')).toContain(pooled.tag);
  }
});
