// A damaged, unreadable or foreign data file at start: moved aside (never deleted, byte for byte), the newest sound
// backup restored in its place (a damaged backup skipped), and the user told in plain words; with no backup, a fresh
// start and a notice saying so.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeBackupTime } from '../../src-main/core/db/backup-words';
import { KEPT_NOTICES_FILE } from '../../src-main/core/kept-notices';
import type { AppNotice, BackupInfo } from '../../src-main/shared/backups';
import { addStudent, backUpNow, dataFileOf, startApp, studentNames } from './backups-fixture';
import { callOk, cleanUp, makeTempDir, teacherToken } from './helpers';

afterEach(() => cleanUp());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A data folder with one backup holding "Saved In The Backup" and a later student that no backup holds. */
async function folderWithBackup(): Promise<{ dataDir: string; backup: BackupInfo }> {
  const dataDir = makeTempDir();
  const app = startApp(dataDir);
  await addStudent(app, 'Saved In The Backup');
  const backup = await backUpNow(app);
  await addStudent(app, 'Added After The Backup');
  await app.close();
  return { dataDir, backup };
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(6000)]);

const damages: Array<[string, (file: string) => void, RegExp]> = [
  ['truncated to a third', (file) => truncateSync(file, Math.floor(statSync(file).size / 3 / 4096) * 4096), /damaged/],
  [
    'garbage bytes over its middle',
    (file) => {
      const fd = openSync(file, 'r+');
      const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
      writeSync(fd, randomBytes(16 * 4096), 0, 16 * 4096, middle);
      closeSync(fd);
    },
    /damaged|cannot be opened/,
  ],
  [
    'garbage over its header',
    (file) => {
      const fd = openSync(file, 'r+');
      writeSync(fd, randomBytes(100), 0, 100, 0);
      closeSync(fd);
    },
    /not a database file/,
  ],
  ['replaced by a PNG image', (file) => writeFileSync(file, PNG), /not a database file/],
  [
    'replaced by a text file',
    (file) => writeFileSync(file, 'Shopping list\n- bread\n- milk\n'.repeat(50)),
    /not a database file/,
  ],
  ['emptied to 0 bytes', (file) => writeFileSync(file, ''), /empty/],
  [
    'replaced by another program’s SQLite database',
    (file) => {
      writeFileSync(file, '');
      const other = new Database(file);
      other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);');
      other.close();
    },
    /database of another program/,
  ],
];

