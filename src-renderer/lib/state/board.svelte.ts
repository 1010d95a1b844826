// One student's board for one debate as the UI holds it: the debate chooser, optimistic moves and edits saved in
// order, undo/redo, the pool filter, the keyboard "held" card and the drag. The steps live beside it: the edits in
// board-edits.ts, the save queue in board-saves.ts, the rescue after a stale write in board-rescue.ts, reloads in
// board-latest.ts, the lists' reveal in board-columns.svelte.ts, the keyboard in board-keyboard.ts and the drag in
// board-drag.ts. One instance for the window (`boardState`), so leaving for the Reader and coming back finds the
// board as it was.
import type {
  Board,
  BoardVersions,
  Debate,
  DebateSummary,
  EvidenceCard,
  Person,
  Placement,
  Rating,
  StudentPosition,
} from '../../../src-main/shared/domain';
import { api } from '../api/client';
import {
  NO_ARGUMENT,
  areaOf,
  columnsOf,
  indexById,
  layoutOf,
  placedCardIds,
  snapshotOf,
  type Area,
  type BoardSnapshot,
  type CardArgument,
  type Columns,
} from '../board-moves';
import type { DropTarget } from '../pointer-drag';
import { articlesOf, filterPool, type PoolFilter } from '../pool-filter';
import { BoardReveal, SearchTexts, stableColumns } from './board-columns.svelte';
import { cancelDrag, endDrag, startDrag } from './board-drag';
import { editPosition, editReasoning, place, rate } from './board-edits';
import { messageOf, rememberDebate, rememberedDebate } from './board-helpers';
import { BoardHistory } from './board-history.svelte';
import { applyArguments, refresh } from './board-latest';
import { cancel, drop, nudge, pickUp, type Direction } from './board-keyboard';
import { canTakeBack, takeBack } from './board-rescue';
import { BoardSaves } from './board-saves';
import { BoardSync, type RescuedText } from './board-sync.svelte';

export { TEXT_SAVE_DELAY_MS } from './board-saves';

/** saved: nothing waiting; pending: typed, saved shortly; saving: on its way; error: not saved (Retry). */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface HeldCard {
  cardId: string;
  /** The layout before the pick-up, restored by Escape. */
  before: Placement[];
}

export type PositionField = 'thesisMarkdown' | 'conclusionMarkdown';
export type RatingField = 'strength' | 'relevance';

export class BoardState {
  // ── Which debate ───────────────────────────────────────────────────────────────────────────────────
  debates = $state.raw<DebateSummary[]>([]);
  debatesError = $state('');
  debatesLoaded = $state(false);
  /** The debate the student chose (remembered in localStorage), or the one the session asked for. */
  chosenDebateId = $state<string | null>(rememberedDebate());

  // ── The board ──────────────────────────────────────────────────────────────────────────────────────
  debate = $state.raw<Debate | null>(null);
  student = $state.raw<Person | null>(null);
  cards = $state.raw<EvidenceCard[]>([]);
  /** Which side and order each placed card has; replaced whole on every move (cheap to diff). */
  layout = $state.raw<Placement[]>([]);
  /** The student's argument per card, also for cards back in the pool (the core keeps it too). */
  notes = $state<Record<string, CardArgument>>({});
  position = $state<StudentPosition>({ thesisMarkdown: '', conclusionMarkdown: '' });
  loadError = $state('');
  loading = $state(false);

  // ── Saving ─────────────────────────────────────────────────────────────────────────────────────────
  saveState = $state<SaveState>('saved');
  saveError = $state('');
  /** Set when the teacher locked the debate while this board was open. */
  lockedNotice = $state('');

  // ── Interaction ────────────────────────────────────────────────────────────────────────────────────
  held = $state<HeldCard | null>(null);
  /**
   * The card that has (or last had) the keyboard focus: it keeps the focus when it is drawn anew (moved to another
   * list, moved within one, or filled in from light to full).
   */
  focusedCard = $state<string | null>(null);
  dragging = $state<string | null>(null);
  dropTarget = $state.raw<DropTarget | null>(null);
  /** The card whose argument editor is open. */
  editing = $state<string | null>(null);
  filter = $state<PoolFilter>({ articleId: '', query: '' });
  /** The last thing a screen reader should hear (the board's live region). */
  announcement = $state('');
  history = new BoardHistory();
  /** Which cards of each list are shown in full (the rest are light), filled in as the lists are scrolled. */
  reveals = new BoardReveal();
  /** A card the student just cut in the Reader, to be shown in the pool when the board comes back. */
  arrivedCard = $state<string | null>(null);
  /** Where to put the focus and scroll when the board comes back from the Reader. */
  returnTo: { cardId: string; scroll: Record<string, number> } | null = null;

