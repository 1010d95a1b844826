// The core's front door: one dispatch(method, unknownInput) that validates, runs the handler and answers
// with the envelope. Both hosts (Electron IPC and the browser host) call only this.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { contract, isMethodName } from '../shared/contract';
import type { AppNotice } from '../shared/backups';
import type { AppEvent } from '../shared/events';
import { failure, success, type Result } from '../shared/result';
import { BackupService } from './backups';
import { readMigrations } from './db/migrate';
import { openDatabase, type Db } from './db/open';
import { recoverIfDamaged } from './db/recover';
import { storageError } from './db/storage-errors';
import { AppError } from './errors';
import { handlers, type Context } from './handlers';
import { readKeptNotices, writeKeptNotices } from './kept-notices';
import { loadStarterIfEmpty } from './starter';
import type { PdfPrinter } from './sheet/pdf';
import { TeacherGate } from './teacher';

export interface AppOptions {
  dataDir: string;
  /** The folder holding db/migrations and resources/starter (the project root, or the packaged app). */
  resourcesDir: string;
  /** A better-sqlite3 build for another ABI: the Electron shell passes its own. */
  nativeBinding?: string;
  /** Prints argument sheets to PDF (a Chromium); without one, PDF export answers UNAVAILABLE. */
  pdfPrinter?: PdfPrinter;
  /** Automatic backups (docs/RELIABILITY.md); tests make them frequent or switch them off. */
  backups?: {
    /** A backup every this many minutes while there are edits (default 10). */
    intervalMinutes?: number;
    /** The start backup waits this long, off the path of the first answers (default 5 s). */
    startDelayMs?: number;
    /** false: no automatic backups (the teacher's and the restore's own still work). Default true. */
    automatic?: boolean;
  };
}

export interface DebateDeskApp {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  readonly dataFile: string;
  /** Closes the database and lets go of the PDF printer's browser, if one was started. */
  close(): Promise<void>;
}

export const DATA_FILE_NAME = 'debate-desk.sqlite';
export const DEFAULT_BACKUP_INTERVAL_MINUTES = 10;
const DEFAULT_START_BACKUP_DELAY_MS = 5_000;
/** No start backup when the newest one is younger than this: a quick restart changes nothing worth a copy. */
const START_BACKUP_SKIP_MS = 60_000;

function describeInvalidInput(method: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return `Invalid input for ${method}: ${problems.join('; ')}`;
}

function readVersion(resourcesDir: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(resourcesDir, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '0.0.0';
  }
}

export function createApp(options: AppOptions): DebateDeskApp {
  const dataFile = join(options.dataDir, DATA_FILE_NAME);
  const migrationsDir = join(options.resourcesDir, 'db', 'migrations');
  // Kept notices (a recovery) stay until the teacher dismisses them, across restarts; the others last this run.
  const kept: AppNotice[] = readKeptNotices(options.dataDir);
  const notices: AppNotice[] = [];
  const saveKept = () => {
    try {
      writeKeptNotices(options.dataDir, kept);
    } catch (error) {
      // A read-only or full disk: the notice is still told during this run.
      console.warn(`[debate-desk] could not keep the start notices: ${(error as Error).message}`);
    }
  };
  const latestSchemaVersion = readMigrations(migrationsDir).at(-1)?.version ?? 0;
  const open = (): Db => openDatabase({ file: dataFile, migrationsDir, nativeBinding: options.nativeBinding });
  let db: Db;
  try {
    // Before opening: a damaged file is moved aside and the newest sound backup put in its place.
    const recovery = recoverIfDamaged({
      dataFile,
      dataDir: options.dataDir,
      now: new Date(),
      latestSchemaVersion,
      nativeBinding: options.nativeBinding,
    });
    if (recovery.notice) {
      kept.push(recovery.notice);
      saveKept();
      console.warn(`[debate-desk] ${recovery.notice.message}`);
    }
    db = open();
  } catch (error) {
    throw storageError(error, options.dataDir, true) ?? error;
  }
  try {
    loadStarterIfEmpty(db, join(options.resourcesDir, 'resources', 'starter'));
  } catch (error) {
    db.close();
    throw storageError(error, options.dataDir, true) ?? error;
  }
  const events = new EventEmitter();
  const emit = (event: AppEvent) => queueMicrotask(() => events.emit('event', event));
  const backups = new BackupService({
    dataDir: options.dataDir,
    dataFile,
    db: () => db,
    swapDatabase(replaceFile) {
      db.close();
      try {
        replaceFile();
      } finally {
        db = open();
      }
    },
    latestSchemaVersion,
    nativeBinding: options.nativeBinding,
  });
  const ctx: Context = {
    // A getter: a restore replaces the connection, and handlers must always reach the live one.
    get db() {
      return db;
    },
    dataFile,
    version: readVersion(options.resourcesDir),
    teacher: new TeacherGate(),
    sheets: { resourcesDir: options.resourcesDir, pdfPrinter: options.pdfPrinter ?? null },
    backups,
    notices: () => [...kept, ...notices],
    dismissNotice(id) {
      const index = kept.findIndex((notice) => notice.id === id);
      if (index >= 0) {
        kept.splice(index, 1);
        saveKept();
      }
      const transient = notices.findIndex((notice) => notice.id === id);
      if (transient >= 0) notices.splice(transient, 1);
      if (index >= 0 || transient >= 0) emit({ type: 'notices.changed' });
    },
    // Pushed after the call's transaction committed, so listeners never see a rolled-back change.
    emit,
  };
  if (options.backups?.automatic !== false) {
    backups.schedule({
      startDelayMs: options.backups?.startDelayMs ?? DEFAULT_START_BACKUP_DELAY_MS,
      intervalMs: (options.backups?.intervalMinutes ?? DEFAULT_BACKUP_INTERVAL_MINUTES) * 60_000,
      startSkipMs: START_BACKUP_SKIP_MS,
      onFailure(error) {
        const reason = storageError(error, options.dataDir)?.message ?? (error as Error).message;
        const notice: AppNotice = {
          id: 'automatic-backup-failed',
          severity: 'error',
          title: 'An automatic backup could not be made',
          message: `Debate Desk could not make its automatic backup. ${reason}`,
          at: new Date().toISOString(),
        };
        const index = notices.findIndex((known) => known.id === notice.id);
        if (index >= 0) notices.splice(index, 1);
        notices.push(notice);
        console.error(`[debate-desk] automatic backup failed`, error);
        emit({ type: 'notices.changed' });
      },
    });
  }

  async function dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return failure('UNKNOWN_METHOD', `There is no method called ${String(method).slice(0, 80)}.`);
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) return failure('INVALID_INPUT', describeInvalidInput(method, parsed.error));
    try {
      const handler = handlers[method] as (ctx: Context, input: unknown) => unknown;
      return success(await handler(ctx, parsed.data));
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message);
      // A full disk or a read-only folder is not a bug: it gets its own plain words, not INTERNAL.
      const storage = storageError(error, options.dataDir);
      if (storage) return failure(storage.code, storage.message);
      console.error(`[debate-desk] ${method} failed`, error);
      return failure('INTERNAL', 'Something went wrong inside Debate Desk; nothing was changed. Please try again.');
    }
  }

  return {
    dispatch,
    dataFile,
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      const backupsStopped = backups.close();
      db.close();
      await backupsStopped;
      await options.pdfPrinter?.close();
    },
  };
}
