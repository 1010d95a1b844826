// Arguing a board: reasoning and ratings per placed card, thesis and conclusion, restore (undo/redo), locked debates.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Board,
  BoardArrangement,
  BoardPlacement,
  DebateSetup,
  StudentPosition,
} from '../../src-main/shared/domain';
import { callOk, cleanUp, openApp, openRaw, starterIds, tableCounts, teacherToken } from './helpers';

afterEach(cleanUp);

async function setUp() {
  const app = openApp();
  const ids = await starterIds(app);
  const ref = { debateId: ids.debate.id, studentId: ids.students[0]!.id };
  const [c1, c2, c3] = ids.cardIds;
  if (!c1 || !c2 || !c3) throw new Error('the starter pool has too few cards');
  const place = (cardId: string, side: 'A' | 'B' | null, index = 0) =>
    callOk<BoardArrangement>(app, 'cards.place', { ...ref, cardId, side, index });
  const argue = (cardId: string, changes: Record<string, unknown>) =>
    callOk<BoardPlacement>(app, 'placements.update', { ...ref, cardId, ...changes });
  const board = () => callOk<Board>(app, 'board.get', ref);
  return { app, ids, ref, c1, c2, c3, place, argue, board };
}

describe('arguing each placement', () => {
  it('saves reasoning, strength and relevance separately, changing only the fields given', async () => {
    const { c1, place, argue, board } = await setUp();
    await place(c1, 'A');
    expect(await argue(c1, { reasoningMarkdown: 'Shows **joint** interests.' })).toEqual({
      cardId: c1,
      side: 'A',
      position: 0,
      reasoningMarkdown: 'Shows **joint** interests.',
      strength: null,
      relevance: null,
      version: expect.any(Number),
    });
    await argue(c1, { strength: 3 });
    await argue(c1, { relevance: 1 });
    expect((await board()).placements[0]).toMatchObject({
      reasoningMarkdown: 'Shows **joint** interests.',
      strength: 3,
      relevance: 1,
    });
    await argue(c1, { strength: null });
    expect((await board()).placements[0]).toMatchObject({ strength: null, relevance: 1 });
  });

  it('refuses ratings outside 1–3 and reasoning for a card that is not on a side', async () => {
    const { app, ref, c1, c2, place, argue } = await setUp();
    await place(c1, 'B');
    for (const bad of [{ strength: 0 }, { strength: 4 }, { relevance: 2.5 }, { strength: '3' }]) {
      expect(await app.dispatch('placements.update', { ...ref, cardId: c1, ...bad })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(await app.dispatch('placements.update', { ...ref, cardId: c2, reasoningMarkdown: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/not on a side/) },
    });
    await argue(c1, { reasoningMarkdown: 'kept' });
  });

  it('keeps the reasoning of a card sent back to the pool, and shows it again when it returns', async () => {
    const { c1, place, argue } = await setUp();
    await place(c1, 'A');
    await argue(c1, { reasoningMarkdown: 'Worth keeping', strength: 2 });
    expect((await place(c1, null)).placements).toEqual([]);
    expect((await place(c1, 'B')).placements).toEqual([
      { cardId: c1, side: 'B', position: 0, reasoningMarkdown: 'Worth keeping', strength: 2, relevance: null },
    ]);
  });

  it('saves thesis and conclusion per student per debate', async () => {
    const { app, ids, ref, board } = await setUp();
    expect((await board()).position).toEqual({ thesisMarkdown: '', conclusionMarkdown: '' });
    await callOk(app, 'positions.update', { ...ref, thesisMarkdown: 'A marriage of convenience.' });
    const position = await callOk<StudentPosition>(app, 'positions.update', {
      ...ref,
      conclusionMarkdown: 'Rivalry wins.',
    });
    expect(position).toEqual({
      thesisMarkdown: 'A marriage of convenience.',
      conclusionMarkdown: 'Rivalry wins.',
      thesisVersion: expect.any(Number),
      conclusionVersion: expect.any(Number),
    });
    expect((await board()).position).toEqual({
      thesisMarkdown: 'A marriage of convenience.',
      conclusionMarkdown: 'Rivalry wins.',
    });
    const other = await callOk<Board>(app, 'board.get', { ...ref, studentId: ids.students[1]!.id });
    expect(other.position).toEqual({ thesisMarkdown: '', conclusionMarkdown: '' });
  });
});

describe('board.restore (undo and redo)', () => {
  it('puts back sides, order, reasoning, ratings and position exactly as the snapshot has them', async () => {
    const { app, ref, c1, c2, c3, place, argue, board } = await setUp();
    await place(c1, 'A');
    await place(c2, 'A', 1);
    await argue(c2, { reasoningMarkdown: 'before', strength: 1 });
    await callOk(app, 'positions.update', { ...ref, thesisMarkdown: 'first thesis' });
    const snapshot = await board();

    await place(c2, 'B');
    await place(c3, 'A', 0);
    await argue(c2, { reasoningMarkdown: 'after', relevance: 3 });
    await callOk(app, 'positions.update', { ...ref, thesisMarkdown: 'second thesis' });
    const later = await board();

    const undone = await callOk<BoardArrangement>(app, 'board.restore', {
      ...ref,
      placements: snapshot.placements,
      position: snapshot.position,
    });
    expect(undone).toEqual({ placements: snapshot.placements, position: snapshot.position, versions: undone.versions });
    // The content comes back; the versions move on (a restore is a write like any other).
    expect({ ...(await board()), versions: null }).toEqual({ ...snapshot, versions: null });

    const redone = await callOk<BoardArrangement>(app, 'board.restore', {
      ...ref,
      placements: later.placements,
      position: later.position,
    });
    expect(redone.placements).toEqual(later.placements);
    expect(redone.position.thesisMarkdown).toBe('second thesis');
  });

  it('refuses a card twice or a card not on this board, writing nothing', async () => {
    const { app, ref, c1, place } = await setUp();
    await place(c1, 'A');
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = raw.prepare('SELECT * FROM placements ORDER BY id').all();
    const entry = { cardId: c1, side: 'B', position: 0, reasoningMarkdown: '', strength: null, relevance: null };
    const position = { thesisMarkdown: 'x', conclusionMarkdown: '' };
    expect(
      await app.dispatch('board.restore', { ...ref, placements: [entry, { ...entry, side: 'A' }], position }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await app.dispatch('board.restore', {
        ...ref,
        placements: [{ ...entry, cardId: '00000000-0000-4000-8000-000000000000' }],
        position,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(raw.prepare('SELECT * FROM placements ORDER BY id').all()).toEqual(before);
    expect(raw.prepare('SELECT count(*) AS n FROM positions').get()).toEqual({ n: 0 });
  });
});

describe('a locked debate', () => {
  it('refuses every change to a board, through every method, and writes nothing', async () => {
    const { app, ids, ref, c1, c2, place, argue, board } = await setUp();
    await place(c1, 'A');
    await argue(c1, { reasoningMarkdown: 'done before the deadline' });
    const token = await teacherToken(app);
    await callOk(app, 'debates.setStatus', { teacherToken: token, debateId: ids.debate.id, status: 'locked' });
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = tableCounts(raw);
    const snapshot = await board();

    const attempts: Array<[string, Record<string, unknown>]> = [
      ['cards.place', { ...ref, cardId: c2, side: 'B', index: 0 }],
      ['placements.update', { ...ref, cardId: c1, reasoningMarkdown: 'after the deadline' }],
      ['positions.update', { ...ref, thesisMarkdown: 'late' }],
      ['board.restore', { ...ref, placements: [], position: snapshot.position }],
    ];
    for (const [method, input] of attempts) {
      expect(await app.dispatch(method, input)).toMatchObject({
        ok: false,
        error: { code: 'LOCKED', message: expect.stringMatching(/locked/) },
      });
    }
    expect(tableCounts(raw)).toEqual(before);
    expect(await board()).toEqual(snapshot);

    await callOk(app, 'debates.setStatus', { teacherToken: token, debateId: ids.debate.id, status: 'archived' });
    expect(await app.dispatch('cards.place', attempts[0]![1])).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: expect.stringMatching(/archived/) },
    });
    await callOk(app, 'debates.setStatus', { teacherToken: token, debateId: ids.debate.id, status: 'open' });
    await place(c2, 'B');
  });

  it('a card the teacher takes out of the pool leaves the board, and the side is renumbered around it', async () => {
    const { app, ids, c1, c2, c3, place, board: wholeBoard } = await setUp();
    await place(c1, 'A');
    await place(c2, 'A', 1);
    await place(c3, 'A', 2);
    const token = await teacherToken(app);
    const setup = await callOk<DebateSetup>(app, 'debates.get', { debateId: ids.debate.id });
    await callOk(app, 'debates.update', {
      teacherToken: token,
      debateId: ids.debate.id,
      poolCardIds: setup.pool.map((card) => card.id).filter((id) => id !== c2),
    });
    const board = await place(c3, 'A', 1);
    expect((await wholeBoard()).cards.map((card) => card.id)).not.toContain(c2);
    expect(board.placements.map((p) => [p.cardId, p.position])).toEqual([
      [c1, 0],
      [c3, 1],
    ]);
  });
});
