// The library's state: the article list with its filters and sort, and search as you type. Kept while the
// teacher goes to the reader and back, so the list is where they left it.
import type { ArticleSummary, SearchHit } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { teacher } from './teacher.svelte';

export type LibrarySort = 'newest' | 'oldest' | 'title' | 'longest' | 'shortest';

export const SORT_LABELS: Record<LibrarySort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  title: 'Title A–Z',
  longest: 'Longest first',
  shortest: 'Shortest first',
};

/** The outlet and month filters' value for articles whose outlet or date is not known. */
export const UNKNOWN_OUTLET = '\u0000unknown';
export const UNKNOWN_MONTH = '\u0000unknown';

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2022-01" → "January 2022". */
export function monthLabel(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return monthFormat.format(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 1));
}

const SEARCH_DELAY_MS = 120;
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Undated articles sort after dated ones whichever way the dates run; ties fall back to the title. */
function compareArticles(sort: LibrarySort, a: ArticleSummary, b: ArticleSummary): number {
  const byTitle = collator.compare(a.title ?? '\uffff', b.title ?? '\uffff');
  switch (sort) {
    case 'newest':
    case 'oldest': {
      if (a.date === b.date) return byTitle;
      if (!a.date) return 1;
      if (!b.date) return -1;
      return sort === 'newest' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date);
    }
    case 'title':
      return byTitle;
    case 'longest':
      return b.wordCount - a.wordCount || byTitle;
    case 'shortest':
      return a.wordCount - b.wordCount || byTitle;
  }
}

class LibraryState {
  articles = $state<ArticleSummary[] | null>(null);
  loadError = $state('');

  outlet = $state('');
  tag = $state('');
  /** "YYYY-MM", UNKNOWN_MONTH or '' for any date. */
  month = $state('');
  sort = $state<LibrarySort>('newest');

  outlets = $derived.by(() => {
    const names = new Set((this.articles ?? []).flatMap((article) => (article.outlet ? [article.outlet] : [])));
    return [...names].sort(collator.compare);
  });
  hasUnknownOutlet = $derived((this.articles ?? []).some((article) => !article.outlet));
  tags = $derived([...new Set((this.articles ?? []).flatMap((article) => article.tags))].sort(collator.compare));
  /** The months articles were published in, newest first. */
  months = $derived(
    [...new Set((this.articles ?? []).flatMap((article) => (article.date ? [article.date.slice(0, 7)] : [])))]
      .sort()
      .reverse(),
  );
  hasUnknownDate = $derived((this.articles ?? []).some((article) => !article.date));
  filtering = $derived(this.outlet !== '' || this.tag !== '' || this.month !== '');

  visible = $derived.by(() => {
    const { outlet, tag, month, sort } = this;
    return (this.articles ?? [])
      .filter((article) => {
        if (outlet === UNKNOWN_OUTLET ? article.outlet !== null : outlet && article.outlet !== outlet) return false;
        if (month === UNKNOWN_MONTH ? article.date !== null : month && !article.date?.startsWith(month)) return false;
        return !tag || article.tags.includes(tag);
      })
      .sort((a, b) => compareArticles(sort, a, b));
  });

  query = $state('');
  hits = $state<SearchHit[]>([]);
  /** The text the shown hits answer (they lag the box by the debounce and the round trip). */
  answeredQuery = $state('');
  searchError = $state('');
  articleHits = $derived(this.hits.filter((hit) => hit.kind === 'article'));
  cardHits = $derived(this.hits.filter((hit) => hit.kind === 'card'));

  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchSeq = 0;

  async load(): Promise<void> {
    try {
      this.articles = await api.call('articles.list', {});
      this.loadError = '';
      // A filter whose last article went away would show an empty list with no way to see why.
      if (this.outlet && this.outlet !== UNKNOWN_OUTLET && !this.outlets.includes(this.outlet)) this.outlet = '';
      if (this.tag && !this.tags.includes(this.tag)) this.tag = '';
    } catch (error) {
      this.loadError = (error as Error).message;
    }
  }

  clearFilters(): void {
    this.outlet = '';
    this.tag = '';
    this.month = '';
  }

  /** Search as you type: waits for a pause, and drops answers that a newer query overtook. */
  setQuery(text: string, personId: string | null): void {
    this.query = text;
    clearTimeout(this.searchTimer);
    if (!text.trim()) {
      this.searchSeq += 1;
      this.hits = [];
      this.answeredQuery = '';
      this.searchError = '';
      return;
    }
    this.searchTimer = setTimeout(() => void this.runSearch(text, personId), SEARCH_DELAY_MS);
  }

  /** Runs the current query again (after the library changed under it). */
  refreshSearch(personId: string | null): void {
    if (this.query.trim()) void this.runSearch(this.query, personId);
  }

  private async runSearch(text: string, personId: string | null): Promise<void> {
    const seq = ++this.searchSeq;
    if (!personId) return;
    try {
      const hits = await api.call('search.query', teacher.withToken({ text, personId }));
      if (seq !== this.searchSeq) return;
      this.hits = hits;
      this.answeredQuery = text;
      this.searchError = '';
    } catch (error) {
      if (seq !== this.searchSeq) return;
      this.searchError = (error as Error).message;
    }
  }
}

export const library = new LibraryState();
