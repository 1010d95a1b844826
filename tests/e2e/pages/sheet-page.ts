// Page objects for the argument sheet: the sheet view (options, preview, exports, Print…) and the teacher's batch
// export dialog (students, format, zip or folder, progress, the overwrite question).
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export type ExportFormat = 'Markdown (.md)' | 'HTML (.html)' | 'PDF (.pdf)' | 'Word (.docx)';
export type StyleName = 'MLA 9' | 'APA 7' | 'Chicago (author-date)';
export type LayoutName = 'Standard' | 'Debate cards';

export class SheetPage {
  constructor(readonly page: Page) {}

  /** From the student's board: the "Argument sheet" button in its toolbar. */
  async openFromBoard(): Promise<void> {
    await this.page.getByRole('button', { name: 'Argument sheet', exact: true }).click();
    await this.waitForPreview();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 }).first();
  }

  style(name: StyleName): Locator {
    return this.page.getByRole('group', { name: 'Citation style' }).getByRole('radio', { name, exact: true });
  }

  layout(name: LayoutName): Locator {
    return this.page.getByRole('group', { name: 'Layout' }).getByRole('radio', { name, exact: true });
  }

  includeUnused(): Locator {
    return this.page.getByRole('checkbox', { name: 'Include evidence considered but not used' });
  }

  preview(): Locator {
    return this.page.getByRole('region', { name: 'Preview' });
  }

  /** The sheet inside the preview (the core's <article class="sheet">). */
  sheet(): Locator {
    return this.preview().locator('article.sheet');
  }

  /** Waits until the preview shows the sheet for the options on screen (no request still on its way). */
  async waitForPreview(): Promise<void> {
    await expect(this.sheet()).toBeVisible();
    await expect(this.preview()).toHaveAttribute('aria-busy', 'false');
  }

  exportButton(format: ExportFormat): Locator {
    return this.page.getByRole('group', { name: 'Export' }).getByRole('button', { name: format, exact: true });
  }

  printButton(): Locator {
    return this.page.getByRole('button', { name: 'Print…' });
  }

  backButton(): Locator {
    return this.page.getByRole('button', { name: /^← Back/ });
  }

  status(): Locator {
    return this.page.locator('.sheet-view').getByRole('status');
  }

  /** Clicks an export button and waits for the file it downloads. */
  async export(format: ExportFormat): Promise<Download> {
    const downloading = this.page.waitForEvent('download', { timeout: 30_000 });
    await this.exportButton(format).click();
    const download = await downloading;
    await expect(this.status()).toContainText(`Exported “${download.suggestedFilename()}”`);
    return download;
  }
}

export class BatchExportDialog {
  constructor(readonly page: Page) {}

  /** From the teacher's Debates list: "Export sheets…" on the debate's row. */
  async open(motion: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: 'Debates', exact: true }).click();
    const row = this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: motion }) });
    await row.getByRole('button', { name: 'Export sheets…' }).click();
    await expect(this.dialog()).toBeVisible();
    await expect(this.studentTable()).toBeVisible();
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export argument sheets' });
  }

  studentTable(): Locator {
    return this.dialog().getByRole('table');
  }

  /** The student rows: name, cards placed (or "Not started"). */
  async rows(): Promise<string[][]> {
    return this.studentTable()
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td')].slice(0, 2).map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );
  }

  includeNotStarted(): Locator {
    return this.dialog().getByRole('checkbox', { name: /^Include students who have not started/ });
  }

  format(name: ExportFormat): Locator {
    return this.dialog().getByRole('group', { name: 'Format' }).getByRole('radio', { name, exact: true });
  }

  destination(name: 'One .zip file' | 'A folder…'): Locator {
    return this.dialog().getByRole('group', { name: 'Save to' }).getByRole('radio', { name, exact: true });
  }

  exportButton(): Locator {
    return this.dialog().getByRole('button', { name: /^Export \d+ sheets?$/ });
  }

  progress(): Locator {
    return this.dialog().getByRole('progressbar');
  }

  overwriteQuestion(): Locator {
    return this.dialog().getByRole('alertdialog');
  }

  result(): Locator {
    return this.dialog().getByRole('status');
  }

  /** Exports into a .zip and returns the download. */
  async exportZip(): Promise<Download> {
    await this.destination('One .zip file').check();
    const downloading = this.page.waitForEvent('download', { timeout: 120_000 });
    await this.exportButton().click();
    const download = await downloading;
    await expect(this.result()).toContainText('saved in');
    return download;
  }
}
