// Path traversal through file names: every API input that carries a file's name (articles.draftFromFile,
// packs.importDebate, work.import) treats it as a label only, never as a path to open or write; and every file
// name the API makes (sheets, work files, packs, batch exports) is a bare name, whatever the motion and names hold.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebateDeskApp } from '../../src-main/core/app';
import type { DebateSetup, Person } from '../../src-main/shared/domain';
import type { SharedFile } from '../../src-main/shared/packs';
import { batchFileNames, batchZipName } from '../../src-main/shared/sheet-batch';
import { SHEET_FORMATS } from '../../src-main/shared/sheet';
import { callOk, cleanUp, makeTempDir, openApp, openRaw, starterIds, tableCounts, teacherToken } from './helpers';
import { buildBoard, exportPack, twoMachines } from './packs-fixture';

const SECRET = 'SECRET-FILE-OUTSIDE-DEBATE-DESK';
const HARMLESS = '# A harmless note\n\nThis note came from the bytes the caller sent, not from any path.\n';

let victimDir: string;
let secretFile: string;

/** Every file under dir with its size and modification time: what "nothing was written" is checked against. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const stat = statSync(path);
    files[relative(dir, path)] = `${stat.size}:${stat.mtimeMs}`;
  }
  return files;
}

/** The names an attacker would try: climbing out, absolute paths (POSIX, Windows, UNC, file: URLs), NUL tricks. */
function hostileNames(): string[] {
  const climb = relative(process.cwd(), secretFile);
  return [
    secretFile,
    climb,
    `../../../../../../..${secretFile}`,
    '../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'C:/Windows/win.ini',
    '..\\..\\..\\secret.md',
    '\\\\server\\share\\secret.md',
    `file://${secretFile}`,
    `${secretFile}\0.pdf`,
    'notes.md\0../../etc/passwd',
  ];
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

beforeEach(() => {
  victimDir = makeTempDir('debate-desk-victim-');
  secretFile = join(victimDir, 'secret.md');
  writeFileSync(secretFile, `# ${SECRET}\n\n${SECRET}\n`);
});

afterEach(() => cleanUp());

describe('file names sent to the API are labels, never paths', () => {
  it('articles.draftFromFile reads the bytes it was sent, never the file its name points to', async () => {
    const app = openApp();
    const before = snapshot(victimDir);
    for (const fileName of hostileNames()) {
      const result = await app.dispatch('articles.draftFromFile', { fileName, dataBase64: base64(HARMLESS) });
      const answer = JSON.stringify(result);
      expect(answer, fileName).not.toContain(SECRET);
      if (result.ok) {
        expect(answer, fileName).toContain('came from the bytes the caller sent');
      } else {
        // A name the importer cannot place (no known extension) is refused in words, not with a crash.
        expect(result.error.code, fileName).toBe('INVALID_INPUT');
        expect(result.error.message.length, fileName).toBeGreaterThan(10);
      }
    }
    // A name that looks like a PDF but whose bytes are Markdown is judged by the bytes, not by opening the name.
    const pdfNamed = await app.dispatch('articles.draftFromFile', {
      fileName: secretFile.replace(/\.md$/, '.pdf'),
      dataBase64: base64(HARMLESS),
    });
    expect(JSON.stringify(pdfNamed)).not.toContain(SECRET);
    expect(snapshot(victimDir)).toEqual(before);
  });

  it('packs.importDebate and work.import import the bytes under any name and write nothing beside them', async () => {
    const machines = await twoMachines();
    const pack = await exportPack(machines);
    await callOk(machines.student, 'packs.importDebate', { fileName: pack.fileName, dataBase64: pack.dataBase64 });
    await buildBoard(machines);
    const work = await callOk<SharedFile>(machines.student, 'work.export', {
      debateId: machines.debate.id,
      studentId: machines.studentId,
    });
    const before = snapshot(victimDir);
    const studentBefore = tableCounts(openRaw(machines.student.dataFile, { readonly: true }));

    for (const fileName of hostileNames()) {
      // A file name over a real pack: the pack is imported (or found already there); the name is only shown.
      const imported = await machines.student.dispatch('packs.importDebate', {
        fileName,
        dataBase64: pack.dataBase64,
      });
      expect(imported.ok, `${fileName}: ${JSON.stringify(imported)}`).toBe(true);
      const handedIn = await machines.teacher.dispatch('work.import', {
        teacherToken: machines.token,
        fileName,
        dataBase64: work.dataBase64,
      });
      expect(handedIn.ok, `${fileName}: ${JSON.stringify(handedIn)}`).toBe(true);

      // The same name over bytes that are not a Debate Desk file: a plain-words refusal naming the file.
      const refused = await machines.student.dispatch('packs.importDebate', {
        fileName,
        dataBase64: base64(HARMLESS),
      });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('INVALID_INPUT');
        expect(refused.error.message).toMatch(
          /cannot be imported: it is not a Debate Desk file.*Nothing was changed\./,
        );
        expect(refused.error.message).not.toContain(SECRET);
      }
    }
    // Re-importing the same pack adds nothing; the refused files changed nothing.
    expect(tableCounts(openRaw(machines.student.dataFile, { readonly: true }))).toEqual(studentBefore);
    expect(snapshot(victimDir)).toEqual(before);
    expect(readFileSync(secretFile, 'utf8')).toContain(SECRET);
  });
});

