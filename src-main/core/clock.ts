// Ids and timestamps for new rows: UUIDs so that files from other machines merge, ISO 8601 UTC times.
import { randomUUID } from 'node:crypto';

export const newUuid = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
/** Today on this machine's calendar, YYYY-MM-DD (what a sheet is dated). */
export const todayLocal = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};
