// At start, before the data file is opened: a damaged, unreadable or foreign data file is moved aside (never
// deleted), the newest sound backup is put in its place, and the user is told in plain words what happened.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { AppNotice } from '../../shared/backups';
import { BACKUPS_DIR_NAME, parseBackupName, sortNewestFirst, type BackupName } from './backup-files';
import { inspectDatabaseFile } from './inspect';
import { describeBackupTime, describeReason } from './backup-words';

export const DAMAGED_DIR_NAME = 'damaged';
/** SQLite's companion files: moved with the data file, or they would be replayed into whatever replaces it. */
export const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];
/** A backup being restored is first copied beside the data file under this suffix, then renamed over it. */
export const RESTORING_SUFFIX = '.restoring';

export interface RecoverOptions {
  dataFile: string;
  dataDir: string;
  now: Date;
  /** The newest schema this app knows (a newer app's file is refused by openDatabase, not treated as damage). */
  latestSchemaVersion: number;
  nativeBinding?: string | undefined;
}

export interface Recovery {
  /** What to tell the user; null when the data file was sound (or new). */
  notice: AppNotice | null;
  /** Where the damaged file went, when one was moved. */
  movedTo: string | null;
  restoredFrom: BackupName | null;
}

/** Backups in the backups folder, newest first (files not named like our backups are left alone). */
export function listBackupFiles(dataDir: string): BackupName[] {
  const dir = join(dataDir, BACKUPS_DIR_NAME);
  if (!existsSync(dir)) return [];
  const found: BackupName[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (parsed) found.push(parsed);
  }
  return sortNewestFirst(found);
}

const compactStamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/** Moves the data file and its companions into damaged/, under a name that says when; returns the new path. */
function moveAside(dataFile: string, dataDir: string, now: Date): string {
  const dir = join(dataDir, DAMAGED_DIR_NAME);
  mkdirSync(dir, { recursive: true });
  const base = basename(dataFile).replace(/\.sqlite$/, '');
  let target = join(dir, `${base}-${compactStamp(now)}.sqlite`);
  for (let n = 2; existsSync(target); n += 1) target = join(dir, `${base}-${compactStamp(now)}-${n}.sqlite`);
  renameSync(dataFile, target);
  for (const suffix of COMPANION_SUFFIXES) {
    if (existsSync(dataFile + suffix)) renameSync(dataFile + suffix, target + suffix);
  }
  return target;
}

/** The newest backup that passes integrity_check and is ours; damaged backups are skipped (and left in place). */
function newestSoundBackup(dataDir: string, nativeBinding: string | undefined): BackupName | null {
  for (const backup of listBackupFiles(dataDir)) {
    const file = join(dataDir, BACKUPS_DIR_NAME, backup.name);
    if (inspectDatabaseFile(file, { thorough: true, nativeBinding }).state === 'sound') return backup;
  }
  return null;
}

export function recoverIfDamaged({
  dataFile,
  dataDir,
  now,
  latestSchemaVersion,
  nativeBinding,
}: RecoverOptions): Recovery {
  // A restore cut short (the app killed mid-way) leaves its staging copy: the data file itself is whole either way.
  rmSync(`${dataFile}${RESTORING_SUFFIX}`, { force: true });
  const inspection = inspectDatabaseFile(dataFile, { nativeBinding, latestSchemaVersion });
  if (inspection.state !== 'damaged') return { notice: null, movedTo: null, restoredFrom: null };
  const backup = newestSoundBackup(dataDir, nativeBinding);
  // An empty file with nothing to restore is a first run cut short, not lost work: start afresh without a fuss.
  if (statSync(dataFile).size === 0 && !backup) return { notice: null, movedTo: null, restoredFrom: null };

  const movedTo = moveAside(dataFile, dataDir, now);
  const found = `When it started, Debate Desk found that ${inspection.problem}.`;
  const kept = `The damaged file was not deleted: it was moved to ${movedTo}.`;
  if (!backup) {
    return {
      movedTo,
      restoredFrom: null,
      notice: {
        id: `recovery-${now.getTime()}`,
        severity: 'error',
        title: 'The data file was damaged, and there was no backup to restore',
        message:
          `${found} ${kept} There was no sound backup, so Debate Desk started with a fresh copy of the starter ` +
          'debate. The work in the damaged file is not shown; someone who knows SQLite may be able to rescue it.',
        at: now.toISOString(),
      },
    };
  }
  copyFileSync(join(dataDir, BACKUPS_DIR_NAME, backup.name), dataFile);
  return {
    movedTo,
    restoredFrom: backup,
    notice: {
      id: `recovery-${now.getTime()}`,
      severity: 'warning',
      title: 'The data file was damaged: the newest backup was restored',
      message:
        `${found} ${kept} Debate Desk restored the newest sound backup, made ${describeBackupTime(backup.createdAt)} ` +
        `(${describeReason(backup.reason)}). Work done after that time may be missing: please check the latest ` +
        'boards and articles.',
      at: now.toISOString(),
    },
  };
}
