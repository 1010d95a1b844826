// Draws excerpts over the article with the CSS Custom Highlight API: no wrapper elements, so the
// article's DOM text (the anchoring coordinate space) is never changed. Styles: ::highlight(...) in app.css.
import type { Excerpt } from '../../src-main/shared/domain';
import { rangeFromOffsets } from './text-ranges';

/** One highlight style per meaning; each differs by underline as well as colour. */
export function highlightName(excerpt: Pick<Excerpt, 'kind' | 'label'>): string {
  if (excerpt.kind === 'card') return 'dd-card';
  return excerpt.label ? `dd-${excerpt.label}` : 'dd-note';
}

const NAMES = ['dd-card', 'dd-note', 'dd-key-claim', 'dd-evidence-for', 'dd-evidence-against', 'dd-question'];
const FOCUS = 'dd-focus';
const SELECTION = 'dd-selection';

export function clearHighlights(): void {
  for (const name of [...NAMES, FOCUS, SELECTION]) CSS.highlights.delete(name);
}

/** Paints every attached excerpt; returns the ranges by excerpt id, for scrolling to them. */
export function paintHighlights(root: Node, excerpts: Excerpt[]): Map<string, Range> {
  clearHighlights();
  const groups = new Map<string, Range[]>();
  const ranges = new Map<string, Range>();
  for (const excerpt of excerpts) {
    if (excerpt.orphaned) continue;
    const range = rangeFromOffsets(root, excerpt.start, excerpt.end);
    if (!range) continue;
    ranges.set(excerpt.id, range);
    const name = highlightName(excerpt);
    groups.set(name, [...(groups.get(name) ?? []), range]);
  }
  for (const [name, group] of groups) CSS.highlights.set(name, new Highlight(...group));
  return ranges;
}

export function paintFocus(range: Range | null): void {
  if (range) CSS.highlights.set(FOCUS, new Highlight(range));
  else CSS.highlights.delete(FOCUS);
}

/** The pending keyboard selection, drawn even while focus is in the side panel. */
export function paintSelection(range: Range | null): void {
  if (range) CSS.highlights.set(SELECTION, new Highlight(range));
  else CSS.highlights.delete(SELECTION);
}
