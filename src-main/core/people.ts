// The roster: one teacher profile and the students of the class.
import type { Person, PersonUsage, Role } from '../shared/domain';
import { newUuid, nowIso } from './clock';
import type { Db } from './db/open';
import { AppError, notFound } from './errors';

interface PersonRow {
  id: number;
  uuid: string;
  name: string;
  role: Role;
}

const toPerson = (row: PersonRow): Person => ({
  id: row.uuid,
  name: row.name,
  role: row.role,
});

export function listPeople(db: Db): Person[] {
  const rows = db
    .prepare<[], PersonRow>(
      `SELECT id, uuid, name, role FROM people
       ORDER BY role = 'student', name COLLATE NOCASE`,
    )
    .all();
  return rows.map(toPerson);
}

export function findPersonRow(db: Db, uuid: string, role?: Role): PersonRow {
  const row = db.prepare<[string], PersonRow>('SELECT id, uuid, name, role FROM people WHERE uuid = ?').get(uuid);
  if (!row || (role && row.role !== role)) throw notFound(role === 'student' ? 'This student' : 'This person');
  return row;
}

export function personFromRow(row: PersonRow): Person {
  return toPerson(row);
}

/** Students pick themselves by name on a shared computer: two with the same name could not tell theirs apart. */
function assertNameFree(db: Db, name: string, exceptId = -1): void {
  const clash = db
    .prepare<[string, number], { id: number }>('SELECT id FROM people WHERE name = ? COLLATE NOCASE AND id <> ?')
    .get(name, exceptId);
  if (clash) throw new AppError('DUPLICATE', `There is already someone called “${name}” in the class.`);
}

export function addStudent(db: Db, rawName: string): Person {
  const name = rawName.normalize('NFC').trim();
  assertNameFree(db, name);
  const now = nowIso();
  const uuid = newUuid();
  db.prepare(`INSERT INTO people (uuid, name, role, created_at, updated_at) VALUES (?, ?, 'student', ?, ?)`).run(
    uuid,
    name,
    now,
    now,
  );
  return { id: uuid, name, role: 'student' };
}

export function renamePerson(db: Db, uuid: string, rawName: string): Person {
  const row = findPersonRow(db, uuid);
  const name = rawName.normalize('NFC').trim();
  assertNameFree(db, name, row.id);
  db.prepare('UPDATE people SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), row.id);
  return { ...toPerson(row), name };
}

/** What removing someone takes with them (their rows cascade), for the confirmation the teacher reads. */
export function personUsage(db: Db, uuid: string): PersonUsage {
  const row = findPersonRow(db, uuid);
  const counts = db
    .prepare<[number, number, number], { cards: number; annotations: number; placements: number }>(
      `SELECT (SELECT count(*) FROM excerpts WHERE owner_id = ? AND kind = 'card') AS cards,
              (SELECT count(*) FROM excerpts WHERE owner_id = ? AND kind = 'annotation') AS annotations,
              (SELECT count(*) FROM placements WHERE student_id = ? AND side IS NOT NULL) AS placements`,
    )
    .get(row.id, row.id, row.id) ?? { cards: 0, annotations: 0, placements: 0 };
  const debates = db
    .prepare<[number, number], { uuid: string; motion: string }>(
      `SELECT d.uuid, d.motion FROM debates d
       WHERE d.id IN (SELECT debate_id FROM placements WHERE student_id = ? AND side IS NOT NULL
                      UNION SELECT debate_id FROM positions WHERE student_id = ?)
       ORDER BY d.created_at`,
    )
    .all(row.id, row.id)
    .map((debate) => ({ id: debate.uuid, motion: debate.motion }));
  return {
    cardCount: counts.cards,
    annotationCount: counts.annotations,
    placementCount: counts.placements,
    debates,
  };
}

/** Removes a student and, by cascade, their cards, annotations, placements and positions. */
export function removeStudent(db: Db, uuid: string): void {
  const row = findPersonRow(db, uuid);
  if (row.role !== 'student') throw new AppError('FORBIDDEN', 'The teacher profile cannot be removed.');
  db.prepare('DELETE FROM people WHERE id = ?').run(row.id);
}
