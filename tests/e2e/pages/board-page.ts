// Page object for the debate board: what a student sees and does there (mouse, touch, keyboard, the argument
// editor, thesis and conclusion, undo/redo, the pool's filter and search).
import { expect, type Locator, type Page } from '@playwright/test';

export type AreaName = 'Evidence pool' | string;
export type RatingGroup = 'Strength' | 'Relevance to the motion';

const CARD = '[aria-roledescription="evidence card"]';

export class BoardPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText('Russia and China');
  }

  async chooseStudent(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByText(`Board of ${name}`)).toBeVisible();
  }

  area(name: AreaName): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The card itself (its draggable body), found by its tag (its accessible name, also while it is light). */
  card(tag: string): Locator {
    return this.page
      .locator(CARD)
      .and(this.page.getByLabel(tag, { exact: true }))
      .first();
  }

  /** Scrolls a card into sight, so that it is drawn in full (far down a long list a card is light until then). */
  async reveal(tag: string): Promise<Locator> {
    await this.card(tag).scrollIntoViewIfNeeded();
    const item = this.cardItem(tag);
    await expect(item.locator('.quote')).toBeVisible();
    return item;
  }

  /** The whole list item of a card: its body, its argument summary and its buttons. */
  cardItem(tag: string): Locator {
    return this.page.locator('li[data-card-id]').filter({ has: this.card(tag) });
  }

  /** The tags of an area's cards, in order (cards far down a long list are light: their tag is their label). */
  async tagsIn(name: AreaName): Promise<string[]> {
    return this.area(name)
      .locator(CARD)
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-label') ?? ''));
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: 'All changes saved' }).first()).toBeVisible();
  }

  async dragCard(tag: string, toArea: AreaName): Promise<void> {
    await this.card(tag).dragTo(this.area(toArea).getByRole('list'));
    await expect(this.area(toArea).getByText(tag)).toBeVisible();
    await this.waitUntilSaved();
  }

  /**
   * Drags a card by its grip with a finger: real touch events through the DevTools protocol (the page needs a
   * context with hasTouch), so the browser applies touch-action as it would on a tablet.
   */
  async touchDragCard(tag: string, toArea: AreaName): Promise<void> {
    const grip = await this.card(tag).locator('.grip').boundingBox();
    const target = await this.area(toArea).getByRole('list').boundingBox();
    if (!grip || !target) throw new Error('card grip or area not on screen');
    await this.touchDrag(
      { x: grip.x + grip.width / 2, y: grip.y + 20 },
      { x: target.x + target.width / 2, y: target.y + 30 },
    );
  }

  async touchDrag(from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
      for (let step = 1; step <= steps; step += 1) {
        const point = {
          x: from.x + ((to.x - from.x) * step) / steps,
          y: from.y + ((to.y - from.y) * step) / steps,
        };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [point] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach();
    }
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

  // ── The argument for a placed card ───────────────────────────────────────────────────────────────

  argueButton(tag: string): Locator {
    return this.cardItem(tag).getByRole('button', { name: /^(Write why|Edit reasoning|View reasoning)/ });
  }

  editor(): Locator {
    return this.page.getByRole('dialog');
  }

  async openArgument(tag: string): Promise<Locator> {
    await this.argueButton(tag).click();
    const editor = this.editor();
    await expect(editor).toBeVisible();
    await expect(editor.getByRole('heading', { level: 2 })).toContainText('Why does this evidence support');
    return editor;
  }

  reasoning(): Locator {
    return this.editor().getByRole('textbox', { name: 'Reasoning' });
  }

  rating(group: RatingGroup, label: string): Locator {
    return this.editor()
      .getByRole('group', { name: new RegExp(`^${group}`) })
      .getByRole('radio', { name: label });
  }

  async closeEditor(): Promise<void> {
    await this.editor().getByRole('button', { name: 'Done' }).click();
    await expect(this.editor()).toBeHidden();
  }

  /** The summary a placed card shows: ratings in words and the first line of reasoning. */
  summary(tag: string): Locator {
    return this.cardItem(tag).locator('.argument');
  }

  // ── Thesis, conclusion, undo ─────────────────────────────────────────────────────────────────────

  thesis(): Locator {
    return this.page.getByRole('textbox', { name: 'My position' });
  }

  conclusion(): Locator {
    return this.page.getByRole('textbox', { name: 'Conclusion' });
  }

  undoButton(): Locator {
    return this.page.getByRole('button', { name: /^Undo/ });
  }

  redoButton(): Locator {
    return this.page.getByRole('button', { name: /^Redo/ });
  }

  // ── The pool ─────────────────────────────────────────────────────────────────────────────────────

  articleFilter(): Locator {
    return this.area('Evidence pool').getByRole('combobox', { name: 'Article' });
  }

  poolSearch(): Locator {
    return this.area('Evidence pool').getByRole('searchbox', { name: 'Search the pool' });
  }
}
