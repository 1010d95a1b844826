// dispatch: the envelope, input validation before any handler, cards.place on a real board, articles.create,
// one transaction per mutating call, and the board.changed event.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countWords } from '../../src-main/core/plain-text';
import { MAX_ARTICLE_MARKDOWN_CHARS } from '../../src-main/shared/contract';
import type { Article, ArticleSummary, Board, BoardArrangement } from '../../src-main/shared/domain';
import type { AppEvent } from '../../src-main/shared/events';
import type { Result } from '../../src-main/shared/result';
import { callOk, cleanUp, makeTempDir, openApp, openRaw, starterIds, tableCounts, teacherToken } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
  cleanUp();
});

function expectError(result: Result<unknown>, code: string, messagePattern?: RegExp): void {
  expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  if (messagePattern) expect(result.error.message).toMatch(messagePattern);
}

/** The board as [side, cardId] pairs in display order. */
function layout(board: BoardArrangement): Array<[string, string]> {
  return board.placements.map((p) => [p.side, p.cardId]);
}

async function setUp() {
  const app = openApp();
  const ids = await starterIds(app);
  const [c1, c2, c3, c4] = ids.cardIds as [string, string, string, string];
  const student = ids.students[0]!;
  const place = (cardId: string, side: 'A' | 'B' | null, index: number, studentId = student.id) =>
    app.dispatch('cards.place', {
      debateId: ids.debate.id,
      studentId,
      cardId,
      side,
      index,
    });
  return { app, ...ids, student, c1, c2, c3, c4, place };
}

