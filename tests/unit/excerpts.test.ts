// Highlights and student cards through dispatch: creation checked against the text, ownership,
// visibility, boards, and re-anchoring when the teacher edits the article.
import { afterEach, describe, expect, it } from 'vitest';
import type { Article, Board, BoardArrangement, Excerpt, ReanchorReport } from '../../src-main/shared/domain';
import { callOk, cleanUp, openApp, openRaw, starterIds, teacherToken } from './helpers';

afterEach(cleanUp);

async function setUp() {
  const app = openApp();
  const ids = await starterIds(app);
  const articleId = ids.debate && ids.board.cards[0]?.articleId;
  if (!articleId) throw new Error('no starter article');
  const article = await callOk<Article>(app, 'articles.get', { articleId });
  const [amara, lukas] = ids.students;
  if (!amara || !lukas) throw new Error('too few students');
  /** The offsets of a passage of the article, as the reader sends them. */
  const rangeOf = (quote: string) => {
    const start = article.bodyText.indexOf(quote);
    if (start === -1) throw new Error(`not in the article: ${quote}`);
    return { start, end: start + quote.length, quote };
  };
  return { app, ids, article, amara, lukas, rangeOf };
}

const SENTENCE = 'Russia and China should be treated as close allies working out a common agenda in the region.';

