// Backups of the data file: made with SQLite's online backup API (db.backup, never a file copy, which under WAL
// could catch half a transaction), listed for the Backups view, pruned by the retention rule, and restored (after
// backing up the current state). Also the automatic ones: on start, and every few minutes while there are edits.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, BackupReason, RestoreResult } from '../shared/backups';
import { BACKUPS_DIR_NAME, PARTIAL_SUFFIX, backupsToDelete, newBackupName, type BackupName } from './db/backup-files';
import { describeBackupTime } from './db/backup-words';
import { inspectDatabaseFile } from './db/inspect';
import type { Db } from './db/open';
import { COMPANION_SUFFIXES, RESTORING_SUFFIX, listBackupFiles } from './db/recover';
import { AppError } from './errors';

export interface BackupServiceOptions {
  dataDir: string;
  dataFile: string;
  /** The live connection (a restore replaces it, so it is asked for each time). */
  db(): Db;
  /** Closes the live connection, runs `replaceFile` (the data file is then free), and opens it again. */
  swapDatabase(replaceFile: () => void): void;
  /** The newest schema this app knows: a backup from a newer app is refused before anything is touched. */
  latestSchemaVersion: number;
  now?: () => Date;
  nativeBinding?: string | undefined;
}

export interface BackupSchedule {
  /** The start backup runs this long after start, off the path of the first answers. */
  startDelayMs: number;
  /** Every this long, a backup is made if anything was written since the last one. */
  intervalMs: number;
  /** No start backup when the newest backup is younger than this (a quick restart). */
  startSkipMs: number;
  /** Told when an automatic backup fails (e.g. a full disk), so the user can be told. */
  onFailure(error: unknown): void;
}

