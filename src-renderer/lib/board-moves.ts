// Pure board arithmetic shared by optimistic updates, keyboard moves and undo; mirrors core/board.ts placeCard.
import type {
  BoardPlacement,
  EvidenceCard,
  Placement,
  Rating,
  Side,
  StudentPosition,
} from '../../src-main/shared/domain';

export type Area = 'pool' | Side;
export const AREAS: readonly Area[] = ['pool', 'A', 'B'];

/** The student's argument for one card; kept while the card is back in the pool, as the core does. */
export interface CardArgument {
  reasoningMarkdown: string;
  strength: Rating | null;
  relevance: Rating | null;
}

export const NO_ARGUMENT: Readonly<CardArgument> = Object.freeze({
  reasoningMarkdown: '',
  strength: null,
  relevance: null,
});

/** A whole board as board.restore takes it: what undo and redo put back. */
export interface BoardSnapshot {
  placements: BoardPlacement[];
  position: StudentPosition;
}

/** The layout part (side and order) of the placements the core answers. */
export const layoutOf = (placements: BoardPlacement[]): Placement[] =>
  placements.map(({ cardId, side, position }) => ({ cardId, side, position }));

/** The placements after moving one card to `area` at `index` (clamped), renumbered like the core does. */
export function movePlacement(placements: Placement[], cardId: string, area: Area, index: number): Placement[] {
  const sides: Record<Side, string[]> = { A: [], B: [] };
  for (const placement of [...placements].sort((a, b) => a.position - b.position)) {
    if (placement.cardId !== cardId) sides[placement.side].push(placement.cardId);
  }
  if (area !== 'pool') {
    const target = sides[area];
    target.splice(Math.max(0, Math.min(index, target.length)), 0, cardId);
  }
  return (['A', 'B'] as const).flatMap((side) => sides[side].map((id, position) => ({ cardId: id, side, position })));
}

export interface Columns {
  pool: EvidenceCard[];
  A: EvidenceCard[];
  B: EvidenceCard[];
}

/** Splits the debate's cards into the three areas the board shows, in order. */
export function columnsOf(
  cards: EvidenceCard[],
  placements: Placement[],
  byId?: ReadonlyMap<string, EvidenceCard>,
): Columns {
  const lookup = byId ?? new Map(cards.map((card) => [card.id, card]));
  const placed = new Set<string>();
  const sides: Record<Side, Placement[]> = { A: [], B: [] };
  for (const placement of placements) {
    placed.add(placement.cardId);
    sides[placement.side].push(placement);
  }
  const side = (which: Side) =>
    sides[which].sort((a, b) => a.position - b.position).flatMap((placement) => lookup.get(placement.cardId) ?? []);
  return {
    pool: cards.filter((card) => !placed.has(card.id)),
    A: side('A'),
    B: side('B'),
  };
}

export function indexById(cards: EvidenceCard[]): ReadonlyMap<string, EvidenceCard> {
  return new Map(cards.map((card) => [card.id, card]));
}

export function placedCardIds(placements: Placement[]): ReadonlySet<string> {
  return new Set(placements.map((placement) => placement.cardId));
}

export function areaOf(placements: Placement[], cardId: string): { area: Area; index: number } {
  const placement = placements.find((candidate) => candidate.cardId === cardId);
  return placement ? { area: placement.side, index: placement.position } : { area: 'pool', index: 0 };
}

/** The layout and arguments of a board as one value (copies: safe to keep on an undo stack). */
export function snapshotOf(
  placements: Placement[],
  argumentFor: (cardId: string) => CardArgument,
  position: StudentPosition,
): BoardSnapshot {
  return {
    placements: placements.map(({ cardId, side, position: index }) => {
      const { reasoningMarkdown, strength, relevance } = argumentFor(cardId);
      return { cardId, side, position: index, reasoningMarkdown, strength, relevance };
    }),
    position: { thesisMarkdown: position.thesisMarkdown, conclusionMarkdown: position.conclusionMarkdown },
  };
}

export function sameArgument(a: CardArgument, b: CardArgument): boolean {
  return a.reasoningMarkdown === b.reasoningMarkdown && a.strength === b.strength && a.relevance === b.relevance;
}

export function sameLayout(a: Placement[], b: Placement[]): boolean {
  if (a.length !== b.length) return false;
  const key = (placement: Placement) => `${placement.side}${placement.position}`;
  const positions = new Map(a.map((placement) => [placement.cardId, key(placement)]));
  return b.every((placement) => positions.get(placement.cardId) === key(placement));
}
