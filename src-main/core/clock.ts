// Ids and timestamps for new rows: UUIDs so that files from other machines merge, ISO 8601 UTC times.
import { randomUUID } from 'node:crypto';

export const newUuid = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
