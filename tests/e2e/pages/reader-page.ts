// Page object for the reader: the article text, the selection panel and the list of highlights.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReaderPage {
  constructor(readonly page: Page) {}

  text(): Locator {
    return this.page.getByRole('region', { name: 'Article text' });
  }

  highlights(): Locator {
    return this.page.getByRole('region', { name: /Highlights and cards/ }).getByRole('listitem');
  }

  orphaned(): Locator {
    return this.page.getByRole('region', { name: /Orphaned/ }).getByRole('listitem');
  }

  /** Selects an exact passage of the article with the mouse (a real drag from its first to last character). */
  async selectWithMouse(passage: string): Promise<void> {
    const box = await this.text().evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(wanted);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 1);
        const first = range.getBoundingClientRect();
        range.setStart(node, at + wanted.length - 1);
        range.setEnd(node, at + wanted.length);
        const last = range.getBoundingClientRect();
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      return null;
    }, passage);
    if (!box) throw new Error(`passage not in one text node: ${passage}`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x2, box.y2, { steps: 8 });
    await this.page.mouse.up();
    await expect(this.page.getByRole('heading', { name: 'Selected passage' })).toBeVisible();
  }

  async saveCard(tag: string): Promise<void> {
    await this.page.getByLabel('Tag: the claim, in your own words').fill(tag);
    await this.page.getByRole('button', { name: 'Save card' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();
  }
}