describe('excerpts', () => {
  it('saves a student card that appears on their board and nobody else’s', async () => {
    const { app, ids, article, amara, lukas, rangeOf } = await setUp();
    const card = await callOk<Excerpt>(app, 'excerpts.create', {
      articleId: article.id,
      personId: amara.id,
      kind: 'card',
      tag: 'Bogusz: treat them as close allies',
      ...rangeOf(SENTENCE),
    });
    expect(card).toMatchObject({ kind: 'card', quote: SENTENCE, orphaned: false, owner: { id: amara.id } });
    expect(article.bodyText.slice(card.start, card.end)).toBe(SENTENCE);
    expect(card.prefix).toBe(article.bodyText.slice(card.start - 32, card.start));

    const boardOf = (studentId: string) => callOk<Board>(app, 'board.get', { debateId: ids.debate.id, studentId });
    expect((await boardOf(amara.id)).cards.map((c) => c.id)).toContain(card.id);
    expect((await boardOf(lukas.id)).cards.map((c) => c.id)).not.toContain(card.id);
    // Her own card can be placed like a pool card; someone else cannot place it.
    const placed = await callOk<BoardArrangement>(app, 'cards.place', {
      debateId: ids.debate.id,
      studentId: amara.id,
      cardId: card.id,
      side: 'A',
      index: 0,
    });
    expect(placed.placements).toEqual([
      { cardId: card.id, side: 'A', position: 0, reasoningMarkdown: '', strength: null, relevance: null },
    ]);
    const refused = await app.dispatch('cards.place', {
      debateId: ids.debate.id,
      studentId: lukas.id,
      cardId: card.id,
      side: 'A',
      index: 0,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('shows a person their own highlights plus the teacher’s cards, and only lets the owner change them', async () => {
    const { app, article, amara, lukas, rangeOf } = await setUp();
    const note = await callOk<Excerpt>(app, 'excerpts.create', {
      articleId: article.id,
      personId: amara.id,
      kind: 'annotation',
      label: 'question',
      noteMarkdown: 'Who is **OSW**?',
      ...rangeOf('Centre for Eastern Studies'),
    });
    const amaraSees = await callOk<Excerpt[]>(app, 'excerpts.list', { articleId: article.id, personId: amara.id });
    const lukasSees = await callOk<Excerpt[]>(app, 'excerpts.list', { articleId: article.id, personId: lukas.id });
    expect(amaraSees.map((e) => e.id)).toContain(note.id);
    expect(lukasSees.map((e) => e.id)).not.toContain(note.id);
    expect(lukasSees.length).toBeGreaterThan(0);
    expect(lukasSees.every((e) => e.kind === 'card' && e.owner.role === 'teacher')).toBe(true);

    const forbidden = await app.dispatch('excerpts.update', { excerptId: note.id, personId: lukas.id, label: null });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const updated = await callOk<Excerpt>(app, 'excerpts.update', {
      excerptId: note.id,
      personId: amara.id,
      label: 'key-claim',
    });
    expect(updated.label).toBe('key-claim');
    expect(updated.noteMarkdown).toBe('Who is **OSW**?');
    expect(await app.dispatch('excerpts.delete', { excerptId: note.id, personId: lukas.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await callOk(app, 'excerpts.delete', { excerptId: note.id, personId: amara.id });
    const after = await callOk<Excerpt[]>(app, 'excerpts.list', { articleId: article.id, personId: amara.id });
    expect(after.map((e) => e.id)).not.toContain(note.id);
  });

  it('refuses a selection that does not match the stored text, and a card without a tag', async () => {
    const { app, article, amara, rangeOf } = await setUp();
    const range = rangeOf(SENTENCE);
    const stale = await app.dispatch('excerpts.create', {
      articleId: article.id,
      personId: amara.id,
      kind: 'annotation',
      ...range,
      start: range.start + 1,
      end: range.end + 1,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const untagged = await app.dispatch('excerpts.create', {
      articleId: article.id,
      personId: amara.id,
      kind: 'card',
      tag: '   ',
      ...range,
    });
    expect(untagged).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const backwards = await app.dispatch('excerpts.create', {
      articleId: article.id,
      personId: amara.id,
      kind: 'annotation',
      start: 10,
      end: 5,
      quote: 'x',
    });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a teacher card joins the pool of the debates that use the article', async () => {
    const { app, ids, article, rangeOf } = await setUp();
    const card = await callOk<Excerpt>(app, 'excerpts.create', {
      articleId: article.id,
      personId: ids.teacher.id,
      teacherToken: await teacherToken(app),
      kind: 'card',
      tag: 'Bogusz: a specific condominium',
      ...rangeOf('the two countries have created a “specific condominium” in Central Asia'),
    });
    const board = await callOk<Board>(app, 'board.get', { debateId: ids.debate.id, studentId: ids.students[2]!.id });
    expect(board.cards.at(-1)?.id).toBe(card.id);
    expect(board.cards).toHaveLength(ids.board.cards.length + 1);
  });

  it('editing the article moves highlights with their text and orphans the one whose text is gone', async () => {
    const { app, article, amara, rangeOf } = await setUp();
    const create = (quote: string) =>
      callOk<Excerpt>(app, 'excerpts.create', {
        articleId: article.id,
        personId: amara.id,
        kind: 'annotation',
        ...rangeOf(quote),
      });
    const kept = await create(SENTENCE);
    const doomed = await create('“specific condominium”');
    const edited = `A new first paragraph written by the teacher.\n\n${article.bodyMarkdown.replace(
      /According to Mr Bogusz[^\n]*\n/,
      '',
    )}`;
    expect(edited).not.toContain('specific condominium');
    const { reanchor } = await callOk<{ reanchor: ReanchorReport }>(app, 'articles.update', {
      teacherToken: await teacherToken(app),
      articleId: article.id,
      title: article.title ?? '',
      bodyMarkdown: edited,
    });
    expect(reanchor.orphaned).toBeGreaterThanOrEqual(1);
    const newText = (await callOk<Article>(app, 'articles.get', { articleId: article.id })).bodyText;
    const after = await callOk<Excerpt[]>(app, 'excerpts.list', { articleId: article.id, personId: amara.id });
    const moved = after.find((e) => e.id === kept.id);
    expect(moved?.orphaned).toBe(false);
    expect(moved && newText.slice(moved.start, moved.end)).toBe(SENTENCE);
    expect(moved?.start).toBeGreaterThan(kept.start);
    const orphan = after.find((e) => e.id === doomed.id);
    expect(orphan).toMatchObject({ orphaned: true, quote: '“specific condominium”' });

    // Re-attached to a new selection, it is whole again.
    const start = newText.indexOf('Central Asia');
    const reattached = await callOk<Excerpt>(app, 'excerpts.reattach', {
      excerptId: doomed.id,
      personId: amara.id,
      start,
      end: start + 'Central Asia'.length,
      quote: 'Central Asia',
    });
    expect(reattached).toMatchObject({ orphaned: false, quote: 'Central Asia', start });
  });
});

describe('articles', () => {
  it('searches articles and cards with marked snippets, ignoring FTS syntax in the query', async () => {
    const { app, amara } = await setUp();
    const hits = await callOk<Array<{ kind: string; snippet: string }>>(app, 'search.query', {
      text: 'condomin',
      personId: amara.id,
    });
    expect(hits.some((hit) => hit.kind === 'article' && hit.snippet.includes('\uE000condominium\uE001'))).toBe(true);
    const cards = await callOk<Array<{ kind: string }>>(app, 'search.query', {
      text: 'OSW expert',
      personId: amara.id,
    });
    expect(cards.some((hit) => hit.kind === 'card')).toBe(true);
    for (const text of ['"', 'NEAR(', 'a* OR', 'title:x', '---', '']) {
      expect((await app.dispatch('search.query', { text, personId: amara.id })).ok).toBe(true);
    }
  });

  it('lists headline matches first, then the newest articles, at most 20, when a word is everywhere', async () => {
    const { app, amara } = await setUp();
    const raw = openRaw(app.dataFile);
    const insert = raw.prepare(
      `INSERT INTO articles (uuid, title, body_markdown, body_text, checksum, word_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 3, '2026-01-01', '2026-01-01')`,
    );
    raw.transaction(() => {
      const oldest = 'Stripes and more zebra stripes.';
      insert.run(crypto.randomUUID(), 'All about zebras', oldest, oldest, 'zebra-headline');
      for (let i = 0; i < 1200; i += 1) {
        const text = `Report ${i}: a zebra crossing ${'filler '.repeat(i % 7)}`;
        insert.run(crypto.randomUUID(), `Report ${i}`, text, text, `zebra-${i}`);
      }
    })();
    const hits = await callOk<Array<{ kind: string; title: string; snippet: string }>>(app, 'search.query', {
      text: 'zebr',
      personId: amara.id,
    });
    const articles = hits.filter((hit) => hit.kind === 'article');
    expect(articles.map((hit) => hit.title)).toEqual([
      'All about zebras',
      ...Array.from({ length: 19 }, (_, i) => `Report ${1199 - i}`),
    ]);
    expect(articles.every((hit) => /\uE000zebras?\uE001/i.test(hit.snippet))).toBe(true);
  });

  it('tags, updates and deletes an article with its cards and placements', async () => {
    const { app, ids, article } = await setUp();
    const usage = await callOk<{ cardCount: number; debates: Array<{ motion: string }> }>(app, 'articles.usage', {
      articleId: article.id,
    });
    expect(usage.cardCount).toBeGreaterThan(0);
    expect(usage.debates.map((d) => d.motion)).toEqual([ids.debate.motion]);

    await callOk(app, 'articles.update', {
      teacherToken: await teacherToken(app),
      articleId: article.id,
      title: 'A new title',
      bodyMarkdown: article.bodyMarkdown,
      tags: ['Kazakhstan', 'kazakhstan ', 'CSTO'],
    });
    const listed = await callOk<Array<{ id: string; title: string; tags: string[] }>>(app, 'articles.list');
    expect(listed.find((a) => a.id === article.id)).toMatchObject({
      title: 'A new title',
      tags: ['csto', 'kazakhstan'],
    });

    const placedCard = ids.board.cards.find((card) => card.articleId === article.id);
    await callOk(app, 'cards.place', {
      debateId: ids.debate.id,
      studentId: ids.students[0]!.id,
      cardId: placedCard!.id,
      side: 'B',
      index: 0,
    });
    await callOk(app, 'articles.delete', { teacherToken: await teacherToken(app), articleId: article.id });
    expect(await app.dispatch('articles.get', { articleId: article.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const board = await callOk<Board>(app, 'board.get', { debateId: ids.debate.id, studentId: ids.students[0]!.id });
    expect(board.cards.some((card) => card.articleId === article.id)).toBe(false);
    expect(board.placements).toEqual([]);
  });

  it('refuses an update that would duplicate another article', async () => {
    const { app, article } = await setUp();
    const other = (await callOk<Array<{ id: string }>>(app, 'articles.list')).find((a) => a.id !== article.id);
    const otherText = await callOk<Article>(app, 'articles.get', { articleId: other!.id });
    const result = await app.dispatch('articles.update', {
      teacherToken: await teacherToken(app),
      articleId: article.id,
      title: 'x',
      bodyMarkdown: otherText.bodyMarkdown,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    expect((await callOk<Article>(app, 'articles.get', { articleId: article.id })).bodyText).toBe(article.bodyText);
  });
});
