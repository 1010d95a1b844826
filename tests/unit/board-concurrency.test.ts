// Two windows on one board: a write made against an older version is refused and changes nothing, one window's
// own chained saves never conflict, versions move on every write path (triggers) and are never given out twice,
// and the push after a write carries the committed versions.
import { afterEach, describe, expect, it } from 'vitest';
import type { DebateDeskApp } from '../../src-main/core/app';
import type { AppEvent } from '../../src-main/shared/events';
import type {
  Board,
  BoardArrangement,
  BoardVersions,
  VersionedPlacement,
  VersionedPosition,
} from '../../src-main/shared/domain';
import type { SharedFile } from '../../src-main/shared/packs';
import { buildBoard, exportPack, importPack, importWorkFile, twoMachines } from './packs-fixture';
import { callOk, cleanUp, openApp, openRaw, starterIds, teacherToken } from './helpers';

afterEach(cleanUp);

const STALE = {
  ok: false,
  error: { code: 'STALE_WRITE', message: expect.stringMatching(/changed in another window.*not saved/) },
};

async function setUp() {
  const app = openApp();
  const ids = await starterIds(app);
  const ref = { debateId: ids.debate.id, studentId: ids.students[0]!.id };
  const [c1, c2, c3] = ids.cardIds as [string, string, string];
  const board = () => callOk<Board>(app, 'board.get', ref);
  const place = (cardId: string, side: 'A' | 'B' | null, index: number, layoutVersion?: number) =>
    app.dispatch('cards.place', { ...ref, cardId, side, index, layoutVersion });
  const argue = (cardId: string, changes: Record<string, unknown>) =>
    app.dispatch('placements.update', { ...ref, cardId, ...changes });
  /** Every row of the student's board as stored, to prove a refused write changed nothing. */
  const stored = () => {
    const raw = openRaw(app.dataFile, { readonly: true });
    return {
      placements: raw.prepare('SELECT * FROM placements ORDER BY id').all(),
      positions: raw.prepare('SELECT * FROM positions ORDER BY id').all(),
      versions: raw.prepare('SELECT * FROM board_versions ORDER BY debate_id, student_id').all(),
    };
  };
  return { app, ids, ref, c1, c2, c3, board, place, argue, stored };
}

