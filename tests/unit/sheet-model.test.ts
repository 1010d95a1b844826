// The argument sheet's model and the batch list: what goes on a sheet, in which order, and safe file names.
import { afterEach, describe, expect, it } from 'vitest';
import { buildSheet } from '../../src-main/core/sheet/build';
import type { Board, Person } from '../../src-main/shared/domain';
import { DEFAULT_SHEET_OPTIONS, fileNamePart, sheetFileName, type SheetStudent } from '../../src-main/shared/sheet';
import { callOk, cleanUp, openApp, projectRoot, starterIds, teacherToken } from './helpers';

afterEach(cleanUp);

async function setUp() {
  const app = openApp();
  const ids = await starterIds(app);
  const student = ids.students[0]!;
  const ref = { debateId: ids.debate.id, studentId: student.id };
  const place = (cardId: string, side: 'A' | 'B' | null, index = 0) =>
    callOk<Board>(app, 'cards.place', { ...ref, cardId, side, index });
  const board = () => callOk<Board>(app, 'board.get', ref);
  return { app, ids, ref, student, place, board };
}

describe('the sheet model', () => {
  it('lists each side in the student order with the argument, and cites each article once', async () => {
    const { ids, ref, place, board, app } = await setUp();
    const [c1, c2, c3] = ids.cardIds as [string, string, string];
    await place(c1, 'A');
    await place(c2, 'A', 0); // before c1
    await place(c3, 'B');
    await callOk(app, 'placements.update', { ...ref, cardId: c2, reasoningMarkdown: 'Joint *drills*.', strength: 3 });
    const current = await board();
    const sheet = buildSheet(current, DEFAULT_SHEET_OPTIONS, '2026-11-23', projectRoot);

    expect(sheet.sides.map((side) => side.label)).toEqual([current.debate.sideA, current.debate.sideB]);
    expect(sheet.sides[0].cards.map((card) => card.cardId)).toEqual([c2, c1]);
    expect(sheet.sides[1].cards.map((card) => card.cardId)).toEqual([c3]);
    expect(sheet.sides[0].cards[0]).toMatchObject({
      reasoningMarkdown: 'Joint *drills*.',
      strength: 3,
      relevance: null,
    });
    expect(sheet.unused).toEqual([]);
    expect(sheet).toMatchObject({
      date: '2026-11-23',
      studentName: current.student.name,
      motion: current.debate.motion,
    });

    const citedArticles = new Set([c1, c2, c3].map((id) => current.cards.find((card) => card.id === id)!.articleId));
    expect(sheet.bibliography.map((entry) => entry.articleId).sort()).toEqual([...citedArticles].sort());
    for (const entry of sheet.bibliography) expect(entry.text.trim()).not.toBe('');
  });

  it('adds the unplaced cards only when asked, with no argument and their articles in the bibliography', async () => {
    const { ids, place, board } = await setUp();
    await place(ids.cardIds[0]!, 'A');
    const current = await board();
    const sheet = buildSheet(current, { ...DEFAULT_SHEET_OPTIONS, includeUnused: true }, '2026-11-23', projectRoot);
    expect(sheet.unused.map((card) => card.cardId)).toEqual(ids.cardIds.slice(1));
    expect(sheet.unused.every((card) => card.reasoningMarkdown === '' && card.strength === null)).toBe(true);
    const allArticles = new Set(current.cards.map((card) => card.articleId));
    expect(new Set(sheet.bibliography.map((entry) => entry.articleId))).toEqual(allArticles);
  });

  it('makes an empty sheet for a board with nothing placed', async () => {
    const { board } = await setUp();
    const sheet = buildSheet(await board(), DEFAULT_SHEET_OPTIONS, '2026-11-23', projectRoot);
    expect(sheet.sides.map((side) => side.cards.length)).toEqual([0, 0]);
    expect(sheet.bibliography).toEqual([]);
  });
});

describe('sheets.students', () => {
  it('lists every student alphabetically with cards placed and whether they started, for the teacher only', async () => {
    const { app, ids, ref, place, student } = await setUp();
    await place(ids.cardIds[0]!, 'A');
    await place(ids.cardIds[1]!, 'B');
    const other = ids.students[1]!;
    await callOk(app, 'positions.update', { debateId: ref.debateId, studentId: other.id, thesisMarkdown: 'Rivals.' });

    expect(
      await app.dispatch('sheets.students', { debateId: ref.debateId, teacherToken: 'not-a-token' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const students = await callOk<SheetStudent[]>(app, 'sheets.students', {
      debateId: ref.debateId,
      teacherToken: await teacherToken(app),
    });
    const roster = (await callOk<Person[]>(app, 'people.list')).filter((person) => person.role === 'student');
    expect(students.map((entry) => entry.name)).toEqual(
      roster.map((person) => person.name).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    const byId = new Map(students.map((entry) => [entry.id, entry]));
    expect(byId.get(student.id)).toMatchObject({ placedCount: 2, started: true });
    expect(byId.get(other.id)).toMatchObject({ placedCount: 0, started: true });
    for (const rest of ids.students.slice(2))
      expect(byId.get(rest.id)).toMatchObject({ placedCount: 0, started: false });
  });
});

describe('sheet file names', () => {
  it('keeps letters of any script and digits, and never lets a name become a path', () => {
    expect(fileNamePart('../../etc/passwd', 'x')).toBe('etc passwd');
    expect(fileNamePart('C:\\Windows\\system32', 'x')).toBe('C Windows system32');
    expect(fileNamePart('Zoë Ångström-Ruiz', 'x')).toBe('Zoë Ångström-Ruiz');
    expect(fileNamePart('مريم', 'x')).toBe('مريم');
    expect(fileNamePart('?!*:<>|"', 'Student')).toBe('Student');
    expect(fileNamePart('a'.repeat(200), 'x')).toHaveLength(60);
  });

  it('names a sheet after the debate, then the student', () => {
    expect(sheetFileName('Russia and China: alliance or rivalry?', 'Ana López', 'pdf')).toBe(
      'Russia and China alliance or rivalry - Ana López.pdf',
    );
    expect(sheetFileName('', '', 'docx')).toBe('Debate - Student.docx');
  });
});
