// Page object for the debate board: what a student sees and does there.
import { expect, type Locator, type Page } from '@playwright/test';

export type AreaName = 'Evidence pool' | string;

export class BoardPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Russia and China');
  }

  async chooseStudent(name: string): Promise<void> {
    await this.page.getByRole('button', { name }).click();
    await expect(this.page.getByText(`Board of ${name}`)).toBeVisible();
  }

  area(name: AreaName): Locator {
    return this.page.getByRole('region', { name });
  }

  card(tag: string): Locator {
    return this.page.locator('[aria-roledescription="evidence card"]').filter({ hasText: tag }).first();
  }

  async tagsIn(name: AreaName): Promise<string[]> {
    return this.area(name).locator('[aria-roledescription="evidence card"] .tag').allTextContents();
  }

  async dragCard(tag: string, toArea: AreaName): Promise<void> {
    await this.card(tag).dragTo(this.area(toArea).getByRole('list'));
    await expect(this.area(toArea).getByText(tag)).toBeVisible();
    await expect(this.page.getByText('All changes saved')).toBeVisible();
  }

  /** Moves a card with the keyboard alone: Space picks up, arrows move, Space drops. */
  async keyboardMove(tag: string, keys: string[]): Promise<void> {
    await this.card(tag).focus();
    await this.page.keyboard.press('Space');
    for (const key of keys) await this.page.keyboard.press(key);
    await this.page.keyboard.press('Space');
  }

  liveRegion(): Locator {
    return this.page.locator('[aria-live="assertive"]');
  }
}
