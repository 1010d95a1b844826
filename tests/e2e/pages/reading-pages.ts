// Page objects for reading: the Library's list of articles (by title) and the reader of one article, as the
// safety, reader and accessibility specs use them. (library-page.ts and reader-page.ts serve the library
// management and annotation specs.)
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryList {
  constructor(readonly page: Page) {}

  /** Goes to the Library through the main navigation and waits for its list of articles. */
  async show(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await expect(this.entries().first()).toBeVisible();
  }

  /** One entry per article: the list items of the "Articles" region that carry a heading (the title). */
  entries(): Locator {
    return this.page
      .getByRole('region', { name: /^Articles/ })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading') });
  }

  /** The entry whose title reads exactly `title` ("Untitled article" for an untitled one). */
  entry(title: string): Locator {
    return this.entries().filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** Opens an article in the reader by clicking its title. */
  async open(title: string): Promise<void> {
    const entry = this.entry(title);
    await expect(entry).toHaveCount(1);
    await entry.getByRole('button', { name: title, exact: true }).click();
  }
}

export class ArticleReader {
  constructor(readonly page: Page) {}

  /** The reader's <article> (the one with the page's level-1 heading, not a Library row). */
  article(): Locator {
    return this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { level: 1 }) });
  }

  title(): Locator {
    return this.article().getByRole('heading', { level: 1 });
  }

  /** The region the reader anchors highlights in: its textContent is the anchoring coordinate space. */
  textRegion(): Locator {
    return this.article().getByRole('region', { name: 'Article text' });
  }

  /**
   * The element the Markdown component renders inside the reader's <article>. No role names it, so the
   * component's own root class is the handle.
   */
  body(): Locator {
    return this.article().locator('.markdown');
  }

  async waitFor(title: string): Promise<void> {
    await expect(this.title()).toHaveText(title);
    await expect(this.body()).toHaveCount(1);
  }

  bodyText(): Promise<string> {
    return this.body().evaluate((element) => element.textContent ?? '');
  }

  textRegionText(): Promise<string> {
    return this.textRegion().evaluate((element) => element.textContent ?? '');
  }

  backButton(to: 'the board' | 'the library'): Locator {
    return this.page.getByRole('button', { name: `Back to ${to}` });
  }
}
