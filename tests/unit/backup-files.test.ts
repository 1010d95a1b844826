// The backups folder's names and the retention rule, with a fake clock: keep the newest 10 plus the newest backup of
// each of the last 7 days, never the one just made, and never a file that is not named like our backups.
import { describe, expect, it } from 'vitest';
import {
  KEEP_NEWEST,
  backupsToDelete,
  newBackupName,
  parseBackupName,
  sortNewestFirst,
  type BackupName,
} from '../../src-main/core/db/backup-files';
import type { BackupReason } from '../../src-main/shared/backups';

/** A backup made at a local time (the retention rule counts the teacher's calendar days). */
function backupAt(date: Date, reason: BackupReason = 'auto', existing: BackupName[] = []): BackupName {
  const parsed = parseBackupName(newBackupName(date, reason, existing));
  if (!parsed) throw new Error('a made name must parse');
  return parsed;
}

const names = (backups: BackupName[]) => backups.map((backup) => backup.name).sort();

describe('backup file names', () => {
  it('names a backup by its UTC time and reason, and reads the name back', () => {
    const date = new Date(Date.UTC(2026, 11, 6, 7, 5, 9));
    const name = newBackupName(date, 'before-restore', []);
    expect(name).toBe('debate-desk-20261206-070509-before-restore.sqlite');
    expect(parseBackupName(name)).toEqual({ name, createdAt: date, reason: 'before-restore', sequence: 1 });
  });

  it('gives a second backup in the same second its own name, ordered after the first', () => {
    const date = new Date(Date.UTC(2026, 11, 6, 7, 5, 9));
    const first = backupAt(date, 'manual');
    const second = backupAt(date, 'before-restore', [first]);
    expect(second.name).toBe('debate-desk-20261206-070509-2-before-restore.sqlite');
    expect(sortNewestFirst([first, second]).map((backup) => backup.name)).toEqual([second.name, first.name]);
  });

  it.each([
    'debate-desk.sqlite',
    'notes.sqlite',
    'debate-desk-20261206-070509-manual.sqlite.partial',
    'debate-desk-20261206-070509-whatever.sqlite',
    'debate-desk-20261399-070509-manual.sqlite',
    '../debate-desk-20261206-070509-manual.sqlite',
    'debate-desk-20261206-070509-manual.sqlite/..',
  ])('does not take %s for a backup', (name) => {
    expect(parseBackupName(name)).toBeNull();
  });
});

describe('the retention rule', () => {
  const now = new Date(2026, 11, 6, 15, 0, 0);

  it('keeps everything while there are at most 10 backups', () => {
    const backups = Array.from({ length: KEEP_NEWEST }, (_, i) => backupAt(new Date(now.getTime() - i * 60_000)));
    expect(backupsToDelete(backups, now)).toEqual([]);
  });

  it('keeps the newest 10 of one busy day and deletes the rest', () => {
    const backups = Array.from({ length: 25 }, (_, i) => backupAt(new Date(now.getTime() - i * 10 * 60_000)));
    const deleted = backupsToDelete(backups, now);
    expect(deleted).toHaveLength(15);
    const newestTen = sortNewestFirst(backups).slice(0, 10);
    expect(deleted.some((backup) => newestTen.includes(backup))).toBe(false);
  });

  it('also keeps the newest backup of each of the last 7 days, and lets older days go', () => {
    const today = Array.from({ length: 12 }, (_, i) => backupAt(new Date(now.getTime() - i * 60_000)));
    // Two a day for the 9 days before today, at 09:00 and 17:00 local time.
    const earlier = Array.from({ length: 9 }, (_, d) => [
      backupAt(new Date(2026, 11, 5 - d, 9, 0, 0)),
      backupAt(new Date(2026, 11, 5 - d, 17, 0, 0)),
    ]).flat();
    const kept = new Set(names(today.slice(0, 10)));
    // Days 1..6 before today are within the last 7 days (today is the 7th): their 17:00 backups stay.
    for (let d = 0; d < 6; d += 1) kept.add(backupAt(new Date(2026, 11, 5 - d, 17, 0, 0)).name);
    const all = [...today, ...earlier];
    const deleted = backupsToDelete(all, now);
    expect(names(all.filter((backup) => !deleted.includes(backup)))).toEqual([...kept].sort());
  });

  it('never deletes a protected backup (the one just made, the one being restored)', () => {
    const old = backupAt(new Date(2026, 10, 1, 12, 0, 0), 'manual');
    const recent = Array.from({ length: 12 }, (_, i) => backupAt(new Date(now.getTime() - i * 60_000)));
    expect(backupsToDelete([old, ...recent], now)).toContain(old);
    expect(backupsToDelete([old, ...recent], now, [old.name])).not.toContain(old);
  });
});
