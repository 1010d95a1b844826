// Backups through the real API on real files: made with SQLite's online backup API (complete under WAL, before any
// checkpoint), listed, pruned, restored after a safety backup, refused for names that are not backups, teacher-only;
// and the automatic ones (on start, and after edits only).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src-main/shared/events';
import type { BackupInfo, RestoreResult } from '../../src-main/shared/backups';
import { addStudent, backUpNow, dataFileOf, listBackups, startApp, studentNames } from './backups-fixture';
import { callOk, cleanUp, makeTempDir, openRaw, projectRoot, TEST_PIN, teacherToken } from './helpers';

afterEach(() => cleanUp());

const backupsDir = (dataDir: string) => join(dataDir, 'backups');

function studentsIn(file: string): string[] {
  const db = openRaw(file, { readonly: true });
  return (
    db.prepare("SELECT name FROM people WHERE role = 'student' ORDER BY name").all() as Array<{ name: string }>
  ).map((row) => row.name);
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a backup', () => {
  it('holds every committed change even while it is still only in the WAL, and is a sound single file', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    await addStudent(app, 'Only In The Wal');
    const wal = `${dataFileOf(dataDir)}-wal`;
    expect(statSync(wal).size).toBeGreaterThan(0);
    // A plain copy of the data file alone misses what the WAL holds: why backups use SQLite's backup API.
    const plainCopy = join(makeTempDir(), 'copy.sqlite');
    copyFileSync(dataFileOf(dataDir), plainCopy);
    let copied: string[] = [];
    try {
      copied = studentsIn(plainCopy);
    } catch {
      // the copy may not even hold the tables yet: the whole schema can still be in the WAL
    }
    expect(copied).not.toContain('Only In The Wal');

    const backup = await backUpNow(app);
    expect(backup).toMatchObject({ reason: 'manual', sizeBytes: expect.any(Number) });
    const file = join(backupsDir(dataDir), backup.name);
    expect(statSync(file).size).toBe(backup.sizeBytes);
    expect(studentsIn(file)).toContain('Only In The Wal');
    const raw = openRaw(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(readdirSync(backupsDir(dataDir))).toEqual([backup.name]);
  });

  it('is listed newest first with its reason and size', async () => {
    const app = startApp();
    const first = await backUpNow(app);
    const second = await backUpNow(app);
    expect(await listBackups(app)).toEqual([second, first]);
  });

  it('keeps the newest 10 of a busy day, deleting the older ones, and never a file that is not a backup', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    const made = [];
    for (let i = 0; i < 12; i += 1) made.push(await backUpNow(app));
    writeFileSync(join(backupsDir(dataDir), 'notes-of-the-teacher.sqlite'), 'not ours');
    made.push(await backUpNow(app));
    const listed = await listBackups(app);
    expect(listed.map((backup) => backup.name)).toEqual(
      made
        .slice(-10)
        .reverse()
        .map((backup) => backup.name),
    );
    expect(existsSync(join(backupsDir(dataDir), 'notes-of-the-teacher.sqlite'))).toBe(true);
  });
});

describe('restoring a backup', () => {
  it('backs up the current state first, then brings the old state back and tells every window', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    const events: AppEvent[] = [];
    app.onEvent((event) => events.push(event));
    await addStudent(app, 'Before The Backup');
    const backup = await backUpNow(app);
    await addStudent(app, 'After The Backup');

    const result = await callOk<RestoreResult>(app, 'backups.restore', {
      teacherToken: await teacherToken(app),
      name: backup.name,
    });
    expect(result.restored).toEqual(backup);
    expect(result.safetyBackup.reason).toBe('before-restore');
    expect(await studentNames(app)).toContain('Before The Backup');
    expect(await studentNames(app)).not.toContain('After The Backup');
    expect(studentsIn(join(backupsDir(dataDir), result.safetyBackup.name))).toContain('After The Backup');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toContainEqual({ type: 'data.restored' });

    // The restore is undone by restoring the safety backup; the app keeps working on the restored file.
    await callOk(app, 'backups.restore', { teacherToken: await teacherToken(app), name: result.safetyBackup.name });
    expect(await studentNames(app)).toContain('After The Backup');
    await addStudent(app, 'After The Undo');
    await app.close();
    const reopened = startApp(dataDir);
    expect(await studentNames(reopened)).toEqual(expect.arrayContaining(['After The Backup', 'After The Undo']));
  });

  it('locks every teacher session when the restored data has another PIN, and only then', async () => {
    const app = startApp();
    const token = await teacherToken(app);
    const withOldPin = await backUpNow(app);
    await callOk(app, 'teacher.changePin', { teacherToken: token, currentPin: TEST_PIN, newPin: '1357' });
    const { teacherToken: second } = await callOk<{ teacherToken: string }>(app, 'teacher.unlock', { pin: '1357' });

    const result = await callOk<RestoreResult>(app, 'backups.restore', { teacherToken: token, name: withOldPin.name });
    expect(result.teacherLocked).toBe(true);
    for (const ended of [token, second]) {
      expect(await app.dispatch('backups.list', { teacherToken: ended })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    // The restored data's PIN is the one that unlocks now.
    expect(await app.dispatch('teacher.unlock', { pin: '1357' })).toMatchObject({ ok: false });
    const { teacherToken: fresh } = await callOk<{ teacherToken: string }>(app, 'teacher.unlock', { pin: TEST_PIN });

    // The same PIN on both sides: the teacher's session goes on.
    const samePin = await callOk<BackupInfo>(app, 'backups.create', { teacherToken: fresh });
    const again = await callOk<RestoreResult>(app, 'backups.restore', { teacherToken: fresh, name: samePin.name });
    expect(again.teacherLocked).toBe(false);
    await callOk(app, 'backups.list', { teacherToken: fresh });
  });

  it('refuses a damaged backup in words and changes nothing', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    const backup = await backUpNow(app);
    await addStudent(app, 'Still Here');
    const file = join(backupsDir(dataDir), backup.name);
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(8192, 0x5a)]));
    const result = await app.dispatch('backups.restore', { teacherToken: await teacherToken(app), name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE_ERROR' } });
    expect(!result.ok && result.error.message).toMatch(
      /cannot be restored: .*Nothing was changed; choose another backup/,
    );
    expect(await studentNames(app)).toContain('Still Here');
    expect(readdirSync(backupsDir(dataDir))).toEqual([backup.name]);
  });

  it.each([
    ['../debate-desk.sqlite', 'INVALID_INPUT'],
    ['/etc/passwd', 'INVALID_INPUT'],
    ['..\\..\\debate-desk.sqlite', 'INVALID_INPUT'],
    ['backups/../../debate-desk.sqlite', 'INVALID_INPUT'],
    ['debate-desk.sqlite', 'NOT_FOUND'],
    ['notes-of-the-teacher.sqlite', 'NOT_FOUND'],
    ['debate-desk-20200101-000000-manual.sqlite', 'NOT_FOUND'],
  ])('refuses %s, which is not a listed backup, and changes nothing', async (name, code) => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    await backUpNow(app);
    writeFileSync(join(backupsDir(dataDir), 'notes-of-the-teacher.sqlite'), 'not ours');
    await addStudent(app, 'Untouched');
    const before = readdirSync(backupsDir(dataDir)).sort();
    const result = await app.dispatch('backups.restore', { teacherToken: await teacherToken(app), name });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await studentNames(app)).toContain('Untouched');
    expect(readdirSync(backupsDir(dataDir)).sort()).toEqual(before);
  });
});

