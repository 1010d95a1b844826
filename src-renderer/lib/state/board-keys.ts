// The board's keys, as the view's two keydown handlers call them: the cards' own keys (Space/Enter pick up and
// drop, arrows move, Escape cancels) and the window's undo/redo shortcuts.
import type { BoardState } from './board.svelte';
import type { Direction } from './board-keyboard';

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** The keyboard path for every card, in one handler on the columns: the key went to a card's handle. */
export function onCardKey(board: BoardState, event: KeyboardEvent): void {
  const handle = event.target as HTMLElement;
  if (!handle.classList?.contains('handle') || board.readOnly) return;
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const cardId = handle.closest<HTMLElement>('[data-card-id]')?.dataset.cardId;
  if (!cardId) return;
  const held = board.held?.cardId === cardId;
  const arrow = ARROWS[event.key];
  if (event.key === ' ' || event.key === 'Enter') {
    if (held) board.drop();
    else board.pickUp(cardId);
  } else if (arrow && held) {
    board.nudge(arrow);
  } else if (event.key === 'Escape' && held) {
    board.cancel();
  } else {
    return;
  }
  event.preventDefault();
}

/** Text fields keep the browser's own undo for their text; everywhere else Ctrl/Cmd+Z undoes board changes. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, while a board is on screen. */
export function onHistoryKey(board: BoardState, event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault();
    board.undo();
  } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
    event.preventDefault();
    board.redo();
  }
}
