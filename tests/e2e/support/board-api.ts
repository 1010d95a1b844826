// Test set-up through the API, as the teacher or a student would do it in the UI: the starter board, the teacher's
// token, locking a debate, a second debate.
import type { Board, Person } from '../../../src-main/shared/domain';
import { callApi, callApiOk } from './api';
import { teacherToken } from './teacher';

export interface StarterBoard {
  debateId: string;
  student: Person;
  board: Board;
}

export async function starterBoard(url: string, studentName: string): Promise<StarterBoard> {
  const [debate] = await callApiOk(url, 'debates.list', {});
  const student = (await callApiOk(url, 'people.list', {})).find((person) => person.name === studentName);
  if (!debate || !student) throw new Error('no starter debate or student');
  const board = await callApiOk(url, 'board.get', { debateId: debate.id, studentId: student.id });
  return { debateId: debate.id, student, board };
}

export async function setDebateStatus(
  url: string,
  debateId: string,
  status: 'open' | 'locked' | 'archived',
): Promise<void> {
  await callApiOk(url, 'debates.setStatus', { teacherToken: await teacherToken(url), debateId, status });
}

/** A second debate over the same articles, with the first `cardCount` teacher cards as its pool. */
export async function createDebate(url: string, motion: string, cardCount: number): Promise<string> {
  const token = await teacherToken(url);
  const [starter] = await callApiOk(url, 'debates.list', {});
  if (!starter) throw new Error('no starter debate');
  const setup = await callApiOk(url, 'debates.get', { debateId: starter.id });
  const created = await callApiOk(url, 'debates.create', {
    teacherToken: token,
    motion,
    sideA: 'For',
    sideB: 'Against',
    instructionsMarkdown: '',
    articleIds: setup.articleIds,
    poolCardIds: setup.pool.slice(0, cardCount).map((card) => card.id),
  });
  return created.id;
}

export { callApi, callApiOk };
