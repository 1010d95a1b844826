// The torture test's checker can fail: a lost acknowledged write, half an import, an acknowledged import gone, and
// an import that never landed appearing later are each reported (a real host and file, tampered with by hand).
import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, type DebateDeskApp } from '../../src-main/core/app';
import { startHost, type RunningHost } from '../../src-main/host/server';
import type { DebateSummary, Person } from '../../src-main/shared/domain';
import { cleanUp, closeLater, makeTempDir, openApp, openRaw, teacherToken } from '../unit/helpers';
import { callOk } from './api-client';
import { applyWrite } from './board-model';
import { makeArticleImport, makePackImport } from './import-files';
import { createJournal, importAcknowledged, sendingImport, type Journal } from './journal';
import { createRandom } from './random';
import { checkFileIsSound, verifyAfterRestart } from './verify';

let app: DebateDeskApp;
let host: RunningHost;
let journal: Journal;
let token: string;

beforeEach(async () => {
  app = openApp();
  host = await startHost({ app, rendererDir: app.dataFile, port: 0 });
  token = await teacherToken(app);
  const debate = (await callOk<DebateSummary[]>(host, 'debates.list', {}))[0] as DebateSummary;
  const student = (await callOk<Person[]>(host, 'people.list')).find((p) => p.role === 'student') as Person;
  journal = createJournal([{ debateId: debate.id, studentId: student.id }]);
});

afterEach(async () => {
  await host.close();
  cleanUp();
});

const board = () => journal.boards[0]!;

async function importPack(inFlightOnly: boolean) {
  const pack = makePackImport(createRandom(7), 'verify');
  sendingImport(journal, pack);
  const value = await callOk(host, 'packs.importDebate', {
    teacherToken: token,
    fileName: pack.fileName,
    dataBase64: pack.dataBase64,
  });
  if (!inFlightOnly) importAcknowledged(journal, value);
  return pack;
}

describe('the torture checker', () => {
  it('reports a damaged data file', () => {
    openRaw(app.dataFile).pragma('wal_checkpoint(TRUNCATE)');
    const copy = join(makeTempDir(), 'damaged.sqlite');
    copyFileSync(app.dataFile, copy);
    // An index that no longer matches its table: what a torn write would leave, and what integrity_check lists.
    const tamper = new Database(copy);
    tamper.unsafeMode(true);
    tamper.pragma('writable_schema = ON');
    tamper
      .prepare(
        "UPDATE sqlite_schema SET sql = replace(sql, '(article_id)', '(owner_id)') WHERE name = 'excerpts_article'",
      )
      .run();
    tamper.close();
    const db = new Database(copy, { readonly: true });
    closeLater(() => db.close());
    expect(() => checkFileIsSound(db)).toThrow(/integrity_check: .*excerpts_article/);
  });

  it('passes a board as acknowledged, and a write in flight whether it landed or not', async () => {
    const write = { method: 'positions.update' as const, thesisMarkdown: 'Landed' };
    board().inFlight = { write, model: applyWrite(board().acknowledged, write) };
    await expect(verifyAfterRestart(host, app.dataFile, journal)).resolves.toMatchObject({ boardWritesAbsent: 1 });
    await callOk(host, 'positions.update', { ...board().ref, thesisMarkdown: 'Landed' });
    board().inFlight = { write, model: applyWrite(board().acknowledged, write) };
    await expect(verifyAfterRestart(host, app.dataFile, journal)).resolves.toMatchObject({ boardWritesLanded: 1 });
  });

  it('reports an acknowledged board write that is not there', async () => {
    board().acknowledged = applyWrite(board().acknowledged, { method: 'positions.update', thesisMarkdown: 'Said ok' });
    await expect(verifyAfterRestart(host, app.dataFile, journal)).rejects.toThrow(/lost an acknowledged write/);
  });

  it('reports half an import', async () => {
    const pack = await importPack(true);
    const raw = openRaw(app.dataFile);
    raw.prepare('DELETE FROM debate_pool WHERE debate_id = (SELECT id FROM debates WHERE uuid = ?)').run(pack.debateId);
    await expect(verifyAfterRestart(host, app.dataFile, journal)).rejects.toThrow(/half an import/);
  });

  it('takes an import in flight that is there in full as landed, and checks it through the API', async () => {
    await importPack(true);
    await expect(verifyAfterRestart(host, app.dataFile, journal)).resolves.toMatchObject({
      importInFlight: { kind: 'pack', landed: true },
    });
    expect(journal.imports.acknowledged[0]?.checkedInFull).toBe(true);
  });

  it('reports an acknowledged import that is gone', async () => {
    const article = makeArticleImport(createRandom(8), 'gone');
    sendingImport(journal, article);
    importAcknowledged(
      journal,
      await callOk(host, 'articles.create', {
        teacherToken: token,
        title: article.title,
        bodyMarkdown: article.bodyMarkdown,
      }),
    );
    await callOk(host, 'articles.delete', {
      teacherToken: token,
      articleId: (journal.imports.acknowledged[0] as { articleId: string }).articleId,
    });
    await expect(verifyAfterRestart(host, app.dataFile, journal)).rejects.toThrow(/not all there/);
  });

  it('reports an import that never landed appearing later', async () => {
    const article = makeArticleImport(createRandom(9), 'late');
    sendingImport(journal, article);
    await expect(verifyAfterRestart(host, app.dataFile, journal)).resolves.toMatchObject({
      importInFlight: { kind: 'article', landed: false },
    });
    await callOk(host, 'articles.create', {
      teacherToken: token,
      title: article.title,
      bodyMarkdown: article.bodyMarkdown,
      tags: article.tags,
    });
    await expect(verifyAfterRestart(host, app.dataFile, journal)).rejects.toThrow(/appeared later/);
  });

  it('reports a restart that recovered the data file from a backup (an older state)', async () => {
    const damagedDir = makeTempDir();
    writeFileSync(join(damagedDir, DATA_FILE_NAME), 'not a database at all');
    const recovered = openApp(damagedDir);
    const recoveredHost = await startHost({ app: recovered, rendererDir: recovered.dataFile, port: 0 });
    try {
      await expect(verifyAfterRestart(recoveredHost, recovered.dataFile, journal)).rejects.toThrow(
        /the restart reported/,
      );
    } finally {
      await recoveredHost.close();
    }
  });
});
