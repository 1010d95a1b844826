// One student's board for one debate as the UI holds it: the debate chooser, optimistic moves and edits saved in
// order, undo/redo, the pool filter, the keyboard "held" card and the drag (their steps are in board-keyboard.ts
// and board-drag.ts). One instance for the window (`boardState`), so leaving for the Reader and coming back finds
// the board as it was.
import type {
  Board,
  BoardPlacement,
  BoardVersions,
  Debate,
  DebateSummary,
  EvidenceCard,
  Person,
  Placement,
  Rating,
  StudentPosition,
} from '../../../src-main/shared/domain';
import { ApiError, api } from '../api/client';
import {
  NO_ARGUMENT,
  areaOf,
  columnsOf,
  indexById,
  movePlacement,
  placedCardIds,
  sameArgument,
  sameLayout,
  snapshotOf,
  type Area,
  type BoardSnapshot,
  type CardArgument,
  type Columns,
} from '../board-moves';
import type { DropTarget } from '../pointer-drag';
import { articlesOf, filterPool, searchTextOf, type PoolFilter } from '../pool-filter';
import { cancelDrag, endDrag, startDrag } from './board-drag';
import { BoardHistory } from './board-history.svelte';
import { BoardSync, positionKey, reasoningKey, type RescuedText } from './board-sync.svelte';
import { cancel, drop, nudge, pickUp, type Direction } from './board-keyboard';

/** saved: nothing waiting; pending: typed, saved shortly; saving: on its way; error: not saved (Retry). */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface HeldCard {
  cardId: string;
  /** The layout before the pick-up, restored by Escape. */
  before: Placement[];
}

export type PositionField = 'thesisMarkdown' | 'conclusionMarkdown';
export type RatingField = 'strength' | 'relevance';

/** Text fields are saved this long after the last keystroke (and at once when they lose the focus). */
export const TEXT_SAVE_DELAY_MS = 600;
/** Cards shown in full at the top of each list from the first frame: enough to fill a tall window. */
const EAGER_CARDS = 5;
/** Light cards come in full this many at a time per frame, so a jump to the end of a long list does not freeze it. */
const REVEAL_STEP = 40;
/** When a list is scrolled, this many cards beyond the ones needed come in full with them. */
const REVEAL_AHEAD = 4;
const DEBATE_KEY = 'debate-desk.debate';

const FIELD_NAMES: Record<PositionField, string> = { thesisMarkdown: 'thesis', conclusionMarkdown: 'conclusion' };
const RATING_NAMES: Record<RatingField, string> = { strength: 'strength', relevance: 'relevance' };

function rememberedDebate(): string | null {
  try {
    return localStorage.getItem(DEBATE_KEY);
  } catch {
    return null;
  }
}

