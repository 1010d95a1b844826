// The class tally the projector shows: cards placed on each side over all students, and the most contested cards.
import type { Board } from '../../src-main/shared/domain';

export interface TallyCard {
  id: string;
  tag: string;
  sideA: number;
  sideB: number;
}

export interface LiveTally {
  /** Students counted (those with a board). */
  students: number;
  /** Cards placed on each side, summed over the students. */
  sideA: number;
  sideB: number;
  /** Every card with its counts, most contested first (see contestedOrder). */
  cards: TallyCard[];
}

/**
 * Most contested first: cards that many students put on *both* sides (the smaller of the two counts), then the
 * ones most placed at all; then the pool's order. A card nobody placed is not contested.
 */
export function contestedOrder(cards: TallyCard[]): TallyCard[] {
  return cards
    .map((card, index) => ({ card, index }))
    .sort(
      (x, y) =>
        Math.min(y.card.sideA, y.card.sideB) - Math.min(x.card.sideA, x.card.sideB) ||
        y.card.sideA + y.card.sideB - (x.card.sideA + x.card.sideB) ||
        x.index - y.index,
    )
    .map(({ card }) => card);
}

/** The tally from every student's board (what the API offered before results.get). */
export function tallyFromBoards(boards: Board[]): LiveTally {
  const counts = new Map<string, TallyCard>();
  for (const board of boards) {
    for (const card of board.cards) {
      if (!counts.has(card.id)) counts.set(card.id, { id: card.id, tag: card.tag, sideA: 0, sideB: 0 });
    }
    for (const placement of board.placements) {
      const card = counts.get(placement.cardId);
      if (!card) continue;
      if (placement.side === 'A') card.sideA += 1;
      else card.sideB += 1;
    }
  }
  const cards = [...counts.values()];
  return {
    students: boards.length,
    sideA: cards.reduce((sum, card) => sum + card.sideA, 0),
    sideB: cards.reduce((sum, card) => sum + card.sideB, 0),
    cards: contestedOrder(cards),
  };
}
