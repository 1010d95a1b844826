// Start notices that must outlive a restart until the teacher has read them: a damaged data file recovered from a
// backup is told once at start, and a laptop restarted before anyone looked must not lose the telling. Kept in a
// small JSON file beside the data file, not in it: a restore swaps the data file, and a damaged one is moved away.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppNotice } from '../shared/backups';

export const KEPT_NOTICES_FILE = 'notices.json';

const isNotice = (value: unknown): value is AppNotice => {
  const notice = value as Partial<AppNotice> | null;
  return (
    typeof notice === 'object' &&
    notice !== null &&
    typeof notice.id === 'string' &&
    (notice.severity === 'warning' || notice.severity === 'error') &&
    typeof notice.title === 'string' &&
    typeof notice.message === 'string' &&
    typeof notice.at === 'string'
  );
};

/** The notices kept in the data folder; a missing or unreadable file keeps none (it is only a reminder). */
export function readKeptNotices(dataDir: string): AppNotice[] {
  try {
    const kept: unknown = JSON.parse(readFileSync(join(dataDir, KEPT_NOTICES_FILE), 'utf8'));
    return Array.isArray(kept) ? kept.filter(isNotice) : [];
  } catch {
    return [];
  }
}

/** Writes the kept notices (a new file renamed over the old, so a crash leaves one or the other, whole). */
export function writeKeptNotices(dataDir: string, notices: readonly AppNotice[]): void {
  const file = join(dataDir, KEPT_NOTICES_FILE);
  const partial = `${file}.partial`;
  writeFileSync(partial, JSON.stringify(notices, null, 2));
  renameSync(partial, file);
}
