// Class results for one debate: how the class placed each pool card, who handed in, and the "contested" ranking.
import type { Cite, DebateSummary } from './domain';

/** not-started: nothing on the board yet; started: something placed or written; submitted: handed in. */
export type HandInStatus = 'not-started' | 'started' | 'submitted';

export interface ResultsStudent {
  id: string;
  name: string;
  status: HandInStatus;
  /** The time of the last hand-in; null while not handed in. */
  submittedAt: string | null;
  /** Handed in, then changed the board afterwards (still handed in; the teacher sees it). */
  changedSinceSubmit: boolean;
  /** Cards this student has on a side (pool cards and their own). */
  placedCount: number;
}

export interface ResultsCard {
  cardId: string;
  tag: string;
  quote: string;
  articleId: string;
  cite: Cite;
  /** Counted students who put the card on side A / side B / left it in the pool. */
  sideA: number;
  sideB: number;
  unused: number;
  /** 2 × min(A, B) ÷ students counted: 1 = the whole class split evenly on it, 0 = no split. See CONTESTED_RULE. */
  contested: number;
  /** Mean of the ratings given where the card is on a side; null when nobody rated it. */
  averageStrength: number | null;
  strengthCount: number;
  averageRelevance: number | null;
  relevanceCount: number;
}

export interface ClassResults {
  debate: DebateSummary;
  /** The debate keeps results from students until the teacher reveals them. */
  hidden: boolean;
  revealedAt: string | null;
  /** Whether the caller proved to be the teacher: only then does `students` list the class by name. */
  viewer: 'teacher' | 'class';
  /** Students who placed at least one card on a side: the denominator of every count. */
  countedStudents: number;
  /** Every student on the roster with how far they got (empty unless the viewer is the teacher). */
  students: ResultsStudent[];
  /** The class pool in the teacher's order. Students' own cards are not tallied (each is only on one board). */
  cards: ResultsCard[];
}

/** Whether a student handed in, and when. */
export interface HandIn {
  submittedAt: string | null;
  changedSinceSubmit: boolean;
}

export const COUNTED_RULE =
  'Counted: every student who has placed at least one card on a side. Students’ own cards are not tallied.';
export const CONTESTED_RULE =
  'Contested = 2 × the smaller side ÷ students counted: 100% when the class split evenly on a card, 0% when nobody disagreed.';

/** Cards the class split on, most contested first (ties: more students placed it, then pool order); 0 left out. */
export function rankContested(cards: readonly ResultsCard[]): ResultsCard[] {
  return cards
    .map((card, index) => ({ card, index }))
    .filter(({ card }) => card.contested > 0)
    .sort(
      (a, b) =>
        b.card.contested - a.card.contested ||
        b.card.sideA + b.card.sideB - (a.card.sideA + a.card.sideB) ||
        a.index - b.index,
    )
    .map(({ card }) => card);
}
