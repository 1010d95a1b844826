// The debate setup form: motion, sides, instructions, articles in play and the ordered class pool. Kept while the
// teacher cuts a new card in the reader, so the form comes back as it was, with the new card ticked.
import type { ArticleSummary, DebateSetup, EvidenceCard } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { teacher } from './teacher.svelte';

export const DEFAULT_SIDES = { sideA: 'Alliance', sideB: 'Rivalry' } as const;

function byId<T extends { id: string }>(items: T[]): Record<string, T | undefined> {
  return Object.fromEntries(items.map((item) => [item.id, item]));
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export class DebateForm {
  motion = $state('');
  sideA = $state<string>(DEFAULT_SIDES.sideA);
  sideB = $state<string>(DEFAULT_SIDES.sideB);
  instructionsMarkdown = $state('');
  /** Articles in play, in the order the teacher chose them. */
  articleIds = $state<string[]>([]);
  /** The class pool in the teacher's order. */
  poolIds = $state<string[]>([]);
  /** "Commit before you see": class results hidden from students until the teacher reveals them. */
  resultsHidden = $state(false);
  /** The teacher's cards of the articles in play: what the pool is picked from. */
  candidates = $state<EvidenceCard[]>([]);
  articles = $state<ArticleSummary[]>([]);

  loaded = $state(false);
  loadError = $state('');
  /** Why the last save or change failed (the API's message), for a role=alert. */
  error = $state('');
  /** What the last change did, for a role=status. */
  status = $state('');
  saving = $state(false);
  /** Opened the reader to cut a card: coming back keeps this form and ticks the new card. */
  cutting = false;

  // Getters, not $derived: a form outlives the view that made it (a trip to the reader), and a $derived would
  // die with that view's effects.
  get cardById(): Record<string, EvidenceCard | undefined> {
    return byId(this.candidates);
  }
  get pool(): EvidenceCard[] {
    const cardById = this.cardById;
    return this.poolIds.flatMap((id) => cardById[id] ?? []);
  }
  get chosenArticles(): ArticleSummary[] {
    const articleById = byId(this.articles);
    return this.articleIds.flatMap((id) => articleById[id] ?? []);
  }

  private candidatesSeq = 0;
  private knownCardIds: string[] = [];

  constructor(readonly debateId: string | null) {}

  async load(): Promise<void> {
    try {
      const [articles, setup] = await Promise.all([
        api.call('articles.list', {}),
        this.debateId ? api.call('debates.get', { debateId: this.debateId }) : Promise.resolve(null),
      ]);
      this.articles = articles;
      if (setup) this.fill(setup);
      await this.refreshCandidates();
      this.loaded = true;
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  private fill(setup: DebateSetup): void {
    this.motion = setup.motion;
    this.sideA = setup.sideA;
    this.sideB = setup.sideB;
    this.instructionsMarkdown = setup.instructionsMarkdown;
    this.articleIds = [...setup.articleIds];
    this.poolIds = setup.pool.map((card) => card.id);
    this.candidates = setup.pool;
    this.resultsHidden = setup.resultsHidden;
  }

  /** Loads the candidates of the articles in play; an answer overtaken by a newer choice is dropped. */
  async refreshCandidates(): Promise<void> {
    const seq = ++this.candidatesSeq;
    const cards =
      this.articleIds.length > 0 ? await api.call('cards.forArticles', { articleIds: this.articleIds }) : [];
    if (seq !== this.candidatesSeq) return;
    // A pool card the list does not return (it cannot normally happen) is kept rather than silently lost.
    const listed = byId(cards);
    this.candidates = [...cards, ...this.pool.filter((card) => !listed[card.id])];
  }

  setArticle(articleId: string, inPlay: boolean): void {
    this.error = '';
    if (inPlay) {
      if (!this.articleIds.includes(articleId)) this.articleIds = [...this.articleIds, articleId];
      this.status = '';
    } else {
      this.articleIds = this.articleIds.filter((id) => id !== articleId);
      const leaving = this.pool.filter((card) => card.articleId === articleId);
      this.poolIds = this.poolIds.filter((id) => !leaving.some((card) => card.id === id));
      this.status = leaving.length > 0 ? `${plural(leaving.length, 'card')} of that article left the pool.` : '';
    }
    this.refreshCandidates().catch((error: Error) => (this.error = error.message));
  }

  setInPool(cardId: string, inPool: boolean): void {
    const tag = this.cardById[cardId]?.tag ?? 'The card';
    if (inPool && !this.poolIds.includes(cardId)) {
      this.poolIds = [...this.poolIds, cardId];
      this.status = `Added “${tag}” to the pool, at position ${this.poolIds.length}.`;
    } else if (!inPool) {
      this.poolIds = this.poolIds.filter((id) => id !== cardId);
      this.status = `Took “${tag}” out of the pool.`;
    }
  }

  /** Moves a pool card up (-1) or down (+1); false if it is already at that end. */
  move(cardId: string, delta: -1 | 1): boolean {
    const from = this.poolIds.indexOf(cardId);
    const to = from + delta;
    if (from === -1 || to < 0 || to >= this.poolIds.length) return false;
    const next = [...this.poolIds];
    next.splice(from, 1);
    next.splice(to, 0, cardId);
    this.poolIds = next;
    this.status = `“${this.cardById[cardId]?.tag ?? 'The card'}” is now number ${to + 1} of ${next.length}.`;
    return true;
  }

  /** A card's tag belongs to the card (every debate showing it): saved at once, not with the form. */
  async saveTag(teacherId: string, cardId: string, tag: string): Promise<boolean> {
    this.error = '';
    try {
      const excerpt = await teacher.call(
        'excerpts.update',
        { personId: teacherId, excerptId: cardId, tag },
        'Editing a card is for the teacher.',
      );
      if (!excerpt) return false;
      this.candidates = this.candidates.map((card) =>
        card.id === cardId ? { ...card, tag: excerpt.tag ?? tag } : card,
      );
      this.status = `Tag saved: “${excerpt.tag ?? tag}”.`;
      return true;
    } catch (error) {
      this.error = (error as Error).message;
      return false;
    }
  }

  /** Before the reader opens to cut a card: remember the cards there are now. */
  startCutting(): void {
    this.cutting = true;
    this.knownCardIds = this.candidates.map((card) => card.id);
  }

  /** Back from the reader: the cards cut there are ticked into the pool. */
  async finishCutting(): Promise<void> {
    this.cutting = false;
    try {
      this.articles = await api.call('articles.list', {});
      await this.refreshCandidates();
    } catch (error) {
      this.error = (error as Error).message;
      return;
    }
    const fresh = this.candidates.filter(
      (card) => !this.knownCardIds.includes(card.id) && !this.poolIds.includes(card.id),
    );
    if (fresh.length === 0) return;
    this.poolIds = [...this.poolIds, ...fresh.map((card) => card.id)];
    this.status =
      fresh.length === 1
        ? `The new card “${fresh[0]?.tag ?? ''}” is ticked: it is last in the pool.`
        : `${fresh.length} new cards are ticked: they are last in the pool.`;
  }

  /** What is wrong before asking the core, in words; '' when the form can be saved. */
  problem(): string {
    if (!this.motion.trim()) return 'Write the motion: the question the class debates.';
    if (!this.sideA.trim() || !this.sideB.trim()) return 'Both sides need a label.';
    if (this.sideA.trim().toLocaleLowerCase() === this.sideB.trim().toLocaleLowerCase()) {
      return 'The two sides need different labels.';
    }
    return '';
  }

  /** Creates or updates the debate; on failure everything typed stays in the form. */
  async save(): Promise<DebateSetup | null> {
    if (this.saving) return null;
    const problem = this.problem();
    if (problem) {
      this.error = problem;
      return null;
    }
    this.saving = true;
    this.error = '';
    const fields = {
      motion: this.motion,
      sideA: this.sideA,
      sideB: this.sideB,
      instructionsMarkdown: this.instructionsMarkdown,
      articleIds: this.articleIds,
      poolCardIds: this.poolIds,
      resultsHidden: this.resultsHidden,
    };
    try {
      const saved = this.debateId
        ? await teacher.call('debates.update', { debateId: this.debateId, ...fields })
        : await teacher.call('debates.create', fields);
      if (!saved)
        this.error = 'Not saved: teacher mode is locked. Unlock it and save again; the form is as you left it.';
      return saved;
    } catch (error) {
      this.error = `Not saved: ${(error as Error).message}`;
      return null;
    } finally {
      this.saving = false;
    }
  }
}

/** The form being filled in (kept across a trip to the reader) and the last message for the debates list. */
class DebateDrafts {
  current: DebateForm | null = null;
  notice = $state('');

  /** The form for this debate: the one left for the reader if it is this debate's, otherwise a fresh one. */
  open(debateId: string | null): DebateForm {
    const kept = this.current;
    if (kept && kept.cutting && kept.debateId === debateId) {
      void kept.finishCutting();
      return kept;
    }
    const form = new DebateForm(debateId);
    this.current = form;
    void form.load();
    return form;
  }

  close(notice = ''): void {
    this.current = null;
    this.notice = notice;
  }
}

export const debateDrafts = new DebateDrafts();
