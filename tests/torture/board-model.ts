// What one student's board must look like: the torture test's own model of the board, changed by the same writes it
// sends (cards.place, placements.update, positions.update), and compared with what the host answers after a restart.
import type { Board, Rating, Side } from '../../src-main/shared/domain';

interface Argument {
  reasoningMarkdown: string;
  strength: Rating | null;
  relevance: Rating | null;
}

export interface BoardModel {
  sides: Record<Side, string[]>;
  /** Every card's argument, also of cards back in the pool (the board keeps it for when they return). */
  args: Record<string, Argument>;
  thesisMarkdown: string;
  conclusionMarkdown: string;
}

export type BoardWrite =
  | { method: 'cards.place'; cardId: string; side: Side | null; index: number }
  | {
      method: 'placements.update';
      cardId: string;
      reasoningMarkdown?: string;
      strength?: Rating | null;
      relevance?: Rating | null;
    }
  | { method: 'positions.update'; thesisMarkdown?: string; conclusionMarkdown?: string };

export const emptyBoard = (): BoardModel => ({
  sides: { A: [], B: [] },
  args: {},
  thesisMarkdown: '',
  conclusionMarkdown: '',
});

const noArgument: Argument = { reasoningMarkdown: '', strength: null, relevance: null };

export function sideOf(model: BoardModel, cardId: string): Side | null {
  if (model.sides.A.includes(cardId)) return 'A';
  if (model.sides.B.includes(cardId)) return 'B';
  return null;
}

/** The board after one write, as core/board.ts promises it (a new model; the old one is kept by the journal). */
export function applyWrite(model: BoardModel, write: BoardWrite): BoardModel {
  const next: BoardModel = structuredClone(model);
  if (write.method === 'cards.place') {
    next.sides.A = next.sides.A.filter((id) => id !== write.cardId);
    next.sides.B = next.sides.B.filter((id) => id !== write.cardId);
    if (write.side) {
      const target = next.sides[write.side];
      target.splice(Math.min(write.index, target.length), 0, write.cardId);
    }
  } else if (write.method === 'placements.update') {
    const current = next.args[write.cardId] ?? noArgument;
    next.args[write.cardId] = {
      reasoningMarkdown: write.reasoningMarkdown ?? current.reasoningMarkdown,
      strength: write.strength !== undefined ? write.strength : current.strength,
      relevance: write.relevance !== undefined ? write.relevance : current.relevance,
    };
  } else {
    next.thesisMarkdown = write.thesisMarkdown ?? next.thesisMarkdown;
    next.conclusionMarkdown = write.conclusionMarkdown ?? next.conclusionMarkdown;
  }
  return next;
}

/** What a model shows through board.get: the placed cards in order with their arguments, and the position. */
export function visibleBoard(model: BoardModel): unknown {
  const placed = (['A', 'B'] as const).flatMap((side) =>
    model.sides[side].map((cardId, position) => ({ cardId, side, position, ...(model.args[cardId] ?? noArgument) })),
  );
  return { placements: placed, thesisMarkdown: model.thesisMarkdown, conclusionMarkdown: model.conclusionMarkdown };
}

/** The same view of the board the host answered. */
export function visibleFromHost(board: Board): unknown {
  const placed = [...board.placements]
    .sort((a, b) => (a.side === b.side ? a.position - b.position : a.side < b.side ? -1 : 1))
    .map(({ cardId, side, position, reasoningMarkdown, strength, relevance }) => ({
      cardId,
      side,
      position,
      reasoningMarkdown,
      strength,
      relevance,
    }));
  return {
    placements: placed,
    thesisMarkdown: board.position.thesisMarkdown,
    conclusionMarkdown: board.position.conclusionMarkdown,
  };
}
