// Backups as a teacher reads them: when (in words and how long ago), why, and how big.
import type { BackupInfo, BackupReason } from '../../src-main/shared/backups';

const REASON_LABELS: Record<BackupReason, string> = {
  start: 'When Debate Desk started',
  auto: 'Automatic, while working',
  manual: 'Made by the teacher',
  'before-restore': 'Just before a restore',
};

export function reasonLabel(reason: BackupReason): string {
  return REASON_LABELS[reason];
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
// With seconds: two backups made in the same minute must not read (or be announced) alike.
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "Sunday 6 December 2026 at 07:32:05" on this computer's clock. */
export function backupWhen(backup: Pick<BackupInfo, 'createdAt'>): string {
  const date = new Date(backup.createdAt);
  return `${dayFormat.format(date)} at ${timeFormat.format(date)}`;
}

/** "just now", "12 minutes ago", "3 hours ago", "2 days ago". */
export function backupAge(backup: Pick<BackupInfo, 'createdAt'>, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(backup.createdAt).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

export function backupSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
