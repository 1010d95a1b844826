// The student's changes to the board: a card placed or moved (saved at once), and its argument (reasoning,
// strength, relevance) or the thesis and conclusion edited (texts saved after a debounce). Each change shows on
// screen first, makes an undo step, then goes to the board's save queue (board-saves.ts).
import type { Rating } from '../../../src-main/shared/domain';
import { api } from '../api/client';
import { NO_ARGUMENT, areaOf, movePlacement, sameLayout, type Area, type CardArgument } from '../board-moves';
import type { BoardState, PositionField, RatingField } from './board.svelte';
import { reasoningKey } from './board-sync.svelte';

const FIELD_NAMES: Record<PositionField, string> = { thesisMarkdown: 'thesis', conclusionMarkdown: 'conclusion' };
const RATING_NAMES: Record<RatingField, string> = { strength: 'strength', relevance: 'relevance' };

/**
 * Moves a card and saves at once; the screen changes before the save. Returns whether the save worked, or null
 * if nothing moved.
 */
export function place(board: BoardState, cardId: string, area: Area, index: number): Promise<boolean> | null {
  const { debate, student } = board;
  if (!debate || !student || board.refuseIfReadOnly()) return null;
  const from = areaOf(board.layout, cardId);
  const layout = movePlacement(board.layout, cardId, area, index);
  if (sameLayout(layout, board.layout)) return null;
  const before = board.snapshot();
  board.layout = layout;
  board.changeCount += 1;
  const tag = board.cardTag(cardId);
  board.history.record({
    label: `${from.area === 'pool' ? 'placing' : area === 'pool' ? 'removal' : 'move'} of “${tag}”`,
    before,
    after: board.snapshot(),
  });
  const now = areaOf(layout, cardId);
  return board.saves.enqueue(async () => {
    // The core answers the arrangement only (placements and position), not the 1,000 cards again.
    const arrangement = await api.call('cards.place', {
      debateId: debate.id,
      studentId: student.id,
      cardId,
      side: area === 'pool' ? null : area,
      index: now.index,
      layoutVersion: board.sync.versions.layout,
    });
    board.sync.movedCard(arrangement, cardId);
    // A card placed again brings back the reasoning the core kept for it, unless the student wrote anew.
    const kept = arrangement.placements.find((placement) => placement.cardId === cardId);
    if (kept && !board.notes[cardId] && (kept.reasoningMarkdown || kept.strength || kept.relevance)) {
      const argument = {
        reasoningMarkdown: kept.reasoningMarkdown,
        strength: kept.strength,
        relevance: kept.relevance,
      };
      board.notes[cardId] = argument;
      board.history.amendLast((entry) => ({
        ...entry,
        after: {
          ...entry.after,
          placements: entry.after.placements.map((placement) =>
            placement.cardId === cardId ? { ...placement, ...argument } : placement,
          ),
        },
      }));
    }
  });
}

export function editReasoning(board: BoardState, cardId: string, text: string): void {
  const { debate, student } = board;
  if (!debate || !student || board.refuseIfReadOnly() || !board.placedIds.has(cardId)) return;
  changeNote(
    board,
    cardId,
    { reasoningMarkdown: text },
    `reasoning:${cardId}`,
    `reasoning for “${board.cardTag(cardId)}”`,
  );
  board.saves.scheduleText(reasoningKey(cardId), (keepalive) =>
    api
      .call(
        'placements.update',
        {
          debateId: debate.id,
          studentId: student.id,
          cardId,
          reasoningMarkdown: board.argumentFor(cardId).reasoningMarkdown,
          version: board.saves.versionToSend(keepalive, board.sync.argumentVersion(cardId)),
        },
        { keepalive },
      )
      .then((placement) => board.sync.savedArgument(placement)),
  );
}

export function rate(board: BoardState, cardId: string, field: RatingField, value: Rating | null): void {
  const { debate, student } = board;
  if (!debate || !student || board.refuseIfReadOnly() || !board.placedIds.has(cardId)) return;
  if (board.argumentFor(cardId)[field] === value) return;
  changeNote(board, cardId, { [field]: value }, null, `${RATING_NAMES[field]} of “${board.cardTag(cardId)}”`);
  board.saves.enqueue(() =>
    api
      .call('placements.update', {
        debateId: debate.id,
        studentId: student.id,
        cardId,
        [field]: value,
        version: board.sync.argumentVersion(cardId),
      })
      .then((placement) => board.sync.savedArgument(placement)),
  );
}

export function editPosition(board: BoardState, field: PositionField, text: string): void {
  const { debate, student } = board;
  if (!debate || !student || board.refuseIfReadOnly()) return;
  const key = `position:${field}`;
  const before = board.history.nextUndo?.openEdit === key ? null : board.snapshot();
  board.position[field] = text;
  board.changeCount += 1;
  board.history.recordEdit(key, FIELD_NAMES[field], () => before ?? board.snapshot(), board.snapshot());
  const versionField = field === 'thesisMarkdown' ? 'thesisVersion' : 'conclusionVersion';
  board.saves.scheduleText(key, (keepalive) =>
    api
      .call(
        'positions.update',
        {
          debateId: debate.id,
          studentId: student.id,
          [field]: board.position[field],
          [versionField]: board.saves.versionToSend(
            keepalive,
            board.sync.versions[field === 'thesisMarkdown' ? 'thesis' : 'conclusion'],
          ),
        },
        { keepalive },
      )
      .then((position) => board.sync.savedPosition(field, position)),
  );
}

function changeNote(
  board: BoardState,
  cardId: string,
  change: Partial<CardArgument>,
  editKey: string | null,
  label: string,
): void {
  const before = editKey && board.history.nextUndo?.openEdit === editKey ? null : board.snapshot();
  const current = board.notes[cardId];
  if (current) Object.assign(current, change);
  else board.notes[cardId] = { ...NO_ARGUMENT, ...change };
  board.changeCount += 1;
  if (editKey) board.history.recordEdit(editKey, label, () => before ?? board.snapshot(), board.snapshot());
  else if (before) board.history.record({ label, before, after: board.snapshot() });
}
