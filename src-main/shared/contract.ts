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
  type DebateSummary,
  type Excerpt,
  type ImportDraft,
  type Person,
  type ReanchorReport,
  type SearchHit,
} from './domain';

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
const personRef = z.object({ personId: id });

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
  'people.list': method<Person[]>()(noInput),

  'articles.list': method<ArticleSummary[]>()(noInput),
  'articles.get': method<Article>()(z.object({ articleId: id })),
  'articles.create': method<ArticleSummary>()(articleFields),
  'articles.update': method<{ article: ArticleSummary; reanchor: ReanchorReport }>()(
    articleFields.extend({ articleId: id }),
  ),
  'articles.usage': method<ArticleUsage>()(z.object({ articleId: id })),
  'articles.delete': method<{ deleted: true }>()(z.object({ articleId: id })),
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

  'debates.list': method<DebateSummary[]>()(noInput),
  'board.get': method<Board>()(boardRef),
  'cards.place': method<Board>()(
    boardRef.extend({
      cardId: id,
      /** null takes the card off the board, back to the pool. */
      side: z.enum(['A', 'B']).nullable(),
      index: z.number().int().min(0).max(100_000),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
