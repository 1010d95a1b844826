// The live session's phases through the real dispatch on a temp SQLite file: defaults, round trip, validation,
// a damaged stored value falling back to the defaults, and teacher-only saving.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PHASES, type LivePhases } from '../../src-main/shared/live';
import { callOk, cleanUp, openApp, openRaw, starterIds, teacherToken } from './helpers';

afterEach(cleanUp);

async function setUp() {
  const app = openApp();
  const { debate } = await starterIds(app);
  const token = await teacherToken(app);
  return { app, debateId: debate.id, token };
}

const CUSTOM = [
  { name: 'Read the cards', minutes: 5 },
  { name: 'Alliance opens', minutes: 2.5 },
  { name: 'Rivalry opens', minutes: 2.5 },
];

describe('live session phases', () => {
  it('gives the default phases for a debate that has none set', async () => {
    const { app, debateId } = await setUp();
    const got = await callOk<LivePhases>(app, 'live.getPhases', { debateId });
    expect(got).toEqual({ debateId, phases: DEFAULT_PHASES, source: 'default' });
    expect(got.phases.map((phase) => phase.name)).toEqual(['Preparation', 'Opening statements', 'Rebuttal', 'Closing']);
  });

  it('saves the teacher’s phases (names trimmed) and reads them back as stored in the file', async () => {
    const { app, debateId, token } = await setUp();
    const saved = await callOk<LivePhases>(app, 'live.setPhases', {
      teacherToken: token,
      debateId,
      phases: CUSTOM.map((phase, index) => (index === 0 ? { ...phase, name: `  ${phase.name} ` } : phase)),
    });
    expect(saved).toEqual({ debateId, phases: CUSTOM, source: 'saved' });
    expect(await callOk(app, 'live.getPhases', { debateId })).toEqual(saved);

    const raw = openRaw(app.dataFile, { readonly: true });
    const { phases_json } = raw.prepare('SELECT phases_json FROM debates WHERE uuid = ?').get(debateId) as {
      phases_json: string;
    };
    expect(JSON.parse(phases_json)).toEqual(CUSTOM);
    // Other debates keep their own (default) phases.
    const other = await callOk<{ id: string }>(app, 'debates.duplicate', { teacherToken: token, debateId });
    expect((await callOk<LivePhases>(app, 'live.getPhases', { debateId: other.id })).source).toBe('default');
  });

  it.each([
    ['no phases', [], 'at least one phase'],
    ['13 phases', Array.from({ length: 13 }, (_, i) => ({ name: `Phase ${i + 1}`, minutes: 1 })), 'at most 12'],
    ['an empty name', [{ name: '   ', minutes: 3 }], 'needs a name'],
    ['a 41-character name', [{ name: 'x'.repeat(41), minutes: 3 }], 'at most 40 characters'],
    ['0 minutes', [{ name: 'Talk', minutes: 0 }], 'at least 0.5 minutes'],
    ['121 minutes', [{ name: 'Talk', minutes: 121 }], 'at most 120 minutes'],
    ['1.25 minutes', [{ name: 'Talk', minutes: 1.25 }], 'half-minute steps'],
    ['minutes as text', [{ name: 'Talk', minutes: '3' }], 'must be a number'],
  ])('refuses %s and keeps what was stored', async (_case, phases, message) => {
    const { app, debateId, token } = await setUp();
    const result = await app.dispatch('live.setPhases', { teacherToken: token, debateId, phases });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain(message);
    expect((await callOk<LivePhases>(app, 'live.getPhases', { debateId })).source).toBe('default');
  });

  it('accepts the limits themselves: 12 phases, 40-character names, 0.5 and 120 minutes', async () => {
    const { app, debateId, token } = await setUp();
    const phases = Array.from({ length: 12 }, (_, i) => ({
      name: `${i}`.padEnd(40, 'x'),
      minutes: i % 2 === 0 ? 0.5 : 120,
    }));
    const saved = await callOk<LivePhases>(app, 'live.setPhases', { teacherToken: token, debateId, phases });
    expect(saved.phases).toEqual(phases);
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON of the wrong shape', '{"name":"Preparation","minutes":10}'],
    ['an empty list', '[]'],
    ['a phase with negative minutes', '[{"name":"Talk","minutes":-3}]'],
    ['a phase with no name', '[{"minutes":3}]'],
    ['null', 'null'],
  ])('falls back to the defaults when the stored value is %s', async (_case, stored) => {
    const { app, debateId } = await setUp();
    const raw = openRaw(app.dataFile);
    raw.prepare('UPDATE debates SET phases_json = ? WHERE uuid = ?').run(stored, debateId);
    const got = await callOk<LivePhases>(app, 'live.getPhases', { debateId });
    expect(got).toEqual({ debateId, phases: DEFAULT_PHASES, source: 'unreadable' });
  });

  it('saving is for the teacher only: no token, a wrong token, and an unknown debate are refused', async () => {
    const { app, debateId, token } = await setUp();
    const withoutToken = await app.dispatch('live.setPhases', { debateId, phases: CUSTOM });
    expect(withoutToken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrongToken = await app.dispatch('live.setPhases', { teacherToken: 'not-a-token', debateId, phases: CUSTOM });
    expect(wrongToken).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await callOk<LivePhases>(app, 'live.getPhases', { debateId })).source).toBe('default');

    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      await app.dispatch('live.setPhases', { teacherToken: token, debateId: unknown, phases: CUSTOM }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.dispatch('live.getPhases', { debateId: unknown })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
