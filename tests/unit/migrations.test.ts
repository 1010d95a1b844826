// Schema migrations: applied in order from an empty file, STRICT tables, FTS kept in sync, newer files refused
// untouched, a failing migration rolled back whole, and the pragmas every connection needs.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/core/app';
import { migrate, readMigrations, schemaVersion } from '../../src-main/core/db/migrate';
import { openDatabase } from '../../src-main/core/db/open';
import { AppError } from '../../src-main/core/errors';
import { cleanUp, closeLater, makeTempDir, migrationsDir, projectRoot } from './helpers';

afterEach(cleanUp);

const migrations = readMigrations(migrationsDir);
const latest = migrations.length;

function freshDb(): Database.Database {
  const db = new Database(join(makeTempDir(), 'test.sqlite'));
  closeLater(() => db.close());
  return db;
}

function schemaOf(db: Database.Database): Array<{ type: string; name: string; sql: string | null }> {
  return db
    .prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; sql: string | null }>;
}

function tableNames(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map(
    (row) => row.name,
  );
}

/** A migrations dir holding the real migrations plus extra files. */
function migrationsDirWith(extra: Record<string, string>, withReal = true): string {
  const dir = makeTempDir('debate-desk-migrations-');
  if (withReal) for (const file of readMigrationFiles()) copyFileSync(join(migrationsDir, file), join(dir, file));
  for (const [name, sql] of Object.entries(extra)) writeFileSync(join(dir, name), sql);
  return dir;
}

function readMigrationFiles(): string[] {
  return migrations.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`);
}

function insertArticleRow(db: Database.Database, id: number, title: string, bodyText: string): void {
  db.prepare(
    `INSERT INTO articles (id, uuid, title, body_markdown, body_text, checksum, word_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, '2022-01-01T00:00:00Z', '2022-01-01T00:00:00Z')`,
  ).run(id, `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, title, bodyText, bodyText, `sum-${id}`);
}

function ftsMatches(db: Database.Database, query: string): number[] {
  return (
    db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').all(query) as Array<{
      rowid: number;
    }>
  ).map((row) => row.rowid);
}

describe('migrations in order', () => {
  it('has at least one migration, numbered from 1', () => {
    expect(latest).toBeGreaterThanOrEqual(1);
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: latest }, (_, i) => i + 1));
  });

  for (let n = 1; n <= latest; n++) {
    it(`applies migrations 1..${n} to an empty file, leaving a consistent database at version ${n}`, () => {
      const db = freshDb();
      db.pragma('foreign_keys = ON');
      expect(schemaVersion(db)).toBe(0);
      expect(migrate(db, migrations.slice(0, n))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      expect(schemaVersion(db)).toBe(n);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Applying them again is a no-op.
      expect(migrate(db, migrations.slice(0, n))).toEqual([]);
      expect(schemaVersion(db)).toBe(n);
    });

    it(`upgrading from version ${n} gives the same schema as building from scratch`, () => {
      const stepwise = freshDb();
      migrate(stepwise, migrations.slice(0, n));
      expect(migrate(stepwise, migrations)).toEqual(Array.from({ length: latest - n }, (_, i) => n + i + 1));
      const scratch = freshDb();
      migrate(scratch, migrations);
      expect(schemaVersion(stepwise)).toBe(latest);
      expect(schemaOf(stepwise)).toEqual(schemaOf(scratch));
    });
  }
});

