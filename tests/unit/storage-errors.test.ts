// A full disk and a read-only data folder give a clear message and lose nothing. Where the tests run as root with
// mount rights (the CI container), a real tmpfs is filled up or remounted read-only; elsewhere those tests report
// themselves skipped and only the portable ones run (SQLITE_FULL from max_page_count, a read-only connection).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/core/app';
import { storageError } from '../../src-main/core/db/storage-errors';
import type { AppNotice } from '../../src-main/shared/backups';
import { addStudent, backUpNow, dataFileOf, startApp, studentNames } from './backups-fixture';
import { callOk, cleanUp, makeTempDir, projectRoot, teacherToken } from './helpers';

const mounts: string[] = [];

afterEach(() => {
  cleanUp();
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A small real filesystem of its own, or null where this user may not mount one. */
function mountTmpfs(size = '4m'): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'debate-desk-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  mounts.push(dir);
  return dir;
}

const canMount = (() => {
  const dir = mountTmpfs('64k');
  if (!dir) return false;
  execFileSync('umount', [dir]);
  mounts.splice(mounts.indexOf(dir), 1);
  rmSync(dir, { recursive: true, force: true });
  return true;
})();

/** Fills the rest of a filesystem with one file (dd stops with "No space left on device"). */
function fillUp(dir: string): string {
  const filler = join(dir, 'filler');
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=16k'], { stdio: 'ignore' });
  } catch {
    // dd fails when the disk is full: that is the point
  }
  return filler;
}

const FULL_MESSAGE =
  'The disk is full: Debate Desk could not save this change. Nothing was changed; free some space on the disk and try again.';

describe('a full disk', () => {
  it('SQLITE_FULL in a transaction: rolled back whole, and the error reads in plain words', () => {
    const db = new Database(join(makeTempDir(), 'full.sqlite'));
    db.exec('CREATE TABLE notes (text TEXT NOT NULL) STRICT');
    db.prepare('INSERT INTO notes VALUES (?)').run('kept');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let thrown: unknown;
    try {
      db.transaction(() => {
        db.prepare('INSERT INTO notes VALUES (?)').run('first half');
        db.prepare('INSERT INTO notes VALUES (?)').run('x'.repeat(100_000));
      })();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as { code?: string }).code).toBe('SQLITE_FULL');
    expect(storageError(thrown, '/data')).toMatchObject({ code: 'DISK_FULL', message: FULL_MESSAGE });
    expect(db.prepare('SELECT text FROM notes').all()).toEqual([{ text: 'kept' }]);
    db.close();
  });

  it.skipIf(!canMount)(
    '(real tmpfs) refuses an edit with the message, keeps everything, and works once there is room',
    async () => {
      const dataDir = mountTmpfs() as string;
      const app = startApp(dataDir);
      await addStudent(app, 'Before The Disk Filled');
      const filler = fillUp(dataDir);

      const result = await app.dispatch('people.add', { teacherToken: await teacherToken(app), name: 'Z'.repeat(80) });
      expect(result).toEqual({ ok: false, error: { code: 'DISK_FULL', message: FULL_MESSAGE } });
      const big = await app.dispatch('articles.create', {
        teacherToken: await teacherToken(app),
        title: 'Too big for the disk',
        bodyMarkdown: 'A sentence that fills the disk. '.repeat(60_000),
      });
      expect(big).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      const backup = await app.dispatch('backups.create', { teacherToken: await teacherToken(app) });
      expect(backup).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.endsWith('.partial'))).toEqual([]);
      expect(await studentNames(app)).toEqual(expect.arrayContaining(['Before The Disk Filled']));
      expect(await studentNames(app)).not.toContain('Z'.repeat(80));

      rmSync(filler);
      await addStudent(app, 'After Room Was Made');
      await app.close();
      const reopened = startApp(dataDir);
      expect(await studentNames(reopened)).toEqual(
        expect.arrayContaining(['Before The Disk Filled', 'After Room Was Made']),
      );
      await reopened.close();
    },
  );

  it.skipIf(!canMount)(
    '(real tmpfs) start on a full disk is refused in the disk-full words, the data untouched',
    async () => {
      const dataDir = mountTmpfs() as string;
      const app = startApp(dataDir);
      await addStudent(app, 'Kept On The Full Disk');
      await app.close();
      const before = createHash('sha256')
        .update(readFileSync(dataFileOf(dataDir)))
        .digest('hex');
      const filler = fillUp(dataDir);

      let thrown: unknown;
      try {
        createApp({ dataDir, resourcesDir: projectRoot, backups: { automatic: false } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        code: 'DISK_FULL',
        message: `The disk is full: Debate Desk cannot open its data in ${dataDir}. Nothing was changed; free some space on the disk and start Debate Desk again.`,
      });
      expect(
        createHash('sha256')
          .update(readFileSync(dataFileOf(dataDir)))
          .digest('hex'),
      ).toBe(before);
      expect(existsSync(join(dataDir, 'damaged'))).toBe(false);
      rmSync(filler);
      const reopened = startApp(dataDir);
      expect(await studentNames(reopened)).toContain('Kept On The Full Disk');
      await reopened.close();
    },
  );

  it.skipIf(!canMount)(
    '(real tmpfs) an automatic backup that fails on a full disk becomes a notice, not a crash',
    async () => {
      const dataDir = mountTmpfs() as string;
      const app = startApp(dataDir, { startDelayMs: 0, intervalMinutes: 60 });
      const events: string[] = [];
      app.onEvent((event) => events.push(event.type));
      fillUp(dataDir);
      const deadline = Date.now() + 5_000;
      let notices: AppNotice[] = [];
      while (notices.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        notices = await callOk<AppNotice[]>(app, 'app.notices');
      }
      expect(notices).toHaveLength(1);
      expect(notices[0]?.message).toBe(`Debate Desk could not make its automatic backup. ${FULL_MESSAGE}`);
      expect(events).toContain('notices.changed');
      await app.close();
    },
  );
});

