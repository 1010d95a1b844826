// The live session's phases per debate, kept in debates.phases_json ('' = the defaults). Checked on the way in
// (the contract) and on the way out: a damaged stored value gives the defaults, never an error.
import { DEFAULT_PHASES, phasesSchema, type LivePhase, type LivePhases } from '../shared/live';
import type { Db } from './db/open';
import { findDebate } from './debates';
import { notFound } from './errors';

/** The phases a stored phases_json value stands for; anything unreadable gives the defaults, marked as such. */
export function readStoredPhases(json: string): Omit<LivePhases, 'debateId'> {
  if (json === '') return { phases: DEFAULT_PHASES.map((phase) => ({ ...phase })), source: 'default' };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = phasesSchema.safeParse(value);
  if (parsed.success) return { phases: parsed.data, source: 'saved' };
  return { phases: DEFAULT_PHASES.map((phase) => ({ ...phase })), source: 'unreadable' };
}

export function getPhases(db: Db, debateId: string): LivePhases {
  const row = db
    .prepare<[string], { phases_json: string }>('SELECT phases_json FROM debates WHERE uuid = ?')
    .get(debateId);
  if (!row) throw notFound('This debate');
  return { debateId, ...readStoredPhases(row.phases_json) };
}

/** Stores the teacher's phases (already validated by the contract) for any debate, open or not. */
export function setPhases(db: Db, debateId: string, phases: LivePhase[]): LivePhases {
  const debate = findDebate(db, debateId);
  const stored = phases.map(({ name, minutes }) => ({ name: name.normalize('NFC'), minutes }));
  db.prepare('UPDATE debates SET phases_json = ? WHERE id = ?').run(JSON.stringify(stored), debate.rowId);
  return getPhases(db, debateId);
}
