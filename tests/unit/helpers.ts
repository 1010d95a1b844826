// Shared test plumbing: temp data dirs, real apps over real SQLite files, and a way to read those files directly.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type DebateDeskApp } from '../../src-main/core/app';
import type { Board, DebateSummary, Person } from '../../src-main/shared/domain';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const migrationsDir = join(projectRoot, 'db', 'migrations');
export const starterDir = join(projectRoot, 'resources', 'starter');

export const STARTER_MOTION = 'Russia and China after the Kazakhstan crisis (January 2022): alliance or rivalry?';

const tempDirs: string[] = [];
const closers: Array<() => void> = [];

/** A fresh empty directory under the OS temp dir, removed by cleanUp(). */
export function makeTempDir(prefix = 'debate-desk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Something to close before the temp dirs go (apps, raw connections, hosts). */
export function closeLater(close: () => void): void {
  closers.push(close);
}

/** For afterEach: closes everything opened through these helpers, then deletes the temp dirs. */
export function cleanUp(): void {
  for (const close of closers.splice(0).reverse()) {
    try {
      close();
    } catch {
      // already closed by the test itself
    }
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A real app over a real SQLite file (a new temp dir unless one is given), closed by cleanUp(). */
export function openApp(dataDir: string = makeTempDir(), resourcesDir: string = projectRoot): DebateDeskApp {
  const app = createApp({ dataDir, resourcesDir });
  closeLater(() => app.close());
  return app;
}

/** A second, raw connection to an app's data file, for checking (or tampering with) what is really stored. */
export function openRaw(file: string, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  db.pragma('busy_timeout = 5000');
  closeLater(() => db.close());
  return db;
}

/** Calls a method and returns its value, failing the test with the envelope's error otherwise. */
export async function callOk<T>(app: DebateDeskApp, method: string, input: unknown = {}): Promise<T> {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

export interface StarterIds {
  debate: DebateSummary;
  teacher: Person;
  students: Person[];
  board: Board;
  cardIds: string[];
}

/** The starter debate, roster and card pool ids, as the UI would learn them. */
export async function starterIds(app: DebateDeskApp): Promise<StarterIds> {
  const debates = await callOk<DebateSummary[]>(app, 'debates.list');
  const debate = debates.find((d) => d.motion === STARTER_MOTION);
  if (!debate) throw new Error('the starter debate is missing');
  const people = await callOk<Person[]>(app, 'people.list');
  const teacher = people.find((p) => p.role === 'teacher');
  if (!teacher) throw new Error('the starter teacher is missing');
  const students = people.filter((p) => p.role === 'student');
  const firstStudent = students[0];
  if (!firstStudent) throw new Error('the starter students are missing');
  const board = await callOk<Board>(app, 'board.get', {
    debateId: debate.id,
    studentId: firstStudent.id,
  });
  return {
    debate,
    teacher,
    students,
    board,
    cardIds: board.cards.map((card) => card.id),
  };
}

const DOMAIN_TABLES = [
  'app_meta',
  'people',
  'articles',
  'excerpts',
  'debates',
  'debate_articles',
  'debate_pool',
  'placements',
] as const;

/** Row counts of every domain table, to prove that a refused or failed call wrote nothing. */
export function tableCounts(db: Database.Database): Record<(typeof DOMAIN_TABLES)[number], number> {
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return Object.fromEntries(DOMAIN_TABLES.map((table) => [table, count(table)])) as Record<
    (typeof DOMAIN_TABLES)[number],
    number
  >;
}

export const TEST_PIN = '2468';
const teacherTokens = new WeakMap<DebateDeskApp, string>();

/** A teacher token for this app, setting the PIN on first use as the teacher would. */
export async function teacherToken(app: DebateDeskApp): Promise<string> {
  const known = teacherTokens.get(app);
  if (known) return known;
  const { pinSet } = await callOk<{ pinSet: boolean }>(app, 'teacher.status');
  const { teacherToken: token } = await callOk<{ teacherToken: string }>(
    app,
    pinSet ? 'teacher.unlock' : 'teacher.setPin',
    { pin: TEST_PIN },
  );
  teacherTokens.set(app, token);
  return token;
}
