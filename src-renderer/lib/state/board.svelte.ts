// One student's board as the UI holds it: optimistic moves, saving state, and the keyboard "held" card.
import type { Board, Placement } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { areaOf, columnsOf, movePlacement, type Area } from '../board-moves';
import type { DropTarget } from '../pointer-drag';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export interface HeldCard {
  cardId: string;
  /** Placements before the pick-up, restored by Escape. */
  before: Placement[];
}

export class BoardState {
  board = $state<Board | null>(null);
  saveState = $state<SaveState>('idle');
  message = $state('');
  held = $state<HeldCard | null>(null);
  /** The card being dragged with the mouse or touch, and where it would land. */
  dragging = $state<string | null>(null);
  dropTarget = $state<DropTarget | null>(null);
  /** The last thing a screen reader should hear (the board's live region). */
  announcement = $state('');

  columns = $derived(this.board ? columnsOf(this.board.cards, this.board.placements) : null);

  async load(debateId: string, studentId: string): Promise<void> {
    try {
      this.board = await api.call('board.get', { debateId, studentId });
      this.message = '';
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  areaLabel(area: Area): string {
    if (!this.board || area === 'pool') return 'Evidence pool';
    return area === 'A' ? this.board.debate.sideA : this.board.debate.sideB;
  }

  cardTag(cardId: string): string {
    return this.board?.cards.find((card) => card.id === cardId)?.tag ?? 'card';
  }

  /** Moves a card and saves at once; the screen updates before the save, and reverts if it fails. */
  async place(cardId: string, area: Area, index: number): Promise<boolean> {
    const board = this.board;
    if (!board) return false;
    const before = board.placements;
    board.placements = movePlacement(before, cardId, area, index);
    this.saveState = 'saving';
    try {
      this.board = await api.call('cards.place', {
        debateId: board.debate.id,
        studentId: board.student.id,
        cardId,
        side: area === 'pool' ? null : area,
        index,
      });
      this.saveState = 'saved';
      this.message = '';
      return true;
    } catch (error) {
      board.placements = before;
      this.saveState = 'error';
      this.message = (error as Error).message;
      return false;
    }
  }

  startDrag(cardId: string): void {
    this.dragging = cardId;
    this.dropTarget = null;
  }

  endDrag(cardId: string, target: DropTarget | null): void {
    this.dragging = null;
    this.dropTarget = null;
    if (target) void this.place(cardId, target.area, target.index);
  }

  cancelDrag(): void {
    this.dragging = null;
    this.dropTarget = null;
  }

  pickUp(cardId: string): void {
    if (!this.board) return;
    this.held = { cardId, before: $state.snapshot(this.board.placements) };
    const { area } = areaOf(this.board.placements, cardId);
    this.announcement = `Picked up “${this.cardTag(cardId)}” from ${this.areaLabel(area)}. Arrow keys move it, Space drops it, Escape cancels.`;
  }

  /** Keyboard move of the held card: only on screen until it is dropped. */
  nudge(direction: 'left' | 'right' | 'up' | 'down'): void {
    const board = this.board;
    const held = this.held;
    if (!board || !held) return;
    const { area, index } = areaOf(board.placements, held.cardId);
    let targetArea = area;
    let targetIndex = index;
    if (direction === 'left' || direction === 'right') {
      const areas: Area[] = ['pool', 'A', 'B'];
      const next = areas.indexOf(area) + (direction === 'left' ? -1 : 1);
      if (next < 0 || next >= areas.length) return;
      targetArea = areas[next] ?? area;
    } else {
      if (area === 'pool') return;
      targetIndex = index + (direction === 'up' ? -1 : 1);
      if (targetIndex < 0) return;
    }
    board.placements = movePlacement(board.placements, held.cardId, targetArea, targetIndex);
    const now = areaOf(board.placements, held.cardId);
    const columns = columnsOf(board.cards, board.placements);
    this.announcement =
      now.area === 'pool'
        ? `Over the ${this.areaLabel('pool')}.`
        : `Over ${this.areaLabel(now.area)}, position ${now.index + 1} of ${columns[now.area].length}.`;
  }

  async drop(): Promise<void> {
    const board = this.board;
    const held = this.held;
    if (!board || !held) return;
    const { area, index } = areaOf(board.placements, held.cardId);
    board.placements = held.before;
    this.held = null;
    const saved = await this.place(held.cardId, area, index);
    const where = area === 'pool' ? `the ${this.areaLabel('pool')}` : `${this.areaLabel(area)}, position ${index + 1}`;
    this.announcement = saved
      ? `Dropped “${this.cardTag(held.cardId)}” on ${where}. Saved.`
      : `Not saved: ${this.message}`;
  }

  cancel(): void {
    if (!this.board || !this.held) return;
    this.board.placements = this.held.before;
    const { area } = areaOf(this.held.before, this.held.cardId);
    this.announcement = `Move cancelled. “${this.cardTag(this.held.cardId)}” is back in ${this.areaLabel(area)}.`;
    this.held = null;
  }
}
