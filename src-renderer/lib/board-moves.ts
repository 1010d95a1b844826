// Pure board arithmetic shared by optimistic updates and keyboard moves; mirrors core/board.ts placeCard.
import type { EvidenceCard, Placement, Side } from '../../src-main/shared/domain';

export type Area = 'pool' | Side;
export const AREAS: readonly Area[] = ['pool', 'A', 'B'];

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

/** Splits the pool's cards into the three areas the board shows, in order. */
export function columnsOf(cards: EvidenceCard[], placements: Placement[]): Columns {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const placed = new Set(placements.map((placement) => placement.cardId));
  const side = (which: Side) =>
    placements
      .filter((placement) => placement.side === which)
      .sort((a, b) => a.position - b.position)
      .flatMap((placement) => byId.get(placement.cardId) ?? []);
  return {
    pool: cards.filter((card) => !placed.has(card.id)),
    A: side('A'),
    B: side('B'),
  };
}

export function areaOf(placements: Placement[], cardId: string): { area: Area; index: number } {
  const placement = placements.find((candidate) => candidate.cardId === cardId);
  return placement ? { area: placement.side, index: placement.position } : { area: 'pool', index: 0 };
}
