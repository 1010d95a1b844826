// Applies db/migrations/NNNN_name.sql in order, all pending ones in one transaction, tracked by PRAGMA user_version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(migrationsDir: string): Migration[] {
  const migrations = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
      return {
        version: Number(match[1]),
        name: match[2] ?? file,
        sql: readFileSync(join(migrationsDir, file), 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
  // A gap would mean a lost file: refuse rather than build a database nobody else has.
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002, … without gaps; found ${migration.version}`);
    }
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a file written by a newer app, before anything (even a pragma) writes to it. */
export function refuseNewerDatabase(db: Database, migrations: Migration[]): void {
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'DATABASE_TOO_NEW',
      `This data file was written by a newer version of Debate Desk (data version ${current}; ` +
        `this app knows up to ${latest}). Update Debate Desk to open it. The file was not changed.`,
    );
  }
}

/** Brings the database up to the newest schema; returns the versions it applied. */
export function migrate(db: Database, migrations: Migration[]): number[] {
  refuseNewerDatabase(db, migrations);
  const current = schemaVersion(db);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return pending.map((migration) => migration.version);
}
