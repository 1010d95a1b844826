// One student's board for one debate as the UI holds it: the debate chooser, optimistic moves and edits saved in
// order, undo/redo, the pool filter, the keyboard "held" card and the drag. One instance for the window
// (`boardState`), so leaving for the Reader and coming back finds the board as it was.
import type {
  BoardPlacement,
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
} from '../board-moves';
import type { DropTarget } from '../pointer-drag';
import { articlesOf, filterPool, searchTextOf, type PoolFilter } from '../pool-filter';
import { BoardHistory } from './board-history.svelte';

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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  /** The card last picked up with the keyboard: it keeps the focus when it moves to another list. */
  keyboardCard = $state<string | null>(null);
  dragging = $state<string | null>(null);
  dropTarget = $state.raw<DropTarget | null>(null);
  /** The card whose argument editor is open. */
  editing = $state<string | null>(null);
  filter = $state<PoolFilter>({ articleId: '', query: '' });
  /** The last thing a screen reader should hear (the board's live region). */
  announcement = $state('');
  history = new BoardHistory();
  /** Where to put the focus and scroll when the board comes back from the Reader. */
  returnTo: { cardId: string; scroll: Record<string, number> } | null = null;

  readOnly = $derived(this.debate !== null && this.debate.status !== 'open');
  cardById = $derived(indexById(this.cards));
  columns = $derived(columnsOf(this.cards, this.layout, this.cardById));
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
      const board = await api.call('board.get', { debateId, studentId });
      if (token !== this.loadToken) return;
      performance.mark('debate-desk:board-data');
      this.held = null;
      this.keyboardCard = null;
      this.editing = null;
      this.dragging = null;
      this.dropTarget = null;
      this.filter = { articleId: '', query: '' };
      this.history.clear();
      this.saveState = 'saved';
      this.saveError = '';
      this.lockedNotice = '';
      this.outOfSync = false;
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
    // Only what differs is assigned, so our own saves coming back change nothing on screen.
    if (JSON.stringify(board.debate) !== JSON.stringify(this.debate)) this.debate = board.debate;
    if (!this.sameCards(board.cards)) this.applyCards(board.cards);
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

  snapshot(): BoardSnapshot {
    return snapshotOf(this.layout, (cardId) => this.argumentFor(cardId), this.position);
  }

  // ── Changing the board ─────────────────────────────────────────────────────────────────────────────

  private refuseIfReadOnly(): boolean {
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
      const board = await api.call('cards.place', {
        debateId: debate.id,
        studentId: student.id,
        cardId,
        side: area === 'pool' ? null : area,
        index: now.index,
      });
      // A card placed again brings back the reasoning the core kept for it, unless the student wrote anew.
      const kept = board.placements.find((placement) => placement.cardId === cardId);
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
    this.scheduleText(`reasoning:${cardId}`, (keepalive) =>
      api.call(
        'placements.update',
        {
          debateId: debate.id,
          studentId: student.id,
          cardId,
          reasoningMarkdown: this.argumentFor(cardId).reasoningMarkdown,
        },
        { keepalive },
      ),
    );
  }

  rate(cardId: string, field: RatingField, value: Rating | null): void {
    const debate = this.debate;
    const student = this.student;
    if (!debate || !student || this.refuseIfReadOnly() || !this.placedIds.has(cardId)) return;
    if (this.argumentFor(cardId)[field] === value) return;
    this.changeNote(cardId, { [field]: value }, null, `${RATING_NAMES[field]} of “${this.cardTag(cardId)}”`);
    this.enqueue(() =>
      api.call('placements.update', { debateId: debate.id, studentId: student.id, cardId, [field]: value }),
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
    this.scheduleText(key, (keepalive) =>
      api.call(
        'positions.update',
        { debateId: debate.id, studentId: student.id, [field]: this.position[field] },
        { keepalive },
      ),
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
    this.enqueue(() => api.call('board.restore', { debateId: debate.id, studentId: student.id, ...snapshot }));
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
    if (this.outOfSync && debate && student) {
      void api
        .call('board.restore', { debateId: debate.id, studentId: student.id, ...this.snapshot() }, { keepalive })
        .catch(() => undefined);
    }
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
    this.chain = this.chain
      .then(async () => {
        if (!this.isShowing(debate.id, student.id) || this.readOnly) return;
        try {
          if (this.outOfSync) {
            // Something was not saved: send the whole board as it is on screen, which includes this change.
            await api.call('board.restore', { debateId: debate.id, studentId: student.id, ...this.snapshot() });
            this.outOfSync = false;
          } else {
            await run();
          }
          if (this.saveState === 'error') this.saveError = '';
          saved = !this.outOfSync;
        } catch (error) {
          this.failed(error);
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
    if (this.outOfSync) this.saveState = 'error';
    else this.saveState = this.pendingTexts.size > 0 ? 'pending' : 'saved';
    if (this.refreshWanted && !this.busy()) this.scheduleRefresh(0);
  }

  /** Sends the whole board as it is on screen (after a failed save). */
  retry(): void {
    this.outOfSync = true;
    this.enqueue(async () => undefined);
  }

  // ── Dragging ───────────────────────────────────────────────────────────────────────────────────────

  startDrag(cardId: string): void {
    if (this.held) this.cancel(false);
    this.keyboardCard = null;
    this.dragging = cardId;
    this.dropTarget = null;
  }

  endDrag(cardId: string, target: DropTarget | null): void {
    this.dragging = null;
    this.dropTarget = null;
    if (!target) {
      this.announcement = `“${this.cardTag(cardId)}” was not dropped on an area: nothing moved.`;
      return;
    }
    const saved = this.place(cardId, target.area, target.index);
    if (saved) this.announceSave(`Moved “${this.cardTag(cardId)}” to ${this.whereIs(cardId)}.`, saved);
    if (this.refreshWanted) this.settle();
  }

  /** Says what moved at once, then whether it was saved. */
  private announceSave(what: string, saved: Promise<boolean>): void {
    this.announcement = what;
    void saved.then((ok) => {
      if (this.announcement !== what) return;
      this.announcement = ok ? `${what} Saved.` : `${what} Not saved: ${this.saveError || this.lockedNotice}`;
    });
  }

  cancelDrag(): void {
    this.dragging = null;
    this.dropTarget = null;
  }

  private whereIs(cardId: string): string {
    const { area, index } = areaOf(this.layout, cardId);
    return area === 'pool' ? `the ${this.areaLabel('pool')}` : `${this.areaLabel(area)}, position ${index + 1}`;
  }

  // ── Keyboard moves ─────────────────────────────────────────────────────────────────────────────────

  pickUp(cardId: string): void {
    if (this.refuseIfReadOnly()) return;
    this.held = { cardId, before: this.layout };
    this.keyboardCard = cardId;
    const { area } = areaOf(this.layout, cardId);
    this.announcement = `Picked up “${this.cardTag(cardId)}” from ${this.areaLabel(area)}. Arrow keys move it, Space drops it, Escape cancels.`;
  }

  /** Keyboard move of the held card: only on screen until it is dropped. */
  nudge(direction: 'left' | 'right' | 'up' | 'down'): void {
    const held = this.held;
    if (!held) return;
    const { area, index } = areaOf(this.layout, held.cardId);
    let targetArea = area;
    let targetIndex = index;
    if (direction === 'left' || direction === 'right') {
      const areas: Area[] = ['pool', 'A', 'B'];
      const next = areas.indexOf(area) + (direction === 'left' ? -1 : 1);
      if (next < 0 || next >= areas.length) {
        this.announcement = `Still over ${area === 'pool' ? `the ${this.areaLabel(area)}` : this.areaLabel(area)}: there is no area further ${direction}.`;
        return;
      }
      targetArea = areas[next] ?? area;
      // Across to a side: the same height in the list, as far as it goes.
      if (targetArea !== 'pool') targetIndex = area === 'pool' ? 0 : index;
    } else {
      if (area === 'pool') {
        this.announcement = 'The pool keeps the teacher’s order. Arrow right moves the card to a side.';
        return;
      }
      targetIndex = index + (direction === 'up' ? -1 : 1);
      if (targetIndex < 0 || targetIndex >= this.columns[area].length) {
        this.announcement = `Already at the ${direction === 'up' ? 'top' : 'bottom'} of ${this.areaLabel(area)}.`;
        return;
      }
    }
    this.layout = movePlacement(this.layout, held.cardId, targetArea, targetIndex);
    const now = areaOf(this.layout, held.cardId);
    this.announcement =
      now.area === 'pool'
        ? `Over the ${this.areaLabel('pool')}.`
        : `Over ${this.areaLabel(now.area)}, position ${now.index + 1} of ${this.columns[now.area].length}.`;
  }

  drop(): void {
    const held = this.held;
    if (!held) return;
    const { area, index } = areaOf(this.layout, held.cardId);
    this.layout = held.before;
    this.held = null;
    const saved = this.place(held.cardId, area, index);
    if (saved) this.announceSave(`Dropped “${this.cardTag(held.cardId)}” on ${this.whereIs(held.cardId)}.`, saved);
    else this.announcement = `“${this.cardTag(held.cardId)}” stays where it was.`;
    if (this.refreshWanted) this.settle();
  }

  cancel(announce = true): void {
    const held = this.held;
    if (!held) return;
    this.layout = held.before;
    this.held = null;
    if (announce) {
      const { area } = areaOf(held.before, held.cardId);
      this.announcement = `Move cancelled. “${this.cardTag(held.cardId)}” is back in ${this.areaLabel(area)}.`;
    }
  }
}

export const boardState = new BoardState();