/** The arrangement (placements and position) a successful call answered with. */
async function placedBoard(result: Promise<Result<unknown>>): Promise<BoardArrangement> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message}`);
  return settled.value as BoardArrangement;
}

describe('unknown methods', () => {
  it.each(['nope', 'cards.burn', '__proto__', 'constructor', 'toString', ''])('refuses %j', async (method) => {
    const app = openApp();
    expectError(await app.dispatch(method, {}), 'UNKNOWN_METHOD');
  });
});

describe('input validation', () => {
  it('names the field that is wrong', async () => {
    const { app, debate, student, c1 } = await setUp();
    const good = {
      debateId: debate.id,
      studentId: student.id,
      cardId: c1,
      side: 'A',
      index: 0,
    };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ ...good, debateId: 'not-a-uuid' }, /debateId: must be an id/],
      [{ ...good, studentId: 42 }, /studentId/],
      [{ ...good, cardId: `${c1}x` }, /cardId/],
      [{ ...good, side: 'C' }, /side/],
      [{ ...good, side: undefined }, /side/],
      [{ ...good, index: -1 }, /index/],
      [{ ...good, index: 1.5 }, /index/],
      [{ ...good, index: '0' }, /index/],
      [{ ...good, index: 100_001 }, /index/],
    ];
    for (const [input, pattern] of cases) {
      expectError(await app.dispatch('cards.place', input), 'INVALID_INPUT', pattern);
    }
  });

  it('lists every missing field', async () => {
    const app = openApp();
    const result = await app.dispatch('cards.place', {});
    expectError(result, 'INVALID_INPUT');
    if (!result.ok)
      for (const field of ['debateId', 'studentId', 'cardId', 'side', 'index'])
        expect(result.error.message).toContain(field);
  });

  it('refuses null, arrays, strings and numbers as input', async () => {
    const app = openApp();
    expectError(await app.dispatch('cards.place', null), 'INVALID_INPUT', /debateId/);
    expectError(await app.dispatch('board.get', []), 'INVALID_INPUT');
    expectError(await app.dispatch('people.list', []), 'INVALID_INPUT');
    expectError(await app.dispatch('articles.get', 'some-id'), 'INVALID_INPUT');
    expectError(await app.dispatch('debates.list', 7), 'INVALID_INPUT');
    // A method without input accepts nothing (undefined) and null alike.
    expect((await app.dispatch('people.list', undefined)).ok).toBe(true);
    expect((await app.dispatch('people.list', null)).ok).toBe(true);
  });

  it('answers NOT_FOUND for well-formed ids that do not exist', async () => {
    const { app, debate, student, c1, place } = await setUp();
    expectError(await app.dispatch('articles.get', { articleId: randomUUID() }), 'NOT_FOUND');
    expectError(
      await app.dispatch('board.get', {
        debateId: randomUUID(),
        studentId: student.id,
      }),
      'NOT_FOUND',
    );
    expectError(
      await app.dispatch('board.get', {
        debateId: debate.id,
        studentId: randomUUID(),
      }),
      'NOT_FOUND',
    );
    expectError(await place(randomUUID(), 'A', 0), 'NOT_FOUND');
    expectError(
      await app.dispatch('cards.place', {
        debateId: debate.id,
        studentId: randomUUID(),
        cardId: c1,
        side: 'A',
        index: 0,
      }),
      'NOT_FOUND',
    );
  });
});

describe('cards.place', () => {
  it('places, reorders, moves across and takes back to the pool, renumbering both sides', async () => {
    const { app, debate, student, c1, c2, place } = await setUp();
    let board = await placedBoard(place(c1, 'B', 0));
    expect(layout(board)).toEqual([['B', c1]]);

    board = await placedBoard(place(c2, 'B', 0));
    expect(layout(board)).toEqual([
      ['B', c2],
      ['B', c1],
    ]);
    expect(board.placements.map((p) => p.position)).toEqual([0, 1]);

    board = await placedBoard(place(c1, 'B', 0));
    expect(layout(board)).toEqual([
      ['B', c1],
      ['B', c2],
    ]);

    board = await placedBoard(place(c2, 'A', 0));
    expect(layout(board)).toEqual([
      ['A', c2],
      ['B', c1],
    ]);
    expect(board.placements.map((p) => p.position)).toEqual([0, 0]);

    board = await placedBoard(place(c1, null, 0));
    expect(layout(board)).toEqual([['A', c2]]);
    // The pool still offers every card.
    const whole = await callOk<Board>(app, 'board.get', { debateId: debate.id, studentId: student.id });
    expect(whole.cards.map((card) => card.id)).toContain(c1);
    expect(whole.placements).toEqual(board.placements);

    // The row is kept (with side NULL) so the student's reasoning would survive the round trip.
    const rows = openRaw(app.dataFile, { readonly: true })
      .prepare('SELECT e.uuid, p.side FROM placements p JOIN excerpts e ON e.id = p.excerpt_id ORDER BY e.uuid')
      .all() as Array<{ uuid: string; side: string | null }>;
    expect(rows).toEqual(
      [
        { uuid: c1, side: null },
        { uuid: c2, side: 'A' },
      ].sort((a, b) => a.uuid.localeCompare(b.uuid)),
    );
  });

  it('answers the placements and position only, not the whole board', async () => {
    const { c1, place } = await setUp();
    const answer = await placedBoard(place(c1, 'A', 0));
    expect(Object.keys(answer).sort()).toEqual(['placements', 'position', 'versions']);
    expect(answer.position).toEqual({ thesisMarkdown: '', conclusionMarkdown: '' });
  });

  it('clamps an index beyond the end of a side', async () => {
    const { c1, c2, c3, place } = await setUp();
    await placedBoard(place(c1, 'A', 0));
    await placedBoard(place(c2, 'A', 50));
    const board = await placedBoard(place(c3, 'A', 100_000));
    expect(layout(board)).toEqual([
      ['A', c1],
      ['A', c2],
      ['A', c3],
    ]);
    expect(board.placements.map((p) => p.position)).toEqual([0, 1, 2]);
    // Inserting in the middle shifts what follows.
    const middle = await placedBoard(place(c3, 'A', 1));
    expect(layout(middle)).toEqual([
      ['A', c1],
      ['A', c3],
      ['A', c2],
    ]);
    expect(middle.placements.map((p) => p.position)).toEqual([0, 1, 2]);
  });

  it("keeps each student's board to that student", async () => {
    const { app, debate, students, c1, place } = await setUp();
    const other = students[1]!;
    await placedBoard(place(c1, 'A', 0));
    const otherBoard = await callOk<Board>(app, 'board.get', {
      debateId: debate.id,
      studentId: other.id,
    });
    expect(otherBoard.placements).toEqual([]);
    expect(layout(await placedBoard(place(c1, 'B', 0, other.id)))).toEqual([['B', c1]]);
    const firstBoard = await callOk<Board>(app, 'board.get', {
      debateId: debate.id,
      studentId: students[0]!.id,
    });
    expect(layout(firstBoard)).toEqual([['A', c1]]);
  });

  it('persists across closing and reopening the data dir', async () => {
    const dataDir = makeTempDir();
    const app = openApp(dataDir);
    const { debate, students, cardIds } = await starterIds(app);
    const [c1, c2] = cardIds as [string, string];
    const studentId = students[0]!.id;
    await callOk(app, 'cards.place', {
      debateId: debate.id,
      studentId,
      cardId: c1,
      side: 'A',
      index: 0,
    });
    await callOk(app, 'cards.place', {
      debateId: debate.id,
      studentId,
      cardId: c2,
      side: 'B',
      index: 0,
    });
    app.close();

    const reopened = openApp(dataDir);
    const board = await callOk<Board>(reopened, 'board.get', {
      debateId: debate.id,
      studentId,
    });
    expect(layout(board)).toEqual([
      ['A', c1],
      ['B', c2],
    ]);
  });

  it('refuses a card that is not in this debate pool', async () => {
    const { app, teacher, place } = await setUp();
    const raw = openRaw(app.dataFile);
    const strayCard = randomUUID();
    raw
      .prepare(
        `INSERT INTO excerpts (uuid, article_id, owner_id, kind, start_offset, end_offset, quote, tag, created_at, updated_at)
         SELECT ?, a.id, p.id, 'card', 0, 5, substr(a.body_text, 1, 5), 'A stray card', 'now', 'now'
         FROM articles a, people p WHERE p.uuid = ? LIMIT 1`,
      )
      .run(strayCard, teacher.id);
    const before = tableCounts(raw);
    expectError(await place(strayCard, 'A', 0), 'NOT_FOUND', /card/);
    const article = (await callOk<ArticleSummary[]>(app, 'articles.list'))[0]!;
    expectError(await place(article.id, 'A', 0), 'NOT_FOUND');
    expect(tableCounts(raw)).toEqual(before);
  });

  it('refuses a teacher as the student', async () => {
    const { app, debate, teacher, c1, place } = await setUp();
    expectError(await place(c1, 'A', 0, teacher.id), 'NOT_FOUND', /student/);
    expectError(
      await app.dispatch('board.get', {
        debateId: debate.id,
        studentId: teacher.id,
      }),
      'NOT_FOUND',
    );
    expect(tableCounts(openRaw(app.dataFile, { readonly: true })).placements).toBe(0);
  });

  it('refuses changes to a locked debate and changes nothing', async () => {
    const { app, debate, student, c1, c2, place } = await setUp();
    await placedBoard(place(c1, 'A', 0));
    const raw = openRaw(app.dataFile);
    raw.prepare("UPDATE debates SET status = 'locked' WHERE uuid = ?").run(debate.id);
    const rowsBefore = raw.prepare('SELECT * FROM placements ORDER BY id').all();

    expectError(await place(c1, 'B', 0), 'LOCKED');
    expectError(await place(c2, 'A', 0), 'LOCKED');
    expectError(await place(c1, null, 0), 'LOCKED');

    expect(raw.prepare('SELECT * FROM placements ORDER BY id').all()).toEqual(rowsBefore);
    const board = await callOk<Board>(app, 'board.get', {
      debateId: debate.id,
      studentId: student.id,
    });
    expect(board.debate.status).toBe('locked');
    expect(layout(board)).toEqual([['A', c1]]);
  });
});

describe('articles.create', () => {
  const body = '# Steppe report\n\nThe **caravan** crossed the pass & reached Almaty on 5 January.\n\n- one\n- two\n';

  it('creates an article with its plain text and word count derived from the Markdown', async () => {
    const app = openApp();
    const created = await callOk<ArticleSummary>(app, 'articles.create', {
      teacherToken: await teacherToken(app),
      title: '  Steppe report ',
      author: '',
      outlet: 'Field Notes',
      date: '2022-01-07',
      url: 'https://example.org/steppe',
      bodyMarkdown: body,
    });
    expect(created).toMatchObject({
      title: 'Steppe report',
      author: null,
      outlet: 'Field Notes',
      date: '2022-01-07',
      url: 'https://example.org/steppe',
      cardCount: 0,
    });
    const article = await callOk<Article>(app, 'articles.get', {
      articleId: created.id,
    });
    expect(article.bodyMarkdown).toBe(body);
    expect(article.bodyText).toContain('The caravan crossed the pass & reached Almaty on 5 January.');
    expect(article.bodyText).not.toMatch(/[*#]/);
    expect(article.wordCount).toBe(countWords(article.bodyText));
    expect(article.wordCount).toBe(14);
    expect((await callOk<ArticleSummary[]>(app, 'articles.list')).map((a) => a.id)).toContain(created.id);
  });

  it('refuses the same body again (even re-spaced) as DUPLICATE, storing no second row', async () => {
    const app = openApp();
    await callOk(app, 'articles.create', { teacherToken: await teacherToken(app), title: 'First', bodyMarkdown: body });
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = tableCounts(raw).articles;
    expectError(
      await app.dispatch('articles.create', {
        teacherToken: await teacherToken(app),
        title: 'Again',
        bodyMarkdown: body,
      }),
      'DUPLICATE',
      /First/,
    );
    expectError(
      await app.dispatch('articles.create', {
        teacherToken: await teacherToken(app),
        title: 'Again',
        bodyMarkdown: body.replace('crossed the', 'crossed    the'),
      }),
      'DUPLICATE',
    );
    expect(tableCounts(raw).articles).toBe(before);
  });

  it('refuses bad fields, naming them', async () => {
    const app = openApp();
    const raw = openRaw(app.dataFile, { readonly: true });
    const before = tableCounts(raw);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ title: 'Empty', bodyMarkdown: '' }, /bodyMarkdown: the article has no text/],
      [{ title: 'Blank', bodyMarkdown: ' \n\t \n' }, /bodyMarkdown/],
      [
        {
          title: 'Long',
          bodyMarkdown: 'a'.repeat(MAX_ARTICLE_MARKDOWN_CHARS + 1),
        },
        /bodyMarkdown: .*longer than/,
      ],
      [{ title: 'Script', url: 'javascript:alert(1)', bodyMarkdown: body }, /url/],
      [{ title: 'Data', url: 'data:text/html,hi', bodyMarkdown: body }, /url/],
      [{ title: 'Date', date: '21/01/2022', bodyMarkdown: body }, /date/],
      [{ title: 7, bodyMarkdown: body }, /title/],
      [{ title: 'No body' }, /bodyMarkdown/],
      [{ title: 'x'.repeat(501), bodyMarkdown: body }, /title/],
    ];
    for (const [input, pattern] of cases) {
      expectError(
        await app.dispatch('articles.create', { ...input, teacherToken: await teacherToken(app) }),
        'INVALID_INPUT',
        pattern,
      );
    }
    // Markdown that renders to no readable text is refused by the handler itself.
    expectError(
      await app.dispatch('articles.create', {
        teacherToken: await teacherToken(app),
        title: 'Hidden',
        bodyMarkdown: '* * *\n\n![](https://example.org/a.png)\n\n---',
      }),
      'INVALID_INPUT',
      /no readable text/,
    );
    expect(tableCounts(raw)).toEqual(before);
  });
});

describe('one transaction per mutating call', () => {
  it('cards.place that fails midway leaves no placement written', async () => {
    const { app, c1, c2, place } = await setUp();
    await placedBoard(place(c1, 'B', 0));
    const raw = openRaw(app.dataFile);
    // Placing c2 first at B 0 inserts its row, then renumbering c1 to position 1 hits this trigger.
    raw.exec(`CREATE TRIGGER fail_renumber BEFORE UPDATE OF position ON placements WHEN new.position = 1
              BEGIN SELECT RAISE(ABORT, 'renumbering failed'); END;`);
    const before = raw.prepare('SELECT * FROM placements ORDER BY id').all();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    expectError(await place(c2, 'B', 0), 'INTERNAL', /nothing was changed/);
    expect(logged).toHaveBeenCalled();
    expect(raw.prepare('SELECT * FROM placements ORDER BY id').all()).toEqual(before);

    raw.exec('DROP TRIGGER fail_renumber');
    expect(layout(await placedBoard(place(c2, 'B', 0)))).toEqual([
      ['B', c2],
      ['B', c1],
    ]);
  });

  it('articles.create that fails after its insert leaves no article written', async () => {
    const app = openApp();
    const raw = openRaw(app.dataFile);
    const before = tableCounts(raw);
    // The insert succeeds; reading the new summary back (which counts excerpts) then fails.
    raw.exec('ALTER TABLE excerpts RENAME TO excerpts_hidden');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expectError(
      await app.dispatch('articles.create', {
        teacherToken: await teacherToken(app),
        title: 'Ghost',
        bodyMarkdown: 'A ghost article.',
      }),
      'INTERNAL',
    );
    expect(logged).toHaveBeenCalled();
    raw.exec('ALTER TABLE excerpts_hidden RENAME TO excerpts');

    expect(tableCounts(raw)).toEqual(before);
    expect(raw.prepare("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH 'ghost'").get()).toEqual({
      n: 0,
    });
    // Not blocked as a duplicate either: nothing of it remained.
    await callOk(app, 'articles.create', {
      teacherToken: await teacherToken(app),
      title: 'Ghost',
      bodyMarkdown: 'A ghost article.',
    });
  });
});

describe('events', () => {
  it('pushes board.changed after a successful cards.place, and nothing after a failed one', async () => {
    const { app, debate, student, c1, place } = await setUp();
    const events: AppEvent[] = [];
    const stop = app.onEvent((event) => events.push(event));

    await placedBoard(place(c1, 'A', 0));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([
      { type: 'board.changed', debateId: debate.id, studentId: student.id, versions: expect.any(Object) },
    ]);

    expectError(await place(c1, 'C' as 'A', 0), 'INVALID_INPUT');
    expectError(await place(randomUUID(), 'A', 0), 'NOT_FOUND');
    openRaw(app.dataFile).prepare("UPDATE debates SET status = 'locked'").run();
    expectError(await place(c1, 'B', 0), 'LOCKED');
    await callOk(app, 'board.get', {
      debateId: debate.id,
      studentId: student.id,
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(1);

    stop();
    openRaw(app.dataFile).prepare("UPDATE debates SET status = 'open'").run();
    await placedBoard(place(c1, 'B', 0));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(1);
  });
});
