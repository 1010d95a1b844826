// A student's board for the sheet tests, built through the real dispatch over a real temp SQLite file: cards on
// both sides in a chosen order, reasoning (Markdown with a link, emphasis and a raw HTML tag), ratings, thesis.
import type { DebateDeskApp } from '../../src-main/core/app';
import type { SheetFile, SheetFormat, SheetOptions } from '../../src-main/shared/sheet';
import { callOk, openApp, starterIds } from './helpers';

export const FIXTURE_REASONING = [
  'The expert says Beijing **backed** the Russian narrative. See [OSW](https://www.osw.waw.pl/en) and <b>this</b>.',
  'Both sides acted on "autopilot": *shared* instincts, not a plan.',
  '',
  '',
];

export interface SheetFixture {
  app: DebateDeskApp;
  ref: { debateId: string; studentId: string };
  exportSheet(format: SheetFormat, options: SheetOptions): Promise<string>;
}

/** The starter debate's first student, with no card placed yet. */
export async function emptyBoard(): Promise<SheetFixture & { cardIds: string[] }> {
  const app = openApp();
  const ids = await starterIds(app);
  const ref = { debateId: ids.debate.id, studentId: ids.students[0]!.id };
  const exportSheet = async (format: SheetFormat, options: SheetOptions) => {
    const file = await callOk<SheetFile>(app, 'sheets.export', { ...ref, format, options });
    return Buffer.from(file.dataBase64, 'base64').toString('utf8');
  };
  return { app, ref, exportSheet, cardIds: ids.cardIds };
}

/**
 * Side A (Alliance): the OSW card, then Klain's; side B (Rivalry): the Telegraph card, then the "marriage of
 * convenience" one. The article 03 card stays in the pool (it shows under "considered but not used").
 */
export async function fixtureBoard(): Promise<SheetFixture> {
  const board = await emptyBoard();
  const { app, ref, cardIds } = board;
  const [osw, telegraph, , marriage, klain] = cardIds;
  if (!osw || !telegraph || !marriage || !klain) throw new Error('the starter pool has too few cards');
  const place = (cardId: string, side: 'A' | 'B', index: number) =>
    callOk(app, 'cards.place', { ...ref, cardId, side, index });
  await place(osw, 'A', 0);
  await place(klain, 'A', 1);
  await place(telegraph, 'B', 0);
  await place(marriage, 'B', 1);
  const argue = (cardId: string, changes: Record<string, unknown>) =>
    callOk(app, 'placements.update', { ...ref, cardId, ...changes });
  await argue(osw, { reasoningMarkdown: FIXTURE_REASONING.slice(0, 2).join('\n\n'), strength: 3, relevance: 3 });
  await argue(klain, {
    reasoningMarkdown: 'Force and capital, *together*:\n\n- Russia: troops\n- China: money',
    strength: 2,
  });
  await argue(telegraph, { reasoningMarkdown: 'A "new Great Game" means **competition**.', strength: 2, relevance: 2 });
  await argue(marriage, { reasoningMarkdown: '', relevance: 1 });
  await callOk(app, 'positions.update', {
    ...ref,
    thesisMarkdown: 'Russia and China act as **allies of convenience**: close in Kazakhstan, rivals in the long run.',
    conclusionMarkdown: 'On balance the evidence for *rivalry* is weaker today, but it grows.',
  });
  return board;
}
