// The teacher PIN: set once, scrypt-hashed, unlock gives a token, wrong PINs change nothing, lockout, change, lock.
import { afterEach, describe, expect, it } from 'vitest';
import { TeacherGate } from '../../src-main/core/teacher';
import { callOk, cleanUp, openApp, openRaw, starterIds, tableCounts, TEST_PIN, teacherToken } from './helpers';

afterEach(cleanUp);

const STORED_HASH = "SELECT pin_hash FROM people WHERE role = 'teacher'";

describe('teacher PIN', () => {
  it('is set on first use, stored only as a scrypt hash, and cannot be set twice', async () => {
    const app = openApp();
    expect(await callOk(app, 'teacher.status')).toEqual({ pinSet: false });
    const { teacherToken: token } = await callOk<{ teacherToken: string }>(app, 'teacher.setPin', { pin: '1357' });
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(await callOk(app, 'teacher.status')).toEqual({ pinSet: true });

    const raw = openRaw(app.dataFile, { readonly: true });
    const { pin_hash: hash } = raw.prepare(STORED_HASH).get() as { pin_hash: string };
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('1357');

    expect(await app.dispatch('teacher.setPin', { pin: '9999' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((raw.prepare(STORED_HASH).get() as { pin_hash: string }).pin_hash).toBe(hash);
  });

  it('refuses PINs that are not 4 to 12 digits', async () => {
    const app = openApp();
    for (const pin of ['123', 'abcd', '1234567890123', '12 34']) {
      expect(await app.dispatch('teacher.setPin', { pin })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/4 to 12 digits/) },
      });
    }
    expect(await callOk(app, 'teacher.status')).toEqual({ pinSet: false });
  });

  it('unlocks with the right PIN only; a wrong PIN or token changes nothing', async () => {
    const app = openApp();
    await teacherToken(app);
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = tableCounts(raw);

    expect(await app.dispatch('teacher.unlock', { pin: '0000' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/wrong/) },
    });
    const create = (token: string) => app.dispatch('people.add', { teacherToken: token, name: 'Intruder' });
    expect(await create('not-a-token')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.dispatch('people.add', { name: 'Intruder' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(tableCounts(raw)).toEqual(before);

    const { teacherToken: token } = await callOk<{ teacherToken: string }>(app, 'teacher.unlock', { pin: TEST_PIN });
    await callOk(app, 'people.add', { teacherToken: token, name: 'Welcome' });
    expect(tableCounts(raw).people).toBe(before.people + 1);
  });

  it('waits 30 seconds after five wrong PINs in a row, even for the right one', () => {
    let now = 1_000_000;
    const gate = new TeacherGate(() => now);
    // The gate alone, with a clock the test moves, over a real data file.
    const raw = openRaw(openApp().dataFile);
    gate.setPin(raw, '4321');
    for (let i = 0; i < 4; i++) expect(() => gate.unlock(raw, '0000')).toThrow(/wrong/);
    expect(() => gate.unlock(raw, '0000')).toThrow(/wait 30 seconds/);
    expect(() => gate.unlock(raw, '4321')).toThrow(/Try again in 30 seconds/);
    now += 29_000;
    expect(() => gate.unlock(raw, '4321')).toThrow(/Try again in 1 seconds/);
    now += 1_000;
    expect(gate.unlock(raw, '4321').teacherToken).toBeTruthy();
  });

  it('counts wrong current PINs in "Change PIN" toward the same wait, so an unlocked session cannot guess the PIN', () => {
    let now = 1_000_000;
    const gate = new TeacherGate(() => now);
    const raw = openRaw(openApp().dataFile);
    const token = gate.setPin(raw, '4321').teacherToken;
    for (let i = 0; i < 3; i++)
      expect(() => gate.changePin(raw, token, '0000', '1111')).toThrow(/current PIN is wrong/);
    expect(() => gate.unlock(raw, '0000')).toThrow(/wrong/);
    expect(() => gate.changePin(raw, token, '0001', '1111')).toThrow(/wait 30 seconds/);
    expect(() => gate.changePin(raw, token, '4321', '1111')).toThrow(/Try again in 30 seconds/);
    expect(() => gate.unlock(raw, '4321')).toThrow(/Try again/);
    now += 30_000;
    gate.changePin(raw, token, '4321', '2468');
    expect(gate.unlock(raw, '2468').teacherToken).toBeTruthy();
  });

  it('forgets a token after 4 hours without use, and on lock', () => {
    let now = 0;
    const gate = new TeacherGate(() => now);
    const raw = openRaw(openApp().dataFile);
    const { teacherToken: token } = gate.setPin(raw, '4321');
    now += 3 * 60 * 60 * 1000;
    expect(() => gate.check(token)).not.toThrow();
    now += 3 * 60 * 60 * 1000; // 3 h after the last use: still fresh
    expect(() => gate.check(token)).not.toThrow();
    now += 4 * 60 * 60 * 1000 + 1;
    expect(() => gate.check(token)).toThrow(/teacher/);

    const second = gate.unlock(raw, '4321').teacherToken;
    gate.lock(second);
    expect(() => gate.check(second)).toThrow(/teacher/);
  });

  it('changes the PIN only with the current one; old tokens keep working until lock', async () => {
    const app = openApp();
    const token = await teacherToken(app);
    expect(
      await app.dispatch('teacher.changePin', { teacherToken: token, currentPin: '0000', newPin: '5555' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/current PIN/) } });
    await callOk(app, 'teacher.changePin', { teacherToken: token, currentPin: TEST_PIN, newPin: '5555' });
    expect(await app.dispatch('teacher.unlock', { pin: TEST_PIN })).toMatchObject({ ok: false });
    expect(await callOk(app, 'teacher.unlock', { pin: '5555' })).toHaveProperty('teacherToken');

    await callOk(app, 'teacher.lock', { teacherToken: token });
    expect(await app.dispatch('people.add', { teacherToken: token, name: 'Late' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('guards excerpts acted as the teacher, not those of students', async () => {
    const app = openApp();
    const ids = await starterIds(app);
    const poolCard = ids.board.cards[0]!;
    const asTeacher = { personId: ids.teacher.id, excerptId: poolCard.id, tag: 'Rewritten by a student' };
    expect(await app.dispatch('excerpts.update', asTeacher)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const board = await callOk<{ cards: Array<{ id: string; tag: string }> }>(app, 'board.get', {
      debateId: ids.debate.id,
      studentId: ids.students[0]!.id,
    });
    expect(board.cards[0]!.tag).toBe(poolCard.tag);
    await callOk(app, 'excerpts.update', { ...asTeacher, teacherToken: await teacherToken(app) });
  });
});
