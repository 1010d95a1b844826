// Opens the one SQLite file of an install with the settings every connection needs, then migrates it.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../errors';
import { migrate, readMigrations } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  file: string;
  migrationsDir: string;
  /** Path of a better-sqlite3 build for another ABI (the Electron shell passes its own). */
  nativeBinding?: string;
}

export function openDatabase({ file, migrationsDir, nativeBinding }: OpenOptions): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, nativeBinding ? { nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL + NORMAL survives an application crash; only a power cut can lose the last commits.
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new AppError(
      'DATABASE_ERROR',
      `Debate Desk could not open its data file ${file}: ${(error as Error).message}`,
    );
  }
  try {
    migrate(db, readMigrations(migrationsDir));
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
