// Gathers one student's board into the argument sheet's model: sides in the student's order, the
// cards not used (if asked for), and the bibliography of every article a card on the sheet cites.
import type { Board, EvidenceCard } from '../../shared/domain';
import type { SheetCard, SheetModel, SheetOptions, SheetSide } from '../../shared/sheet';
import { formatBibliography } from './citations';

function sheetCard(
  card: EvidenceCard,
  argument?: Pick<SheetCard, 'reasoningMarkdown' | 'strength' | 'relevance'>,
): SheetCard {
  return {
    cardId: card.id,
    articleId: card.articleId,
    tag: card.tag,
    quote: card.quote,
    cite: card.cite,
    reasoningMarkdown: argument?.reasoningMarkdown ?? '',
    strength: argument?.strength ?? null,
    relevance: argument?.relevance ?? null,
  };
}

/** Each article once, in the order the sheet first cites it (the style then sorts its bibliography). */
function citedArticles(cards: SheetCard[]): Array<Pick<SheetCard, 'articleId' | 'cite'>> {
  const byArticle = new Map<string, Pick<SheetCard, 'articleId' | 'cite'>>();
  for (const card of cards) if (!byArticle.has(card.articleId)) byArticle.set(card.articleId, card);
  return [...byArticle.values()];
}

export function buildSheet(board: Board, options: SheetOptions, date: string, resourcesDir: string): SheetModel {
  const cardsById = new Map(board.cards.map((card) => [card.id, card]));
  const side = (which: 'A' | 'B'): SheetSide => ({
    side: which,
    label: which === 'A' ? board.debate.sideA : board.debate.sideB,
    cards: board.placements
      .filter((placement) => placement.side === which)
      .sort((a, b) => a.position - b.position)
      .flatMap((placement) => {
        const card = cardsById.get(placement.cardId);
        return card ? [sheetCard(card, placement)] : [];
      }),
  });
  const sides: [SheetSide, SheetSide] = [side('A'), side('B')];
  const placedIds = new Set(board.placements.map((placement) => placement.cardId));
  const unused = options.includeUnused
    ? board.cards.filter((card) => !placedIds.has(card.id)).map((card) => sheetCard(card))
    : [];
  const cited = citedArticles([...sides[0].cards, ...sides[1].cards, ...unused]);
  return {
    motion: board.debate.motion,
    debateId: board.debate.id,
    studentId: board.student.id,
    studentName: board.student.name,
    date,
    thesisMarkdown: board.position.thesisMarkdown,
    conclusionMarkdown: board.position.conclusionMarkdown,
    sides,
    unused,
    bibliography: formatBibliography(cited, options.style, resourcesDir),
    options,
  };
}
