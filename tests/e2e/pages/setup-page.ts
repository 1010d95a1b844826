// Page objects for the teacher's side: the Debates list, the debate setup form and the Class roster.
import { expect, type Locator, type Page } from '@playwright/test';

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

export class DebatesPage {
  constructor(readonly page: Page) {}

  async show(): Promise<void> {
    await mainNav(this.page).getByRole('button', { name: 'Debates' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Debates' })).toBeVisible();
    await expect(this.page.getByText('Loading debates…')).toBeHidden();
  }

  /** One debate in the list: the article named by its motion. */
  row(motion: string): Locator {
    return this.page.getByRole('article', { name: motion, exact: true });
  }

  rows(): Locator {
    return this.page.getByRole('list', { name: /debates/ }).getByRole('article');
  }

  async act(motion: string, action: 'Edit' | 'Duplicate' | 'Lock' | 'Reopen' | 'Archive' | 'Restore'): Promise<void> {
    await this.row(motion).first().getByRole('button', { name: action, exact: true }).click();
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ }).first();
  }

  showArchived(): Locator {
    return this.page.getByRole('checkbox', { name: 'Show archived debates' });
  }

  async newDebate(): Promise<DebateForm> {
    await this.page.getByRole('button', { name: 'New debate' }).click();
    const form = new DebateForm(this.page);
    await expect(this.page.getByRole('heading', { level: 1, name: 'New debate' })).toBeVisible();
    await expect(form.motion()).toBeVisible();
    return form;
  }
}

export class DebateForm {
  constructor(readonly page: Page) {}

  motion(): Locator {
    return this.page.getByRole('textbox', { name: 'Motion' });
  }

  side(which: 'A' | 'B'): Locator {
    return this.page.getByRole('textbox', { name: `Side ${which} label` });
  }

  instructions(): Locator {
    return this.page.getByRole('textbox', { name: 'Instructions (Markdown)' });
  }

  preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  articles(): Locator {
    return this.page.getByRole('group', { name: /^Articles in play/ });
  }

  async chooseArticle(title: string): Promise<void> {
    await this.articles().getByRole('checkbox', { name: title, exact: true }).check();
  }

  pool(): Locator {
    return this.page.getByRole('region', { name: /^Class pool/ });
  }

  /** The pool's cards in order (each list item is one card; its checkbox is named by the tag). */
  inPool(): Locator {
    return this.pool().getByRole('list', { name: 'In the pool' }).getByRole('listitem');
  }

  async poolTags(): Promise<string[]> {
    return (await this.inPool().locator('label.tag').allTextContents()).map((tag) => tag.trim());
  }

  /** A card, in or out of the pool, by its tag. */
  card(tag: string): Locator {
    return this.pool()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name: tag, exact: true }) });
  }

  async tick(tag: string): Promise<void> {
    await this.pool().getByRole('checkbox', { name: tag, exact: true }).check();
    await expect(this.inPool().filter({ has: this.page.getByRole('checkbox', { name: tag }) })).toHaveCount(1);
  }

  async editTag(oldTag: string, newTag: string): Promise<void> {
    const card = this.card(oldTag);
    await card.getByRole('button', { name: 'Edit tag' }).click();
    const field = this.pool().getByRole('textbox', { name: 'Tag' });
    await field.fill(newTag);
    await field.press('Enter');
    await expect(this.status()).toHaveText(`Tag saved: “${newTag}”.`);
  }

  form(): Locator {
    return this.page.getByRole('form', { name: /debate$/ });
  }

  /** The status line of the form (what the last change did). */
  status(): Locator {
    return this.form().getByRole('status');
  }

  alert(): Locator {
    return this.form().getByRole('alert');
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Create debate|Save changes)$/ }).click();
  }
}

export class RosterPage {
  constructor(readonly page: Page) {}

  async show(): Promise<void> {
    await mainNav(this.page).getByRole('button', { name: 'Class' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Class' })).toBeVisible();
  }

  students(): Locator {
    return this.page.getByRole('list', { name: /^Students/ }).getByRole('listitem');
  }

  async names(): Promise<string[]> {
    return (await this.students().locator('.name').allTextContents()).map((name) => name.trim());
  }

  student(name: string): Locator {
    return this.students().filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async add(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name of a new student' }).fill(name);
    await this.page.getByRole('button', { name: 'Add student' }).click();
  }

  async rename(from: string, to: string): Promise<void> {
    await this.student(from).getByRole('button', { name: 'Rename' }).click();
    await this.page.getByRole('textbox', { name: `New name for ${from}` }).fill(to);
    await this.page.getByRole('button', { name: 'Save name' }).click();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ }).first();
  }
}