describe('who may use backups', () => {
  it('refuses list, create and restore without the teacher token, and changes nothing', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    const backup = await backUpNow(app);
    await addStudent(app, 'Untouched');
    for (const [method, input] of [
      ['backups.list', {}],
      ['backups.create', { teacherToken: 'not-a-token' }],
      ['backups.restore', { teacherToken: 'not-a-token', name: backup.name }],
    ] as const) {
      const result = await app.dispatch(method, input);
      expect(result.ok, method).toBe(false);
      expect(!result.ok && result.error.code).toMatch(/FORBIDDEN|INVALID_INPUT/);
    }
    expect(readdirSync(backupsDir(dataDir))).toEqual([backup.name]);
    expect(await studentNames(app)).toContain('Untouched');
  });

  it('tells everyone the start notices (none after a normal start)', async () => {
    expect(await callOk(startApp(), 'app.notices')).toEqual([]);
  });
});

describe('automatic backups', () => {
  it('makes one on start, then one per interval only while there are edits, and none after close', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir, { startDelayMs: 0, intervalMinutes: 0.002 }); // 120 ms
    const reasons = () =>
      existsSync(backupsDir(dataDir))
        ? readdirSync(backupsDir(dataDir)).map((name) => /-([a-z-]+)\.sqlite$/.exec(name)?.[1])
        : [];
    await waitFor(() => reasons().length === 1);
    expect(reasons()).toEqual(['start']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reasons()).toEqual(['start']); // nothing edited: no new backup
    await addStudent(app, 'Edited');
    await waitFor(() => reasons().includes('auto'));
    const newest = readdirSync(backupsDir(dataDir)).find((name) => name.endsWith('-auto.sqlite'));
    expect(studentsIn(join(backupsDir(dataDir), newest ?? ''))).toContain('Edited');
    await app.close();
    const count = reasons().length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reasons()).toHaveLength(count);
  });

  it('skips the start backup after a quick restart', async () => {
    const dataDir = makeTempDir();
    const first = startApp(dataDir);
    await backUpNow(first);
    await first.close();
    startApp(dataDir, { startDelayMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readdirSync(backupsDir(dataDir))).toHaveLength(1);
  });
});

describe('the backup timers', () => {
  it('never keep a process alive: an app left open (automatic backups on) lets Node exit', () => {
    const dataDir = makeTempDir();
    const script = [
      `import { createApp } from ${JSON.stringify(join(projectRoot, 'src-main/core/app.ts'))};`,
      `createApp({ dataDir: ${JSON.stringify(dataDir)}, resourcesDir: ${JSON.stringify(projectRoot)} });`,
      `console.log('opened');`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.error).toBeUndefined(); // a timeout would mean a timer kept the process running
    expect(run.stdout).toContain('opened');
    expect(run.status).toBe(0);
  }, 40_000);
});

describe('a backup that passes its check but will not open', () => {
  it('is refused in words, and the data as it was just before the restore is back in place', async () => {
    const dataDir = makeTempDir();
    const app = startApp(dataDir);
    const backup = await backUpNow(app);
    await addStudent(app, 'Here Before The Failed Restore');
    // Sound and ours, but claiming an old schema version whose migrations cannot run again over its tables.
    const file = join(backupsDir(dataDir), backup.name);
    const tampered = openRaw(file);
    tampered.pragma('user_version = 1');
    tampered.close();

    const result = await app.dispatch('backups.restore', { teacherToken: await teacherToken(app), name: backup.name });
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE_ERROR' } });
    expect(!result.ok && result.error.message).toMatch(
      /could not be opened .*Nothing was lost: the data is back as it was before the restore\.$/,
    );
    expect(await studentNames(app)).toContain('Here Before The Failed Restore');
    await addStudent(app, 'Still Working Afterwards');
    expect(await studentNames(app)).toContain('Still Working Afterwards');
  });
});
