// The bibliography in MLA 9, APA 7 or Chicago author-date, formatted by a citation library from CSL styles.
import type { Cite } from '../../shared/domain';
import type { BibliographyEntry, CitationStyle } from '../../shared/sheet';
import { AppError } from '../errors';

// TODO(sheet-core helper): citation-js + CSL styles; this placeholder refuses so nothing pretends to work.
export function formatBibliography(
  articles: Array<{ articleId: string; cite: Cite }>,
  style: CitationStyle,
  resourcesDir: string,
): BibliographyEntry[] {
  if (articles.length === 0) return [];
  throw new AppError('INTERNAL', `Bibliographies in ${style} are not built yet (${resourcesDir}).`);
}