const isStaleWrite = (error: unknown): error is ApiError => error instanceof ApiError && error.code === 'STALE_WRITE';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves once the next frame has been drawn; soon anyway in a hidden window, where no frame comes. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** A text edit waiting for its debounce: what to send, read at send time so it is always the latest text. */
interface PendingText {
  timer: ReturnType<typeof setTimeout>;
  save: (keepalive: boolean) => Promise<unknown>;
}

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
  /** How many cards from the top of each list are shown in full (quote, cite, buttons); the rest are light. */
  revealed = $state<Record<Area, number>>({ pool: EAGER_CARDS, A: EAGER_CARDS, B: EAGER_CARDS });
  private revealTarget: Record<Area, number> = { pool: EAGER_CARDS, A: EAGER_CARDS, B: EAGER_CARDS };
  private revealFrame = 0;
  /** A card the student just cut in the Reader, to be shown in the pool when the board comes back. */
  arrivedCard = $state<string | null>(null);
  /** Where to put the focus and scroll when the board comes back from the Reader. */
  returnTo: { cardId: string; scroll: Record<string, number> } | null = null;

  readOnly = $derived(this.debate !== null && this.debate.status !== 'open');
  cardById = $derived(indexById(this.cards));
  columns = $derived(this.stableColumns(columnsOf(this.cards, this.layout, this.cardById)));
  placedIds = $derived(placedCardIds(this.layout));
  poolArticles = $derived(articlesOf(this.cards));
  visiblePool = $derived(
    filterPool(this.columns.pool, this.filter, (card) => this.searchText(card), this.held?.cardId),
  );
  undoLabel = $derived(this.history.nextUndo?.label ?? null);
  redoLabel = $derived(this.history.nextRedo?.label ?? null);

  // Caches, not state: nothing on screen reads them directly.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private searchCache = new Map<string, string>();
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- timers, not state
  private pendingTexts = new Map<string, PendingText>();
  /** The core missed a change (a save failed): the next save sends the whole board. */
  private outOfSync = false;
  /** Counts local changes, so a reload that started before one does not overwrite it. */
  private changeCount = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshWanted = false;
  private loadToken = 0;
  /** The versions this window saw (sent with every save), and what to say after a save another window made stale. */
  sync = new BoardSync();
  /** Moves on when a save was refused as stale: saves queued before that were made against the old board. */
  private generation = 0;
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
    try {
      localStorage.setItem(DEBATE_KEY, debateId);
    } catch {
      // Storage can be full or off; the choice then lasts as long as the window.
    }
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
    this.flushTexts(false);
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
      cancelAnimationFrame(this.revealFrame);
      this.revealed = { pool: EAGER_CARDS, A: EAGER_CARDS, B: EAGER_CARDS };
      this.revealTarget = { ...this.revealed };
      this.saveState = 'saved';
      this.saveError = '';
      this.lockedNotice = '';
      this.outOfSync = false;
      this.pushWaiting = false;
      this.generation += 1;
      this.sync.reset(board);
      this.sync.dismiss();
      this.returnTo = null;
      this.debate = board.debate;
      this.student = board.student;
      this.applyCards(board.cards);
      this.applyArguments(board.placements, true);
      this.layout = board.placements.map(({ cardId, side, position }) => ({ cardId, side, position }));
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
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  private busy(): boolean {
    return (
      this.inFlight > 0 ||
      this.pendingTexts.size > 0 ||
      this.held !== null ||
      this.dragging !== null ||
      this.saveState === 'error'
    );
  }

  private async refresh(): Promise<void> {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student) return;
    if (this.busy()) {
      this.refreshWanted = true;
      return;
    }
    this.refreshWanted = false;
    const changesBefore = this.changeCount;
    let board;
    try {
      board = await api.call('board.get', { debateId: debate.id, studentId: student.id });
    } catch {
      return; // the next change or event tries again; the board on screen stays as it is
    }
    if (!this.isShowing(debate.id, student.id)) return;
    if (this.changeCount !== changesBefore || this.busy()) {
      this.refreshWanted = true;
      return;
    }
    const news = this.sync.isNews(board.versions);
    this.applyLatest(board);
    if (news) this.announcement = 'This board was changed in another window or tab. It now shows the latest version.';
  }

  /** Shows the board as the core has it now (nothing of ours is unsaved, or it was refused). */
  private applyLatest(board: Board): void {
    // Another window changed the board: our undo steps were made against a board that is gone, and undoing one
    // now would overwrite that window's change.
    if (this.sync.isNews(board.versions)) this.history.clear();
    this.sync.reset(board);
    // Only what differs is assigned, so our own saves coming back change nothing on screen.
    if (JSON.stringify(board.debate) !== JSON.stringify(this.debate)) this.debate = board.debate;
    if (!this.sameCards(board.cards)) {
      const known = this.cardById;
      this.applyCards(board.cards);
      const arrived = board.cards.find((card) => !known.has(card.id) && card.ownerRole === 'student');
      if (arrived) this.arrivedCard = arrived.id;
    }
    this.applyArguments(board.placements, false);
    const layout = board.placements.map(({ cardId, side, position }) => ({ cardId, side, position }));
    if (!sameLayout(layout, this.layout)) this.layout = layout;
    if (board.position.thesisMarkdown !== this.position.thesisMarkdown) {
      this.position.thesisMarkdown = board.position.thesisMarkdown;
    }
    if (board.position.conclusionMarkdown !== this.position.conclusionMarkdown) {
      this.position.conclusionMarkdown = board.position.conclusionMarkdown;
    }
    if (this.editing && !this.placedIds.has(this.editing)) this.editing = null;
  }

  private sameCards(cards: EvidenceCard[]): boolean {
    if (cards.length !== this.cards.length) return false;
    return cards.every((card, index) => {
      const mine = this.cards[index];
      return mine !== undefined && mine.id === card.id && mine.tag === card.tag && mine.quote === card.quote;
    });
  }

  private applyCards(cards: EvidenceCard[]): void {
    this.searchCache.clear();
    this.cards = cards;
  }

  private applyArguments(placements: BoardPlacement[], replace: boolean): void {
    if (replace) {
      const notes: Record<string, CardArgument> = {};
      for (const { cardId, reasoningMarkdown, strength, relevance } of placements) {
        notes[cardId] = { reasoningMarkdown, strength, relevance };
      }
      this.notes = notes;
      return;
    }
    for (const { cardId, reasoningMarkdown, strength, relevance } of placements) {
      const next = { reasoningMarkdown, strength, relevance };
      const current = this.notes[cardId];
      if (!current) this.notes[cardId] = next;
      else if (!sameArgument(current, next)) Object.assign(current, next);
    }
  }

  /** A list was scrolled down to the card at `index`: show it in full down to a little past it. */
  reveal(area: Area, index: number): void {
    this.revealTarget[area] = Math.max(this.revealTarget[area], index + REVEAL_AHEAD);
    if (this.revealFrame) return;
    // The first step now (this is called from a scroll check in an animation frame, before its paint).
    const step = () => {
      this.revealFrame = 0;
      let more = false;
      for (const which of ['pool', 'A', 'B'] as const) {
        const target = this.revealTarget[which];
        if (this.revealed[which] >= target) continue;
        this.revealed[which] = Math.min(target, this.revealed[which] + REVEAL_STEP);
        more ||= this.revealed[which] < target;
      }
      if (more) this.revealFrame = requestAnimationFrame(step);
    };
    step();
  }

  private lastColumns: Columns = { pool: [], A: [], B: [] };

  /**
   * The same array for an area whose cards did not change: a move between the sides then costs the 700-card pool
   * nothing (its list is not even compared card by card by Svelte).
   */
  private stableColumns(next: Columns): Columns {
    const same = (a: EvidenceCard[], b: EvidenceCard[]) =>
      a.length === b.length && a.every((card, index) => card === b[index]);
    const previous = this.lastColumns;
    const columns: Columns = {
      pool: same(next.pool, previous.pool) ? previous.pool : next.pool,
      A: same(next.A, previous.A) ? previous.A : next.A,
      B: same(next.B, previous.B) ? previous.B : next.B,
    };
    this.lastColumns = columns;
    return columns;
  }

  // ── Reading the board ──────────────────────────────────────────────────────────────────────────────

  searchText(card: EvidenceCard): string {
    let text = this.searchCache.get(card.id);
    if (text === undefined) {
      text = searchTextOf(card);
      this.searchCache.set(card.id, text);
    }
    return text;
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

  // ── Changing the board ─────────────────────────────────────────────────────────────────────────────

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
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student || this.refuseIfReadOnly()) return null;
    const from = areaOf(this.layout, cardId);
    const layout = movePlacement(this.layout, cardId, area, index);
    if (sameLayout(layout, this.layout)) return null;
    const before = this.snapshot();
    this.layout = layout;
    this.changeCount += 1;
    const tag = this.cardTag(cardId);
    this.history.record({
      label: `${from.area === 'pool' ? 'placing' : area === 'pool' ? 'removal' : 'move'} of “${tag}”`,
      before,
      after: this.snapshot(),
    });
    const now = areaOf(layout, cardId);
    return this.enqueue(async () => {
      // The core answers the arrangement only (placements and position), not the 1,000 cards again.
      const arrangement = await api.call('cards.place', {
        debateId: debate.id,
        studentId: student.id,
        cardId,
        side: area === 'pool' ? null : area,
        index: now.index,
        layoutVersion: this.sync.versions.layout,
      });
      this.sync.movedCard(arrangement, cardId);
      // A card placed again brings back the reasoning the core kept for it, unless the student wrote anew.
      const kept = arrangement.placements.find((placement) => placement.cardId === cardId);
      if (kept && !this.notes[cardId] && (kept.reasoningMarkdown || kept.strength || kept.relevance)) {
        const argument = {
          reasoningMarkdown: kept.reasoningMarkdown,
          strength: kept.strength,
          relevance: kept.relevance,
        };
        this.notes[cardId] = argument;
        this.history.amendLast((entry) => ({
          ...entry,
          after: {
            ...entry.after,
            placements: entry.after.placements.map((placement) =>
              placement.cardId === cardId ? { ...placement, ...argument } : placement,
            ),
          },
        }));
      }
    });
  }

  editReasoning(cardId: string, text: string): void {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student || this.refuseIfReadOnly() || !this.placedIds.has(cardId)) return;
    this.changeNote(
      cardId,
      { reasoningMarkdown: text },
      `reasoning:${cardId}`,
      `reasoning for “${this.cardTag(cardId)}”`,
    );
    this.scheduleText(reasoningKey(cardId), (keepalive) =>
      api
        .call(
          'placements.update',
          {
            debateId: debate.id,
            studentId: student.id,
            cardId,
            reasoningMarkdown: this.argumentFor(cardId).reasoningMarkdown,
            version: this.versionToSend(keepalive, this.sync.argumentVersion(cardId)),
          },
          { keepalive },
        )
        .then((placement) => this.sync.savedArgument(placement)),
    );
  }

  rate(cardId: string, field: RatingField, value: Rating | null): void {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student || this.refuseIfReadOnly() || !this.placedIds.has(cardId)) return;
    if (this.argumentFor(cardId)[field] === value) return;
    this.changeNote(cardId, { [field]: value }, null, `${RATING_NAMES[field]} of “${this.cardTag(cardId)}”`);
    this.enqueue(() =>
      api
        .call('placements.update', {
          debateId: debate.id,
          studentId: student.id,
          cardId,
          [field]: value,
          version: this.sync.argumentVersion(cardId),
        })
        .then((placement) => this.sync.savedArgument(placement)),
    );
  }

  editPosition(field: PositionField, text: string): void {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student || this.refuseIfReadOnly()) return;
    const key = `position:${field}`;
    const before = this.history.nextUndo?.openEdit === key ? null : this.snapshot();
    this.position[field] = text;
    this.changeCount += 1;
    this.history.recordEdit(key, FIELD_NAMES[field], () => before ?? this.snapshot(), this.snapshot());
    const versionField = field === 'thesisMarkdown' ? 'thesisVersion' : 'conclusionVersion';
    this.scheduleText(key, (keepalive) =>
      api
        .call(
          'positions.update',
          {
            debateId: debate.id,
            studentId: student.id,
            [field]: this.position[field],
            [versionField]: this.versionToSend(
              keepalive,
              this.sync.versions[field === 'thesisMarkdown' ? 'thesis' : 'conclusion'],
            ),
          },
          { keepalive },
        )
        .then((position) => this.sync.savedPosition(field, position)),
    );
  }

  private changeNote(cardId: string, change: Partial<CardArgument>, editKey: string | null, label: string): void {
    const before = editKey && this.history.nextUndo?.openEdit === editKey ? null : this.snapshot();
    const current = this.notes[cardId];
    if (current) Object.assign(current, change);
    else this.notes[cardId] = { ...NO_ARGUMENT, ...change };
    this.changeCount += 1;
    if (editKey) this.history.recordEdit(editKey, label, () => before ?? this.snapshot(), this.snapshot());
    else if (before) this.history.record({ label, before, after: this.snapshot() });
  }

  /** The field lost the focus: save its text now, and end its undo step. */
  endTextEdit(key: string): void {
    this.flushText(key);
    this.history.closeEdit(key);
  }

  // ── Undo and redo ──────────────────────────────────────────────────────────────────────────────────

  undo(): void {
    if (this.refuseIfReadOnly()) return;
    this.cancel(false);
    this.flushTexts(false);
    const entry = this.history.undo();
    if (!entry) return;
    this.restore(entry.before);
    this.announcement = `Undone: ${entry.label}.`;
  }

  redo(): void {
    if (this.refuseIfReadOnly()) return;
    this.cancel(false);
    this.flushTexts(false);
    const entry = this.history.redo();
    if (!entry) return;
    this.restore(entry.after);
    this.announcement = `Redone: ${entry.label}.`;
  }

  private restore(snapshot: BoardSnapshot): void {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student) return;
    this.layout = snapshot.placements.map(({ cardId, side, position }) => ({ cardId, side, position }));
    this.applyArguments(snapshot.placements, false);
    this.position.thesisMarkdown = snapshot.position.thesisMarkdown;
    this.position.conclusionMarkdown = snapshot.position.conclusionMarkdown;
    this.changeCount += 1;
    if (this.editing && !this.placedIds.has(this.editing)) this.editing = null;
    this.enqueue(() => this.sendBoard(snapshot));
  }

  /** Puts the whole board back as `snapshot` has it, refused if anything changed since this window saw it. */
  private async sendBoard(snapshot: BoardSnapshot, keepalive = false): Promise<void> {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student) return;
    const arrangement = await api.call(
      'board.restore',
      {
        debateId: debate.id,
        studentId: student.id,
        ...snapshot,
        versions: keepalive && this.inFlight > 0 ? undefined : this.sync.versions,
      },
      { keepalive },
    );
    this.sync.restored(arrangement);
  }

  /**
   * A save sent while the page closes goes out at once, beside any save still on its way: that one's answer (the
   * version this save should name) will never be read, so this last save is sent without one rather than refused.
   */
  private versionToSend(keepalive: boolean, version: number): number | undefined {
    return keepalive && this.inFlight > 0 ? undefined : version;
  }

  // ── Saving in order ────────────────────────────────────────────────────────────────────────────────

  private scheduleText(key: string, save: (keepalive: boolean) => Promise<unknown>): void {
    const pending = this.pendingTexts.get(key);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => this.flushText(key), TEXT_SAVE_DELAY_MS);
    this.pendingTexts.set(key, { timer, save });
    if (this.saveState !== 'error' && this.saveState !== 'saving') this.saveState = 'pending';
  }

  private flushText(key: string): void {
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
    const debate = this.debate;
    const student = this.student;
    if (this.outOfSync && debate && student) void this.sendBoard(this.snapshot(), true).catch(() => undefined);
    for (const [key, pending] of this.pendingTexts) {
      clearTimeout(pending.timer);
      this.pendingTexts.delete(key);
      void pending.save(true).catch(() => undefined);
    }
  }

  /** Runs saves one after the other, in the order of the changes; resolves with whether this one was saved. */
  private enqueue(run: () => Promise<unknown>): Promise<boolean> {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student) return Promise.resolve(false);
    this.inFlight += 1;
    this.saveState = 'saving';
    let saved = false;
    const generation = this.generation;
    this.chain = this.chain
      // The change is drawn first: the request (and the core's work, on the same processors) comes after the frame.
      .then(afterNextPaint)
      .then(async () => {
        if (!this.isShowing(debate.id, student.id) || this.readOnly) return;
        // Made against a board another window has since changed: dropped (its text is in the conflict notice).
        if (generation !== this.generation) return;
        try {
          if (this.outOfSync) {
            // Something was not saved: send the whole board as it is on screen, which includes this change.
            await this.sendBoard(this.snapshot());
            this.outOfSync = false;
          } else {
            await run();
          }
          if (this.saveState === 'error') this.saveError = '';
          saved = !this.outOfSync;
        } catch (error) {
          if (isStaleWrite(error)) await this.staleWrite(error);
          else this.failed(error);
        }
      })
      .finally(() => {
        this.inFlight -= 1;
        this.settle();
      });
    return this.chain.then(() => saved);
  }

  private failed(error: unknown): void {
    if (error instanceof ApiError && error.code === 'LOCKED') {
      this.lockedNotice = `${error.message} Your last change could not be saved.`;
      if (this.debate) this.debate = { ...this.debate, status: 'locked' };
      for (const pending of this.pendingTexts.values()) clearTimeout(pending.timer);
      this.pendingTexts.clear();
      this.held = null;
      this.editing = null;
      this.history.clear();
      this.saveError = '';
      this.outOfSync = false;
      this.refreshWanted = true;
      return;
    }
    this.outOfSync = true;
    this.saveError = messageOf(error);
    this.saveState = 'error';
  }

  private settle(): void {
    if (this.inFlight > 0) return;
    if (this.pushWaiting && !this.busy()) {
      this.pushWaiting = false;
      if (this.sync.takePushedNews()) this.refreshWanted = true;
    }
    if (this.outOfSync) this.saveState = 'error';
    else this.saveState = this.pendingTexts.size > 0 ? 'pending' : 'saved';
    if (this.refreshWanted && !this.busy()) this.scheduleRefresh(0);
  }

  /**
   * Another window changed the board since this one saw it, and the core refused our save: nothing was overwritten.
   * The board is shown as the core has it, the undo steps (made against the old board) go, and what the student
   * typed here and could not save stays in the notice, to be put back with one click.
   */
  private async staleWrite(error: ApiError): Promise<void> {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student) return;
    this.generation += 1;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local list, not state
    const waiting = new Set(this.pendingTexts.keys());
    for (const pending of this.pendingTexts.values()) clearTimeout(pending.timer);
    this.pendingTexts.clear();
    const onScreen = this.textsOnScreen();
    this.outOfSync = false;
    this.saveError = '';
    this.history.clear();
    let board: Board;
    try {
      board = await api.call('board.get', { debateId: debate.id, studentId: student.id });
    } catch (loadError) {
      this.failed(loadError);
      return;
    }
    if (!this.isShowing(debate.id, student.id)) return;
    const unsaved = this.sync.unsavedTexts(onScreen, board);
    this.held = null;
    // The editor is a modal dialog: closed, so the notice (with the text typed in it) can be read and used.
    this.editing = null;
    this.changeCount += 1;
    this.applyLatest(board);
    // Text still waiting for its autosave in a field no other window touched is simply saved, now against the
    // latest board; only where both windows wrote does the student choose.
    const resend = unsaved.filter((item) => !item.contested && waiting.has(item.key) && this.canTakeBack(item));
    this.sync.notice = { message: error.message, rescued: unsaved.filter((item) => !resend.includes(item)) };
    for (const item of resend) this.putBack(item);
    this.announcement = error.message;
  }

  private textsOnScreen(): Array<Omit<RescuedText, 'latest' | 'contested'>> {
    const texts: Array<Omit<RescuedText, 'latest' | 'contested'>> = Object.entries(this.notes).map(
      ([cardId, argument]) => ({
        key: reasoningKey(cardId),
        label: `Your reasoning for “${this.cardTag(cardId)}”`,
        text: argument.reasoningMarkdown,
        cardId,
        field: null,
      }),
    );
    for (const field of ['thesisMarkdown', 'conclusionMarkdown'] as const) {
      const label = field === 'thesisMarkdown' ? 'Your thesis' : 'Your conclusion';
      texts.push({ key: positionKey(field), label, text: this.position[field], cardId: null, field });
    }
    return texts;
  }

  /** Whether a rescued text can go back where it was written (a card must be on a side to be argued for). */
  canTakeBack(item: RescuedText): boolean {
    return !this.readOnly && (item.field !== null || (item.cardId !== null && this.placedIds.has(item.cardId)));
  }

  /** "Use my text": the rescued text replaces the latest one, saved against the board as it is now. */
  takeBack(item: RescuedText): void {
    if (!this.canTakeBack(item)) return;
    this.putBack(item);
    this.sync.dropRescued(item.key);
    this.announcement = `${item.label} is back, and is being saved.`;
  }

  private putBack(item: RescuedText): void {
    if (item.field) {
      this.editPosition(item.field, item.text);
      this.endTextEdit(positionKey(item.field));
    } else if (item.cardId) {
      this.editReasoning(item.cardId, item.text);
      this.endTextEdit(reasoningKey(item.cardId));
    }
  }

  /** Sends the whole board as it is on screen (after a failed save). */
  retry(): void {
    this.outOfSync = true;
    this.enqueue(async () => undefined);
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
