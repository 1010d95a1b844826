// The one line a placed card shows of the student's reasoning: plain words, not Markdown syntax.
import { RELEVANCE_LABELS, STRENGTH_LABELS, type Rating } from '../../src-main/shared/domain';

const MAX_CHARS = 140;

/** The first non-empty line of the reasoning without its Markdown marks, cut at a word near 140 characters. */
export function firstLineOf(markdown: string): string {
  const line =
    markdown
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text.length > 0) ?? '';
  const plain = line
    .replace(/^(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`|~~)/g, '')
    .trim();
  if (plain.length <= MAX_CHARS) return plain;
  const cut = plain.slice(0, MAX_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function strengthText(rating: Rating | null): string {
  return rating ? `Strength: ${STRENGTH_LABELS[rating]}` : 'Strength: not rated';
}

export function relevanceText(rating: Rating | null): string {
  return rating ? `Relevance: ${RELEVANCE_LABELS[rating]}` : 'Relevance: not rated';
}
