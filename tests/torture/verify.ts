// After a restart: the data file is sound (integrity_check, foreign_key_check), every acknowledged write is there,
// and an import whose answer never came is there in full or not at all. Updates the journal to what the host shows.
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import type { ArticleSummary, Board, DebateSetup, EvidenceCard, Person } from '../../src-main/shared/domain';
import { callOk, type HostAddress } from './api-client';
import { visibleBoard, visibleFromHost } from './board-model';
import type { AcknowledgedImport, ImportFile, Journal } from './journal';

type Rows = Record<string, number>;

/** What a kill caught in flight, and whether it turned out to have landed. */
export interface VerifyReport {
  importInFlight: { kind: ImportFile['kind']; landed: boolean } | null;
  boardWritesLanded: number;
  boardWritesAbsent: number;
}

export function checkFileIsSound(db: Database.Database): void {
  // Since SQLite 3.44 this also checks the FTS5 search indexes against their tables.
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
    throw new Error(`PRAGMA integrity_check: ${integrity.map((row) => row.integrity_check).join('; ')}`);
  }
  const orphans = db.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0) throw new Error(`PRAGMA foreign_key_check: ${JSON.stringify(orphans.slice(0, 5))}`);
}

/** The rows an import adds, table by table, as this file has them now. */
export function rowsOf(db: Database.Database, file: ImportFile): Rows {
  const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
  if (file.kind === 'article') {
    return {
      articles: count('SELECT count(*) AS n FROM articles WHERE title = ?', file.title),
      article_tags: count(
        'SELECT count(*) AS n FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE a.title = ?',
        file.title,
      ),
    };
  }
  const ids = (list: string[]) => JSON.stringify(list);
  const inList = 'IN (SELECT value FROM json_each(?))';
  return {
    debates: count('SELECT count(*) AS n FROM debates WHERE uuid = ?', file.debateId),
    articles: count(`SELECT count(*) AS n FROM articles WHERE uuid ${inList}`, ids(file.articleIds)),
    article_tags: count(
      `SELECT count(*) AS n FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE a.uuid ${inList}`,
      ids(file.articleIds),
    ),
    excerpts: count(`SELECT count(*) AS n FROM excerpts WHERE uuid ${inList}`, ids(file.cardIds)),
    people: count(`SELECT count(*) AS n FROM people WHERE uuid ${inList}`, ids(file.studentIds)),
    debate_articles: count(
      'SELECT count(*) AS n FROM debate_articles x JOIN debates d ON d.id = x.debate_id WHERE d.uuid = ?',
      file.debateId,
    ),
    debate_pool: count(
      'SELECT count(*) AS n FROM debate_pool x JOIN debates d ON d.id = x.debate_id WHERE d.uuid = ?',
      file.debateId,
    ),
  };
}

/** The rows a complete import adds (each pack article carries one tag, each imported article two). */
export function fullRowsOf(file: ImportFile): Rows {
  if (file.kind === 'article') return { articles: 1, article_tags: file.tags.length };
  return {
    debates: 1,
    articles: file.articleIds.length,
    article_tags: file.articleIds.length,
    excerpts: file.cardIds.length,
    people: file.studentIds.length,
    debate_articles: file.articleIds.length,
    debate_pool: file.cardIds.length,
  };
}

const nameOf = (file: ImportFile) => (file.kind === 'article' ? file.title : file.fileName);
const isEmpty = (rows: Rows) => Object.values(rows).every((n) => n === 0);

/** Through the API, as the teacher would see it: the article with its text, the pack's debate with its pool. */
async function checkInFull(host: HostAddress, entry: AcknowledgedImport): Promise<void> {
  if (entry.file.kind === 'article') {
    const { articleId, wordCount } = entry as Extract<AcknowledgedImport, { articleId: string }>;
    const article = await callOk<ArticleSummary & { bodyMarkdown: string }>(host, 'articles.get', { articleId });
    if (article.title !== entry.file.title || article.bodyMarkdown !== entry.file.bodyMarkdown) {
      throw new Error(`the article “${entry.file.title}” came back with another title or text`);
    }
    if (article.wordCount !== wordCount || wordCount === 0) {
      throw new Error(`the article “${entry.file.title}” has ${article.wordCount} words, acknowledged ${wordCount}`);
    }
    return;
  }
  const pack = entry.file;
  const debate = await callOk<DebateSetup>(host, 'debates.get', { debateId: pack.debateId });
  if (!isDeepStrictEqual(debate.articleIds, pack.articleIds)) throw new Error(`${pack.fileName}: articles differ`);
  if (
    !isDeepStrictEqual(
      debate.pool.map((card) => card.id),
      pack.cardIds,
    )
  ) {
    throw new Error(`${pack.fileName}: the pool differs`);
  }
  const cards = await callOk<EvidenceCard[]>(host, 'cards.forArticles', { articleIds: pack.articleIds });
  const cardIds = new Set(cards.map((card) => card.id));
  if (!pack.cardIds.every((id) => cardIds.has(id))) throw new Error(`${pack.fileName}: cards are missing`);
  const library = new Map((await callOk<ArticleSummary[]>(host, 'articles.list')).map((a) => [a.id, a]));
  if (!pack.articleIds.every((id) => (library.get(id)?.wordCount ?? 0) > 0)) {
    throw new Error(`${pack.fileName}: an article is missing from the library or has no words`);
  }
  const people = new Set((await callOk<Person[]>(host, 'people.list')).map((person) => person.id));
  if (!pack.studentIds.every((id) => people.has(id))) throw new Error(`${pack.fileName}: students are missing`);
}

