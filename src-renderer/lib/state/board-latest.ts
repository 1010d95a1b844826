// Bringing the board on screen up to date with the core's: a reload when another window changed it (never over a
// change of ours still on its way), and assigning only what differs, so our own saves coming back change nothing.
import type { Board, BoardPlacement, EvidenceCard } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { layoutOf, sameArgument, sameLayout, type CardArgument } from '../board-moves';
import type { BoardState } from './board.svelte';

/** Reloads the board, unless something of ours is on its way: then it is wanted once that is done. */
export async function refresh(board: BoardState): Promise<void> {
  const { debate, student } = board;
  if (!debate || !student) return;
  if (board.busy()) {
    board.refreshWanted = true;
    return;
  }
  board.refreshWanted = false;
  const changesBefore = board.changeCount;
  let latest;
  try {
    latest = await api.call('board.get', { debateId: debate.id, studentId: student.id });
  } catch {
    return; // the next change or event tries again; the board on screen stays as it is
  }
  if (!board.isShowing(debate.id, student.id)) return;
  if (board.changeCount !== changesBefore || board.busy()) {
    board.refreshWanted = true;
    return;
  }
  const news = board.sync.isNews(latest.versions);
  applyLatest(board, latest);
  if (news) board.announcement = 'This board was changed in another window or tab. It now shows the latest version.';
}

/** Shows the board as the core has it now (nothing of ours is unsaved, or it was refused). */
export function applyLatest(board: BoardState, latest: Board): void {
  // Another window changed the board: our undo steps were made against a board that is gone, and undoing one
  // now would overwrite that window's change.
  if (board.sync.isNews(latest.versions)) board.history.clear();
  board.sync.reset(latest);
  // Only what differs is assigned, so our own saves coming back change nothing on screen.
  if (JSON.stringify(latest.debate) !== JSON.stringify(board.debate)) board.debate = latest.debate;
  if (!sameCards(board.cards, latest.cards)) {
    const known = board.cardById;
    board.applyCards(latest.cards);
    const arrived = latest.cards.find((card) => !known.has(card.id) && card.ownerRole === 'student');
    if (arrived) board.arrivedCard = arrived.id;
  }
  applyArguments(board, latest.placements, false);
  const layout = layoutOf(latest.placements);
  if (!sameLayout(layout, board.layout)) board.layout = layout;
  if (latest.position.thesisMarkdown !== board.position.thesisMarkdown) {
    board.position.thesisMarkdown = latest.position.thesisMarkdown;
  }
  if (latest.position.conclusionMarkdown !== board.position.conclusionMarkdown) {
    board.position.conclusionMarkdown = latest.position.conclusionMarkdown;
  }
  if (board.editing && !board.placedIds.has(board.editing)) board.editing = null;
}

function sameCards(mine: EvidenceCard[], cards: EvidenceCard[]): boolean {
  if (cards.length !== mine.length) return false;
  return cards.every((card, index) => {
    const current = mine[index];
    return current !== undefined && current.id === card.id && current.tag === card.tag && current.quote === card.quote;
  });
}

/** The arguments the core has: all of them anew (`replace`), or only those that differ from the ones on screen. */
export function applyArguments(board: BoardState, placements: BoardPlacement[], replace: boolean): void {
  if (replace) {
    const notes: Record<string, CardArgument> = {};
    for (const { cardId, reasoningMarkdown, strength, relevance } of placements) {
      notes[cardId] = { reasoningMarkdown, strength, relevance };
    }
    board.notes = notes;
    return;
  }
  for (const { cardId, reasoningMarkdown, strength, relevance } of placements) {
    const next = { reasoningMarkdown, strength, relevance };
    const current = board.notes[cardId];
    if (!current) board.notes[cardId] = next;
    else if (!sameArgument(current, next)) Object.assign(current, next);
  }
}