describe('a read-only data folder', () => {
  it('a write refused by SQLite as read-only reads in plain words', () => {
    const file = join(makeTempDir(), 'ro.sqlite');
    const writer = new Database(file);
    writer.exec('CREATE TABLE notes (text TEXT) STRICT');
    writer.close();
    const db = new Database(file, { readonly: true });
    let thrown: unknown;
    try {
      db.prepare("INSERT INTO notes VALUES ('x')").run();
    } catch (error) {
      thrown = error;
    }
    db.close();
    expect((thrown as { code?: string }).code).toBe('SQLITE_READONLY');
    const mapped = storageError(thrown, '/home/teacher/debate-desk');
    expect(mapped?.code).toBe('READ_ONLY');
    expect(mapped?.message).toMatch(
      /^Debate Desk cannot write to its data folder \(\/home\/teacher\/debate-desk\).*Nothing was changed/,
    );
  });

  it.skipIf(!canMount)(
    '(real read-only tmpfs) start is refused in plain words, and the data file is not touched',
    async () => {
      const dataDir = mountTmpfs() as string;
      const app = startApp(dataDir);
      await addStudent(app, 'Kept Safe');
      await backUpNow(app);
      await app.close();
      const before = createHash('sha256')
        .update(readFileSync(dataFileOf(dataDir)))
        .digest('hex');
      execFileSync('mount', ['-o', 'remount,ro', dataDir]);

      let thrown: unknown;
      try {
        createApp({ dataDir, resourcesDir: projectRoot, backups: { automatic: false } });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'READ_ONLY' });
      expect((thrown as Error).message).toContain(`cannot write to its data folder (${dataDir})`);
      expect(
        createHash('sha256')
          .update(readFileSync(dataFileOf(dataDir)))
          .digest('hex'),
      ).toBe(before);
      expect(existsSync(join(dataDir, 'damaged'))).toBe(false);
    },
  );
});