  readOnly = $derived(this.debate !== null && this.debate.status !== 'open');
  cardById = $derived(indexById(this.cards));
  private lastColumns: Columns = { pool: [], A: [], B: [] };
  columns = $derived(this.stableColumns(columnsOf(this.cards, this.layout, this.cardById)));
  placedIds = $derived(placedCardIds(this.layout));
  poolArticles = $derived(articlesOf(this.cards));
  visiblePool = $derived(
    filterPool(this.columns.pool, this.filter, (card) => this.searchText(card), this.held?.cardId),
  );
  undoLabel = $derived(this.history.nextUndo?.label ?? null);
  redoLabel = $derived(this.history.nextRedo?.label ?? null);

  /** Each card's text for the pool search: a cache, not state. */
  private searchTexts = new SearchTexts();
  /** The save queue and the debounced autosave of texts. */
  saves = new BoardSaves(this);
  /** Counts local changes, so a reload that started before one does not overwrite it. */
  changeCount = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** A reload waits for the saves (and the student's hands) to be done. */
  refreshWanted = false;
  private loadToken = 0;
  /** The versions this window saw (sent with every save), and what to say after a save another window made stale. */
  sync = new BoardSync();
  /** A push came while saves were on their way: whether it was news is checked once they are done. */
  private pushWaiting = false;

  // ── Debates ────────────────────────────────────────────────────────────────────────────────────────

  /** Open and locked debates (archived ones are put away). */
  openDebates = $derived(this.debates.filter((debate) => debate.status !== 'archived'));
  currentDebateId = $derived.by(() => {
    const list = this.openDebates;
    if (!this.debatesLoaded) return this.chosenDebateId;
    if (this.chosenDebateId && list.some((debate) => debate.id === this.chosenDebateId)) return this.chosenDebateId;
    return (list.find((debate) => debate.status === 'open') ?? list[0])?.id ?? null;
  });

  async loadDebates(): Promise<void> {
    try {
      this.debates = await api.call('debates.list', {});
      this.debatesError = '';
    } catch (error) {
      this.debatesError = messageOf(error);
    } finally {
      this.debatesLoaded = true;
    }
  }

  chooseDebate(debateId: string): void {
    if (debateId === this.chosenDebateId) return;
    this.chosenDebateId = debateId;
    rememberDebate(debateId);
  }

  // ── Loading ────────────────────────────────────────────────────────────────────────────────────────

  isShowing(debateId: string, studentId: string): boolean {
    return this.debate?.id === debateId && this.student?.id === studentId;
  }

  private prefetched: { key: string; board: Promise<Board> } | null = null;

  /**
   * Asks for a board before the roster has even arrived (the person remembered on this computer): opening the
   * window then waits for one round trip, not two. A person who is not a student just gets an unused error.
   */
  prefetch(debateId: string, personId: string): void {
    const key = `${debateId}/${personId}`;
    if (this.prefetched?.key === key || this.isShowing(debateId, personId)) return;
    const board = api.call('board.get', { debateId, studentId: personId });
    board.catch(() => undefined);
    this.prefetched = { key, board };
  }

  private takePrefetched(debateId: string, studentId: string): Promise<Board> | null {
    const prefetched = this.prefetched;
    this.prefetched = null;
    return prefetched?.key === `${debateId}/${studentId}` ? prefetched.board : null;
  }

  /** Shows a student's board for a debate; saves what is pending on the board shown before. */
  async open(debateId: string, studentId: string): Promise<void> {
    if (this.isShowing(debateId, studentId)) {
      // Back from the Reader (maybe with a card the student cut): bring the board up to date quietly.
      this.scheduleRefresh(0);
      return;
    }
    this.saves.flushTexts(false);
    const token = ++this.loadToken;
    this.loading = true;
    try {
      const board = await (this.takePrefetched(debateId, studentId) ?? api.call('board.get', { debateId, studentId }));
      if (token !== this.loadToken) return;
      performance.mark('debate-desk:board-data');
      this.held = null;
      this.focusedCard = null;
      this.editing = null;
      this.dragging = null;
      this.dropTarget = null;
      this.filter = { articleId: '', query: '' };
      this.history.clear();
      this.reveals.reset();
      this.saveState = 'saved';
      this.saveError = '';
      this.lockedNotice = '';
      this.saves.outOfSync = false;
      this.pushWaiting = false;
      this.saves.generation += 1;
      this.sync.reset(board);
      this.sync.dismiss();
      this.returnTo = null;
      this.debate = board.debate;
      this.student = board.student;
      this.applyCards(board.cards);
      applyArguments(this, board.placements, true);
      this.layout = layoutOf(board.placements);
      this.position = { ...board.position };
      this.loadError = '';
    } catch (error) {
      if (token !== this.loadToken) return;
      this.loadError = messageOf(error);
    } finally {
      if (token === this.loadToken) this.loading = false;
    }
  }

  /**
   * 'board.changed' for this board: our own save coming back (nothing to do; reloading a 1,000-card board after
   * every move would cost the main thread more than the move), or another window's change (reload). The push's
   * versions tell them apart; while our saves are on their way, it is checked once they have answered.
   */
  boardChanged(versions?: BoardVersions): void {
    if (!versions) {
      this.scheduleRefresh();
      return;
    }
    this.sync.notePush(versions);
    if (this.busy()) {
      this.pushWaiting = true;
      return;
    }
    if (this.sync.takePushedNews()) this.scheduleRefresh();
  }

  /** Another window changed this board (or the debate): reload it when nothing of ours is on its way. */
  scheduleRefresh(delay = 150): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void refresh(this), delay);
  }

  /** Whether something of ours is on its way or in the student's hands: a reload then waits for it. */
  busy(): boolean {
    return (
      this.saves.inFlight > 0 ||
      this.saves.textsWaiting > 0 ||
      this.held !== null ||
      this.dragging !== null ||
      this.saveState === 'error'
    );
  }

  /** New cards: their search texts are made anew. */
  applyCards(cards: EvidenceCard[]): void {
    this.searchTexts.clear();
    this.cards = cards;
  }

  // ── The lists (board-columns.svelte.ts) ────────────────────────────────────────────────────────────

  get revealed(): Record<Area, number> {
    return this.reveals.revealed;
  }

  /** A list was scrolled down to the card at `index`: show it in full down to a little past it. */
  reveal(area: Area, index: number): void {
    this.reveals.reveal(area, index);
  }

  private stableColumns(next: Columns): Columns {
    this.lastColumns = stableColumns(next, this.lastColumns);
    return this.lastColumns;
  }

  // ── Reading the board ──────────────────────────────────────────────────────────────────────────────

  searchText(card: EvidenceCard): string {
    return this.searchTexts.of(card);
  }

  argumentFor(cardId: string): CardArgument {
    return this.notes[cardId] ?? NO_ARGUMENT;
  }

  areaLabel(area: Area): string {
    if (!this.debate || area === 'pool') return 'Evidence pool';
    return area === 'A' ? this.debate.sideA : this.debate.sideB;
  }

  cardTag(cardId: string): string {
    return this.cardById.get(cardId)?.tag || 'card';
  }

  whereIs(cardId: string): string {
    const { area, index } = areaOf(this.layout, cardId);
    return area === 'pool' ? `the ${this.areaLabel('pool')}` : `${this.areaLabel(area)}, position ${index + 1}`;
  }

  snapshot(): BoardSnapshot {
    return snapshotOf(this.layout, (cardId) => this.argumentFor(cardId), this.position);
  }

  // ── Changing the board: the steps are in board-edits.ts ────────────────────────────────────────────

  /** In a locked debate: says so, and answers true (nothing may change). */
  refuseIfReadOnly(): boolean {
    if (!this.readOnly) return false;
    this.announcement = 'This debate is locked: your board can be read but not changed.';
    return true;
  }

  /**
   * Moves a card and saves at once; the screen changes before the save. Returns whether the save worked, or null
   * if nothing moved.
   */
  place(cardId: string, area: Area, index: number): Promise<boolean> | null {
    return place(this, cardId, area, index);
  }

  editReasoning(cardId: string, text: string): void {
    editReasoning(this, cardId, text);
  }

  rate(cardId: string, field: RatingField, value: Rating | null): void {
    rate(this, cardId, field, value);
  }

  editPosition(field: PositionField, text: string): void {
    editPosition(this, field, text);
  }

  /** The field lost the focus: save its text now, and end its undo step. */
  endTextEdit(key: string): void {
    this.saves.flushText(key);
    this.history.closeEdit(key);
  }

  // ── Undo and redo ──────────────────────────────────────────────────────────────────────────────────

  undo(): void {
    if (this.refuseIfReadOnly()) return;
    this.cancel(false);
    this.saves.flushTexts(false);
    const entry = this.history.undo();
    if (!entry) return;
    this.restore(entry.before);
    this.announcement = `Undone: ${entry.label}.`;
  }

  redo(): void {
    if (this.refuseIfReadOnly()) return;
    this.cancel(false);
    this.saves.flushTexts(false);
    const entry = this.history.redo();
    if (!entry) return;
    this.restore(entry.after);
    this.announcement = `Redone: ${entry.label}.`;
  }

  private restore(snapshot: BoardSnapshot): void {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student) return;
    this.layout = layoutOf(snapshot.placements);
    applyArguments(this, snapshot.placements, false);
    this.position.thesisMarkdown = snapshot.position.thesisMarkdown;
    this.position.conclusionMarkdown = snapshot.position.conclusionMarkdown;
    this.changeCount += 1;
    if (this.editing && !this.placedIds.has(this.editing)) this.editing = null;
    this.saves.enqueue(() => this.saves.sendBoard(snapshot));
  }

  // ── Saving: the queue is in board-saves.ts, the rescue after a stale write in board-rescue.ts ───────

  /**
   * Saves every text still waiting for its debounce. With keepalive (the page is being closed or reloaded) the
   * calls go out at once, outside the queue, on requests that outlive the page.
   */
  flushTexts(keepalive: boolean): void {
    this.saves.flushTexts(keepalive);
  }

  /** Sends the whole board as it is on screen (after a failed save). */
  retry(): void {
    this.saves.retry();
  }

  /** The saves are done (or a move ended): show how they went, and reload if a reload waited for them. */
  settle(): void {
    if (this.saves.inFlight > 0) return;
    if (this.pushWaiting && !this.busy()) {
      this.pushWaiting = false;
      if (this.sync.takePushedNews()) this.refreshWanted = true;
    }
    if (this.saves.outOfSync) this.saveState = 'error';
    else this.saveState = this.saves.textsWaiting > 0 ? 'pending' : 'saved';
    if (this.refreshWanted && !this.busy()) this.scheduleRefresh(0);
  }

  /** Whether a rescued text can go back where it was written (a card must be on a side to be argued for). */
  canTakeBack(item: RescuedText): boolean {
    return canTakeBack(this, item);
  }

  /** "Use my text": the rescued text replaces the latest one, saved against the board as it is now. */
  takeBack(item: RescuedText): void {
    takeBack(this, item);
  }

  // ── Moving cards by hand: the drag (board-drag.ts) and the keyboard (board-keyboard.ts) ─────────────

  startDrag(cardId: string): void {
    startDrag(this, cardId);
  }

  endDrag(cardId: string, target: DropTarget | null): void {
    endDrag(this, cardId, target);
  }

  cancelDrag(): void {
    cancelDrag(this);
  }

  pickUp(cardId: string): void {
    pickUp(this, cardId);
  }

  nudge(direction: Direction): void {
    nudge(this, direction);
  }

  drop(): void {
    drop(this);
  }

  cancel(announce = true): void {
    cancel(this, announce);
  }

  /** Says what moved at once, then whether it was saved. */
  announceSave(what: string, saved: Promise<boolean>): void {
    this.announcement = what;
    void saved.then((ok) => {
      if (this.announcement !== what) return;
      this.announcement = ok ? `${what} Saved.` : `${what} Not saved: ${this.saveError || this.lockedNotice}`;
    });
  }

  /** A move ended: a reload of the board that waited for it may go now. */
  moveEnded(): void {
    if (this.refreshWanted || this.pushWaiting) this.settle();
  }
}

export const boardState = new BoardState();