/** A backup name as the API takes it: a label from the listing, never a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class BackupService {
  readonly dir: string;
  private readonly now: () => Date;
  /** One backup or restore at a time: they share the data file and the backups folder. */
  private queue: Promise<unknown> = Promise.resolve();
  /** SQLite's total_changes() when the last backup started: the same number means nothing was edited since. */
  private changesAtLastBackup = -1;
  private timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(private readonly options: BackupServiceOptions) {
    this.dir = join(options.dataDir, BACKUPS_DIR_NAME);
    this.now = options.now ?? (() => new Date());
  }

  list(): BackupInfo[] {
    return listBackupFiles(this.options.dataDir).flatMap((backup) => {
      try {
        return [this.info(backup)];
      } catch {
        return []; // deleted meanwhile
      }
    });
  }

  create(reason: BackupReason): Promise<BackupInfo> {
    return this.exclusive(() => this.backUp(reason));
  }

  restore(name: string): Promise<Omit<RestoreResult, 'teacherLocked'>> {
    return this.exclusive(async () => {
      const chosen = this.find(name);
      const file = join(this.dir, chosen.name);
      const inspection = inspectDatabaseFile(file, { thorough: true, nativeBinding: this.options.nativeBinding });
      if (inspection.state !== 'sound') {
        const problem =
          inspection.state === 'damaged' ? inspection.problem.replace('the data file', 'it') : 'it is empty';
        throw new AppError(
          'DATABASE_ERROR',
          `The backup made ${describeBackupTime(chosen.createdAt)} cannot be restored: ${problem}. Nothing was ` +
            'changed; choose another backup.',
        );
      }
      this.refuseNewer(file, chosen);
      // Staged before the safety backup, whose pruning could otherwise remove the chosen backup first.
      const staging = `${this.options.dataFile}${RESTORING_SUFFIX}`;
      copyFileSync(file, staging);
      try {
        const safetyBackup = await this.backUp('before-restore', [chosen.name]);
        const putInPlace = (source: string, move: boolean) => () => {
          // The connection is closed cleanly, so its WAL is already in the data file (and that is in safetyBackup).
          for (const suffix of COMPANION_SUFFIXES) rmSync(this.options.dataFile + suffix, { force: true });
          if (move) renameSync(source, this.options.dataFile);
          else copyFileSync(source, this.options.dataFile);
        };
        try {
          this.options.swapDatabase(putInPlace(staging, true));
        } catch (error) {
          // The backup passed its check but would not open or migrate: the state from just before goes back.
          this.options.swapDatabase(putInPlace(join(this.dir, safetyBackup.name), false));
          throw new AppError(
            'DATABASE_ERROR',
            `The backup made ${describeBackupTime(chosen.createdAt)} could not be opened ` +
              `(${(error as Error).message}). Nothing was lost: the data is back as it was before the restore.`,
          );
        }
        this.changesAtLastBackup = this.totalChanges();
        return { restored: this.info(chosen), safetyBackup };
      } finally {
        rmSync(staging, { force: true });
      }
    });
  }

  /** Starts the automatic backups; close() stops them. The timers never keep the process alive. */
  schedule(schedule: BackupSchedule): void {
    const run = (reason: BackupReason) => {
      if (this.closed || !this.shouldBackUp(reason, schedule)) return;
      this.create(reason).catch((error: unknown) => {
        if (!this.closed) schedule.onFailure(error);
      });
    };
    this.timers.push(setTimeout(() => run('start'), schedule.startDelayMs).unref());
    this.timers.push(setInterval(() => run('auto'), schedule.intervalMs).unref());
  }

  /**
   * Stops the timers. A backup under way is cut short when the app then closes the connection (its partial file is
   * removed; the backups already made are untouched); the promise settles once it has.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.queue.catch(() => undefined);
  }

  private shouldBackUp(reason: BackupReason, schedule: BackupSchedule): boolean {
    if (reason === 'start') {
      const newest = listBackupFiles(this.options.dataDir)[0];
      return !newest || this.now().getTime() - newest.createdAt.getTime() >= schedule.startSkipMs;
    }
    return this.totalChanges() !== this.changesAtLastBackup;
  }

  private totalChanges(): number {
    return (this.options.db().prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async backUp(reason: BackupReason, protect: string[] = []): Promise<BackupInfo> {
    mkdirSync(this.dir, { recursive: true });
    const createdAt = this.now();
    const name = newBackupName(createdAt, reason, listBackupFiles(this.options.dataDir));
    const target = join(this.dir, name);
    const partial = target + PARTIAL_SUFFIX;
    rmSync(partial, { force: true });
    this.changesAtLastBackup = this.totalChanges();
    try {
      await this.options.db().backup(partial);
      // A backup is one self-contained file: out of WAL mode, so opening it never needs a -wal beside it.
      const copy = new Database(partial, this.nativeOptions());
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { force: true });
      this.changesAtLastBackup = -1;
      throw error;
    }
    this.prune(createdAt, [name, ...protect]);
    // Read back from the name, so that what create answers equals what list shows (whole seconds).
    const made = listBackupFiles(this.options.dataDir).find((backup) => backup.name === name);
    if (!made) throw new AppError('INTERNAL', 'The backup was made but then could not be found.');
    return this.info(made);
  }

  /** The retention rule (db/backup-files.ts); also clears partial files a crash left behind. */
  private prune(now: Date, protect: string[]): void {
    const doomed = backupsToDelete(listBackupFiles(this.options.dataDir), now, protect);
    for (const backup of doomed) rmSync(join(this.dir, backup.name), { force: true });
    for (const file of readdirSync(this.dir)) {
      if (file.endsWith(PARTIAL_SUFFIX)) rmSync(join(this.dir, file), { force: true });
    }
  }

  private find(name: string): BackupName {
    if (!SAFE_NAME.test(name) || name.includes('..')) {
      throw new AppError('INVALID_INPUT', 'That is not the name of a backup: choose one from the list of backups.');
    }
    const found = listBackupFiles(this.options.dataDir).find((backup) => backup.name === name);
    if (!found) throw new AppError('NOT_FOUND', `There is no backup called ${name}. It may have been removed.`);
    return found;
  }

  private refuseNewer(file: string, chosen: BackupName): void {
    const db = new Database(file, { readonly: true, ...this.nativeOptions() });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > this.options.latestSchemaVersion) {
        throw new AppError(
          'DATABASE_TOO_NEW',
          `The backup made ${describeBackupTime(chosen.createdAt)} was written by a newer version of Debate Desk. ` +
            'Update Debate Desk to restore it. Nothing was changed.',
        );
      }
    } finally {
      db.close();
    }
  }

  private info(backup: BackupName): BackupInfo {
    return {
      name: backup.name,
      createdAt: backup.createdAt.toISOString(),
      reason: backup.reason,
      sizeBytes: statSync(join(this.dir, backup.name)).size,
    };
  }

  private nativeOptions(): Database.Options {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }
}
