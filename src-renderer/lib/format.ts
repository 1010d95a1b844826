// How metadata reads on screen: dates, bylines and untitled articles. Unknown stays visibly unknown.
import type { Cite } from '../../src-main/shared/domain';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatDate(isoDate: string | null): string {
  if (!isoDate) return 'n.d.';
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

export function titleOf(cite: Pick<Cite, 'title'>): string {
  return cite.title ?? 'Untitled article';
}

/** ["Con Coughlin", "The Telegraph", "13 Jan 2022"], with "Unknown author" etc. where the source is silent. */
export function bylineParts(cite: Cite): string[] {
  return [cite.author ?? 'Unknown author', cite.outlet ?? 'Unknown outlet', formatDate(cite.date)];
}