const valueOf = <T>(result: Awaited<ReturnType<DebateDeskApp['dispatch']>>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('a write against an older board is refused and changes nothing', () => {
  it('refuses a move made against an older layout (window B after window A moved a card)', async () => {
    const { c1, c2, board, place, stored } = await setUp();
    const seenByB = (await board()).versions;
    valueOf(await place(c1, 'A', 0, seenByB.layout)); // window A
    const before = stored();

    expect(await place(c2, 'B', 0, seenByB.layout)).toEqual(STALE); // window B, stale
    expect(stored()).toEqual(before);
    const now = await board();
    expect(now.placements.map((p) => [p.cardId, p.side])).toEqual([[c1, 'A']]);

    // B, shown the latest board, tries again with its versions: saved.
    expect(valueOf<BoardArrangement>(await place(c2, 'B', 0, now.versions.layout)).placements).toHaveLength(2);
  });

  it('refuses reasoning written against an older argument, keeping the other window’s text', async () => {
    const { c1, board, place, argue, stored } = await setUp();
    valueOf(await place(c1, 'A', 0));
    const seen = (await board()).versions.placements[c1]!;
    valueOf(await argue(c1, { reasoningMarkdown: 'Written in window A.', version: seen }));
    const before = stored();

    expect(await argue(c1, { reasoningMarkdown: 'Written in window B.', version: seen })).toEqual(STALE);
    expect(await argue(c1, { strength: 3, version: seen })).toEqual(STALE);
    expect(stored()).toEqual(before);
    expect((await board()).placements[0]).toMatchObject({ reasoningMarkdown: 'Written in window A.', strength: null });
  });

  it('refuses reasoning for a card another window took off the board, saying the board changed', async () => {
    const { c1, board, place, argue } = await setUp();
    valueOf(await place(c1, 'A', 0));
    const seen = (await board()).versions.placements[c1]!;
    valueOf(await place(c1, null, 0));
    expect(await argue(c1, { reasoningMarkdown: 'too late', version: seen })).toEqual(STALE);
  });

  it('checks thesis and conclusion apart: two windows may write one each', async () => {
    const { app, ref, board, stored } = await setUp();
    const seen = (await board()).versions;
    valueOf(await app.dispatch('positions.update', { ...ref, thesisMarkdown: 'A.', thesisVersion: seen.thesis }));
    // The other window's conclusion was written against the same board: a different field, so saved.
    const position = valueOf<VersionedPosition>(
      await app.dispatch('positions.update', {
        ...ref,
        conclusionMarkdown: 'B.',
        conclusionVersion: seen.conclusion,
      }),
    );
    expect(position).toMatchObject({ thesisMarkdown: 'A.', conclusionMarkdown: 'B.' });
    const before = stored();
    expect(
      await app.dispatch('positions.update', { ...ref, thesisMarkdown: 'stale', thesisVersion: seen.thesis }),
    ).toEqual(STALE);
    expect(stored()).toEqual(before);
  });

  it('refuses an undo (board.restore) once another window changed anything on the board', async () => {
    const { app, ref, c1, c2, board, place, argue, stored } = await setUp();
    valueOf(await place(c1, 'A', 0));
    const snapshot = await board();
    valueOf(await place(c2, 'B', 0)); // window A's move: what its undo would take back
    const seenByA = (await board()).versions;
    valueOf(await argue(c2, { reasoningMarkdown: 'Window B argues.' })); // window B, newer
    const before = stored();

    const undo = await app.dispatch('board.restore', {
      ...ref,
      placements: snapshot.placements,
      position: snapshot.position,
      versions: seenByA,
    });
    expect(undo).toEqual(STALE);
    expect(stored()).toEqual(before);

    // With the versions of the board as it is now, the same undo is saved.
    const now = (await board()).versions;
    valueOf(
      await app.dispatch('board.restore', {
        ...ref,
        placements: snapshot.placements,
        position: snapshot.position,
        versions: now,
      }),
    );
    expect((await board()).placements.map((p) => p.cardId)).toEqual([c1]);
  });
});

describe('one window saving in a row', () => {
  it('never conflicts with itself when each save sends the version the previous one answered', async () => {
    const { app, ref, ids, board, place, argue } = await setUp();
    let versions = (await board()).versions;
    // Twelve moves, each with the layout version the last one answered.
    for (const [index, cardId] of ids.cardIds.slice(0, 12).entries()) {
      const arrangement = valueOf<BoardArrangement>(await place(cardId, index % 2 ? 'B' : 'A', 0, versions.layout));
      expect(arrangement.versions.layout).toBeGreaterThan(versions.layout);
      versions = arrangement.versions;
    }
    // A debounced autosave: every keystroke's save sends the version the previous save answered.
    const card = ids.cardIds[0]!;
    let version = versions.placements[card]!;
    let text = '';
    for (const letter of 'Because of trade') {
      text += letter;
      const saved = valueOf<VersionedPlacement>(await argue(card, { reasoningMarkdown: text, version }));
      expect(saved.version).toBeGreaterThan(version);
      version = saved.version;
    }
    let thesis = versions.thesis;
    for (const draft of ['M', 'Ma', 'Mar']) {
      thesis = valueOf<VersionedPosition>(
        await app.dispatch('positions.update', { ...ref, thesisMarkdown: draft, thesisVersion: thesis }),
      ).thesisVersion;
    }
    const final = await board();
    expect(final.placements.find((p) => p.cardId === card)?.reasoningMarkdown).toBe('Because of trade');
    expect(final.position.thesisMarkdown).toBe('Mar');
    expect(final.versions.placements[card]).toBe(version);
    expect(final.versions.thesis).toBe(thesis);
  });

  it('bumps nothing when the same text is saved again', async () => {
    const { c1, board, place, argue } = await setUp();
    valueOf(await place(c1, 'A', 0));
    const first = valueOf<VersionedPlacement>(await argue(c1, { reasoningMarkdown: 'same' }));
    const again = valueOf<VersionedPlacement>(await argue(c1, { reasoningMarkdown: 'same', version: first.version }));
    expect(again.version).toBe(first.version);
    expect((await board()).versions.placements[c1]).toBe(first.version);
  });

  it('still saves writes that send no versions (callers that predate them), moving the versions on', async () => {
    const { app, ref, c1, board, place, argue } = await setUp();
    const before = (await board()).versions;
    valueOf(await place(c1, 'B', 0));
    valueOf(await argue(c1, { reasoningMarkdown: 'no version sent' }));
    valueOf(await app.dispatch('positions.update', { ...ref, thesisMarkdown: 'no version either' }));
    const after = await board();
    expect(after.placements[0]).toMatchObject({ side: 'B', reasoningMarkdown: 'no version sent' });
    expect(after.versions.layout).toBeGreaterThan(before.layout);
    expect(after.versions.thesis).toBeGreaterThan(before.thesis);
  });
});

describe('versions on every write path', () => {
  it('moves on when a work file replaces a student’s board (an import that knows nothing of versions)', async () => {
    const m = await twoMachines();
    const ref = { debateId: m.debate.id, studentId: m.studentId };
    await importPack(m.student, await exportPack(m));
    await buildBoard(m);
    const work = await callOk<SharedFile>(m.student, 'work.export', ref);

    // On the teacher's computer a window shows the student's (empty) board, then the work file comes in.
    const seen = (await callOk<Board>(m.teacher, 'board.get', ref)).versions;
    const events: AppEvent[] = [];
    m.teacher.onEvent((event) => events.push(event));
    await importWorkFile(m, work);
    await new Promise((resolve) => setImmediate(resolve));

    const now = await callOk<Board>(m.teacher, 'board.get', ref);
    expect(now.placements.length).toBeGreaterThan(0);
    expect(now.versions.layout).toBeGreaterThan(seen.layout);
    expect(now.versions.thesis).toBeGreaterThan(seen.thesis);
    expect(events).toContainEqual({ type: 'board.changed', ...ref, versions: now.versions });
    const card = now.cards[0]!.id;
    expect(
      await m.teacher.dispatch('cards.place', {
        ...ref,
        cardId: card,
        side: 'A',
        index: 0,
        layoutVersion: seen.layout,
      }),
    ).toEqual(STALE);
  });

  it('never gives a version out twice: a placement deleted and made again comes back with a new one', async () => {
    const { app, ids, c1, board, place } = await setUp();
    const given = new Set<number>();
    const note = (versions: BoardVersions) => {
      given.add(versions.layout);
      for (const version of Object.values(versions.placements)) given.add(version);
    };
    note((await board()).versions);
    for (let round = 0; round < 3; round += 1) {
      const arrangement = valueOf<BoardArrangement>(await place(c1, 'A', 0));
      for (const version of [arrangement.versions.layout, arrangement.versions.placements[c1]!]) {
        expect(given.has(version)).toBe(false);
        given.add(version);
      }
      // The row itself goes (as a removal or an import would delete it), then the card is placed anew.
      openRaw(app.dataFile).prepare('DELETE FROM placements').run();
      const afterDelete = (await board()).versions;
      expect(given.has(afterDelete.layout)).toBe(false);
      given.add(afterDelete.layout);
    }

    // A student removed with their board, and the same student (same id) back from a work file: still all new.
    const token = await teacherToken(app);
    const student = ids.students[0]!;
    valueOf(await place(c1, 'A', 0));
    const last = (await board()).versions;
    valueOf(await app.dispatch('people.remove', { teacherToken: token, personId: student.id }));
    const raw = openRaw(app.dataFile, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM board_versions').get()).toEqual({ n: 0 });
    const clock = raw.prepare('SELECT value FROM version_clock').get() as { value: number };
    expect(clock.value).toBeGreaterThanOrEqual(Math.max(...given, last.layout));
  });
});

describe('the push after a write', () => {
  it('carries the versions the write committed, and comes only after the commit', async () => {
    const { app, ref, c1, c2, place, argue } = await setUp();
    const seenInListener: Array<{ event: AppEvent; committed: BoardVersions }> = [];
    app.onEvent((event) => {
      // A second connection sees only committed data: the event must not run ahead of the commit.
      const committed = committedVersions(app, ref);
      seenInListener.push({ event, committed });
    });
    const moved = valueOf<BoardArrangement>(await place(c1, 'A', 0));
    const argued = valueOf<VersionedPlacement>(await argue(c1, { reasoningMarkdown: 'pushed' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await place(c2, 'C' as 'A', 0)).toMatchObject({ ok: false });
    expect(await place(c2, 'A', 0, 0)).toEqual(STALE);
    await new Promise((resolve) => setImmediate(resolve));

    expect(seenInListener).toHaveLength(2); // none for the refused writes
    const [first, second] = seenInListener as [(typeof seenInListener)[0], (typeof seenInListener)[0]];
    expect(first.event).toEqual({ type: 'board.changed', ...ref, versions: moved.versions });
    expect(first.committed).toEqual(moved.versions);
    expect(second.event).toMatchObject({ versions: { placements: { [c1]: argued.version } } });
    expect(second.committed).toEqual((second.event as { versions: BoardVersions }).versions);
  });
});

/** The board's versions as a separate, read-only connection sees them (committed data only). */
function committedVersions(app: DebateDeskApp, ref: { debateId: string; studentId: string }): BoardVersions {
  const raw = openRaw(app.dataFile, { readonly: true });
  const key = raw
    .prepare(`SELECT d.id AS debate, p.id AS student FROM debates d, people p WHERE d.uuid = ? AND p.uuid = ?`)
    .get(ref.debateId, ref.studentId) as { debate: number; student: number };
  const layout = raw
    .prepare('SELECT layout_version AS v FROM board_versions WHERE debate_id = ? AND student_id = ?')
    .get(key.debate, key.student) as { v: number } | undefined;
  const placements = raw
    .prepare(
      `SELECT e.uuid AS card, p.argument_version AS v FROM placements p JOIN excerpts e ON e.id = p.excerpt_id
       WHERE p.debate_id = ? AND p.student_id = ? AND p.side IS NOT NULL`,
    )
    .all(key.debate, key.student) as Array<{ card: string; v: number }>;
  const position = raw
    .prepare(
      'SELECT thesis_version AS t, conclusion_version AS c FROM positions WHERE debate_id = ? AND student_id = ?',
    )
    .get(key.debate, key.student) as { t: number; c: number } | undefined;
  return {
    layout: layout?.v ?? 0,
    placements: Object.fromEntries(placements.map((row) => [row.card, row.v])),
    thesis: position?.t ?? 0,
    conclusion: position?.c ?? 0,
  };
}
