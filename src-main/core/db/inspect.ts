// Looks at a data file (or a backup) without changing it and says, in plain words, whether it is a sound Debate
// Desk database: a SQLite header, a connection that opens, `quick_check`/`integrity_check` answering "ok", and our
// own tables (another app's SQLite file is as unusable to us as garbage).
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export type Inspection =
  | { state: 'missing' }
  /** A database that SQLite created but nothing was ever written to: a fresh start, not damage. */
  | { state: 'empty' }
  | { state: 'sound' }
  | { state: 'damaged'; problem: string };

export interface InspectOptions {
  /** integrity_check (every index entry too) instead of quick_check: for a backup about to be restored. */
  thorough?: boolean;
  nativeBinding?: string | undefined;
  /** The newest schema this app knows: a file from a newer app is not damaged, only refused later, untouched. */
  latestSchemaVersion?: number;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables every version of our schema has had since migration 0001. */
const OUR_TABLES = ['app_meta', 'people', 'articles', 'excerpts', 'debates', 'placements'];

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    const read = readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function inspectDatabaseFile(file: string, options: InspectOptions = {}): Inspection {
  if (!existsSync(file)) return { state: 'missing' };
  const size = statSync(file).size;
  if (size === 0) return { state: 'damaged', problem: 'the data file is empty (0 bytes)' };
  if (size < 512 || !readHeader(file).equals(SQLITE_HEADER)) {
    return { state: 'damaged', problem: 'the data file is not a database file (it holds something else)' };
  }
  let db: Database.Database;
  try {
    // Read-write, like the app itself: a WAL file beside it is replayed, as it would be when the app opens it.
    db = new Database(file, {
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    if (!isDamage(error)) throw error;
    return { state: 'damaged', problem: `the data file cannot be opened (${(error as Error).message})` };
  }
  try {
    // Another Debate Desk window on the same folder may be writing: wait for it as the app does.
    db.pragma('busy_timeout = 5000');
    const check = options.thorough ? 'integrity_check' : 'quick_check';
    const rows = db.pragma(`${check}(20)`) as Array<Record<string, string>>;
    const findings = rows.map((row) => Object.values(row)[0]);
    if (findings.length !== 1 || findings[0] !== 'ok') {
      return {
        state: 'damaged',
        problem: `the data file is damaged (SQLite's check found: ${findings.slice(0, 3).join('; ')})`,
      };
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
        (row) => row.name,
      ),
    );
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === 0 && tables.size === 0) return { state: 'empty' };
    if (options.latestSchemaVersion !== undefined && version > options.latestSchemaVersion) return { state: 'sound' };
    const missing = OUR_TABLES.filter((table) => !tables.has(table));
    if (version === 0 || missing.length > 0) {
      return { state: 'damaged', problem: 'the data file is a database of another program, not of Debate Desk' };
    }
    return { state: 'sound' };
  } catch (error) {
    // A folder that cannot be written to (no room for the -shm file) is a disk problem, not a damaged file.
    if (!isDamage(error)) throw error;
    return { state: 'damaged', problem: `the data file is damaged (${(error as Error).message})` };
  } finally {
    db.close();
  }
}

/** SQLite saying the file's content is wrong, as opposed to the disk refusing access (read-only, no permission). */
function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
