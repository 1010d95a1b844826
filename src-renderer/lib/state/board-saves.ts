// A board's saves, one after the other in the order of the changes: moves and ratings at once, texts after a short
// debounce (and at once, on requests that outlive the page, when the page closes). A failed save leaves the board
// out of sync with the core, and the next save sends the whole board; a save refused as stale goes to the rescue
// (board-rescue.ts).
import { afterNextPaint } from '../after-next-paint';
import { ApiError, api } from '../api/client';
import type { BoardSnapshot } from '../board-moves';
import type { BoardState } from './board.svelte';
import { isStaleWrite, messageOf } from './board-helpers';
import { staleWrite } from './board-rescue';

/** Text fields are saved this long after the last keystroke (and at once when they lose the focus). */
export const TEXT_SAVE_DELAY_MS = 600;

/** A text edit waiting for its debounce: what to send, read at send time so it is always the latest text. */
interface PendingText {
  timer: ReturnType<typeof setTimeout>;
  save: (keepalive: boolean) => Promise<unknown>;
}

export class BoardSaves {
  private chain: Promise<void> = Promise.resolve();
  /** Saves queued or on their way. */
  inFlight = 0;
  /** Timers, not state. */
  private pendingTexts = new Map<string, PendingText>();
  /** The core missed a change (a save failed): the next save sends the whole board. */
  outOfSync = false;
  /** Moves on when a save was refused as stale: saves queued before that were made against the old board. */
  generation = 0;

  constructor(private readonly board: BoardState) {}

  /** How many texts are waiting for their debounce. */
  get textsWaiting(): number {
    return this.pendingTexts.size;
  }

  scheduleText(key: string, save: (keepalive: boolean) => Promise<unknown>): void {
    const pending = this.pendingTexts.get(key);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => this.flushText(key), TEXT_SAVE_DELAY_MS);
    this.pendingTexts.set(key, { timer, save });
    if (this.board.saveState !== 'error' && this.board.saveState !== 'saving') this.board.saveState = 'pending';
  }

  flushText(key: string): void {
    const pending = this.pendingTexts.get(key);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingTexts.delete(key);
    this.enqueue(() => pending.save(false));
  }

  /**
   * Saves every text still waiting for its debounce. With keepalive (the page is being closed or reloaded) the
   * calls go out at once, outside the queue, on requests that outlive the page.
   */
  flushTexts(keepalive: boolean): void {
    if (!keepalive) {
      for (const key of [...this.pendingTexts.keys()]) this.flushText(key);
      return;
    }
    const { debate, student } = this.board;
    if (this.outOfSync && debate && student) void this.sendBoard(this.board.snapshot(), true).catch(() => undefined);
    for (const [key, pending] of this.pendingTexts) {
      clearTimeout(pending.timer);
      this.pendingTexts.delete(key);
      void pending.save(true).catch(() => undefined);
    }
  }

  /** Drops the texts waiting for their debounce, unsent; answers their keys. */
  dropTexts(): string[] {
    const keys = [...this.pendingTexts.keys()];
    for (const pending of this.pendingTexts.values()) clearTimeout(pending.timer);
    this.pendingTexts.clear();
    return keys;
  }

  /** Runs saves one after the other, in the order of the changes; resolves with whether this one was saved. */
  enqueue(run: () => Promise<unknown>): Promise<boolean> {
    const board = this.board;
    const { debate, student } = board;
    if (!debate || !student) return Promise.resolve(false);
    this.inFlight += 1;
    board.saveState = 'saving';
    let saved = false;
    const generation = this.generation;
    this.chain = this.chain
      // The change is drawn first: the request (and the core's work, on the same processors) comes after the frame.
      .then(afterNextPaint)
      .then(async () => {
        if (!board.isShowing(debate.id, student.id) || board.readOnly) return;
        // Made against a board another window has since changed: dropped (its text is in the conflict notice).
        if (generation !== this.generation) return;
        try {
          if (this.outOfSync) {
            // Something was not saved: send the whole board as it is on screen, which includes this change.
            await this.sendBoard(board.snapshot());
            this.outOfSync = false;
          } else {
            await run();
          }
          if (board.saveState === 'error') board.saveError = '';
          saved = !this.outOfSync;
        } catch (error) {
          if (isStaleWrite(error)) await staleWrite(board, error);
          else this.failed(error);
        }
      })
      .finally(() => {
        this.inFlight -= 1;
        board.settle();
      });
    return this.chain.then(() => saved);
  }

  failed(error: unknown): void {
    const board = this.board;
    if (error instanceof ApiError && error.code === 'LOCKED') {
      board.lockedNotice = `${error.message} Your last change could not be saved.`;
      if (board.debate) board.debate = { ...board.debate, status: 'locked' };
      this.dropTexts();
      board.held = null;
      board.editing = null;
      board.history.clear();
      board.saveError = '';
      this.outOfSync = false;
      board.refreshWanted = true;
      return;
    }
    this.outOfSync = true;
    board.saveError = messageOf(error);
    board.saveState = 'error';
  }

  /** Sends the whole board as it is on screen (after a failed save). */
  retry(): void {
    this.outOfSync = true;
    this.enqueue(async () => undefined);
  }

  /** Puts the whole board back as `snapshot` has it, refused if anything changed since this window saw it. */
  async sendBoard(snapshot: BoardSnapshot, keepalive = false): Promise<void> {
    const { debate, student, sync } = this.board;
    if (!debate || !student) return;
    const arrangement = await api.call(
      'board.restore',
      {
        debateId: debate.id,
        studentId: student.id,
        ...snapshot,
        versions: keepalive && this.inFlight > 0 ? undefined : sync.versions,
      },
      { keepalive },
    );
    sync.restored(arrangement);
  }

  /**
   * A save sent while the page closes goes out at once, beside any save still on its way: that one's answer (the
   * version this save should name) will never be read, so this last save is sent without one rather than refused.
   */
  versionToSend(keepalive: boolean, version: number): number | undefined {
    return keepalive && this.inFlight > 0 ? undefined : version;
  }
}
