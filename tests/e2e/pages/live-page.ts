// Page object for the live session (projector view), and boards placed through the API for its class tally.
import { expect, type Locator, type Page } from '@playwright/test';
import { callApiOk, starterBoard } from '../support/board-api';
import { unlockTeacher } from '../support/teacher';
import { DebatesPage } from './setup-page';

export const STARTER_MOTION = 'Russia and China after the Kazakhstan crisis (January 2022): alliance or rivalry?';

/** Cards (by index in the starter pool) each student puts on a side. */
export const CLASS_BOARDS: Record<string, Array<[number, 'A' | 'B']>> = {
  'Amara Okafor': [
    [0, 'A'],
    [1, 'B'],
    [2, 'A'],
  ],
  'Lukas Novak': [
    [0, 'B'],
    [1, 'B'],
  ],
};

/** Places CLASS_BOARDS through the API; answers the starter pool's tags by index. */
export async function placeClassBoards(url: string, boards = CLASS_BOARDS): Promise<string[]> {
  let tags: string[] = [];
  for (const [name, moves] of Object.entries(boards)) {
    const { debateId, student, board } = await starterBoard(url, name);
    tags = board.cards.map((card) => card.tag);
    for (const [index, side] of moves) {
      const card = board.cards[index];
      if (!card) throw new Error(`no card ${index}`);
      await callApiOk(url, 'cards.place', { debateId, studentId: student.id, cardId: card.id, side, index: 99 });
    }
  }
  return tags;
}

export class LivePage {
  constructor(readonly page: Page) {}

  /** From the start page: unlock teacher mode, then Debates → "Live session" on the starter debate. */
  async open(url: string, { unlock = true, motion = STARTER_MOTION } = {}): Promise<void> {
    await this.page.goto(url);
    if (unlock) await unlockTeacher(this.page);
    const debates = new DebatesPage(this.page);
    await debates.show();
    await debates.row(motion).getByRole('button', { name: 'Live session' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: motion })).toBeVisible();
  }

  countdown(): Locator {
    return this.page.getByRole('timer');
  }

  currentPhase(): Locator {
    return this.page.getByRole('navigation', { name: 'Phases' }).locator('li[aria-current="step"] .phase-name');
  }

  phaseNames(): Promise<string[]> {
    return this.page.getByRole('navigation', { name: 'Phases' }).locator('.phase-name').allTextContents();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  timerState(): Locator {
    return this.page.locator('.state-badge');
  }

  announcement(): Locator {
    return this.page.getByRole('status').filter({ hasText: /\S/ });
  }

  total(side: string): Locator {
    return this.page.locator('.total').filter({ hasText: side }).locator('.total-number');
  }

  editor(): Locator {
    return this.page.getByRole('form', { name: 'Edit phases' });
  }
}
