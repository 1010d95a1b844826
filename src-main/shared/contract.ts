// The method table: every call the UI can make, declared once for both hosts ('noun.verb' → zod input → result).
import { z } from 'zod';
import type { AppInfo, Article, ArticleSummary, Board, DebateSummary, Person } from './domain';

/** Article bodies longer than this are refused (a long news article is ~60,000 characters). */
export const MAX_ARTICLE_MARKDOWN_CHARS = 2_000_000;

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

export const contract = {
  'app.info': method<AppInfo>()(noInput),
  'people.list': method<Person[]>()(noInput),

  'articles.list': method<ArticleSummary[]>()(noInput),
  'articles.get': method<Article>()(z.object({ articleId: id })),
  'articles.create': method<ArticleSummary>()(
    z.object({
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
        .max(MAX_ARTICLE_MARKDOWN_CHARS, {
          error: 'the article is longer than 2 million characters',
        })
        .refine((text) => text.trim().length > 0, {
          error: 'the article has no text',
        }),
    }),
  ),

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
