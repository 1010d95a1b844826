// Page object for importing articles: paste, choose files or a folder, review one draft, or follow a batch.
import { expect, type Locator, type Page } from '@playwright/test';
import { unlockTeacher } from '../support/teacher';

export interface FileToImport {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Opens the import view as the teacher (importing is teacher-only: the PIN is set or typed first). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await unlockTeacher(this.page);
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
    await this.page.getByRole('button', { name: 'Import articles' }).first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Import articles' })).toBeVisible();
  }

  async chooseFiles(files: FileToImport[]): Promise<void> {
    await this.page.locator('input[type="file"]:not([webkitdirectory])').setInputFiles(files);
  }

  async chooseFolder(path: string): Promise<void> {
    await this.page.locator('input[type="file"][webkitdirectory]').setInputFiles(path);
  }

  async paste(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Article text or Markdown' }).fill(text);
    await this.page.getByRole('button', { name: 'Review' }).click();
  }

  review(): Locator {
    return this.page.getByRole('form', { name: 'Review the import' });
  }

  field(name: 'Title' | 'Author' | 'Outlet' | 'Date' | 'Link (URL)' | 'Tags'): Locator {
    return this.review().getByLabel(name, { exact: true });
  }

  /** The body block (list item) containing this text. */
  block(text: string): Locator {
    return this.review().getByRole('listitem').filter({ hasText: text });
  }

  async save(): Promise<void> {
    await this.review().getByRole('button', { name: 'Save to library' }).click();
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  saved(): Locator {
    return this.page.getByRole('region', { name: 'Saved to the library' });
  }

  batch(): Locator {
    return this.page.getByRole('region', { name: /^Import \d+ files?$/ });
  }

  batchRow(fileName: string): Locator {
    return this.batch().getByRole('list', { name: 'Files' }).getByRole('listitem').filter({ hasText: fileName });
  }
}
