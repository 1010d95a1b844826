// Opens the one SQLite file of an install with the settings every connection needs, then migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { migrate, readMigrations, refuseNewerDatabase } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  /** Path of a better-sqlite3 build for another ABI (the Electron shell passes its own). */
  nativeBinding?: string;
}

export function openDatabase({ file, migrationsDir, nativeBinding }: OpenOptions): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const migrations = readMigrations(migrationsDir);
  let db: Db;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    throw cannotOpen(file, error);
  }
  try {
    // Before any pragma: switching to WAL rewrites the file header, and a newer app's file must stay untouched.
    refuseNewerDatabase(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL + NORMAL survives an application crash; only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw error instanceof AppError ? error : cannotOpen(file, error);
  }
  try {
    migrate(db, migrations);
  } catch (error) {
    db.close();
    throw error;
  }
  reuseStatements(db);
  return db;
}

/** More distinct SQL texts than the app has: a safety net should dynamic SQL ever appear. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * Every query of the app is a fixed SQL text, and preparing one costs about as much as running it:
 * `prepare` hands back the statement prepared the first time. (Statements are never iterated or
 * switched to raw/pluck mode, so sharing them between calls is safe.)
 */
function reuseStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

function cannotOpen(file: string, error: unknown): AppError {
  return new AppError(
    'DATABASE_ERROR',
    `Debate Desk could not open its data file ${file}: ${(error as Error).message}`,
    { cause: error },
  );
}
