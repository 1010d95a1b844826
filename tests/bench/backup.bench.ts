// Backups and the start check on a realistic data file: the starter debate, a library of 200 articles, and a class of
// 30 whose boards hold every pool card with a reasoning. Times a backup (SQLite's online backup API, in steps), a board answered while a backup
// runs (backups stay off the path of calls), the damage check at start, and start-to-first-answer with that check.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, DATA_FILE_NAME, type DebateDeskApp } from '../../src-main/core/app';
import { inspectDatabaseFile } from '../../src-main/core/db/inspect';
import { projectRoot } from './core-open.bench';
import { check, sample, summarize, type Measurement } from './stats';
import { call } from './app-call';

const CLASS_SIZE = 30;
/** A year of a teacher's library on top of the starter: articles of about 1,500 words. */
const LIBRARY_SIZE = 200;
const BACKUP_N = 15;
const CHECK_N = 15;
const START_N = 15;
const REASONING = 'This card shows that the two governments act together when their interests meet. '.repeat(5);

const open = (dataDir: string) => createApp({ dataDir, resourcesDir: projectRoot, backups: { automatic: false } });

/** The starter plus 30 students, each with every pool card placed (alternating sides) and argued. */
async function buildClass(
  dataDir: string,
): Promise<{ app: DebateDeskApp; token: string; board: { debateId: string; studentId: string } }> {
  const app = open(dataDir);
  const { teacherToken: token } = await call(app, 'teacher.setPin', { pin: '2468' });
  const [debate] = await call(app, 'debates.list', {});
  check(debate, 'the starter debate');
  for (let a = 0; a < LIBRARY_SIZE; a += 1) {
    const words = Array.from({ length: 1500 }, (_, w) => `word${(a * 7919 + w * 104729) % 50_000}`).join(' ');
    await call(app, 'articles.create', { teacherToken: token, title: `Library article ${a + 1}`, bodyMarkdown: words });
  }
  let board = { debateId: debate.id, studentId: '' };
  for (let s = 0; s < CLASS_SIZE; s += 1) {
    const student = await call(app, 'people.add', { teacherToken: token, name: `Bench Student ${s + 1}` });
    board = { debateId: debate.id, studentId: student.id };
    const { cards } = await call(app, 'board.get', board);
    for (const [index, card] of cards.entries()) {
      const side = index % 2 === 0 ? 'A' : 'B';
      await call(app, 'cards.place', { ...board, cardId: card.id, side, index: 0 });
      await call(app, 'placements.update', {
        ...board,
        cardId: card.id,
        reasoningMarkdown: REASONING,
        strength: 2,
        relevance: 3,
      });
    }
  }
  return { app, token, board };
}

export async function runBackupBench(): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-bench-backup-'));
  try {
    const { app, token, board } = await buildClass(dataDir);
    const dataFile = join(dataDir, DATA_FILE_NAME);
    let lastBackupBytes = 0;
    const backupSamples = await sample(BACKUP_N, 2, 'ms', async () => {
      const made = await call(app, 'backups.create', { teacherToken: token });
      lastBackupBytes = made.sizeBytes;
    });

    // Calls answered while a backup runs: the backup copies 100 pages per step between them.
    const during: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const backup = call(app, 'backups.create', { teacherToken: token });
      let done = false;
      void backup.then(() => (done = true));
      while (!done) {
        const start = performance.now();
        await call(app, 'board.get', board);
        during.push(performance.now() - start);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await backup;
    }
    const idle = await sample(30, 5, 'ms', () => call(app, 'board.get', board));
    await app.close();

    const checkSamples = await sample(CHECK_N, 2, 'ms', () => {
      check(inspectDatabaseFile(dataFile).state === 'sound', 'the bench data file is sound');
    });
    const thoroughSamples = await sample(CHECK_N, 2, 'ms', () => {
      check(inspectDatabaseFile(dataFile, { thorough: true }).state === 'sound', 'integrity_check passes');
    });
    const startSamples = await sample(START_N, 2, 'ms', async () => {
      const reopened = open(dataDir);
      await call(reopened, 'people.list', {});
      await reopened.close();
    });

    const size = statSync(dataFile).size;
    const sizeNote = `data file ${(size / 2 ** 20).toFixed(1)} MiB (starter + ${LIBRARY_SIZE} articles of 1,500 words + ${CLASS_SIZE} boards × 22 argued cards), backup ${(lastBackupBytes / 2 ** 20).toFixed(1)} MiB`;
    return {
      measurements: [
        summarize(
          {
            id: 'backup.create',
            label: 'Backup of the class data file (`backups.create`)',
            unit: 'ms',
            warmup: 2,
            notes: sizeNote,
          },
          backupSamples,
        ),
        summarize(
          {
            id: 'backup.board-during',
            label: '`board.get` answered while a backup runs',
            unit: 'ms',
            notes: `idle median ${summarize({ id: '', label: '', unit: 'ms' }, idle).median.toFixed(2)} ms`,
          },
          during,
        ),
        summarize(
          {
            id: 'backup.start-check',
            label: 'Damage check at start (`quick_check` + our tables)',
            unit: 'ms',
            warmup: 2,
          },
          checkSamples,
        ),
        summarize(
          {
            id: 'backup.integrity-check',
            label: 'Backup check before a restore (`integrity_check`)',
            unit: 'ms',
            warmup: 2,
          },
          thoroughSamples,
        ),
        summarize(
          { id: 'backup.start-to-answer', label: 'Start (with the check) to the first answer', unit: 'ms', warmup: 2 },
          startSamples,
        ),
      ],
      notes: [],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