describe('file names the API makes', () => {
  const HOSTILE_STUDENT = '../../etc/passwd';
  const HOSTILE_MOTION = '..\\..\\Windows\\System32\\drivers:evil/../../.bashrc';

  /** A bare file name: no folder separators, no drive colon, no NUL or control characters, no leading dot. */
  function expectBareName(name: string): void {
    expect(name, name).not.toMatch(/[/\\:]/);
    // eslint-disable-next-line no-control-regex
    expect(name, name).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(name.startsWith('.'), name).toBe(false);
    expect(name.split(' ').includes('..'), name).toBe(false);
  }

  it('sheets, work files and packs are named without any path, whatever the motion and names say', async () => {
    const app: DebateDeskApp = openApp(makeTempDir());
    const token = await teacherToken(app);
    const ids = await starterIds(app);
    const student = await callOk<Person>(app, 'people.add', { teacherToken: token, name: HOSTILE_STUDENT });
    const debate = await callOk<DebateSetup>(app, 'debates.update', {
      teacherToken: token,
      debateId: ids.debate.id,
      motion: HOSTILE_MOTION,
    });
    const ref = { debateId: debate.id, studentId: student.id };
    const names: string[] = [];
    for (const format of SHEET_FORMATS.filter((f) => f !== 'pdf')) {
      const sheet = await callOk<SharedFile>(app, 'sheets.export', {
        ...ref,
        format,
        options: { style: 'mla', layout: 'standard', includeUnused: false },
      });
      names.push(sheet.fileName);
    }
    names.push((await callOk<SharedFile>(app, 'work.export', ref)).fileName);
    names.push(
      (await callOk<SharedFile>(app, 'packs.exportDebate', { teacherToken: token, debateId: debate.id })).fileName,
    );
    names.push(...batchFileNames(HOSTILE_MOTION, [HOSTILE_STUDENT, '..', '.', 'C:\\x', '\0'], 'docx'));
    names.push(batchZipName(HOSTILE_MOTION));
    expect(names.length).toBe(11);
    for (const name of names) expectBareName(name);
  });
});

describe('backups.restore takes the name of a listed backup, never a path', () => {
  it('refuses every path, even to a sound backup-named database outside the backups folder, and changes nothing', async () => {
    const dataDir = makeTempDir();
    const app = openApp(dataDir);
    const token = await teacherToken(app);
    const made = await callOk<{ name: string }>(app, 'backups.create', { teacherToken: token });
    // A sound backup of ours, outside the backups folder where a climbing name would reach it: it would restore.
    const bait = 'debate-desk-20261206-070509-manual.sqlite';
    writeFileSync(join(victimDir, bait), readFileSync(join(dataDir, 'backups', made.name)));
    const before = { data: snapshot(dataDir), victim: snapshot(victimDir) };
    const studentsBefore = tableCounts(openRaw(join(dataDir, 'debate-desk.sqlite'), { readonly: true }));
    const climb = relative(join(dataDir, 'backups'), join(victimDir, bait));
    for (const name of [...hostileNames(), join(victimDir, bait), climb, `backups/${bait}`, `./${bait}`, bait]) {
      const result = await app.dispatch('backups.restore', { teacherToken: token, name });
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(['INVALID_INPUT', 'NOT_FOUND'], `${name}: ${result.error.code}`).toContain(result.error.code);
        expect(result.error.message, name).not.toContain(SECRET);
      }
    }
    expect(snapshot(victimDir)).toEqual(before.victim);
    expect(tableCounts(openRaw(join(dataDir, 'debate-desk.sqlite'), { readonly: true }))).toEqual(studentsBefore);
    expect(Object.keys(snapshot(dataDir)).filter((file) => file.startsWith('backups'))).toEqual(
      Object.keys(before.data).filter((file) => file.startsWith('backups')),
    );
  });
});
