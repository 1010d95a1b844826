// Class results through dispatch over a real temp SQLite: exact tallies, the contested ranking, averages, who may see
// hidden results, handing in and taking it back, and locked debates refusing hand-ins.
import { afterEach, describe, expect, it } from 'vitest';
import type { DebateSummary } from '../../src-main/shared/domain';
import { rankContested, type ClassResults, type HandIn } from '../../src-main/shared/results';
import { callOk, cleanUp, openApp, starterIds, teacherToken } from './helpers';

afterEach(cleanUp);

type Placed = Array<[card: number, side: 'A' | 'B', strength?: 1 | 2 | 3, relevance?: 1 | 2 | 3]>;

/** The starter debate with a crafted class: what each student put where is known exactly. */
async function craftedClass() {
  const app = openApp();
  const ids = await starterIds(app);
  const token = await teacherToken(app);
  const debateId = ids.debate.id;
  const cards = ids.cardIds;
  expect(cards.length).toBeGreaterThanOrEqual(5);
  const [s1, s2, s3, s4, s5] = ids.students;
  if (!s1 || !s2 || !s3 || !s4 || !s5) throw new Error('the starter roster needs five students');
  const place = async (studentId: string, placed: Placed) => {
    for (const [card, side, strength, relevance] of placed) {
      await callOk(app, 'cards.place', { debateId, studentId, cardId: cards[card], side, index: 99 });
      if (strength || relevance) {
        await callOk(app, 'placements.update', {
          debateId,
          studentId,
          cardId: cards[card],
          ...(strength ? { strength } : {}),
          ...(relevance ? { relevance } : {}),
        });
      }
    }
  };
  // Card 0: 2 A, 2 B (even split). Card 1: 3 A, 1 B. Card 2: 4 A. Card 3: 1 A, 1 B (even, fewer placed).
  await place(s1.id, [
    [0, 'A', 3, 2],
    [1, 'A', 2],
    [2, 'A'],
    [3, 'A'],
  ]);
  await place(s2.id, [
    [0, 'A', 1, 1],
    [1, 'A'],
    [2, 'A'],
    [3, 'B'],
  ]);
  await place(s3.id, [
    [0, 'B', 2],
    [1, 'A'],
    [2, 'A'],
  ]);
  await place(s4.id, [
    [0, 'B'],
    [1, 'B', 1, 3],
    [2, 'A'],
  ]);
  // s5 places a card, then takes it back to the pool with its rating kept: started, not counted.
  await place(s5.id, [[4, 'A', 3, 3]]);
  await callOk(app, 'cards.place', { debateId, studentId: s5.id, cardId: cards[4], side: null, index: 0 });
  return { app, ids, token, debateId, cards, students: [s1, s2, s3, s4, s5] as const };
}

