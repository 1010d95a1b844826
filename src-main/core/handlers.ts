// The handler behind every contract method. Input arrives validated; mutations run in one transaction.
import type { MethodName, MethodOutput, ParsedInput } from '../shared/contract';
import type { AppEvent } from '../shared/events';
import {
  articleUsage,
  deleteArticle,
  getArticle,
  getArticleSummary,
  insertArticle,
  listArticles,
  updateArticleRow,
} from './articles';
import { getBoard, placeCard } from './board';
import type { Db } from './db/open';
import { schemaVersion } from './db/migrate';
import { listDebates } from './debates';
import {
  createExcerpt,
  deleteExcerpt,
  listExcerpts,
  reanchorArticleExcerpts,
  reattachExcerpt,
  updateExcerpt,
} from './excerpts';
import { draftFromFile, draftFromText } from './import';
import { listPeople } from './people';
import { search } from './search';

export interface Context {
  db: Db;
  dataFile: string;
  version: string;
  emit(event: AppEvent): void;
}

type Handlers = {
  [M in MethodName]: (ctx: Context, input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** Every mutating handler runs in one SQLite transaction: on failure nothing is half-written. */
const inTransaction =
  <I, O>(handler: (ctx: Context, input: I) => O) =>
  (ctx: Context, input: I): O =>
    ctx.db.transaction(() => handler(ctx, input)).immediate();

export const handlers: Handlers = {
  'app.info': (ctx) => ({ version: ctx.version, schemaVersion: schemaVersion(ctx.db), dataFile: ctx.dataFile }),
  'people.list': (ctx) => listPeople(ctx.db),

  'articles.list': (ctx) => listArticles(ctx.db),
  'articles.get': (ctx, input) => getArticle(ctx.db, input.articleId),
  'articles.create': inTransaction((ctx, input) => {
    const article = insertArticle(ctx.db, input);
    ctx.emit({ type: 'library.changed' });
    return article;
  }),
  'articles.update': inTransaction((ctx, input) => {
    const { id } = updateArticleRow(ctx.db, input.articleId, input);
    const reanchor = reanchorArticleExcerpts(ctx.db, id, getArticle(ctx.db, input.articleId).bodyText);
    ctx.emit({ type: 'article.changed', articleId: input.articleId });
    return { article: getArticleSummary(ctx.db, input.articleId), reanchor };
  }),
  'articles.usage': (ctx, input) => articleUsage(ctx.db, input.articleId),
  'articles.delete': inTransaction((ctx, input) => {
    deleteArticle(ctx.db, input.articleId);
    ctx.emit({ type: 'library.changed' });
    return { deleted: true as const };
  }),
  'articles.draftFromFile': (_ctx, input) => draftFromFile(input.fileName, Buffer.from(input.dataBase64, 'base64')),
  'articles.draftFromText': (_ctx, input) => draftFromText(input.text),

  'excerpts.list': (ctx, input) => listExcerpts(ctx.db, input.articleId, input.personId),
  'excerpts.create': inTransaction((ctx, input) => {
    const excerpt = createExcerpt(ctx.db, input);
    ctx.emit({ type: 'article.changed', articleId: input.articleId });
    return excerpt;
  }),
  'excerpts.update': inTransaction((ctx, input) => {
    const excerpt = updateExcerpt(ctx.db, input);
    ctx.emit({ type: 'article.changed', articleId: excerpt.articleId });
    return excerpt;
  }),
  'excerpts.delete': inTransaction((ctx, input) => {
    deleteExcerpt(ctx.db, input.excerptId, input.personId);
    return { deleted: true as const };
  }),
  'excerpts.reattach': inTransaction((ctx, input) => {
    const excerpt = reattachExcerpt(ctx.db, input);
    ctx.emit({ type: 'article.changed', articleId: excerpt.articleId });
    return excerpt;
  }),

  'search.query': (ctx, input) => search(ctx.db, input.text, input.personId),

  'debates.list': (ctx) => listDebates(ctx.db),
  'board.get': (ctx, input) => getBoard(ctx.db, input.debateId, input.studentId),
  'cards.place': inTransaction((ctx, input) => {
    const board = placeCard(ctx.db, input);
    ctx.emit({ type: 'board.changed', debateId: input.debateId, studentId: input.studentId });
    return board;
  }),
};
