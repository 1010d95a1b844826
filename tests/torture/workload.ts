// The writes of one torture round, several in flight at once: one lane per student's board (moves, arguments,
// thesis and conclusion, one write at a time per board) and one lane of imports (big articles, debate packs), all
// running until the host dies. A seeded Random decides every write, so a seed replays the same run.
import type { Rating, Side } from '../../src-main/shared/domain';
import { callApi, type HostAddress } from './api-client';
import type { BoardWrite } from './board-model';
import {
  boardWriteAcknowledged,
  importAcknowledged,
  sendingBoardWrite,
  sendingImport,
  type BoardJournal,
  type ImportFile,
  type Journal,
} from './journal';
import { createRandom, type Random } from './random';

export interface WorkloadSetup {
  host: HostAddress;
  teacherToken: string;
  /** The starter debate's pool: the cards the board lanes move. */
  cardIds: string[];
  /** This round's imports, made beforehand (making a pack takes ~0.1 s of this process's time). */
  imports: ImportFile[];
  /** Told when an import's request goes out: the kill may be timed to land during it. */
  onImportSent?(file: ImportFile): void;
  /** Told when an import was acknowledged, with how long it took. */
  onImportAcknowledged?(file: ImportFile, elapsedMs: number): void;
}

/** Set when a write was refused: the app said no to a write the workload believed valid, a test failure. */
export interface WorkloadProblem {
  method: string;
  message: string;
}

const RATINGS: Array<Rating | null> = [1, 2, 3, null];

function someText(random: Random, label: string): string {
  const words = ['because', 'the', 'source', 'shows', 'trade', 'grew', 'while', 'troops', 'left', 'quickly'];
  const length = random.chance(0.2) ? random.int(1_000, 8_000) : random.int(0, 300);
  let text = `${label} `;
  while (text.length < length) text += `${random.pick(words)} `;
  return text.trim();
}

/** The next write for a board, valid for the board as the journal has it. */
function nextBoardWrite(random: Random, board: BoardJournal, cardIds: string[], label: string): BoardWrite {
  const model = board.acknowledged;
  const placed = [...model.sides.A, ...model.sides.B];
  const roll = random.next();
  if (roll < 0.45 || placed.length === 0) {
    const side: Side | null = random.chance(0.2) ? null : random.pick(['A', 'B'] as const);
    const index = random.int(0, (side ? model.sides[side].length : 0) + 1);
    return { method: 'cards.place', cardId: random.pick(cardIds), side, index };
  }
  if (roll < 0.8) {
    const write: BoardWrite = { method: 'placements.update', cardId: random.pick(placed) };
    if (random.chance(0.7)) write.reasoningMarkdown = someText(random, label);
    if (random.chance(0.5)) write.strength = random.pick(RATINGS);
    if (random.chance(0.5) || Object.keys(write).length === 2) write.relevance = random.pick(RATINGS);
    return write;
  }
  const write: BoardWrite = { method: 'positions.update' };
  if (random.chance(0.6)) write.thesisMarkdown = someText(random, `${label} thesis`);
  if (random.chance(0.6) || write.thesisMarkdown === undefined) {
    write.conclusionMarkdown = someText(random, `${label} conclusion`);
  }
  return write;
}

async function runBoardLane(
  setup: WorkloadSetup,
  journal: Journal,
  board: BoardJournal,
  random: Random,
  label: string,
  problems: WorkloadProblem[],
): Promise<void> {
  for (let count = 0; ; count++) {
    const write = nextBoardWrite(random, board, setup.cardIds, `${label}.${count}`);
    sendingBoardWrite(board, write);
    const { method, ...fields } = write;
    const outcome = await callApi(setup.host, method, { ...board.ref, ...fields });
    if (outcome.kind === 'lost') return;
    if (outcome.kind === 'refused') {
      problems.push({ method, message: `${outcome.code}: ${outcome.message}` });
      board.inFlight = null;
      return;
    }
    boardWriteAcknowledged(journal, board);
  }
}

async function runImportLane(setup: WorkloadSetup, journal: Journal, problems: WorkloadProblem[]): Promise<void> {
  for (const file of setup.imports) {
    sendingImport(journal, file);
    setup.onImportSent?.(file);
    const sentAt = performance.now();
    const outcome =
      file.kind === 'article'
        ? await callApi(setup.host, 'articles.create', {
            teacherToken: setup.teacherToken,
            title: file.title,
            bodyMarkdown: file.bodyMarkdown,
            tags: file.tags,
          })
        : await callApi(setup.host, 'packs.importDebate', {
            teacherToken: setup.teacherToken,
            fileName: file.fileName,
            dataBase64: file.dataBase64,
          });
    if (outcome.kind === 'lost') return;
    if (outcome.kind === 'refused') {
      problems.push({ method: file.kind, message: `${outcome.code}: ${outcome.message}` });
      journal.imports.inFlight = null;
      return;
    }
    importAcknowledged(journal, outcome.value);
    setup.onImportAcknowledged?.(file, performance.now() - sentAt);
  }
}

/**
 * Runs every lane until each has lost its host (or the imports ran out); resolves with the writes the app refused.
 * Each lane draws from its own Random stream, so the lanes' interleaving does not change what each one writes.
 */
export async function runWorkload(
  setup: WorkloadSetup,
  journal: Journal,
  random: Random,
  round: number,
): Promise<WorkloadProblem[]> {
  const problems: WorkloadProblem[] = [];
  const lanes = journal.boards.map((board, index) =>
    runBoardLane(setup, journal, board, laneRandom(random), `r${round}s${index}`, problems),
  );
  await Promise.all([...lanes, runImportLane(setup, journal, problems)]);
  return problems;
}

function laneRandom(parent: Random): Random {
  // A child stream seeded from the parent: deterministic per lane whatever the interleaving.
  return createRandom(parent.int(0, 0xffffffff));
}
