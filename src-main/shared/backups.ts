// Backups and start notices on the wire: what the Backups view lists and what the start banner says.

/** Why a backup was made: on start, every few minutes of editing, by the teacher, or just before a restore. */
export const BACKUP_REASONS = ['start', 'auto', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface BackupInfo {
  /** The file's name in the backups folder: the label backups.restore takes, never a path. */
  name: string;
  /** When it was made, ISO 8601 UTC. */
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

export interface RestoreResult {
  /** The backup whose data is now in use. */
  restored: BackupInfo;
  /** The state just before the restore, kept as a backup of its own (so a restore can be undone). */
  safetyBackup: BackupInfo;
  /** The restored data has another teacher PIN (or none): teacher mode was locked, to be unlocked with that one. */
  teacherLocked: boolean;
}

/** Something everyone should know since the app started: a recovery, or a problem with the disk. */
export interface AppNotice {
  id: string;
  severity: 'warning' | 'error';
  title: string;
  /** Plain words: what happened, what was kept where, what may be missing. */
  message: string;
  /** When it happened, ISO 8601 UTC. */
  at: string;
}
