// The reader's state: one article, the highlights the current person sees on it, and the pending selection.
import type { MethodInput, MethodOutput } from '../../../src-main/shared/contract';
import type { AnnotationLabel, Article, Excerpt, ExcerptKind, Person } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { teacher } from './teacher.svelte';

type ExcerptChange = 'excerpts.create' | 'excerpts.delete' | 'excerpts.reattach';

export interface PendingSelection {
  start: number;
  end: number;
  quote: string;
}

export interface ExcerptDetails {
  label?: AnnotationLabel | null;
  noteMarkdown?: string;
  tag?: string;
}

export class ReaderState {
  article = $state<Article | null>(null);
  excerpts = $state<Excerpt[]>([]);
  selection = $state<PendingSelection | null>(null);
  activeId = $state<string | null>(null);
  loadError = $state('');
  /** Outcome of the last save or delete, for a status line (and screen readers). */
  status = $state('');
  error = $state('');

  attached = $derived(this.excerpts.filter((excerpt) => !excerpt.orphaned));
  orphaned = $derived(this.excerpts.filter((excerpt) => excerpt.orphaned));

  constructor(
    readonly articleId: string,
    private readonly person: () => Person | null,
  ) {}

  private personId(): string | null {
    return this.person()?.id ?? null;
  }

  /** A change to a highlight; the teacher's carry the teacher's token (asking for the PIN if it was refused). */
  private async change<M extends ExcerptChange>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | null> {
    if (this.person()?.role !== 'teacher') return api.call(method, input);
    return teacher.run((teacherToken) => api.call(method, { ...input, teacherToken }));
  }

  async load(): Promise<void> {
    try {
      this.article = await api.call('articles.get', { articleId: this.articleId });
      await this.loadExcerpts();
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  async loadExcerpts(): Promise<void> {
    const personId = this.personId();
    this.excerpts = personId
      ? await api.call('excerpts.list', teacher.withToken({ articleId: this.articleId, personId }))
      : [];
  }

  /** Takes a range of the article's text as the pending selection (whitespace at its ends trimmed). */
  select(start: number, end: number): PendingSelection | null {
    const text = this.article?.bodyText ?? '';
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    this.selection = end > start ? { start, end, quote: text.slice(start, end) } : null;
    return this.selection;
  }

  /** Runs a change; `action` answers the status line, or null when the teacher cancelled the PIN. */
  private async run(action: () => Promise<string | null>): Promise<boolean> {
    this.error = '';
    try {
      const status = await action();
      if (status === null) return false;
      this.status = status;
      await this.loadExcerpts();
      return true;
    } catch (error) {
      this.error = (error as Error).message;
      return false;
    }
  }

  save(kind: ExcerptKind, details: ExcerptDetails): Promise<boolean> {
    const personId = this.personId();
    const selection = this.selection;
    if (!personId || !selection) return Promise.resolve(false);
    return this.run(async () => {
      const excerpt = await this.change('excerpts.create', {
        articleId: this.articleId,
        personId,
        kind,
        ...selection,
        ...details,
      });
      if (!excerpt) return null;
      this.selection = null;
      this.activeId = excerpt.id;
      if (kind === 'annotation') return 'Highlight saved.';
      return excerpt.owner.role === 'teacher'
        ? `Card “${excerpt.tag ?? ''}” saved and added to the class pool of the debates using this article.`
        : `Card “${excerpt.tag ?? ''}” saved: it is in your evidence pool on the debate board.`;
    });
  }

  remove(excerpt: Excerpt): Promise<boolean> {
    const personId = this.personId();
    if (!personId) return Promise.resolve(false);
    return this.run(async () => {
      if (!(await this.change('excerpts.delete', { excerptId: excerpt.id, personId }))) return null;
      if (this.activeId === excerpt.id) this.activeId = null;
      return excerpt.kind === 'card' ? 'Card deleted.' : 'Highlight deleted.';
    });
  }

  /** Attaches an orphaned highlight to the pending selection. */
  reattach(excerpt: Excerpt): Promise<boolean> {
    const personId = this.personId();
    const selection = this.selection;
    if (!personId || !selection) return Promise.resolve(false);
    return this.run(async () => {
      if (!(await this.change('excerpts.reattach', { excerptId: excerpt.id, personId, ...selection }))) return null;
      this.selection = null;
      this.activeId = excerpt.id;
      return 'Highlight re-attached.';
    });
  }
}
