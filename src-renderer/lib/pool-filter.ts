// Narrowing the evidence pool as a student types: by article, and by words found in a card's tag, quote or cite.
import type { EvidenceCard } from '../../src-main/shared/domain';
import { titleOf } from './format';

/** Lower case without accents, so "eurasian" finds "Eurasian" and "lavrov" finds "Lavróv". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** What a card can be found by: tag, quote and every part of its cite. */
export function searchTextOf(card: EvidenceCard): string {
  const { title, author, outlet, date } = card.cite;
  return foldForSearch([card.tag, card.quote, title, author, outlet, date].filter(Boolean).join('\n'));
}

export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

export interface PoolFilter {
  /** '' = every article. */
  articleId: string;
  query: string;
}

/** The cards that match every word of the query (and the article, if one is chosen), in the pool's order. */
export function filterPool(
  cards: EvidenceCard[],
  filter: PoolFilter,
  searchText: (card: EvidenceCard) => string,
  keep?: string | null,
): EvidenceCard[] {
  const words = queryWords(filter.query);
  if (!filter.articleId && words.length === 0) return cards;
  return cards.filter((card) => {
    if (card.id === keep) return true;
    if (filter.articleId && card.articleId !== filter.articleId) return false;
    if (words.length === 0) return true;
    const text = searchText(card);
    return words.every((word) => text.includes(word));
  });
}

export interface PoolArticle {
  id: string;
  title: string;
  cardCount: number;
}

/** The articles the pool's cards come from, in the order they first appear, with how many cards each has. */
export function articlesOf(cards: EvidenceCard[]): PoolArticle[] {
  const byId = new Map<string, PoolArticle>();
  for (const card of cards) {
    const entry = byId.get(card.articleId);
    if (entry) entry.cardCount += 1;
    else byId.set(card.articleId, { id: card.articleId, title: titleOf(card.cite), cardCount: 1 });
  }
  return [...byId.values()];
}
