// A card dragged with the pointer (mouse, pen, touch): what the board does when the drag starts, ends and is cancelled.
// The pointer work itself (ghost, drop target, scrolling) is lib/pointer-drag.ts.
import type { DropTarget } from '../pointer-drag';
import type { BoardState } from './board.svelte';

export function startDrag(board: BoardState, cardId: string): void {
  if (board.held) board.cancel(false);
  board.focusedCard = null;
  board.dragging = cardId;
  board.dropTarget = null;
}

export function endDrag(board: BoardState, cardId: string, target: DropTarget | null): void {
  board.dragging = null;
  board.dropTarget = null;
  if (!target) {
    board.announcement = `“${board.cardTag(cardId)}” was not dropped on an area: nothing moved.`;
    return;
  }
  const saved = board.place(cardId, target.area, target.index);
  if (saved) board.announceSave(`Moved “${board.cardTag(cardId)}” to ${board.whereIs(cardId)}.`, saved);
  board.moveEnded();
}

export function cancelDrag(board: BoardState): void {
  board.dragging = null;
  board.dropTarget = null;
}