describe('class results', () => {
  it('counts each pool card per side over the students who placed at least one card', async () => {
    const { app, token, debateId, cards, students } = await craftedClass();
    const results = await callOk<ClassResults>(app, 'results.get', { debateId, teacherToken: token });
    expect(results.viewer).toBe('teacher');
    expect(results.countedStudents).toBe(4);
    expect(results.cards.map((card) => card.cardId)).toEqual(cards);
    const tally = results.cards.slice(0, 5).map(({ sideA, sideB, unused }) => [sideA, sideB, unused]);
    expect(tally).toEqual([
      [2, 2, 0],
      [3, 1, 0],
      [4, 0, 0],
      [1, 1, 2],
      [0, 0, 4],
    ]);
    expect(results.cards.slice(0, 5).map((card) => card.contested)).toEqual([1, 0.5, 0, 0.5, 0]);
    // Averages over placed cards with a rating; the rating left on a card back in the pool does not count.
    expect(results.cards[0]).toMatchObject({
      averageStrength: 2,
      strengthCount: 3,
      averageRelevance: 1.5,
      relevanceCount: 2,
    });
    expect(results.cards[1]).toMatchObject({
      averageStrength: 1.5,
      strengthCount: 2,
      averageRelevance: 3,
      relevanceCount: 1,
    });
    expect(results.cards[4]).toMatchObject({ averageStrength: null, strengthCount: 0, relevanceCount: 0 });

    const byName = new Map(results.students.map((student) => [student.id, student]));
    expect(byName.get(students[0].id)).toMatchObject({ status: 'started', placedCount: 4, submittedAt: null });
    expect(byName.get(students[4].id)).toMatchObject({ status: 'started', placedCount: 0 });
    expect(results.students.filter((student) => student.status === 'not-started').length).toBe(
      results.students.length - 5,
    );
  });

  it('ranks contested cards: even splits first, then more students placed, no uncontested card', async () => {
    const { app, token, debateId, cards } = await craftedClass();
    const results = await callOk<ClassResults>(app, 'results.get', { debateId, teacherToken: token });
    // Card 1 (3 A / 1 B) and card 3 (1 A / 1 B) both score 0.5: card 1 was placed by more students.
    expect(rankContested(results.cards).map((card) => card.cardId)).toEqual([cards[0], cards[1], cards[3]]);
  });

  it('keeps hidden results from students until the teacher reveals them; the API answers FORBIDDEN', async () => {
    const { app, token, debateId } = await craftedClass();
    // Open by default: anyone sees the tallies, but not the class list.
    const open = await callOk<ClassResults>(app, 'results.get', { debateId });
    expect(open).toMatchObject({ viewer: 'class', hidden: false, students: [], countedStudents: 4 });

    await callOk(app, 'debates.update', { teacherToken: token, debateId, resultsHidden: true });
    for (const input of [{ debateId }, { debateId, teacherToken: 'not-a-token' }]) {
      const refused = await app.dispatch('results.get', input);
      expect(refused).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringMatching(/teacher will reveal/) },
      });
    }
    expect((await callOk<ClassResults>(app, 'results.get', { debateId, teacherToken: token })).hidden).toBe(true);

    // Only the teacher reveals.
    expect((await app.dispatch('results.reveal', { debateId, teacherToken: 'nope' })).ok).toBe(false);
    const revealed = await callOk<DebateSummary>(app, 'results.reveal', { debateId, teacherToken: token });
    expect(revealed.resultsRevealedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const seen = await callOk<ClassResults>(app, 'results.get', { debateId });
    expect(seen).toMatchObject({ hidden: true, revealedAt: revealed.resultsRevealedAt, countedStudents: 4 });

    await callOk(app, 'results.hide', { teacherToken: token, debateId });
    expect((await app.dispatch('results.get', { debateId })).ok).toBe(false);
    // Turning the setting off opens them again; turning it back on starts hidden (the old reveal is gone).
    await callOk(app, 'results.reveal', { debateId, teacherToken: token });
    await callOk(app, 'debates.update', { teacherToken: token, debateId, resultsHidden: false });
    expect((await app.dispatch('results.get', { debateId })).ok).toBe(true);
    const rehidden = await callOk<DebateSummary>(app, 'debates.update', {
      teacherToken: token,
      debateId,
      resultsHidden: true,
    });
    expect(rehidden).toMatchObject({ resultsHidden: true, resultsRevealedAt: null });
    expect((await app.dispatch('results.get', { debateId })).ok).toBe(false);
  });

  it('hands a board in, shows an edit made afterwards, and takes the hand-in back', async () => {
    const { app, token, debateId, cards, students } = await craftedClass();
    const ref = { debateId, studentId: students[2].id };
    expect(await callOk<HandIn>(app, 'positions.handIn', ref)).toEqual({
      submittedAt: null,
      changedSinceSubmit: false,
    });
    const submitted = await callOk<HandIn>(app, 'positions.submit', ref);
    expect(submitted.submittedAt).toMatch(/^\d{4}-/);
    expect(submitted.changedSinceSubmit).toBe(false);
    const student = async () =>
      (await callOk<ClassResults>(app, 'results.get', { debateId, teacherToken: token })).students.find(
        (s) => s.id === ref.studentId,
      );
    expect(await student()).toMatchObject({ status: 'submitted', submittedAt: submitted.submittedAt, placedCount: 3 });

    // A student who never touched the board can hand in an empty one: it is submitted (with 0 cards).
    const fresh = await callOk<HandIn>(app, 'positions.submit', { debateId, studentId: students[4].id });
    expect(fresh.submittedAt).not.toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 5));
    await callOk(app, 'cards.place', { ...ref, cardId: cards[3], side: 'B', index: 0 });
    expect(await student()).toMatchObject({
      status: 'submitted',
      submittedAt: submitted.submittedAt,
      changedSinceSubmit: true,
      placedCount: 4,
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await callOk<HandIn>(app, 'positions.submit', ref);
    expect(again.submittedAt! > submitted.submittedAt!).toBe(true);
    expect(again.changedSinceSubmit).toBe(false);

    expect(await callOk<HandIn>(app, 'positions.unsubmit', ref)).toEqual({
      submittedAt: null,
      changedSinceSubmit: false,
    });
    expect(await student()).toMatchObject({ status: 'started', submittedAt: null });
  });

  it('refuses hand-ins on a locked or archived debate, and still shows its results', async () => {
    const { app, token, debateId, students } = await craftedClass();
    const ref = { debateId, studentId: students[0].id };
    await callOk(app, 'positions.submit', ref);
    await callOk(app, 'debates.setStatus', { teacherToken: token, debateId, status: 'locked' });
    for (const method of ['positions.submit', 'positions.unsubmit']) {
      expect(await app.dispatch(method, ref)).toEqual({
        ok: false,
        error: { code: 'LOCKED', message: expect.stringMatching(/locked/) },
      });
    }
    expect((await callOk<HandIn>(app, 'positions.handIn', ref)).submittedAt).not.toBeNull();
    expect((await callOk<ClassResults>(app, 'results.get', { debateId })).countedStudents).toBe(4);
    await callOk(app, 'debates.setStatus', { teacherToken: token, debateId, status: 'archived' });
    expect((await app.dispatch('positions.unsubmit', ref)).ok).toBe(false);
  });

  it('pushes results.changed on a hand-in and on reveal/hide, after the call committed', async () => {
    const { app, token, debateId, students } = await craftedClass();
    const events: unknown[] = [];
    app.onEvent((event) => events.push(event));
    await callOk(app, 'positions.submit', { debateId, studentId: students[0].id });
    await callOk(app, 'results.reveal', { debateId, teacherToken: token });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual([
      { type: 'results.changed', debateId, studentId: students[0].id },
      { type: 'results.changed', debateId },
      { type: 'debates.changed', debateId },
    ]);
  });

  it('answers NOT_FOUND for an unknown debate and INVALID_INPUT for a malformed id', async () => {
    const app = openApp();
    expect((await app.dispatch('results.get', { debateId: crypto.randomUUID() })).ok).toBe(false);
    const bad = await app.dispatch('results.get', { debateId: 'x' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
  });
});
