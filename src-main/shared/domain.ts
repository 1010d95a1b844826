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
  tags: string[];
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

/** open: students build their boards; locked: read only (e.g. after the deadline); archived: put away. */
export type DebateStatus = 'open' | 'locked' | 'archived';

export interface DebateSummary {
  id: string;
  motion: string;
  sideA: string;
  sideB: string;
  status: DebateStatus;
  /** Cards in the class pool. */
  cardCount: number;
  articleCount: number;
  updatedAt: string;
  /** Class results stay hidden from students until the teacher reveals them ("commit before you see"). */
  resultsHidden: boolean;
  /** When the teacher revealed them; null while hidden or never revealed. */
  resultsRevealedAt: string | null;
}

export interface Debate extends DebateSummary {
  instructionsMarkdown: string;
  articleIds: string[];
}

/** A debate as the teacher sets it up: the pool's cards in the teacher's order. */
export interface DebateSetup extends Debate {
  pool: EvidenceCard[];
}

/** 1 = weak / marginal, 2 = moderate, 3 = strong / central. */
export type Rating = 1 | 2 | 3;

/** How well the evidence supports the side (the student's judgment of the argument). */
export const STRENGTH_LABELS: Record<Rating, string> = { 1: 'Weak', 2: 'Moderate', 3: 'Strong' };
/** How closely it bears on the motion, apart from how reliable its source is. */
export const RELEVANCE_LABELS: Record<Rating, string> = { 1: 'Marginal', 2: 'Relevant', 3: 'Central' };

export interface Placement {
  cardId: string;
  side: Side;
  position: number;
}

/** A placed card with the student's argument for it. */
export interface BoardPlacement extends Placement {
  reasoningMarkdown: string;
  strength: Rating | null;
  relevance: Rating | null;
}

/** A student's own words for a whole debate. */
export interface StudentPosition {
  thesisMarkdown: string;
  conclusionMarkdown: string;
}

/** One student's board for one debate: the pool of cards, where the student put them and why. */
export interface Board {
  debate: Debate;
  student: Person;
  cards: EvidenceCard[];
  placements: BoardPlacement[];
  position: StudentPosition;
  versions: BoardVersions;
}

/**
 * What a window last saw of a board, sent back with each write so that a write made against an older board is
 * refused (STALE_WRITE) instead of silently overwriting another window's change. Every value comes from one clock
 * that only goes up, so a version is never given out twice; 0 = never written.
 */
export interface BoardVersions {
  /** Which cards are on which side, in which order. */
  layout: number;
  /** Per placed card (by card id): its reasoning, strength and relevance. */
  placements: Record<string, number>;
  thesis: number;
  conclusion: number;
}

/** A placed card's argument with its version (what placements.update answers). */
export interface VersionedPlacement extends BoardPlacement {
  version: number;
}

/** The thesis and conclusion with their versions (what positions.update answers). */
export interface VersionedPosition extends StudentPosition {
  thesisVersion: number;
  conclusionVersion: number;
}

/**
 * Where a student's cards are on their board, with their arguments and position: what a move or an undo answers
 * (the board without its cards, debate and student, which did not change; a 1,000-card board is 500 KB of JSON).
 */
export interface BoardArrangement {
  placements: BoardPlacement[];
  position: StudentPosition;
  /** The whole board's versions after the write. */
  versions: BoardVersions;
}

/** What removing a student takes with it. */
export interface PersonUsage {
  cardCount: number;
  annotationCount: number;
  placementCount: number;
  debates: Array<{ id: string; motion: string }>;
}

export interface TeacherStatus {
  /** False until the teacher sets a PIN (on first use of a teacher-only action). */
  pinSet: boolean;
}

/** Proof that the teacher PIN was entered: passed as teacherToken to teacher-only methods. */
export interface TeacherSession {
  teacherToken: string;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataFile: string;
  /** Where the backups are kept (beside the data file). */
  backupsDir: string;
}

/** What a highlight means. Shown as colour AND text (and an underline style), never colour alone. */
export const ANNOTATION_LABELS = {
  'key-claim': 'Key claim',
  'evidence-for': 'Evidence for',
  'evidence-against': 'Evidence against',
  question: 'Question',
} as const;
export type AnnotationLabel = keyof typeof ANNOTATION_LABELS;

export type ExcerptKind = 'annotation' | 'card';

/** A highlighted passage of an article: an annotation, or an evidence card (which has a tag). */
export interface Excerpt {
  id: string;
  articleId: string;
  kind: ExcerptKind;
  /** UTF-16 offsets in the article's bodyText; meaningless while orphaned. */
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  /** The article's text changed and the passage could not be found again: kept, shown, re-attachable. */
  orphaned: boolean;
  label: AnnotationLabel | null;
  noteMarkdown: string;
  tag: string | null;
  owner: Person;
}

/** What editing an article's text did to the highlights in it. */
export interface ReanchorReport {
  kept: number;
  moved: number;
  orphaned: number;
}

export interface ArticleUsage {
  cardCount: number;
  annotationCount: number;
  debates: Array<{ id: string; motion: string }>;
}

export interface SearchHit {
  kind: 'article' | 'card';
  /** The article, or the card's article. */
  articleId: string;
  excerptId: string | null;
  title: string | null;
  /** Text with the matches between U+E000 and U+E001 (the UI marks them; no HTML crosses the wire). */
  snippet: string;
}

export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/** One paragraph-like block of an imported article; `furniture` says why it looks like page furniture. */
export interface ImportBlock {
  markdown: string;
  furniture: string | null;
}

/** An imported file before the teacher reviews and saves it. '' = the file does not say (never invented). */
export interface ImportDraft {
  fileName: string;
  format: ImportFormat;
  title: string;
  author: string;
  outlet: string;
  date: string;
  url: string;
  blocks: ImportBlock[];
  warnings: string[];
}
