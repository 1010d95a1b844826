// The class tally the projector shows: cards placed on each side over all students, and the most contested cards.
import type { ClassResults } from '../../src-main/shared/results';

export interface TallyCard {
  id: string;
  tag: string;
  sideA: number;
  sideB: number;
}

export interface LiveTally {
  /** Students who placed at least one card on a side (what every count is out of). */
  counted: number;
  /** Students on the roster, and how many handed their board in; null when the results do not name the class. */
  roster: number | null;
  handedIn: number | null;
  /** The debate keeps results from students and the teacher has not revealed them: not for the projector yet. */
  hiddenFromClass: boolean;
  /** Cards placed on each side, summed over the students. */
  sideA: number;
  sideB: number;
  /** Every card with its counts, most contested first (see contestedOrder). */
  cards: TallyCard[];
}

/**
 * Most contested first: cards that many students put on *both* sides (the smaller of the two counts: the same
 * order as results' rankContested, whose denominator is the same for every card), then the ones most placed at
 * all; then the pool's order. Uncontested cards come after, so a class that agrees still sees its cards.
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

/** The projector's tally from the class results (results.get): pool cards only, as the results count them. */
export function tallyFromResults(results: ClassResults): LiveTally {
  const cards = results.cards.map((card) => ({ id: card.cardId, tag: card.tag, sideA: card.sideA, sideB: card.sideB }));
  return {
    counted: results.countedStudents,
    roster: results.viewer === 'teacher' ? results.students.length : null,
    handedIn: results.viewer === 'teacher' ? results.students.filter((s) => s.status === 'submitted').length : null,
    hiddenFromClass: results.hidden && results.revealedAt === null,
    sideA: cards.reduce((sum, card) => sum + card.sideA, 0),
    sideB: cards.reduce((sum, card) => sum + card.sideB, 0),
    cards: contestedOrder(cards),
  };
}
