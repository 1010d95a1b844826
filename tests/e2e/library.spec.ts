// The library: search across articles and cards, filters, deleting an article (with what goes with it) and editing one.
import { fileURLToPath } from 'node:url';
import { LibraryPage } from './pages/library-page';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { teacherId, teacherToken } from './support/teacher';

const docs = (name: string) => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const TELEGRAPH = 'Russia’s alliance with China is beginning to falter';

async function articleId(url: string, title: string): Promise<string> {
  const article = (await callApiOk(url, 'articles.list', {})).find((summary) => summary.title === title);
  if (!article) throw new Error(`no article “${title}”`);
  return article.id;
}

test('search finds an article by a word in its text and a card by a word in its tag, matches marked', async ({
  page,
  host,
}) => {
  // A teacher card whose tag has a word no article contains.
  const id = await articleId(host.url, TELEGRAPH);
  const article = await callApiOk(host.url, 'articles.get', { articleId: id });
  const quote = 'A new era of the Great Game is afoot in Central Asia';
  const start = article.bodyText.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  await callApiOk(host.url, 'excerpts.create', {
    personId: await teacherId(host.url),
    teacherToken: await teacherToken(host.url),
    articleId: id,
    kind: 'card',
    tag: 'Zanzibarian rivalry: a new Great Game',
    start,
    end: start + quote.length,
    quote,
  });

  const library = new LibraryPage(page);
  await library.open(host.url);

  await library.search('afoot');
  const articleHit = library.resultGroup('Articles').getByRole('button').first();
  await expect(articleHit).toContainText(TELEGRAPH);
  await expect(articleHit.locator('mark').first()).toHaveText(/^afoot$/i);

  await library.search('zanzibarian');
  const cardHit = library.resultGroup('Cards').getByRole('button').first();
  await expect(cardHit).toContainText('Zanzibarian rivalry');
  await expect(cardHit.locator('mark').first()).toHaveText('Zanzibarian');
  await expect(library.resultGroup('Articles')).toHaveCount(0);

  // A result opens the reader; Back returns to the library with the search still there.
  await cardHit.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TELEGRAPH);
  await page.getByRole('button', { name: '← Back to the library' }).click();
  await expect(library.searchBox()).toHaveValue('zanzibarian');

  // Escape clears the search.
  await library.searchBox().press('Escape');
  await expect(library.results()).toHaveCount(0);
});

test('the outlet and date filters narrow the list (and a search, for the README)', async ({ page, host }) => {
  const library = new LibraryPage(page);
  await library.open(host.url);
  // The starter library searched, for the README (the filters below work with or without a search).
  await library.search('central asia');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: docs('library-search.png') });
  await library.searchBox().press('Escape');

  expect(await library.titles()).toHaveLength(5);
  await library.filter('Outlet', 'The Telegraph');
  await expect.poll(() => library.titles()).toEqual([TELEGRAPH]);
  await expect(page.getByRole('heading', { name: /^Articles/ })).toContainText('1 of 5');
  await library.filter('Outlet', 'Unknown outlet');
  expect(await library.titles()).toHaveLength(4);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => library.titles()).toHaveLength(5);

  // Two starter articles state a date (13 and 21 January 2022); three do not.
  await library.filter('Published', 'January 2022');
  await expect.poll(() => library.titles()).toHaveLength(2);
  expect(await library.titles()).toContain(TELEGRAPH);
  await library.filter('Published', 'Unknown date');
  await expect.poll(() => library.titles()).toHaveLength(3);
  expect(await library.titles()).not.toContain(TELEGRAPH);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(() => library.titles()).toHaveLength(5);
});

test('deleting an article asks first, saying which cards and debates go with it', async ({ page, host }) => {
  const usage = await callApiOk(host.url, 'articles.usage', { articleId: await articleId(host.url, TELEGRAPH) });
  expect(usage.cardCount).toBeGreaterThan(0);
  const [debate] = await callApiOk(host.url, 'debates.list', {});
  if (!debate) throw new Error('no starter debate');

  const library = new LibraryPage(page);
  await library.open(host.url, { asTeacher: true });

  // Escape keeps the article.
  await library.row(TELEGRAPH).getByRole('button', { name: 'Delete' }).click();
  const dialog = library.deleteDialog();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(library.row(TELEGRAPH)).toHaveCount(1);

  await library.row(TELEGRAPH).getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('heading')).toHaveText(`Delete “${TELEGRAPH}”?`);
  await expect(dialog).toContainText(`${usage.cardCount} evidence card${usage.cardCount === 1 ? '' : 's'}`);
  await expect(dialog.getByRole('listitem')).toHaveText([debate.motion]);
  await dialog.getByRole('button', { name: 'Delete article' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toHaveText(`Deleted “${TELEGRAPH}”.`);
  await expect.poll(() => library.titles()).toHaveLength(4);
  expect(await library.titles()).not.toContain(TELEGRAPH);

  // Teacher mode lasts through a reload of the tab.
  await page.reload();
  await library.open(host.url);
  await expect(page.getByRole('button', { name: 'Lock teacher mode' })).toBeVisible();
  expect(await library.titles()).toHaveLength(4);
  expect(await library.titles()).not.toContain(TELEGRAPH);
});

test('editing an article’s title and tags shows in the list', async ({ page, host }) => {
  const library = new LibraryPage(page);
  await library.open(host.url, { asTeacher: true });
  await library.row(TELEGRAPH).getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Edit article');
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toHaveValue(TELEGRAPH);
  await expect(page.getByRole('textbox', { name: 'Text (Markdown)' })).toHaveValue(/Great Game/);
  await title.fill('The Great Game returns to Central Asia');
  await page.getByRole('textbox', { name: 'Tags' }).fill('Central Asia, rivalry');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toContainText(
    /Saved\. \d+ highlights? unchanged/,
  );

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(library.row('The Great Game returns to Central Asia')).toHaveCount(1);
  await expect(library.row('The Great Game returns to Central Asia').getByRole('list', { name: 'Tags' })).toHaveText(
    /central asia\s*rivalry/,
  );
  await library.filter('Tag', 'rivalry');
  await expect.poll(() => library.titles()).toEqual(['The Great Game returns to Central Asia']);
});
