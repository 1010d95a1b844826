// Two computers for the sharing tests: a teacher's and a student's, each a real app over its own SQLite file.
import type { DebateDeskApp } from '../../src-main/core/app';
import type { Article, Board, DebateSetup } from '../../src-main/shared/domain';
import type { PackImportResult, SharedFile, WorkImportResult } from '../../src-main/shared/packs';
import { callOk, openApp, starterIds, teacherToken } from './helpers';

export interface Machines {
  teacher: DebateDeskApp;
  student: DebateDeskApp;
  token: string;
  /** A new debate on the teacher's computer: a new article, one pool card from it and one from the starter. */
  debate: DebateSetup;
  studentId: string;
  studentName: string;
}

export const NEW_ARTICLE_BODY = [
  '# Summit in Samarkand',
  '',
  'The leaders met in Samarkand to discuss trade corridors across Central Asia. Observers noted warm words but few',
  'signed agreements. <script>window.__packsHacked = true</script> Analysts expect the rail link to take a decade.',
  '',
  'A second paragraph says that both sides reaffirmed their partnership while competing for influence.',
].join('\n');

export async function twoMachines(): Promise<Machines> {
  const teacher = openApp();
  const student = openApp();
  const token = await teacherToken(teacher);
  const ids = await starterIds(teacher);
  const starter = await callOk<DebateSetup>(teacher, 'debates.get', { debateId: ids.debate.id });
  const article = await callOk<{ id: string }>(teacher, 'articles.create', {
    teacherToken: token,
    title: 'Summit in Samarkand',
    author: 'A. Reporter',
    outlet: 'The Steppe Times',
    date: '2022-09-16',
    url: 'https://example.org/samarkand',
    bodyMarkdown: NEW_ARTICLE_BODY,
    tags: ['sco'],
  });
  const teacherPerson = (await callOk<Array<{ id: string; role: string }>>(teacher, 'people.list')).find(
    (p) => p.role === 'teacher',
  ) as { id: string };
  const full = await callOk<Article>(teacher, 'articles.get', { articleId: article.id });
  const quote = 'Analysts expect the rail link to take a decade.';
  const start = full.bodyText.indexOf(quote);
  const card = await callOk<{ id: string }>(teacher, 'excerpts.create', {
    personId: teacherPerson.id,
    teacherToken: token,
    articleId: article.id,
    kind: 'card',
    tag: 'The link is far off',
    start,
    end: start + quote.length,
    quote,
  });
  const debate = await callOk<DebateSetup>(teacher, 'debates.create', {
    teacherToken: token,
    motion: 'Samarkand 2022: a real partnership?',
    sideA: 'Partnership',
    sideB: 'Competition',
    instructionsMarkdown: 'Read both. <img src=x onerror="window.__packsHacked = true">',
    articleIds: [article.id, starter.articleIds[0]],
    poolCardIds: [card.id, ...starter.pool.filter((c) => c.articleId === starter.articleIds[0]).map((c) => c.id)],
  });
  return { teacher, student, token, debate, studentId: ids.students[0]!.id, studentName: ids.students[0]!.name };
}

export const bytesOf = (file: SharedFile) => new Uint8Array(Buffer.from(file.dataBase64, 'base64'));
export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

export async function exportPack(m: Machines, debateId = m.debate.id): Promise<SharedFile> {
  return callOk<SharedFile>(m.teacher, 'packs.exportDebate', { teacherToken: m.token, debateId });
}

export function importPack(app: DebateDeskApp, file: SharedFile, teacherTokenValue?: string) {
  return callOk<PackImportResult>(app, 'packs.importDebate', {
    fileName: file.fileName,
    dataBase64: file.dataBase64,
    teacherToken: teacherTokenValue,
  });
}

export function importWorkFile(m: Machines, file: SharedFile) {
  return callOk<WorkImportResult>(m.teacher, 'work.import', {
    teacherToken: m.token,
    fileName: file.fileName,
    dataBase64: file.dataBase64,
  });
}

/** The student builds a board on their own computer: two pool cards on sides, one own card, a thesis. */
export async function buildBoard(m: Machines): Promise<Board> {
  const ref = { debateId: m.debate.id, studentId: m.studentId };
  const board = await callOk<Board>(m.student, 'board.get', ref);
  const [first, second] = board.cards;
  if (!first || !second) throw new Error('the pool is too small');
  await callOk(m.student, 'cards.place', { ...ref, cardId: first.id, side: 'A', index: 0 });
  await callOk(m.student, 'cards.place', { ...ref, cardId: second.id, side: 'B', index: 0 });
  await callOk(m.student, 'placements.update', {
    ...ref,
    cardId: first.id,
    reasoningMarkdown: 'Because **trade**. <script>window.__packsHacked = true</script>',
    strength: 3,
  });
  const articleId = m.debate.articleIds[0]!;
  const article = await callOk<Article>(m.student, 'articles.get', { articleId });
  const quote = 'Observers noted warm words';
  const start = article.bodyText.indexOf(quote);
  const own = await callOk<{ id: string }>(m.student, 'excerpts.create', {
    personId: m.studentId,
    articleId,
    kind: 'card',
    tag: 'Warm words only',
    start,
    end: start + quote.length,
    quote,
  });
  await callOk(m.student, 'excerpts.create', {
    personId: m.studentId,
    articleId,
    kind: 'annotation',
    label: 'question',
    noteMarkdown: 'Which agreements?',
    start: start + 5,
    end: start + quote.length,
    quote: quote.slice(5),
  });
  await callOk(m.student, 'cards.place', { ...ref, cardId: own.id, side: 'B', index: 1 });
  await callOk(m.student, 'positions.update', { ...ref, thesisMarkdown: 'Mostly competition.' });
  return callOk<Board>(m.student, 'board.get', ref);
}
