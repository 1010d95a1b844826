// How the board's three lists are shown: the same array for a list whose cards did not change, the progressive
// reveal of a long list (light cards filled in full as they are scrolled to), and each card's search text.
import type { EvidenceCard } from '../../../src-main/shared/domain';
import type { Area, Columns } from '../board-moves';
import { searchTextOf } from '../pool-filter';

/** Cards shown in full at the top of each list from the first frame: enough to fill a tall window. */
const EAGER_CARDS = 5;
/** Light cards come in full this many at a time per frame, so a jump to the end of a long list does not freeze it. */
const REVEAL_STEP = 40;
/** When a list is scrolled, this many cards beyond the ones needed come in full with them. */
const REVEAL_AHEAD = 4;

const sameCards = (a: EvidenceCard[], b: EvidenceCard[]) =>
  a.length === b.length && a.every((card, index) => card === b[index]);

/**
 * The same array for an area whose cards did not change: a move between the sides then costs the 700-card pool
 * nothing (its list is not even compared card by card by Svelte).
 */
export function stableColumns(next: Columns, previous: Columns): Columns {
  return {
    pool: sameCards(next.pool, previous.pool) ? previous.pool : next.pool,
    A: sameCards(next.A, previous.A) ? previous.A : next.A,
    B: sameCards(next.B, previous.B) ? previous.B : next.B,
  };
}

export class BoardReveal {
  /** How many cards from the top of each list are shown in full (quote, cite, buttons); the rest are light. */
  revealed = $state<Record<Area, number>>({ pool: EAGER_CARDS, A: EAGER_CARDS, B: EAGER_CARDS });
  private target: Record<Area, number> = { pool: EAGER_CARDS, A: EAGER_CARDS, B: EAGER_CARDS };
  private frame = 0;

  /** A new board: only the first cards of each list in full. */
  reset(): void {
    cancelAnimationFrame(this.frame);
    // Forgotten too: a frame id left behind would make every later reveal() think a step is still coming.
    this.frame = 0;
    this.revealed = { pool: EAGER_CARDS, A: EAGER_CARDS, B: EAGER_CARDS };
    this.target = { ...this.revealed };
  }

  /** A list was scrolled down to the card at `index`: show it in full down to a little past it. */
  reveal(area: Area, index: number): void {
    this.target[area] = Math.max(this.target[area], index + REVEAL_AHEAD);
    if (this.frame) return;
    // The first step now (this is called from a scroll check in an animation frame, before its paint).
    const step = () => {
      this.frame = 0;
      let more = false;
      for (const which of ['pool', 'A', 'B'] as const) {
        const target = this.target[which];
        if (this.revealed[which] >= target) continue;
        this.revealed[which] = Math.min(target, this.revealed[which] + REVEAL_STEP);
        more ||= this.revealed[which] < target;
      }
      if (more) this.frame = requestAnimationFrame(step);
    };
    step();
  }
}

/** Each card's text for the pool search, made once per card (cleared when the cards are replaced). */
export class SearchTexts {
  // A cache, not state: nothing on screen reads it directly.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private cache = new Map<string, string>();

  clear(): void {
    this.cache.clear();
  }

  of(card: EvidenceCard): string {
    let text = this.cache.get(card.id);
    if (text === undefined) {
      text = searchTextOf(card);
      this.cache.set(card.id, text);
    }
    return text;
  }
}