describe('schema', () => {
  it('declares every ordinary table STRICT', () => {
    const db = freshDb();
    migrate(db, migrations);
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all() as Array<{ name: string; strict: number }>;
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['articles', 'people', 'excerpts', 'placements']));
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    // STRICT really bites: a string in an INTEGER column is refused instead of stored.
    expect(() =>
      db
        .prepare(
          `INSERT INTO articles (uuid, body_markdown, body_text, checksum, word_count, created_at, updated_at)
           VALUES ('u', 'b', 'b', 'c', 'many', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('keeps the articles FTS5 index in sync on insert, update and delete', () => {
    const db = freshDb();
    migrate(db, migrations);
    const fts = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").get() as { sql: string };
    expect(fts.sql).toMatch(/USING fts5/i);

    insertArticleRow(db, 7, 'Steppe news', 'Caravans crossed the zebrafinch pass at dawn.');
    insertArticleRow(db, 8, 'Other news', 'Nothing about birds here.');
    expect(ftsMatches(db, 'zebrafinch')).toEqual([7]);
    expect(ftsMatches(db, 'title:steppe')).toEqual([7]);

    db.prepare("UPDATE articles SET body_text = 'The pass was renamed quetzalcoatl.' WHERE id = 7").run();
    expect(ftsMatches(db, 'zebrafinch')).toEqual([]);
    expect(ftsMatches(db, 'quetzalcoatl')).toEqual([7]);

    db.prepare('DELETE FROM articles WHERE id = 7').run();
    expect(ftsMatches(db, 'quetzalcoatl')).toEqual([]);
    expect(ftsMatches(db, 'birds')).toEqual([8]);
    // FTS5's own check that the index matches the content table.
    expect(() =>
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
  });
});

describe('migration 2: the articles index rebuilt for search as you type', () => {
  it('keeps articles written at version 1 searchable, by whole words and by prefixes', () => {
    const db = freshDb();
    migrate(db, migrations.slice(0, 1));
    insertArticleRow(db, 3, 'Steppe news', 'Caravans crossed the zebrafinch pass at dawn.');
    migrate(db, migrations);
    expect(ftsMatches(db, 'zebrafinch')).toEqual([3]);
    expect(ftsMatches(db, 'zebraf*')).toEqual([3]);
    expect(ftsMatches(db, '{title} : steppe')).toEqual([3]);
    expect(ftsMatches(db, '{title} : caravans')).toEqual([]);
    expect(() =>
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
  });
});

describe('a database newer than the app', () => {
  function writeNewerFile(): string {
    const file = join(makeTempDir(), 'debate-desk.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE from_the_future (x TEXT) STRICT; INSERT INTO from_the_future VALUES ('keep me');");
    db.pragma(`user_version = ${latest + 1}`);
    db.close();
    return file;
  }

  function snapshot(file: string) {
    const db = new Database(file, { readonly: true });
    const version = schemaVersion(db);
    db.close();
    return {
      bytes: readFileSync(file),
      mtimeMs: statSync(file).mtimeMs,
      version,
    };
  }

  it('is refused with DATABASE_TOO_NEW and left exactly as it was', () => {
    const file = writeNewerFile();
    const before = snapshot(file);
    let thrown: unknown;
    try {
      openDatabase({ file, migrationsDir });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('DATABASE_TOO_NEW');
    expect((thrown as AppError).message).toContain(`${latest + 1}`);
    const after = snapshot(file);
    expect(after.version).toBe(latest + 1);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.bytes.equals(before.bytes)).toBe(true);
  });

  it('is refused by createApp too, without loading the starter pack into it', () => {
    const file = writeNewerFile();
    const before = snapshot(file);
    expect(() => createApp({ dataDir: join(file, '..'), resourcesDir: projectRoot })).toThrow(
      expect.objectContaining({ code: 'DATABASE_TOO_NEW' }),
    );
    const after = snapshot(file);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.version).toBe(latest + 1);
  });
});

describe('a failing migration', () => {
  const broken = {
    [`${String(latest + 1).padStart(4, '0')}_broken.sql`]:
      "CREATE TABLE half_done (n INTEGER) STRICT;\nINSERT INTO half_done VALUES ('not a number');\n",
  };

  it('rolls back every pending migration from an empty file', () => {
    const dir = migrationsDirWith(broken);
    const db = freshDb();
    expect(() => migrate(db, readMigrations(dir))).toThrow(/cannot store TEXT value/);
    expect(schemaVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual([]);
  });

  it('rolls back the new migration on an existing database, which keeps its version and data', () => {
    const dir = migrationsDirWith(broken);
    const file = join(makeTempDir(), 'debate-desk.sqlite');
    openDatabase({ file, migrationsDir }).close();
    expect(() => openDatabase({ file, migrationsDir: dir })).toThrow(/cannot store TEXT value/);
    const db = new Database(file, { readonly: true });
    closeLater(() => db.close());
    expect(schemaVersion(db)).toBe(latest);
    expect(tableNames(db)).not.toContain('half_done');
    expect(tableNames(db)).toContain('articles');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('readMigrations', () => {
  it('reads the files in numeric order and ignores files that are not .sql', () => {
    const dir = migrationsDirWith(
      {
        '0002_second.sql': 'SELECT 2;',
        '0003_third.sql': 'SELECT 3;',
        'README.md': '# notes',
      },
      false,
    );
    writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
    expect(readMigrations(dir).map((m) => [m.version, m.name, m.sql])).toEqual([
      [1, 'first', 'SELECT 1;'],
      [2, 'second', 'SELECT 2;'],
      [3, 'third', 'SELECT 3;'],
    ]);
  });

  it('refuses a gap in the numbering', () => {
    const dir = migrationsDirWith({ '0001_first.sql': 'SELECT 1;', '0003_third.sql': 'SELECT 3;' }, false);
    expect(() => readMigrations(dir)).toThrow(/without gaps; found 3/);
  });

  it('refuses numbering that does not start at 0001', () => {
    const dir = migrationsDirWith({ '0002_second.sql': 'SELECT 2;' }, false);
    expect(() => readMigrations(dir)).toThrow(/without gaps/);
  });

  it('refuses two migrations with the same number', () => {
    const dir = migrationsDirWith({ '0001_first.sql': 'SELECT 1;', '0001_again.sql': 'SELECT 1;' }, false);
    expect(() => readMigrations(dir)).toThrow(/without gaps/);
  });

  it.each([
    '1_initial.sql',
    '0001-initial.sql',
    '0001_Initial.sql',
    '00001_initial.sql',
    '0001_.sql',
    '0001 initial.sql',
  ])('refuses the badly named file %s', (name) => {
    const dir = migrationsDirWith({ [name]: 'SELECT 1;' }, false);
    expect(() => readMigrations(dir)).toThrow(/must look like 0001_name\.sql/);
  });
});

describe('an opened database', () => {
  it('uses WAL, enforces foreign keys and waits when busy', () => {
    const file = join(makeTempDir(), 'debate-desk.sqlite');
    const db = openDatabase({ file, migrationsDir });
    closeLater(() => db.close());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(schemaVersion(db)).toBe(latest);
    // foreign_keys is really on: an excerpt of a missing article is refused.
    expect(() =>
      db
        .prepare(
          `INSERT INTO excerpts (uuid, article_id, owner_id, kind, start_offset, end_offset, quote, created_at, updated_at)
           VALUES ('x', 999, 999, 'annotation', 0, 1, 'q', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reports a file that is not a database as DATABASE_ERROR', () => {
    const file = join(makeTempDir(), 'debate-desk.sqlite');
    writeFileSync(file, 'this is not an SQLite file, just some text that is long enough to have a header'.repeat(20));
    expect(() => openDatabase({ file, migrationsDir })).toThrow(expect.objectContaining({ code: 'DATABASE_ERROR' }));
  });
});
