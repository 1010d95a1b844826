// Undo and redo of a student's board: a stack of whole-board snapshots, before and after each change.
import type { BoardSnapshot } from '../board-moves';

export interface HistoryEntry {
  /** What the change was, for the buttons' names: "move of “…”", "thesis". */
  label: string;
  before: BoardSnapshot;
  after: BoardSnapshot;
  /** Typing in one field is one entry until the field loses focus: this names the field. */
  openEdit?: string;
}

/** Enough for a lesson; the oldest changes fall off the bottom. */
const MAX_ENTRIES = 200;

export class BoardHistory {
  private done = $state.raw<HistoryEntry[]>([]);
  private undone = $state.raw<HistoryEntry[]>([]);

  nextUndo = $derived(this.done.at(-1) ?? null);
  nextRedo = $derived(this.undone.at(-1) ?? null);

  clear(): void {
    this.done = [];
    this.undone = [];
  }

  record(entry: HistoryEntry): void {
    this.done = [...this.done.slice(-(MAX_ENTRIES - 1)), entry];
    this.undone = [];
  }

  /**
   * Typing: the first keystroke in a field opens an entry (before = the board then); later keystrokes in the
   * same field only move its `after`. Another change, or leaving the field, closes it.
   */
  recordEdit(key: string, label: string, before: () => BoardSnapshot, after: BoardSnapshot): void {
    const top = this.done.at(-1);
    if (top?.openEdit === key) {
      this.done = [...this.done.slice(0, -1), { ...top, after }];
      this.undone = [];
      return;
    }
    this.closeEdit();
    this.record({ label, before: before(), after, openEdit: key });
  }

  closeEdit(key?: string): void {
    const top = this.done.at(-1);
    if (!top?.openEdit || (key !== undefined && top.openEdit !== key)) return;
    const closed: HistoryEntry = { label: top.label, before: top.before, after: top.after };
    this.done = [...this.done.slice(0, -1), closed];
  }

  /** Patches the snapshots of the last entry (the core brought back a card's kept reasoning). */
  amendLast(update: (entry: HistoryEntry) => HistoryEntry): void {
    const top = this.done.at(-1);
    if (top) this.done = [...this.done.slice(0, -1), update(top)];
  }

  undo(): HistoryEntry | null {
    this.closeEdit();
    const entry = this.done.at(-1);
    if (!entry) return null;
    this.done = this.done.slice(0, -1);
    this.undone = [...this.undone, entry];
    return entry;
  }

  redo(): HistoryEntry | null {
    const entry = this.undone.at(-1);
    if (!entry) return null;
    this.undone = this.undone.slice(0, -1);
    this.done = [...this.done, entry];
    return entry;
  }
}
