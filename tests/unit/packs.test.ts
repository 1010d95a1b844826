// Offline sharing by files between two computers: debate packs (teacher → student) and work files (student → teacher).
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Board, DebateSetup } from '../../src-main/shared/domain';
import { FORMAT_VERSION, PACK_FORMAT, WORK_FORMAT, writeArchive } from '../../src-main/core/packs/manifest';
import { callOk, cleanUp, openRaw, tableCounts, teacherToken } from './helpers';
import { buildBoard, bytesOf, exportPack, importPack, importWorkFile, toBase64, twoMachines } from './packs-fixture';

afterEach(cleanUp);

const counts = (app: { dataFile: string }) => {
  const db = openRaw(app.dataFile, { readonly: true });
  const extra = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { ...tableCounts(db), positions: extra('positions'), work_imports: extra('work_imports') };
};

describe('debate packs', () => {
  it('creates the debate on the other computer, then changes nothing the second time', async () => {
    const m = await twoMachines();
    const pack = await exportPack(m);
    expect(pack.fileName).toMatch(/\.ddpack$/);
    const first = await importPack(m.student, pack);
    expect(first.outcome).toBe('created');
    expect(first.articlesAdded).toBe(1); // the starter article is already there (same id): no duplicate
    const setup = await callOk<DebateSetup>(m.student, 'debates.get', { debateId: m.debate.id });
    expect(setup.motion).toBe(m.debate.motion);
    expect(setup.instructionsMarkdown).toContain('onerror'); // stored as text; rendering sanitizes it
    expect(setup.pool.map((c) => c.id)).toEqual(m.debate.pool.map((c) => c.id));
    expect(setup.articleIds).toEqual(m.debate.articleIds);

    const before = counts(m.student);
    const again = await importPack(m.student, pack);
    expect(again.outcome).toBe('unchanged');
    expect(again.message).toContain('nothing changed');
    expect(counts(m.student)).toEqual(before);
  });

  it('a newer pack updates the debate and leaves the students’ boards alone; an older one changes nothing', async () => {
    const m = await twoMachines();
    const oldPack = await exportPack(m);
    await importPack(m.student, oldPack);
    const board = await buildBoard(m);
    await callOk(m.teacher, 'debates.update', {
      teacherToken: m.token,
      debateId: m.debate.id,
      motion: 'Samarkand: partners?',
    });
    const newPack = await exportPack(m);
    const updated = await importPack(m.student, newPack);
    expect(updated.outcome).toBe('updated');
    const after = await callOk<Board>(m.student, 'board.get', { debateId: m.debate.id, studentId: m.studentId });
    expect(after.debate.motion).toBe('Samarkand: partners?');
    expect(after.placements).toEqual(board.placements);
    expect(after.position).toEqual(board.position);

    const before = counts(m.student);
    const older = await importPack(m.student, oldPack);
    expect(older.outcome).toBe('older');
    expect(counts(m.student)).toEqual(before);
    expect((await callOk<DebateSetup>(m.student, 'debates.get', { debateId: m.debate.id })).motion).toBe(
      'Samarkand: partners?',
    );
  });

  it('a newer pack with an edited article updates its text and re-anchors the students’ highlights', async () => {
    const m = await twoMachines();
    await importPack(m.student, await exportPack(m));
    await buildBoard(m);
    const articleId = m.debate.articleIds[0]!;
    const article = await callOk<{ bodyMarkdown: string; title: string }>(m.teacher, 'articles.get', { articleId });
    await callOk(m.teacher, 'articles.update', {
      teacherToken: m.token,
      articleId,
      title: article.title,
      bodyMarkdown: `A new first paragraph, added by the teacher.\n\n${article.bodyMarkdown}`,
    });
    const result = await importPack(m.student, await exportPack(m));
    expect(result).toMatchObject({ outcome: 'updated', articlesUpdated: 1, articlesAdded: 0 });
    const here = await callOk<{ bodyText: string }>(m.student, 'articles.get', { articleId });
    expect(here.bodyText).toContain('A new first paragraph');
    const own = await callOk<Array<{ quote: string; start: number; orphaned: boolean }>>(m.student, 'excerpts.list', {
      articleId,
      personId: m.studentId,
    });
    const card = own.find((excerpt) => excerpt.quote === 'Observers noted warm words');
    expect(card?.orphaned).toBe(false);
    expect(here.bodyText.slice(card!.start, card!.start + card!.quote.length)).toBe(card!.quote);
  });

  it('the same article under another id is matched by its text, not duplicated', async () => {
    const m = await twoMachines();
    // The student's computer already has the new article, imported on its own (another id).
    const studentToken = await teacherToken(m.student);
    await callOk(m.student, 'articles.create', {
      teacherToken: studentToken,
      title: 'Same text, own copy',
      bodyMarkdown: (
        await callOk<{ bodyMarkdown: string }>(m.teacher, 'articles.get', { articleId: m.debate.articleIds[0] })
      ).bodyMarkdown,
    });
    const articlesBefore = counts(m.student).articles;
    const result = await importPack(m.student, await exportPack(m), studentToken);
    expect(result.articlesAdded).toBe(0);
    expect(counts(m.student).articles).toBe(articlesBefore);
    const before = counts(m.student);
    expect((await importPack(m.student, await exportPack(m), studentToken)).outcome).toBe('unchanged');
    expect(counts(m.student)).toEqual(before);
  });

  it('needs the teacher where a PIN is set, and anyone may import where none is', async () => {
    const m = await twoMachines();
    const pack = await exportPack(m);
    await teacherToken(m.student); // the PIN is now set on the "student" computer
    const refused = await m.student.dispatch('packs.importDebate', {
      fileName: pack.fileName,
      dataBase64: pack.dataBase64,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('work files', () => {
  it('the teacher imports a student’s work; the same file again changes nothing; a newer one replaces it', async () => {
    const m = await twoMachines();
    await importPack(m.student, await exportPack(m));
    const board = await buildBoard(m);
    const work = await callOk<{ fileName: string; dataBase64: string; mimeType: string }>(m.student, 'work.export', {
      debateId: m.debate.id,
      studentId: m.studentId,
    });
    expect(work.fileName).toMatch(/\.ddwork$/);
    const result = await importWorkFile(m, work);
    expect(result).toMatchObject({
      outcome: 'imported',
      placements: 3,
      cards: 1,
      annotations: 1,
      addedToRoster: false,
    });
    const onTeacher = await callOk<Board>(m.teacher, 'board.get', { debateId: m.debate.id, studentId: m.studentId });
    expect(onTeacher.placements).toEqual(board.placements);
    expect(onTeacher.position).toEqual(board.position);
    expect(onTeacher.cards.map((c) => c.id).sort()).toEqual(board.cards.map((c) => c.id).sort());

    const before = counts(m.teacher);
    expect((await importWorkFile(m, work)).outcome).toBe('unchanged');
    expect(counts(m.teacher)).toEqual(before);

    await callOk(m.student, 'cards.place', {
      debateId: m.debate.id,
      studentId: m.studentId,
      cardId: board.placements[0]!.cardId,
      side: null,
      index: 0,
    });
    const newer = await callOk<{ fileName: string; dataBase64: string; mimeType: string }>(m.student, 'work.export', {
      debateId: m.debate.id,
      studentId: m.studentId,
    });
    const replaced = await importWorkFile(m, newer);
    expect(replaced.outcome).toBe('replaced');
    const teacherBoard = await callOk<Board>(m.teacher, 'board.get', { debateId: m.debate.id, studentId: m.studentId });
    expect(teacherBoard.placements).toHaveLength(2);
    const older = await importWorkFile(m, work);
    expect(older.outcome).toBe('older');
    expect(
      (await callOk<Board>(m.teacher, 'board.get', { debateId: m.debate.id, studentId: m.studentId })).placements,
    ).toHaveLength(2);
  });

  it('adds a student the teacher does not know, by id', async () => {
    const m = await twoMachines();
    await importPack(m.student, await exportPack(m));
    const token = await teacherToken(m.student);
    const newcomer = await callOk<{ id: string }>(m.student, 'people.add', { teacherToken: token, name: 'Newcomer' });
    m.studentId = newcomer.id;
    await buildBoard(m);
    const work = await callOk<{ fileName: string; dataBase64: string; mimeType: string }>(m.student, 'work.export', {
      debateId: m.debate.id,
      studentId: newcomer.id,
    });
    const result = await importWorkFile(m, work);
    expect(result.addedToRoster).toBe(true);
    expect(result.message).toContain('was added');
    const people = await callOk<Array<{ id: string; name: string }>>(m.teacher, 'people.list');
    expect(people.find((p) => p.id === newcomer.id)?.name).toBe('Newcomer');
  });

  it('refuses a work file for a debate this computer does not have, naming the file and the debate', async () => {
    const m = await twoMachines();
    await importPack(m.student, await exportPack(m));
    await buildBoard(m);
    const work = await callOk<{ fileName: string; dataBase64: string }>(m.student, 'work.export', {
      debateId: m.debate.id,
      studentId: m.studentId,
    });
    const studentToken = await teacherToken(m.student);
    // The teacher machine here is a third, fresh one: it does not have the debate.
    const { openApp } = await import('./helpers');
    const elsewhere = openApp();
    const token = await teacherToken(elsewhere);
    const before = counts(elsewhere);
    const refused = await elsewhere.dispatch('work.import', { teacherToken: token, ...work });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (refused.ok) return;
    expect(refused.error.message).toContain(work.fileName);
    expect(refused.error.message).toContain('Samarkand 2022: a real partnership?');
    expect(refused.error.message).toContain('not on this computer');
    expect(counts(elsewhere)).toEqual(before);
    void studentToken;
  });
});

describe('bad files', () => {
  const manifest = (format: string, version = FORMAT_VERSION) => ({
    format: format as typeof PACK_FORMAT,
    version: version as typeof FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    appVersion: '0.1.0',
    debate: { id: '00000000-0000-4000-8000-000000000000', motion: 'x' },
  });

  async function refusal(fileName: string, bytes: Uint8Array, method = 'packs.importDebate') {
    const m = await twoMachines();
    const before = counts(m.teacher);
    const result = await m.teacher.dispatch(method, { teacherToken: m.token, fileName, dataBase64: toBase64(bytes) });
    expect(counts(m.teacher)).toEqual(before);
    if (result.ok) throw new Error('it was accepted');
    expect(result.error.message).toContain(`“${fileName}”`);
    return result.error;
  }

  it('not a zip, a zip of something else, truncated', async () => {
    expect((await refusal('notes.ddpack', strToU8('hello there, not a zip at all'))).message).toContain('not a zip');
    expect((await refusal('photos.ddpack', zipSync({ 'a.jpg': strToU8('jpeg') }))).message).toContain(
      'no manifest.json',
    );
    const m = await twoMachines();
    const pack = bytesOf(await exportPack(m));
    expect((await refusal('cut.ddpack', pack.subarray(0, Math.floor(pack.length / 2)))).message).toMatch(/incomplete/);
  });

  it('a work file where a pack is expected, a future version, an unknown version', async () => {
    const work = writeArchive(
      {
        ...manifest(WORK_FORMAT),
        format: WORK_FORMAT,
        student: { id: '00000000-0000-4000-8000-000000000001', name: 'A' },
      },
      { 'work.json': '{}' },
    );
    expect((await refusal('w.ddpack', work)).message).toContain('is a work file, not a debate pack');
    const future = writeArchive(manifest(PACK_FORMAT, 2), { 'debate.json': '{}' });
    expect((await refusal('future.ddpack', future)).message).toContain('made by a newer Debate Desk');
  });

  it('paths with .. or absolute paths, and zip bombs, are refused while reading', async () => {
    expect(
      (await refusal('dots.ddpack', zipSync({ 'manifest.json': strToU8('{}'), '../evil.txt': strToU8('x') }))).message,
    ).toContain('..');
    expect(
      (await refusal('abs.ddpack', zipSync({ 'manifest.json': strToU8('{}'), '/etc/evil': strToU8('x') }))).message,
    ).toContain('absolute path');
    const bomb = zipSync({ 'manifest.json': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const error = await refusal('bomb.ddwork', bomb, 'work.import');
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('unpacks to more than');
  });
});
