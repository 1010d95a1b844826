// The method table: every call the UI can make, declared once for both hosts ('noun.verb' → zod input → result).
import { z } from 'zod';
import {
  ANNOTATION_LABELS,
  type AnnotationLabel,
  type AppInfo,
  type Article,
  type ArticleSummary,
  type ArticleUsage,
  type Board,
  type BoardArrangement,
  type DebateSetup,
  type DebateSummary,
  type EvidenceCard,
  type Excerpt,
  type ImportDraft,
  type Person,
  type PersonUsage,
  type ReanchorReport,
  type SearchHit,
  type TeacherSession,
  type TeacherStatus,
  type VersionedPlacement,
  type VersionedPosition,
} from './domain';
import type { AppNotice, BackupInfo, RestoreResult } from './backups';
import type { ClassResults, HandIn } from './results';
import type { PackImportResult, SharedFile, WorkImportResult } from './packs';
import { CITATION_STYLES, SHEET_FORMATS, SHEET_LAYOUTS, type SheetFile, type SheetStudent } from './sheet';
import { phasesSchema, type LivePhases } from './live';

import { MAX_ARTICLE_MARKDOWN_CHARS, MAX_IMPORT_FILE_BYTES } from './limits';

export { MAX_ARTICLE_MARKDOWN_CHARS, MAX_IMPORT_FILE_BYTES };

/** Declares one method: its output type first, then its input schema (which infers the input type). */
const method =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({
    input,
    output: undefined as unknown as Output,
  });

const id = z.uuid({ error: 'must be an id (UUID)' });
const noInput = z.object({});
const optionalText = (max: number) => z.string().trim().max(max).optional();
const boardRef = z.object({ debateId: id, studentId: id });
/** Excerpt calls name who acts; acting as the teacher also needs the teacher's token. */
const personRef = z.object({ personId: id, teacherToken: z.string().max(200).optional() });

/** Teacher-only methods carry the token teacher.unlock / teacher.setPin returned. */
const teacherToken = z.string({ error: 'this needs the teacher (unlock with the PIN)' }).min(1).max(200);
const asTeacher = z.object({ teacherToken });
const pin = z.string().regex(/^\d{4,12}$/, { error: 'the PIN must be 4 to 12 digits' });
const personName = z.string().trim().min(1, { error: 'the name is empty' }).max(80);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();
const markdown = (max: number) => z.string().max(max, { error: `the text is longer than ${max} characters` });

/** Files shared between computers: the name shown in every message, the bytes as base64 (checked with the name). */
const sharedFileName = z.string().trim().min(1, { error: 'the file has no name' }).max(255);
const sharedFileData = z
  .string()
  .max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 1024, { error: 'the file is larger than 10 MB' });

const debateFields = z.object({
  motion: z.string().trim().min(1, { error: 'the motion is empty' }).max(500),
  sideA: z.string().trim().min(1, { error: 'side A needs a label' }).max(60),
  sideB: z.string().trim().min(1, { error: 'side B needs a label' }).max(60),
  instructionsMarkdown: markdown(50_000),
  articleIds: z.array(id).max(500),
  /** The class pool in the teacher's order: teacher cards cut from the articles in play. */
  poolCardIds: z.array(id).max(5_000),
  /** "Commit before you see": class results hidden from students until the teacher reveals them. */
  resultsHidden: z.boolean().optional(),
});

const placementFields = z.object({
  reasoningMarkdown: markdown(20_000),
  strength: rating,
  relevance: rating,
});
const positionFields = z.object({ thesisMarkdown: markdown(20_000), conclusionMarkdown: markdown(20_000) });
/**
 * The board version a write was made against (BoardVersions): optional, so callers that predate versions still
 * work; given, a write against an older board is refused with STALE_WRITE and changes nothing.
 */
const version = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const boardVersions = z.object({
  layout: version,
  placements: z.record(id, version),
  thesis: version,
  conclusion: version,
});

const sheetOptions = z.object({
  style: z.enum(CITATION_STYLES),
  layout: z.enum(SHEET_LAYOUTS),
  includeUnused: z.boolean(),
});

const articleFields = z.object({
  title: z.string().trim().max(500),
  author: optionalText(300),
  outlet: optionalText(300),
  date: z.iso.date({ error: 'must be a date like 2022-01-21' }).optional().or(z.literal('')),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) address' })
    .optional()
    .or(z.literal('')),
  bodyMarkdown: z
    .string()
    .max(MAX_ARTICLE_MARKDOWN_CHARS, { error: 'the article is longer than 2 million characters' })
    .refine((text) => text.trim().length > 0, { error: 'the article has no text' }),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
});

