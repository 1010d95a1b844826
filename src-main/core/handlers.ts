// The handler behind every contract method. Input arrives validated; mutations run in one transaction.
import type { AppNotice } from '../shared/backups';
import type { MethodName, MethodOutput, ParsedInput } from '../shared/contract';
import type { BoardVersions } from '../shared/domain';
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
import type { BackupService } from './backups';
import { getBoard, getBoardVersions, placeCard, restoreBoard, updatePlacement, updatePosition } from './board';
import { teacherCardsOf } from './cards';
import type { Db } from './db/open';
import { schemaVersion } from './db/migrate';
import {
  createDebate,
  duplicateDebate,
  getDebateSummary,
  getDebateSetup,
  listDebates,
  setDebateStatus,
  updateDebate,
} from './debates';
import {
  createExcerpt,
  deleteExcerpt,
  listExcerpts,
  reanchorArticleExcerpts,
  reattachExcerpt,
  updateExcerpt,
} from './excerpts';
import { draftFromFile, draftFromText } from './import';
import { getPhases, setPhases } from './live';
import { decodeSharedFile } from './packs/decode';
import { exportDebatePack, importDebatePack } from './packs/debate-pack';
import { exportWork, importWork } from './packs/work-file';
import { addStudent, findPersonRow, listPeople, personUsage, removeStudent, renamePerson } from './people';
import { classResults, getHandIn, setHandIn, setResultsRevealed } from './results';
import { search } from './search';
import { exportSheet, previewSheet, sheetStudents, type SheetServices } from './sheet/export';
import type { TeacherGate } from './teacher';

