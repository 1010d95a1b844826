// Debate setup by the teacher: create, update, duplicate, lock/archive, the pool's rules; and the roster.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Board,
  DebateSetup,
  DebateSummary,
  EvidenceCard,
  Person,
  PersonUsage,
} from '../../src-main/shared/domain';
import { callOk, cleanUp, openApp, openRaw, starterIds, tableCounts, teacherToken } from './helpers';

afterEach(cleanUp);

async function setUp() {
  const app = openApp();
  const ids = await starterIds(app);
  const token = await teacherToken(app);
  const starter = await callOk<DebateSetup>(app, 'debates.get', { debateId: ids.debate.id });
  const [first, second, third] = starter.articleIds;
  if (!first || !second || !third) throw new Error('the starter debate has too few articles');
  const cardsOf = (articleIds: string[]) => callOk<EvidenceCard[]>(app, 'cards.forArticles', { articleIds });
  return { app, ids, token, starter, articles: [first, second, third] as const, cardsOf };
}

describe('debates', () => {
  it('creates a debate with a motion, side labels, instructions, articles and an ordered pool', async () => {
    const { app, ids, token, articles, cardsOf } = await setUp();
    const candidates = await cardsOf([articles[0], articles[1]]);
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    expect(candidates.every((card) => card.ownerRole === 'teacher')).toBe(true);
    const pool = [candidates[2]!.id, candidates[0]!.id];

    const created = await callOk<DebateSetup>(app, 'debates.create', {
      teacherToken: token,
      motion: '  Is the CSTO mission a turning point? ',
      sideA: 'Turning point',
      sideB: 'Business as usual',
      instructionsMarkdown: 'Use **two** cards per side.',
      articleIds: [articles[1], articles[0]],
      poolCardIds: pool,
    });
    expect(created).toMatchObject({
      motion: 'Is the CSTO mission a turning point?',
      sideA: 'Turning point',
      sideB: 'Business as usual',
      status: 'open',
      cardCount: 2,
      articleCount: 2,
      articleIds: [articles[1], articles[0]],
    });
    expect(created.pool.map((card) => card.id)).toEqual(pool);

    const listed = await callOk<DebateSummary[]>(app, 'debates.list', {});
    expect(listed.map((debate) => debate.id)).toEqual([created.id, ids.debate.id]);
    const board = await callOk<Board>(app, 'board.get', { debateId: created.id, studentId: ids.students[0]!.id });
    expect(board.cards.map((card) => card.id)).toEqual(pool);
    expect(board.debate.instructionsMarkdown).toBe('Use **two** cards per side.');
  });

  it('refuses a pool card from an article not in play, equal side labels, and unknown articles: writing nothing', async () => {
    const { app, token, articles, cardsOf } = await setUp();
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = tableCounts(raw);
    const [outside] = await cardsOf([articles[2]]);
    const base = {
      teacherToken: token,
      motion: 'M',
      sideA: 'Yes',
      sideB: 'No',
      instructionsMarkdown: '',
      articleIds: [articles[0]],
      poolCardIds: [] as string[],
    };
    expect(await app.dispatch('debates.create', { ...base, poolCardIds: [outside!.id] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/not in this debate/) },
    });
    expect(await app.dispatch('debates.create', { ...base, sideB: ' yes ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/different labels/) },
    });
    expect(
      await app.dispatch('debates.create', { ...base, articleIds: ['00000000-0000-4000-8000-000000000000'] }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.dispatch('debates.create', { ...base, motion: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/motion/) },
    });
    expect(tableCounts(raw)).toEqual(before);
  });

  it('updates only the fields given; dropping an article drops its cards from the pool', async () => {
    const { app, ids, token, starter } = await setUp();
    const renamed = await callOk<DebateSetup>(app, 'debates.update', {
      teacherToken: token,
      debateId: ids.debate.id,
      sideA: 'Partnership',
    });
    expect(renamed).toMatchObject({ sideA: 'Partnership', sideB: starter.sideB, motion: starter.motion });
    expect(renamed.pool).toEqual(starter.pool);

    const dropped = starter.articleIds[0]!;
    const fewer = await callOk<DebateSetup>(app, 'debates.update', {
      teacherToken: token,
      debateId: ids.debate.id,
      articleIds: starter.articleIds.slice(1),
    });
    expect(fewer.articleIds).toEqual(starter.articleIds.slice(1));
    expect(fewer.pool.length).toBeLessThan(starter.pool.length);
    expect(fewer.pool.some((card) => card.articleId === dropped)).toBe(false);
    expect(fewer.pool.map((card) => card.id)).toEqual(
      starter.pool.filter((card) => card.articleId !== dropped).map((card) => card.id),
    );

    const reordered = [...fewer.pool].reverse().map((card) => card.id);
    const again = await callOk<DebateSetup>(app, 'debates.update', {
      teacherToken: token,
      debateId: ids.debate.id,
      poolCardIds: reordered,
    });
    expect(again.pool.map((card) => card.id)).toEqual(reordered);
  });

  it('duplicates the setup without student work, and locks and archives', async () => {
    const { app, ids, token, starter } = await setUp();
    const student = ids.students[0]!.id;
    await callOk(app, 'cards.place', {
      debateId: ids.debate.id,
      studentId: student,
      cardId: starter.pool[0]!.id,
      side: 'A',
      index: 0,
    });
    const copy = await callOk<DebateSetup>(app, 'debates.duplicate', { teacherToken: token, debateId: ids.debate.id });
    expect(copy.id).not.toBe(ids.debate.id);
    expect(copy).toMatchObject({ motion: starter.motion, status: 'open', articleIds: starter.articleIds });
    expect(copy.pool.map((card) => card.id)).toEqual(starter.pool.map((card) => card.id));
    const copyBoard = await callOk<Board>(app, 'board.get', { debateId: copy.id, studentId: student });
    expect(copyBoard.placements).toEqual([]);

    const locked = await callOk<DebateSetup>(app, 'debates.setStatus', {
      teacherToken: token,
      debateId: ids.debate.id,
      status: 'locked',
    });
    expect(locked.status).toBe('locked');
    await callOk(app, 'debates.setStatus', { teacherToken: token, debateId: copy.id, status: 'archived' });
    const visible = await callOk<DebateSummary[]>(app, 'debates.list', {});
    expect(visible.map((debate) => debate.id)).toEqual([ids.debate.id]);
    const all = await callOk<DebateSummary[]>(app, 'debates.list', { includeArchived: true });
    expect(all.map((debate) => [debate.id, debate.status])).toEqual([
      [copy.id, 'archived'],
      [ids.debate.id, 'locked'],
    ]);
  });

  it('is teacher-only: a student cannot edit a debate or its pool', async () => {
    const { app, ids } = await setUp();
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = raw.prepare('SELECT * FROM debates').all();
    for (const [method, input] of [
      ['debates.update', { debateId: ids.debate.id, motion: 'Hijacked' }],
      ['debates.setStatus', { debateId: ids.debate.id, status: 'archived' }],
      ['debates.duplicate', { debateId: ids.debate.id }],
    ] as const) {
      expect(await app.dispatch(method, { ...input, teacherToken: 'guess' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(raw.prepare('SELECT * FROM debates').all()).toEqual(before);
  });
});

describe('roster', () => {
  it('adds, renames and removes students; names are unique; the teacher stays', async () => {
    const { app, ids, token } = await setUp();
    const added = await callOk<Person>(app, 'people.add', { teacherToken: token, name: '  Zoë Adams ' });
    expect(added).toMatchObject({ name: 'Zoë Adams', role: 'student' });
    expect(await app.dispatch('people.add', { teacherToken: token, name: 'zoë adams' })).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE' },
    });
    const renamed = await callOk<Person>(app, 'people.rename', {
      teacherToken: token,
      personId: added.id,
      name: 'Zoe Adams',
    });
    expect(renamed.name).toBe('Zoe Adams');
    expect(await app.dispatch('people.rename', { teacherToken: token, personId: added.id, name: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await app.dispatch('people.remove', { teacherToken: token, personId: ids.teacher.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await callOk(app, 'people.remove', { teacherToken: token, personId: added.id });
    const names = (await callOk<Person[]>(app, 'people.list')).map((person) => person.name);
    expect(names).not.toContain('Zoe Adams');
    expect(names).toContain(ids.teacher.name);
  });

  it('says what a student’s removal takes with it, and takes exactly that', async () => {
    const { app, ids, token, starter } = await setUp();
    const amara = ids.students[0]!;
    for (const [index, card] of starter.pool.slice(0, 2).entries()) {
      await callOk(app, 'cards.place', {
        debateId: ids.debate.id,
        studentId: amara.id,
        cardId: card.id,
        side: 'B',
        index,
      });
    }
    const usage = await callOk<PersonUsage>(app, 'people.usage', { personId: amara.id });
    expect(usage).toEqual({
      cardCount: 0,
      annotationCount: 0,
      placementCount: 2,
      debates: [{ id: ids.debate.id, motion: ids.debate.motion }],
    });
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = tableCounts(raw);
    await callOk(app, 'people.remove', { teacherToken: token, personId: amara.id });
    expect(tableCounts(raw)).toEqual({ ...before, people: before.people - 1, placements: before.placements - 2 });
  });
});
