// Importing work files: 30 students' work files of 40 placements each (pool cards and their own cards, reasoning,
// ratings, a thesis), made on a "student computer" and imported by the teacher through the API, one call per file.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_FILE_NAME, createApp, type DebateDeskApp } from '../../src-main/core/app';
import type { SharedFile } from '../../src-main/shared/packs';
import { projectRoot } from './core-open.bench';
import { check, sample, summarize, type Measurement } from './stats';
import { call } from './app-call';

const STUDENTS = 30;
const PLACEMENTS = 40;
const SAMPLES = 5;

async function token(app: DebateDeskApp): Promise<string> {
  return (await call(app, 'teacher.setPin', { pin: '2468' })).teacherToken;
}

/** The student computer: the pack imported, then 30 boards of 40 placed cards each, exported as work files. */
async function makeWorkFiles(teacher: DebateDeskApp, teacherToken: string, studentDir: string) {
  const debate = (await call(teacher, 'debates.list', {}))[0];
  check(debate, 'the starter debate is there');
  for (let index = 1; index <= STUDENTS; index++) {
    await call(teacher, 'people.add', { teacherToken, name: `Bench student ${String(index).padStart(2, '0')}` });
  }
  const pack = await call(teacher, 'packs.exportDebate', { teacherToken, debateId: debate.id });
  const student = createApp({ dataDir: studentDir, resourcesDir: projectRoot });
  try {
    const imported = await call(student, 'packs.importDebate', {
      fileName: pack.fileName,
      dataBase64: pack.dataBase64,
    });
    check(imported.studentsAdded === STUDENTS, `the pack brought the class list (${imported.message})`);
    const setup = await call(student, 'debates.get', { debateId: debate.id });
    const article = await call(student, 'articles.get', { articleId: setup.articleIds[0] as string });
    const people = (await call(student, 'people.list', {})).filter((p) => p.name.startsWith('Bench student'));
    const files: SharedFile[] = [];
    for (const person of people) {
      const ref = { debateId: debate.id, studentId: person.id };
      // Own cards until the board has 40 cards: 48-character quotes cut one after another from the first article.
      for (let own = 0; setup.pool.length + own < PLACEMENTS; own++) {
        const start = own * 60;
        await call(student, 'excerpts.create', {
          personId: person.id,
          articleId: article.id,
          kind: 'card',
          tag: `Own card ${own + 1}`,
          start,
          end: start + 48,
          quote: article.bodyText.slice(start, start + 48),
        });
      }
      const board = await call(student, 'board.get', ref);
      check(board.cards.length >= PLACEMENTS, `a board has ${PLACEMENTS} cards (it has ${board.cards.length})`);
      await call(student, 'board.restore', {
        ...ref,
        placements: board.cards.slice(0, PLACEMENTS).map((card, index) => ({
          cardId: card.id,
          side: index % 2 === 0 ? ('A' as const) : ('B' as const),
          position: index,
          reasoningMarkdown: `This card supports the side because of **point ${index}**: ${'a reason in words, '.repeat(8)}`,
          strength: ((index % 3) + 1) as 1 | 2 | 3,
          relevance: (((index + 1) % 3) + 1) as 1 | 2 | 3,
        })),
        position: { thesisMarkdown: 'My thesis in a few sentences.', conclusionMarkdown: 'And my conclusion.' },
      });
      files.push(await call(student, 'work.export', ref));
    }
    return { files, debateId: debate.id };
  } finally {
    await student.close();
  }
}

export async function runWorkImportBench(): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'debate-desk-bench-work-'));
  try {
    const teacherDir = join(root, 'teacher');
    const teacher = createApp({ dataDir: teacherDir, resourcesDir: projectRoot });
    const teacherToken = await token(teacher);
    const { files } = await makeWorkFiles(teacher, teacherToken, join(root, 'student'));
    await teacher.close();
    const bytes = files.reduce((sum, file) => sum + (file.dataBase64.length * 3) / 4, 0);

    // Each sample imports the 30 files into a fresh copy of the teacher's database (as it was before any import).
    let reimport: number[] = [];
    const samples: number[] = [];
    for (let run = 0; run < SAMPLES + 1; run++) {
      const dir = join(root, `copy-${run}`);
      mkdirSync(dir);
      copyFileSync(join(teacherDir, DATA_FILE_NAME), join(dir, DATA_FILE_NAME));
      const app = createApp({ dataDir: dir, resourcesDir: projectRoot });
      try {
        const appToken = (await call(app, 'teacher.unlock', { pin: '2468' })).teacherToken;
        const started = performance.now();
        for (const file of files) {
          const result = await call(app, 'work.import', { teacherToken: appToken, ...file });
          check(result.outcome === 'imported' && result.placements === PLACEMENTS, `imported: ${result.message}`);
        }
        const elapsed = performance.now() - started;
        if (run > 0) samples.push(elapsed); // run 0 warms up
        if (run === SAMPLES) {
          reimport = await sample(3, 0, 'ms', async () => {
            for (const file of files) {
              const result = await call(app, 'work.import', { teacherToken: appToken, ...file });
              check(result.outcome === 'unchanged', 'the same file again changes nothing');
            }
          });
        }
      } finally {
        await app.close();
      }
    }
    return {
      measurements: [
        summarize(
          {
            id: 'work-import.30-files',
            label: `Import ${STUDENTS} work files × ${PLACEMENTS} placements (teacher, fresh database)`,
            unit: 'ms',
            warmup: 1,
            notes: `${STUDENTS} files, ${(bytes / 1024).toFixed(0)} KB in all; one work.import call per file through dispatch (base64 decode, zip read with limits, schema checks, one transaction each)`,
          },
          samples,
        ),
        summarize(
          {
            id: 'work-import.30-files-again',
            label: `The same ${STUDENTS} work files again (all “unchanged”)`,
            unit: 'ms',
          },
          reimport,
        ),
      ],
      notes: [],
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