export interface Context {
  db: Db;
  dataFile: string;
  version: string;
  teacher: TeacherGate;
  /** Where the argument sheets find their stylesheet and citation styles, and who prints their PDFs. */
  sheets: SheetServices;
  /** Backups of the data file: made, listed and restored outside any transaction (the backup API is async). */
  backups: BackupService;
  /** The start notices (recovery, disk problems). */
  notices(): AppNotice[];
  /** Forgets a notice (and its kept copy) and tells the windows. */
  dismissNotice(id: string): void;
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

/** Teacher-only: the token is checked before anything runs, then the handler runs in one transaction. */
const teacherOnly =
  <I extends { teacherToken: string }, O>(handler: (ctx: Context, input: I) => O) =>
  (ctx: Context, input: I): O => {
    ctx.teacher.check(input.teacherToken);
    return inTransaction(handler)(ctx, input);
  };

/** Excerpt calls name who acts: anyone may act as a student (no passwords), acting as the teacher needs the token. */
const asPerson =
  <I extends { personId: string; teacherToken?: string | undefined }, O>(handler: (ctx: Context, input: I) => O) =>
  (ctx: Context, input: I): O => {
    if (findPersonRow(ctx.db, input.personId).role === 'teacher') ctx.teacher.check(input.teacherToken);
    return inTransaction(handler)(ctx, input);
  };

export const handlers: Handlers = {
  'app.info': (ctx) => ({
    version: ctx.version,
    schemaVersion: schemaVersion(ctx.db),
    dataFile: ctx.dataFile,
    backupsDir: ctx.backups.dir,
  }),

  'app.notices': (ctx) => ctx.notices(),
  'app.dismissNotice': (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    ctx.dismissNotice(input.id);
    return { dismissed: true as const };
  },
  'backups.list': (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    return ctx.backups.list();
  },
  'backups.create': (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    return ctx.backups.create('manual');
  },
  'backups.restore': async (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    const pinBefore = ctx.teacher.storedPin(ctx.db);
    const result = await ctx.backups.restore(input.name);
    // The restored data's PIN guards it from now on: if it is another one, every teacher session ends, this one too.
    const teacherLocked = ctx.teacher.storedPin(ctx.db) !== pinBefore;
    if (teacherLocked) ctx.teacher.lockAll();
    ctx.emit({ type: 'data.restored' });
    return { ...result, teacherLocked };
  },

  'teacher.status': (ctx) => ctx.teacher.status(ctx.db),
  'teacher.setPin': inTransaction((ctx, input) => ctx.teacher.setPin(ctx.db, input.pin)),
  'teacher.unlock': (ctx, input) => ctx.teacher.unlock(ctx.db, input.pin),
  'teacher.changePin': teacherOnly((ctx, input) => {
    ctx.teacher.changePin(ctx.db, input.teacherToken, input.currentPin, input.newPin);
    return { changed: true as const };
  }),
  'teacher.lock': (ctx, input) => {
    ctx.teacher.lock(input.teacherToken);
    return { locked: true as const };
  },

  'people.list': (ctx) => listPeople(ctx.db),
  'people.add': teacherOnly((ctx, input) => {
    const person = addStudent(ctx.db, input.name);
    ctx.emit({ type: 'people.changed' });
    return person;
  }),
  'people.rename': teacherOnly((ctx, input) => {
    const person = renamePerson(ctx.db, input.personId, input.name);
    ctx.emit({ type: 'people.changed' });
    return person;
  }),
  'people.usage': (ctx, input) => personUsage(ctx.db, input.personId),
  'people.remove': teacherOnly((ctx, input) => {
    removeStudent(ctx.db, input.personId);
    ctx.emit({ type: 'people.changed' });
    return { deleted: true as const };
  }),

  'articles.list': (ctx) => listArticles(ctx.db),
  'articles.get': (ctx, input) => getArticle(ctx.db, input.articleId),
  'articles.create': teacherOnly((ctx, input) => {
    const article = insertArticle(ctx.db, input);
    ctx.emit({ type: 'library.changed' });
    return article;
  }),
  'articles.update': teacherOnly((ctx, input) => {
    const { id } = updateArticleRow(ctx.db, input.articleId, input);
    const reanchor = reanchorArticleExcerpts(ctx.db, id, getArticle(ctx.db, input.articleId).bodyText);
    ctx.emit({ type: 'article.changed', articleId: input.articleId });
    return { article: getArticleSummary(ctx.db, input.articleId), reanchor };
  }),
  'articles.usage': (ctx, input) => articleUsage(ctx.db, input.articleId),
  'articles.delete': teacherOnly((ctx, input) => {
    deleteArticle(ctx.db, input.articleId);
    ctx.emit({ type: 'library.changed' });
    return { deleted: true as const };
  }),
  'articles.draftFromFile': (_ctx, input) => draftFromFile(input.fileName, Buffer.from(input.dataBase64, 'base64')),
  'articles.draftFromText': (_ctx, input) => draftFromText(input.text),

  'excerpts.list': (ctx, input) => listExcerpts(ctx.db, input.articleId, input.personId),
  'excerpts.create': asPerson((ctx, input) => {
    const excerpt = createExcerpt(ctx.db, input);
    ctx.emit({ type: 'article.changed', articleId: input.articleId });
    return excerpt;
  }),
  'excerpts.update': asPerson((ctx, input) => {
    const excerpt = updateExcerpt(ctx.db, input);
    ctx.emit({ type: 'article.changed', articleId: excerpt.articleId });
    return excerpt;
  }),
  'excerpts.delete': asPerson((ctx, input) => {
    deleteExcerpt(ctx.db, input.excerptId, input.personId);
    return { deleted: true as const };
  }),
  'excerpts.reattach': asPerson((ctx, input) => {
    const excerpt = reattachExcerpt(ctx.db, input);
    ctx.emit({ type: 'article.changed', articleId: excerpt.articleId });
    return excerpt;
  }),

  'search.query': (ctx, input) => search(ctx.db, input.text, input.personId),

  'debates.list': (ctx, input) => listDebates(ctx.db, input.includeArchived),
  'debates.get': (ctx, input) => getDebateSetup(ctx.db, input.debateId),
  'debates.create': teacherOnly((ctx, input) => {
    const debate = createDebate(ctx.db, input);
    ctx.emit({ type: 'debates.changed', debateId: debate.id });
    return debate;
  }),
  'debates.update': teacherOnly((ctx, input) => {
    const debate = updateDebate(ctx.db, input.debateId, input);
    ctx.emit({ type: 'debates.changed', debateId: debate.id });
    return debate;
  }),
  'debates.duplicate': teacherOnly((ctx, input) => {
    const debate = duplicateDebate(ctx.db, input.debateId);
    ctx.emit({ type: 'debates.changed', debateId: debate.id });
    return debate;
  }),
  'debates.setStatus': teacherOnly((ctx, input) => {
    const debate = setDebateStatus(ctx.db, input.debateId, input.status);
    ctx.emit({ type: 'debates.changed', debateId: debate.id });
    return debate;
  }),
  'packs.exportDebate': (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    return exportDebatePack(ctx.db, input.debateId, ctx.version);
  },
  'packs.importDebate': (ctx, input) => {
    // On a shared classroom computer (a PIN is set) students cannot overwrite the teacher's debate.
    if (ctx.teacher.status(ctx.db).pinSet) ctx.teacher.check(input.teacherToken);
    const bytes = decodeSharedFile(input.fileName, input.dataBase64);
    const result = inTransaction((c: Context) => importDebatePack(c.db, input.fileName, bytes))(ctx, input);
    if (result.outcome === 'created' || result.outcome === 'updated') {
      ctx.emit({ type: 'debates.changed', debateId: result.debate.id });
      ctx.emit({ type: 'library.changed' });
    }
    if (result.studentsAdded > 0) ctx.emit({ type: 'people.changed' });
    return result;
  },
  'work.export': (ctx, input) => exportWork(ctx.db, input.debateId, input.studentId, ctx.version),
  'work.import': (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    const bytes = decodeSharedFile(input.fileName, input.dataBase64);
    const result = inTransaction((c: Context) => importWork(c.db, input.fileName, bytes))(ctx, input);
    if (result.outcome === 'imported' || result.outcome === 'replaced') {
      boardChanged(ctx, { debateId: result.debate.id, studentId: result.student.id });
    }
    if (result.addedToRoster) ctx.emit({ type: 'people.changed' });
    return result;
  },
  'cards.forArticles': (ctx, input) => teacherCardsOf(ctx.db, input.articleIds),
  'live.getPhases': (ctx, input) => getPhases(ctx.db, input.debateId),
  'live.setPhases': teacherOnly((ctx, input) => {
    const phases = setPhases(ctx.db, input.debateId, input.phases);
    ctx.emit({ type: 'debates.changed', debateId: input.debateId });
    return phases;
  }),

  'board.get': (ctx, input) => getBoard(ctx.db, input.debateId, input.studentId),
  'cards.place': inTransaction((ctx, input) => {
    const arrangement = placeCard(ctx.db, input);
    boardChanged(ctx, input, arrangement.versions);
    return arrangement;
  }),
  'placements.update': inTransaction((ctx, input) => {
    const placement = updatePlacement(ctx.db, input);
    boardChanged(ctx, input);
    return placement;
  }),
  'positions.update': inTransaction((ctx, input) => {
    const position = updatePosition(ctx.db, input);
    boardChanged(ctx, input);
    return position;
  }),
  'board.restore': inTransaction((ctx, input) => {
    const arrangement = restoreBoard(ctx.db, input);
    boardChanged(ctx, input, arrangement.versions);
    return arrangement;
  }),
  'results.get': (ctx, input) => classResults(ctx.db, input.debateId, isTeacher(ctx, input.teacherToken)),
  'results.reveal': teacherOnly((ctx, input) => {
    setResultsRevealed(ctx.db, input.debateId, true);
    ctx.emit({ type: 'results.changed', debateId: input.debateId });
    ctx.emit({ type: 'debates.changed', debateId: input.debateId });
    return getDebateSummary(ctx.db, input.debateId);
  }),
  'results.hide': teacherOnly((ctx, input) => {
    setResultsRevealed(ctx.db, input.debateId, false);
    ctx.emit({ type: 'results.changed', debateId: input.debateId });
    ctx.emit({ type: 'debates.changed', debateId: input.debateId });
    return getDebateSummary(ctx.db, input.debateId);
  }),
  'positions.handIn': (ctx, input) => getHandIn(ctx.db, input),
  'positions.submit': inTransaction((ctx, input) => {
    const handIn = setHandIn(ctx.db, input, true);
    ctx.emit({ type: 'results.changed', debateId: input.debateId, studentId: input.studentId });
    return handIn;
  }),
  'positions.unsubmit': inTransaction((ctx, input) => {
    const handIn = setHandIn(ctx.db, input, false);
    ctx.emit({ type: 'results.changed', debateId: input.debateId, studentId: input.studentId });
    return handIn;
  }),

  'sheets.preview': (ctx, input) =>
    previewSheet(getBoard(ctx.db, input.debateId, input.studentId), input.options, ctx.sheets),
  'sheets.export': (ctx, input) =>
    exportSheet(getBoard(ctx.db, input.debateId, input.studentId), input.format, input.options, ctx.sheets),
  'sheets.students': (ctx, input) => {
    ctx.teacher.check(input.teacherToken);
    return sheetStudents(ctx.db, input.debateId);
  },
};

/** A token that is not (or no longer) valid just means "not the teacher" here, not an error. */
function isTeacher(ctx: Context, token: string | undefined): boolean {
  if (!token) return false;
  try {
    ctx.teacher.check(token);
    return true;
  } catch {
    return false;
  }
}

/** The push carries the board's versions after the write, read inside its transaction, sent after the commit. */
function boardChanged(
  ctx: Context,
  board: { debateId: string; studentId: string },
  versions: BoardVersions = getBoardVersions(ctx.db, board),
): void {
  ctx.emit({ type: 'board.changed', debateId: board.debateId, studentId: board.studentId, versions });
}