async function verifyBoards(host: HostAddress, journal: Journal, report: VerifyReport): Promise<void> {
  for (const board of journal.boards) {
    const shown = visibleFromHost(await callOk<Board>(host, 'board.get', board.ref));
    if (isDeepStrictEqual(shown, visibleBoard(board.acknowledged))) {
      if (board.inFlight) report.boardWritesAbsent += 1;
    } else if (board.inFlight && isDeepStrictEqual(shown, visibleBoard(board.inFlight.model))) {
      board.acknowledged = board.inFlight.model;
      report.boardWritesLanded += 1;
    } else {
      const lost = board.inFlight ? ` (the write in flight was ${JSON.stringify(board.inFlight.write)})` : '';
      throw new Error(
        `the board of student ${board.ref.studentId} lost an acknowledged write${lost}:\n` +
          `expected ${JSON.stringify(visibleBoard(board.acknowledged)).slice(0, 2_000)}\n` +
          `shown    ${JSON.stringify(shown).slice(0, 2_000)}`,
      );
    }
    board.inFlight = null;
  }
}

async function verifyImports(
  host: HostAddress,
  db: Database.Database,
  journal: Journal,
  report: VerifyReport,
): Promise<void> {
  const imports = journal.imports;
  const caught = imports.inFlight;
  if (caught) {
    const rows = rowsOf(db, caught);
    const landed = isDeepStrictEqual(rows, fullRowsOf(caught));
    if (!landed && !isEmpty(rows)) {
      throw new Error(
        `half an import: ${nameOf(caught)} left ${JSON.stringify(rows)} of ${JSON.stringify(fullRowsOf(caught))}`,
      );
    }
    report.importInFlight = { kind: caught.kind, landed };
    if (!landed) imports.absent.push(caught);
    else if (caught.kind === 'pack') imports.acknowledged.push({ file: caught, checkedInFull: false });
    else {
      const row = db.prepare('SELECT uuid, word_count FROM articles WHERE title = ?').get(caught.title) as {
        uuid: string;
        word_count: number;
      };
      imports.acknowledged.push({ file: caught, articleId: row.uuid, wordCount: row.word_count, checkedInFull: false });
    }
    imports.inFlight = null;
  }
  for (const entry of imports.acknowledged) {
    const rows = rowsOf(db, entry.file);
    if (!isDeepStrictEqual(rows, fullRowsOf(entry.file))) {
      throw new Error(`an acknowledged import is not all there: ${nameOf(entry.file)} has ${JSON.stringify(rows)}`);
    }
    if (!entry.checkedInFull) {
      await checkInFull(host, entry);
      entry.checkedInFull = true;
    }
  }
  for (const file of imports.absent) {
    const rows = rowsOf(db, file);
    if (!isEmpty(rows)) throw new Error(`an import that never landed appeared later: ${nameOf(file)}`);
  }
}

/**
 * A kill must never make the app think its data file is damaged: a recovery from a backup at start would
 * bring back an older state, so any start notice fails the round, in the notice's own words.
 */
async function checkNoRecovery(host: HostAddress): Promise<void> {
  const notices = await callOk<Array<{ title: string; message: string }>>(host, 'app.notices');
  if (notices.length > 0) {
    throw new Error(
      `the restart reported: ${notices.map((notice) => `${notice.title}: ${notice.message}`).join(' | ')}`,
    );
  }
}

/** Checks the restarted host and its data file against the journal (throws, in words, on the first problem). */
export async function verifyAfterRestart(host: HostAddress, dataFile: string, journal: Journal): Promise<VerifyReport> {
  const report: VerifyReport = { importInFlight: null, boardWritesLanded: 0, boardWritesAbsent: 0 };
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    checkFileIsSound(db);
    await checkNoRecovery(host);
    await verifyBoards(host, journal, report);
    await verifyImports(host, db, journal, report);
  } finally {
    db.close();
  }
  journal.counts.lostLanded += report.boardWritesLanded + (report.importInFlight?.landed ? 1 : 0);
  journal.counts.lostAbsent +=
    report.boardWritesAbsent + (report.importInFlight && !report.importInFlight.landed ? 1 : 0);
  return report;
}
