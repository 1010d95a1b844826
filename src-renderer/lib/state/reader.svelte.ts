// The reader's state: one article, the highlights the current person sees on it, and the pending selection.
import type { AnnotationLabel, Article, Excerpt, ExcerptKind } from '../../../src-main/shared/domain';
import { api } from '../api/client';

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
    private readonly personId: () => string | null,
  ) {}

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
    this.excerpts = personId ? await api.call('excerpts.list', { articleId: this.articleId, personId }) : [];
  }

  /** Takes a range of the article's text as the pending selection (whitespace at its ends trimmed). */
  select(start: number, end: number): PendingSelection | null {
    const text = this.article?.bodyText ?? '';
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    this.selection = end > start ? { start, end, quote: text.slice(start, end) } : null;
    return this.selection;
  }

  private async run(action: () => Promise<string>): Promise<boolean> {
    this.error = '';
    try {
      this.status = await action();
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
      const excerpt = await api.call('excerpts.create', {
        articleId: this.articleId,
        personId,
        kind,
        ...selection,
        ...details,
      });
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
      await api.call('excerpts.delete', { excerptId: excerpt.id, personId });
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
      await api.call('excerpts.reattach', { excerptId: excerpt.id, personId, ...selection });
      this.selection = null;
      this.activeId = excerpt.id;
      return 'Highlight re-attached.';
    });
  }
}
