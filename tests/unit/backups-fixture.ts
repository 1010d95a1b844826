// Shared by the backup, recovery and storage tests: real apps on real data folders, with automatic backups off
// unless a test asks for them, and the class list as the simplest visible state to change and compare.
import { createApp, DATA_FILE_NAME, type AppOptions, type DebateDeskApp } from '../../src-main/core/app';
import type { BackupInfo } from '../../src-main/shared/backups';
import type { Person } from '../../src-main/shared/domain';
import { join } from 'node:path';
import { callOk, closeLater, makeTempDir, projectRoot, teacherToken } from './helpers';

export function startApp(dataDir: string = makeTempDir(), backups: AppOptions['backups'] = { automatic: false }) {
  const app = createApp({ dataDir, resourcesDir: projectRoot, backups });
  closeLater(() => void app.close());
  return app;
}

export const dataFileOf = (dataDir: string) => join(dataDir, DATA_FILE_NAME);

export async function addStudent(app: DebateDeskApp, name: string): Promise<Person> {
  return callOk<Person>(app, 'people.add', { teacherToken: await teacherToken(app), name });
}

export async function studentNames(app: DebateDeskApp): Promise<string[]> {
  const people = await callOk<Person[]>(app, 'people.list');
  return people.filter((person) => person.role === 'student').map((person) => person.name);
}

export async function backUpNow(app: DebateDeskApp): Promise<BackupInfo> {
  return callOk<BackupInfo>(app, 'backups.create', { teacherToken: await teacherToken(app) });
}

export async function listBackups(app: DebateDeskApp): Promise<BackupInfo[]> {
  return callOk<BackupInfo[]>(app, 'backups.list', { teacherToken: await teacherToken(app) });
}
