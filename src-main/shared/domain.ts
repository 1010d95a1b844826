// The JSON shapes that cross the wire: what the UI receives from the core. No Dates, no Buffers.

export type Role = 'teacher' | 'student';
export type Side = 'A' | 'B';

export interface Person {
  id: string;
  name: string;
  role: Role;
}

/** Where a piece of evidence comes from. Unknown fields are null, never invented. */
export interface Cite {
  title: string | null;
  author: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
}

export interface ArticleSummary extends Cite {
  id: string;
  /** The first words of the text, so an untitled article can still be recognised. */
  lead: string;
  wordCount: number;
  cardCount: number;
}

export interface Article extends ArticleSummary {
  bodyMarkdown: string;
  /** The anchoring coordinate space: what the rendered article's textContent is. */
  bodyText: string;
}

export interface EvidenceCard {
  id: string;
  articleId: string;
  tag: string;
  quote: string;
  cite: Cite;
  ownerRole: Role;
}

export interface DebateSummary {
  id: string;
  motion: string;
  sideA: string;
  sideB: string;
  status: 'open' | 'locked' | 'archived';
  cardCount: number;
}

export interface Debate extends DebateSummary {
  instructionsMarkdown: string;
  articleIds: string[];
}

export interface Placement {
  cardId: string;
  side: Side;
  position: number;
}

/** One student's board for one debate: the pool of cards and where the student put them. */
export interface Board {
  debate: Debate;
  student: Person;
  cards: EvidenceCard[];
  placements: Placement[];
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataFile: string;
}
