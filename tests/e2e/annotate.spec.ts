// Close reading: selecting a passage makes a card or highlight that leads back to its exact place,
// follows the text when the article is edited, and is kept as orphaned when its text is gone.
import type { Page } from '@playwright/test';
import type { Article, Excerpt, Person } from '../../src-main/shared/domain';
import { BoardPage } from './pages/board-page';
import { ReaderPage } from './pages/reader-page';
import { callApiOk } from './support/api';
import { expect, test } from './support/fixtures';
import { teacherToken } from './support/teacher';

const STUDENT = 'Amara Okafor';
const ARTICLE = 'Events in Kazakhstan confirm maturity of Russia-China alliance: expert';
const SENTENCE = 'Russia and China should be treated as close allies working out a common agenda in the region.';

async function openArticle(page: Page, url: string): Promise<ReaderPage> {
  const board = new BoardPage(page);
  await board.open(url);
  await board.chooseStudent(STUDENT);
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: new RegExp(ARTICLE) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE);
  return new ReaderPage(page);
}

/** The text of every range painted for a highlight style (the CSS Custom Highlight registry). */
function paintedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlight) => [...(CSS.highlights.get(highlight) ?? [])].map(String), name);
}

test('a sentence selected with the mouse becomes a card on the student’s board', async ({ page, host }) => {
  const reader = await openArticle(page, host.url);
  await reader.selectWithMouse(SENTENCE);
  await expect(page.getByRole('form', { name: 'Selected passage' }).locator('blockquote')).toHaveText(SENTENCE);
  await reader.saveCard('Bogusz: close allies with a common agenda');
  await expect(reader.highlights().filter({ hasText: 'Bogusz: close allies with a common agenda' })).toBeVisible();
  expect(await paintedTexts(page, 'dd-card')).toContain(SENTENCE);

  await page.getByRole('button', { name: 'Debate board' }).click();
  const board = new BoardPage(page);
  const card = board.card('Bogusz: close allies with a common agenda');
  await expect(card).toBeVisible();
  await expect(card).toContainText(SENTENCE);
  await board.dragCard('Bogusz: close allies with a common agenda', 'Alliance');
  expect(await board.tagsIn('Alliance')).toEqual(['Bogusz: close allies with a common agenda']);

  // "Read" on the card leads back to the passage in its article.
  await board.area('Alliance').getByRole('button', { name: /Read/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE);
});

test('highlights follow an edit of the text; one whose text is deleted is kept as orphaned', async ({ page, host }) => {
  const people = await callApiOk(host.url, 'people.list', {});
  const amara = people.find((person: Person) => person.name === STUDENT)!;
  const article = (await callApiOk(host.url, 'articles.list', {})).find((a) => a.title === ARTICLE)!;
  const full = await callApiOk(host.url, 'articles.get', { articleId: article.id });
  const highlight = async (quote: string, label: Excerpt['label']) => {
    const start = full.bodyText.indexOf(quote);
    return callApiOk(host.url, 'excerpts.create', {
      articleId: article.id,
      personId: amara.id,
      kind: 'annotation',
      label,
      start,
      end: start + quote.length,
      quote,
    });
  };
  await highlight(SENTENCE, 'key-claim');
  await highlight('“specific condominium”', 'question');

  const reader = await openArticle(page, host.url);
  expect(await paintedTexts(page, 'dd-key-claim')).toEqual([SENTENCE]);
  expect(await paintedTexts(page, 'dd-question')).toEqual(['“specific condominium”']);

  // The teacher rewrites the article: a new opening paragraph, and the condominium paragraph cut.
  const edited: Article['bodyMarkdown'] = `An opening paragraph added by the teacher.\n\n${full.bodyMarkdown.replace(
    /According to Mr Bogusz[^\n]*\n/,
    '',
  )}`;
  await callApiOk(host.url, 'articles.update', {
    teacherToken: await teacherToken(host.url),
    articleId: article.id,
    title: ARTICLE,
    bodyMarkdown: edited,
  });

  // The open reader is told by a push, and repaints.
  await expect.poll(() => paintedTexts(page, 'dd-question')).toEqual([]);
  expect(await paintedTexts(page, 'dd-key-claim')).toEqual([SENTENCE]);
  await expect(reader.orphaned()).toHaveCount(1);
  await expect(reader.orphaned()).toContainText('“specific condominium”');

  // Re-attach it to another passage.
  await reader.selectWithMouse('common agenda');
  await reader.orphaned().getByRole('button', { name: 'Re-attach to the selected text' }).click();
  await expect(reader.orphaned()).toHaveCount(0);
  expect(await paintedTexts(page, 'dd-question')).toEqual(['common agenda']);
  await page.reload();
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('button', { name: new RegExp(ARTICLE) }).click();
  await expect.poll(() => paintedTexts(page, 'dd-question')).toEqual(['common agenda']);
});

test('keyboard only: select by sentence and save a labelled highlight', async ({ page, host }) => {
  const reader = await openArticle(page, host.url);
  // Tab from the back button to the article text.
  await page.getByRole('button', { name: /Back to the library/ }).focus();
  for (let i = 0; i < 5 && !(await reader.text().evaluate((el) => el === document.activeElement)); i += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(reader.text()).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('[aria-live="polite"]')).toContainText('Selected 1 sentence: This confirms that');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Tag: the claim, in your own words')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Highlight' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Evidence for' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('The *informal* alliance');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Highlight saved.' })).toBeVisible();
  // The highlight is painted after the save's answer, possibly a frame after the status: read until it is there.
  await expect.poll(() => paintedTexts(page, 'dd-evidence-for')).toHaveLength(1);
  const [painted] = await paintedTexts(page, 'dd-evidence-for');
  expect(painted).toMatch(/^This confirms that the informal alliance between Russia and China is now mature/);
  await expect(reader.highlights().filter({ hasText: 'Evidence for' }).locator('em')).toHaveText('informal');
});
