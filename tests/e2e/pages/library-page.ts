// Page object for the library: search, filters, the article list and its edit and delete actions.
import { expect, type Locator, type Page } from '@playwright/test';
import { unlockTeacher } from '../support/teacher';

export class LibraryPage {
  constructor(readonly page: Page) {}

  /** Opens the library; `asTeacher` unlocks teacher mode first (Import, Edit and Delete are the teacher's). */
  async open(url: string, { asTeacher = false } = {}): Promise<void> {
    await this.page.goto(url);
    if (asTeacher) await unlockTeacher(this.page);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
    await expect(this.list().getByRole('listitem').first()).toBeVisible();
  }

  searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search articles and cards' });
  }

  async search(text: string): Promise<void> {
    await this.searchBox().fill(text);
    await expect(this.results().getByRole('status')).toContainText(`match “${text}”`);
  }

  results(): Locator {
    return this.page.getByRole('region', { name: 'Search results' });
  }

  /** The results under the "Articles" or "Cards" heading. */
  resultGroup(name: 'Articles' | 'Cards'): Locator {
    return this.results().getByRole('list', { name });
  }

  list(): Locator {
    return this.page
      .getByRole('region', { name: /^Articles/ })
      .getByRole('list')
      .first();
  }

  async titles(): Promise<string[]> {
    return (await this.list().locator(':scope > li h3').allTextContents()).map((title) => title.trim());
  }

  row(title: string | RegExp): Locator {
    return this.list()
      .locator(':scope > li')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  async filter(label: 'Outlet' | 'Published' | 'Tag' | 'Sort', option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).selectOption({ label: option });
  }

  deleteDialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