const labels = Object.keys(ANNOTATION_LABELS) as [AnnotationLabel, ...AnnotationLabel[]];
const textRange = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().min(1).max(20_000),
  })
  .refine((range) => range.end > range.start, { error: 'the selection is empty' });
const note = z.string().max(50_000);
const cardTag = z.string().trim().max(300);

export const contract = {
  'app.info': method<AppInfo>()(noInput),
  /** What everyone should be told since the app started: a damaged data file recovered, a disk problem. */
  'app.notices': method<AppNotice[]>()(noInput),
  /** Dismisses a notice for everyone (teacher only): a kept one (a recovery) stops being told at every start. */
  'app.dismissNotice': method<{ dismissed: true }>()(asTeacher.extend({ id: z.string().min(1).max(200) })),
  /** The backups of the data file, newest first (teacher only). */
  'backups.list': method<BackupInfo[]>()(asTeacher),
  /** Backs up the data now (SQLite's online backup), then applies the retention rule. */
  'backups.create': method<BackupInfo>()(asTeacher),
  /**
   * Backs up the current state ("before-restore"), then puts the chosen backup's data in place. `name` is a label
   * from backups.list, never a path: anything else is refused.
   */
  'backups.restore': method<RestoreResult>()(
    asTeacher.extend({ name: z.string().trim().min(1, { error: 'choose a backup' }).max(200) }),
  ),

  'teacher.status': method<TeacherStatus>()(noInput),
  /** First use only: sets the PIN and unlocks. */
  'teacher.setPin': method<TeacherSession>()(z.object({ pin })),
  'teacher.unlock': method<TeacherSession>()(z.object({ pin: z.string().max(100) })),
  'teacher.changePin': method<{ changed: true }>()(asTeacher.extend({ currentPin: z.string().max(100), newPin: pin })),
  'teacher.lock': method<{ locked: true }>()(asTeacher),

  'people.list': method<Person[]>()(noInput),
  'people.add': method<Person>()(asTeacher.extend({ name: personName })),
  'people.rename': method<Person>()(asTeacher.extend({ personId: id, name: personName })),
  'people.usage': method<PersonUsage>()(z.object({ personId: id })),
  /** Students only; their cards, annotations, placements and positions go with them. */
  'people.remove': method<{ deleted: true }>()(asTeacher.extend({ personId: id })),

  'articles.list': method<ArticleSummary[]>()(noInput),
  'articles.get': method<Article>()(z.object({ articleId: id })),
  'articles.create': method<ArticleSummary>()(articleFields.extend({ teacherToken })),
  'articles.update': method<{ article: ArticleSummary; reanchor: ReanchorReport }>()(
    articleFields.extend({ articleId: id, teacherToken }),
  ),
  'articles.usage': method<ArticleUsage>()(z.object({ articleId: id })),
  'articles.delete': method<{ deleted: true }>()(asTeacher.extend({ articleId: id })),
  'articles.draftFromFile': method<ImportDraft>()(
    z.object({
      fileName: z.string().trim().min(1).max(255),
      // Base64 grows data by 4/3: the byte limit itself is checked after decoding, with the file's name.
      dataBase64: z
        .base64({ error: 'the file data is damaged' })
        .max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 1024, {
          error: 'the file is larger than 10 MB',
        }),
    }),
  ),
  'articles.draftFromText': method<ImportDraft>()(
    z.object({
      text: z.string().max(MAX_ARTICLE_MARKDOWN_CHARS, { error: 'the text is longer than 2 million characters' }),
    }),
  ),

  'excerpts.list': method<Excerpt[]>()(personRef.extend({ articleId: id })),
  'excerpts.create': method<Excerpt>()(
    z.intersection(
      personRef.extend({
        articleId: id,
        kind: z.enum(['annotation', 'card']),
        label: z.enum(labels).nullable().optional(),
        noteMarkdown: note.optional(),
        tag: cardTag.optional(),
      }),
      textRange,
    ),
  ),
  'excerpts.update': method<Excerpt>()(
    personRef.extend({
      excerptId: id,
      label: z.enum(labels).nullable().optional(),
      noteMarkdown: note.optional(),
      tag: cardTag.optional(),
    }),
  ),
  'excerpts.delete': method<{ deleted: true }>()(personRef.extend({ excerptId: id })),
  'excerpts.reattach': method<Excerpt>()(z.intersection(personRef.extend({ excerptId: id }), textRange)),

  'search.query': method<SearchHit[]>()(personRef.extend({ text: z.string().max(500) })),

  'debates.list': method<DebateSummary[]>()(z.object({ includeArchived: z.boolean().optional() })),
  'debates.get': method<DebateSetup>()(z.object({ debateId: id })),
  'debates.create': method<DebateSetup>()(debateFields.extend({ teacherToken })),
  'debates.update': method<DebateSetup>()(debateFields.partial().extend({ teacherToken, debateId: id })),
  /** A copy with the same motion, sides, instructions, articles and pool; no student work; open. */
  'debates.duplicate': method<DebateSetup>()(asTeacher.extend({ debateId: id })),
  'debates.setStatus': method<DebateSetup>()(
    asTeacher.extend({ debateId: id, status: z.enum(['open', 'locked', 'archived']) }),
  ),
  /** A debate pack: one .ddpack file with the debate, its articles, its pool and the class list (teacher only). */
  'packs.exportDebate': method<SharedFile>()(asTeacher.extend({ debateId: id })),
  /** Any computer imports a pack; where a teacher PIN is set, only the teacher (the token) may. */
  'packs.importDebate': method<PackImportResult>()(
    z.object({ fileName: sharedFileName, dataBase64: sharedFileData, teacherToken: teacherToken.optional() }),
  ),
  /** A student's work on one debate as one .ddwork file, for the teacher. */
  'work.export': method<SharedFile>()(boardRef),
  /** One work file (the UI calls this once per file, for its progress bar); teacher only. */
  'work.import': method<WorkImportResult>()(asTeacher.extend({ fileName: sharedFileName, dataBase64: sharedFileData })),
  /** The teacher's cards cut from these articles: what a pool can be picked from. */
  'cards.forArticles': method<EvidenceCard[]>()(z.object({ articleIds: z.array(id).max(500) })),
  /** The live session's phases for a debate (the defaults until the teacher sets them). */
  'live.getPhases': method<LivePhases>()(z.object({ debateId: id })),
  'live.setPhases': method<LivePhases>()(asTeacher.extend({ debateId: id, phases: phasesSchema })),

  'board.get': method<Board>()(boardRef),
  'cards.place': method<BoardArrangement>()(
    boardRef.extend({
      cardId: id,
      /** null takes the card off the board, back to the pool. */
      side: z.enum(['A', 'B']).nullable(),
      index: z.number().int().min(0).max(100_000),
      layoutVersion: version.optional(),
    }),
  ),
  /** The student's argument for one placed card; only the fields given change. */
  'placements.update': method<VersionedPlacement>()(
    boardRef.extend({ cardId: id, version: version.optional() }).extend(placementFields.partial().shape),
  ),
  'positions.update': method<VersionedPosition>()(
    boardRef
      .extend({ thesisVersion: version.optional(), conclusionVersion: version.optional() })
      .extend(positionFields.partial().shape),
  ),
  /** Puts a whole board back as it was (undo/redo): cards not listed go back to the pool, reasoning kept. */
  'board.restore': method<BoardArrangement>()(
    boardRef.extend({
      placements: z
        .array(
          placementFields.extend({
            cardId: id,
            side: z.enum(['A', 'B']),
            position: z.number().int().min(0).max(100_000),
          }),
        )
        .max(5_000),
      position: positionFields,
      versions: boardVersions.optional(),
    }),
  ),
  /**
   * How the class placed each pool card, and (for the teacher) who handed in. Without a valid teacher token, a debate
   * whose results are hidden and not yet revealed answers FORBIDDEN.
   */
  'results.get': method<ClassResults>()(z.object({ debateId: id, teacherToken: z.string().max(200).optional() })),
  /** Shows a hidden debate's class results to the students (now); results.hide takes the reveal back. */
  'results.reveal': method<DebateSummary>()(asTeacher.extend({ debateId: id })),
  'results.hide': method<DebateSummary>()(asTeacher.extend({ debateId: id })),
  /** Whether this student has handed their board in. */
  'positions.handIn': method<HandIn>()(boardRef),
  /** Hands the board in (again: the time becomes now); refused LOCKED on a locked or archived debate. */
  'positions.submit': method<HandIn>()(boardRef),
  /** Takes the hand-in back; refused LOCKED on a locked or archived debate. */
  'positions.unsubmit': method<HandIn>()(boardRef),

  /** One student's argument sheet as the HTML body the preview shows (sanitized, no script). */
  'sheets.preview': method<{ html: string }>()(boardRef.extend({ options: sheetOptions })),
  'sheets.export': method<SheetFile>()(boardRef.extend({ format: z.enum(SHEET_FORMATS), options: sheetOptions })),
  /** Every student with how far they got on this debate: what a batch export goes through. */
  'sheets.students': method<SheetStudent[]>()(asTeacher.extend({ debateId: id })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