describe('a damaged data file at start', () => {
  it.each(damages)(
    '%s: is moved aside untouched, the newest backup restored, and the user told',
    async (_, damage, problem) => {
      const { dataDir, backup } = await folderWithBackup();
      const file = dataFileOf(dataDir);
      damage(file);
      const damagedHash = sha(file);

      const app = startApp(dataDir);
      expect(await studentNames(app)).toContain('Saved In The Backup');
      expect(await studentNames(app)).not.toContain('Added After The Backup');

      const moved = readdirSync(join(dataDir, 'damaged')).filter((name) => name.endsWith('.sqlite'));
      expect(moved).toHaveLength(1);
      const movedFile = join(dataDir, 'damaged', moved[0] ?? '');
      expect(sha(movedFile)).toBe(damagedHash);

      const notices = await callOk<AppNotice[]>(app, 'app.notices');
      expect(notices).toHaveLength(1);
      const [notice] = notices;
      expect(notice?.severity).toBe('warning');
      expect(notice?.message).toMatch(problem);
      expect(notice?.message).toContain(`moved to ${movedFile}`);
      expect(notice?.message).toContain(`backup, made ${describeBackupTime(new Date(backup.createdAt))}`);
      expect(notice?.message).toContain('Work done after that time may be missing');
      // The backup itself is still there, untouched, for another restore.
      expect(existsSync(join(dataDir, 'backups', backup.name))).toBe(true);
    },
  );

  it('skips a backup that is itself damaged and restores the newest sound one', async () => {
    const { dataDir, backup: older } = await folderWithBackup();
    const app = startApp(dataDir);
    const newer = await backUpNow(app);
    await app.close();
    const newerFile = join(dataDir, 'backups', newer.name);
    writeFileSync(newerFile, Buffer.concat([readFileSync(newerFile).subarray(0, 4096), randomBytes(8192)]));
    writeFileSync(dataFileOf(dataDir), PNG);

    const recovered = startApp(dataDir);
    expect(await studentNames(recovered)).toContain('Saved In The Backup');
    expect(await studentNames(recovered)).not.toContain('Added After The Backup');
    const [notice] = await callOk<AppNotice[]>(recovered, 'app.notices');
    expect(notice?.message).toContain(describeBackupTime(new Date(older.createdAt)));
    expect(existsSync(newerFile)).toBe(true); // a damaged backup is skipped, not deleted
  });

  it('with no backup at all: moves the file aside, starts afresh with the starter debate, and says so', async () => {
    const dataDir = makeTempDir();
    const first = startApp(dataDir);
    await addStudent(first, 'Never Backed Up');
    await first.close();
    writeFileSync(dataFileOf(dataDir), 'not a database');

    const app = startApp(dataDir);
    const names = await studentNames(app);
    expect(names).not.toContain('Never Backed Up');
    expect(names.length).toBeGreaterThan(0); // the starter class list
    const [notice] = await callOk<AppNotice[]>(app, 'app.notices');
    expect(notice?.severity).toBe('error');
    expect(notice?.title).toMatch(/no backup/);
    expect(notice?.message).toMatch(
      /moved to .*damaged.*There was no sound backup, so Debate Desk started with a fresh copy/,
    );
    expect(readdirSync(join(dataDir, 'damaged'))).toHaveLength(1);
  });

  it('tells the recovery again at every start until the teacher dismisses it; nobody else can', async () => {
    const { dataDir } = await folderWithBackup();
    writeFileSync(dataFileOf(dataDir), 'not a database');
    const recovered = startApp(dataDir);
    const [notice] = await callOk<AppNotice[]>(recovered, 'app.notices');
    if (!notice) throw new Error('no recovery notice');
    await recovered.close();

    // Restarted before anyone looked: still told. A student (no token) cannot make it go away.
    const restarted = startApp(dataDir);
    expect(await callOk(restarted, 'app.notices')).toEqual([notice]);
    expect(await restarted.dispatch('app.dismissNotice', { teacherToken: 'not-a-token', id: notice.id })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
    await callOk(restarted, 'app.dismissNotice', { teacherToken: await teacherToken(restarted), id: notice.id });
    expect(await callOk(restarted, 'app.notices')).toEqual([]);
    await restarted.close();
    expect(await callOk(startApp(dataDir), 'app.notices')).toEqual([]);
  });

  it('keeps no notice from an unreadable notices file, and a sound start writes none', async () => {
    const { dataDir } = await folderWithBackup();
    writeFileSync(join(dataDir, KEPT_NOTICES_FILE), '{ not json');
    const app = startApp(dataDir);
    expect(await callOk(app, 'app.notices')).toEqual([]);
    writeFileSync(join(dataDir, KEPT_NOTICES_FILE), JSON.stringify([{ id: 'x', severity: 'fatal' }, 'junk']));
    await app.close();
    expect(await callOk(startApp(dataDir), 'app.notices')).toEqual([]);
  });

  it('leaves a sound file alone: nothing moved, no notice', async () => {
    const { dataDir } = await folderWithBackup();
    const app = startApp(dataDir);
    expect(await studentNames(app)).toContain('Added After The Backup');
    expect(await callOk(app, 'app.notices')).toEqual([]);
    expect(existsSync(join(dataDir, 'damaged'))).toBe(false);
  });

  it('moves a damaged file’s WAL aside with it, so it is not replayed into the restored backup', async () => {
    const { dataDir } = await folderWithBackup();
    const file = dataFileOf(dataDir);
    writeFileSync(`${file}-wal`, randomBytes(5000));
    writeFileSync(file, PNG);
    const app = startApp(dataDir);
    expect(await studentNames(app)).toContain('Saved In The Backup');
    const moved = readdirSync(join(dataDir, 'damaged'));
    expect(moved.filter((name) => name.endsWith('.sqlite-wal'))).toHaveLength(1);
  });
});

describe('a restore cut short', () => {
  it('leaves a staging copy that the next start removes, using the data file as it is', async () => {
    const { dataDir } = await folderWithBackup();
    const staging = `${dataFileOf(dataDir)}.restoring`;
    writeFileSync(staging, PNG);
    const app = startApp(dataDir);
    expect(await studentNames(app)).toContain('Added After The Backup');
    expect(existsSync(staging)).toBe(false);
    expect(await callOk(app, 'app.notices')).toEqual([]);
  });
});
