// The roster: one teacher profile and the students of the class.
import type { Person, Role } from '../shared/domain';
import type { Db } from './db/open';
import { notFound } from './errors';

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
