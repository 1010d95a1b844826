// After a save refused as stale (another window changed the board since this one saw it): the board is shown as
// the core has it, and what the student typed here and could not save is offered back (the notice is kept by
// board-sync.svelte.ts).
import type { Board } from '../../../src-main/shared/domain';
import { api, type ApiError } from '../api/client';
import type { BoardState } from './board.svelte';
import { applyLatest } from './board-latest';
import { positionKey, reasoningKey, type RescuedText } from './board-sync.svelte';

/**
 * Another window changed the board since this one saw it, and the core refused our save: nothing was overwritten.
 * The board is shown as the core has it, the undo steps (made against the old board) go, and what the student
 * typed here and could not save stays in the notice, to be put back with one click.
 */
export async function staleWrite(board: BoardState, error: ApiError): Promise<void> {
  const { debate, student, saves } = board;
  if (!debate || !student) return;
  saves.generation += 1;
  const waiting = new Set(saves.dropTexts());
  const onScreen = textsOnScreen(board);
  saves.outOfSync = false;
  board.saveError = '';
  board.history.clear();
  let latest: Board;
  try {
    latest = await api.call('board.get', { debateId: debate.id, studentId: student.id });
  } catch (loadError) {
    saves.failed(loadError);
    return;
  }
  if (!board.isShowing(debate.id, student.id)) return;
  const unsaved = board.sync.unsavedTexts(onScreen, latest);
  board.held = null;
  // The editor is a modal dialog: closed, so the notice (with the text typed in it) can be read and used.
  board.editing = null;
  board.changeCount += 1;
  applyLatest(board, latest);
  // Text still waiting for its autosave in a field no other window touched is simply saved, now against the
  // latest board; only where both windows wrote does the student choose.
  const resend = unsaved.filter((item) => !item.contested && waiting.has(item.key) && canTakeBack(board, item));
  board.sync.notice = { message: error.message, rescued: unsaved.filter((item) => !resend.includes(item)) };
  for (const item of resend) putBack(board, item);
  board.announcement = error.message;
}

function textsOnScreen(board: BoardState): Array<Omit<RescuedText, 'latest' | 'contested'>> {
  const texts: Array<Omit<RescuedText, 'latest' | 'contested'>> = Object.entries(board.notes).map(
    ([cardId, argument]) => ({
      key: reasoningKey(cardId),
      label: `Your reasoning for “${board.cardTag(cardId)}”`,
      text: argument.reasoningMarkdown,
      cardId,
      field: null,
    }),
  );
  for (const field of ['thesisMarkdown', 'conclusionMarkdown'] as const) {
    const label = field === 'thesisMarkdown' ? 'Your thesis' : 'Your conclusion';
    texts.push({ key: positionKey(field), label, text: board.position[field], cardId: null, field });
  }
  return texts;
}

/** Whether a rescued text can go back where it was written (a card must be on a side to be argued for). */
export function canTakeBack(board: BoardState, item: RescuedText): boolean {
  return !board.readOnly && (item.field !== null || (item.cardId !== null && board.placedIds.has(item.cardId)));
}

/** "Use my text": the rescued text replaces the latest one, saved against the board as it is now. */
export function takeBack(board: BoardState, item: RescuedText): void {
  if (!canTakeBack(board, item)) return;
  putBack(board, item);
  board.sync.dropRescued(item.key);
  board.announcement = `${item.label} is back, and is being saved.`;
}

function putBack(board: BoardState, item: RescuedText): void {
  if (item.field) {
    board.editPosition(item.field, item.text);
    board.endTextEdit(positionKey(item.field));
  } else if (item.cardId) {
    board.editReasoning(item.cardId, item.text);
    board.endTextEdit(reasoningKey(item.cardId));
  }
}
