// Moving a card with the keyboard: Space picks it up, arrows move it on screen (across the areas, along a side),
// Space drops it (one save), Escape puts it back. Every step is said in the board's live region.
import { areaOf, movePlacement, type Area } from '../board-moves';
import type { BoardState } from './board.svelte';

export type Direction = 'left' | 'right' | 'up' | 'down';

export function pickUp(board: BoardState, cardId: string): void {
  if (board.refuseIfReadOnly()) return;
  board.held = { cardId, before: board.layout };
  board.focusedCard = cardId;
  const { area } = areaOf(board.layout, cardId);
  board.announcement = `Picked up “${board.cardTag(cardId)}” from ${board.areaLabel(area)}. Arrow keys move it, Space drops it, Escape cancels.`;
}

/** Keyboard move of the held card: only on screen until it is dropped. */
export function nudge(board: BoardState, direction: Direction): void {
  const held = board.held;
  if (!held) return;
  const { area, index } = areaOf(board.layout, held.cardId);
  let targetArea = area;
  let targetIndex = index;
  if (direction === 'left' || direction === 'right') {
    const areas: Area[] = ['pool', 'A', 'B'];
    const next = areas.indexOf(area) + (direction === 'left' ? -1 : 1);
    if (next < 0 || next >= areas.length) {
      board.announcement = `Still over ${area === 'pool' ? `the ${board.areaLabel(area)}` : board.areaLabel(area)}: there is no area further ${direction}.`;
      return;
    }
    targetArea = areas[next] ?? area;
    // Across to a side: the same height in the list, as far as it goes.
    if (targetArea !== 'pool') targetIndex = area === 'pool' ? 0 : index;
  } else {
    if (area === 'pool') {
      board.announcement = 'The pool keeps the teacher’s order. Arrow right moves the card to a side.';
      return;
    }
    targetIndex = index + (direction === 'up' ? -1 : 1);
    if (targetIndex < 0 || targetIndex >= board.columns[area].length) {
      board.announcement = `Already at the ${direction === 'up' ? 'top' : 'bottom'} of ${board.areaLabel(area)}.`;
      return;
    }
  }
  board.layout = movePlacement(board.layout, held.cardId, targetArea, targetIndex);
  const now = areaOf(board.layout, held.cardId);
  board.announcement =
    now.area === 'pool'
      ? `Over the ${board.areaLabel('pool')}.`
      : `Over ${board.areaLabel(now.area)}, position ${now.index + 1} of ${board.columns[now.area].length}.`;
}

export function drop(board: BoardState): void {
  const held = board.held;
  if (!held) return;
  const { area, index } = areaOf(board.layout, held.cardId);
  board.layout = held.before;
  board.held = null;
  const saved = board.place(held.cardId, area, index);
  if (saved) board.announceSave(`Dropped “${board.cardTag(held.cardId)}” on ${board.whereIs(held.cardId)}.`, saved);
  else board.announcement = `“${board.cardTag(held.cardId)}” stays where it was.`;
  board.moveEnded();
}

export function cancel(board: BoardState, announce = true): void {
  const held = board.held;
  if (!held) return;
  board.layout = held.before;
  board.held = null;
  if (announce) {
    const { area } = areaOf(held.before, held.cardId);
    board.announcement = `Move cancelled. “${board.cardTag(held.cardId)}” is back in ${board.areaLabel(area)}.`;
  }
}
