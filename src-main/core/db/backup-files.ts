// The backups folder: how backup files are named, which names are backups, and which backups the retention rule
// keeps. Pure functions over names and dates (the clock is passed in), so the rule is tested without waiting days.
import { BACKUP_REASONS, type BackupReason } from '../../shared/backups';

export const BACKUPS_DIR_NAME = 'backups';
/** A backup is written under this suffix and renamed when complete: a half-written file never looks like a backup. */
export const PARTIAL_SUFFIX = '.partial';

/** Keep the newest this many backups… */
export const KEEP_NEWEST = 10;
/** …plus the newest backup of each of this many calendar days (today included). */
export const KEEP_DAILY_DAYS = 7;

export interface BackupName {
  name: string;
  createdAt: Date;
  reason: BackupReason;
  /** 1, or 2, 3, … for a second backup made in the same second (ordering within the second). */
  sequence: number;
}

// debate-desk-YYYYMMDD-HHMMSS[-N]-<reason>.sqlite, the time in UTC so that names sort the way time runs.
const BACKUP_NAME = new RegExp(
  `^debate-desk-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-(\\d{1,3}))?-(${BACKUP_REASONS.join('|')})\\.sqlite$`,
);

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function stampOf(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

/** The name for a new backup made at `date`, never one of `existing` (a second one in the same second gets -2). */
export function newBackupName(date: Date, reason: BackupReason, existing: readonly BackupName[]): string {
  const stamp = stampOf(date);
  const sameSecond = existing.filter((backup) => stampOf(backup.createdAt) === stamp);
  const sequence = sameSecond.length === 0 ? 1 : Math.max(...sameSecond.map((backup) => backup.sequence)) + 1;
  return `debate-desk-${stamp}${sequence === 1 ? '' : `-${sequence}`}-${reason}.sqlite`;
}

/** The backup a file name stands for, or null when the name is not one of ours (such files are never touched). */
export function parseBackupName(name: string): BackupName | null {
  const match = BACKUP_NAME.exec(name);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds, sequence, reason] = match;
  const createdAt = new Date(
    Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds)),
  );
  if (Number.isNaN(createdAt.getTime()) || stampOf(createdAt) !== name.slice(12, 27)) return null;
  return { name, createdAt, reason: reason as BackupReason, sequence: sequence ? Number(sequence) : 1 };
}

/** Newest first. */
export function sortNewestFirst<T extends BackupName>(backups: readonly T[]): T[] {
  return [...backups].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence || b.name.localeCompare(a.name),
  );
}

/** A calendar day on this computer's clock: a teacher's "yesterday" is local. */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The retention rule: keep the newest KEEP_NEWEST backups, plus the newest backup of each of the last
 * KEEP_DAILY_DAYS calendar days, and never the `protect`ed ones (the one just made, the one being restored).
 * Returns the backups to delete.
 */
export function backupsToDelete<T extends BackupName>(
  backups: readonly T[],
  now: Date,
  protect: readonly string[] = [],
): T[] {
  const newestFirst = sortNewestFirst(backups);
  const keep = new Set<string>([...newestFirst.slice(0, KEEP_NEWEST).map((backup) => backup.name), ...protect]);
  const firstDay = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (KEEP_DAILY_DAYS - 1));
  const daysSeen = new Set<string>();
  for (const backup of newestFirst) {
    if (backup.createdAt < firstDay || backup.createdAt > now) continue;
    const day = localDay(backup.createdAt);
    if (daysSeen.has(day)) continue;
    daysSeen.add(day);
    keep.add(backup.name);
  }
  return newestFirst.filter((backup) => !keep.has(backup.name));
}
