// Backups in words, for the messages the core writes (the start notice, restore answers).
import type { BackupReason } from '../../shared/backups';

const REASONS: Record<BackupReason, string> = {
  start: 'made when Debate Desk started',
  auto: 'made automatically while you worked',
  manual: 'made by the teacher',
  'before-restore': 'made just before a restore',
};

export function describeReason(reason: BackupReason): string {
  return REASONS[reason];
}

/** "on Sunday 6 December 2026 at 07:32", on this computer's clock. */
export function describeBackupTime(date: Date): string {
  const day = date.toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `on ${day} at ${time}`;
}
