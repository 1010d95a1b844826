// Measures what the board's writes cost in the core (no HTTP): cards.place renumbering a 22-card side,
// placements.update and board.get, median and p95 of 500 calls after 50 warm-up, on a fresh data dir.
// Give it a checkout to compare two versions of the code (e.g. before and after the board versions):
//   npx tsx scripts/measure-board-writes.mjs [project root, default: this one]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(fileURLToPath(new URL('.', import.meta.url)), '..'));
const { createApp } = await import(join(root, 'src-main/core/app.ts'));
const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-measure-'));
const app = createApp({ dataDir, resourcesDir: root });

async function call(method, input) {
  const result = await app.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function measure(label, run) {
  const micros = [];
  for (let i = 0; i < 550; i += 1) {
    const start = performance.now();
    await run(i);
    if (i >= 50) micros.push((performance.now() - start) * 1000);
  }
  micros.sort((a, b) => a - b);
  const at = (q) => micros[Math.floor(micros.length * q)].toFixed(0);
  console.log(`${label}: median ${at(0.5)} µs, p95 ${at(0.95)} µs`);
}

try {
  const [debate] = await call('debates.list', {});
  const student = (await call('people.list', {})).find((person) => person.role === 'student');
  const ref = { debateId: debate.id, studentId: student.id };
  const cards = (await call('board.get', ref)).cards.map((card) => card.id);
  for (const cardId of cards) await call('cards.place', { ...ref, cardId, side: 'A', index: cards.length });
  await measure(`cards.place, the last of ${cards.length} moved to the top`, (i) =>
    call('cards.place', { ...ref, cardId: cards[cards.length - 1 - (i % cards.length)], side: 'A', index: 0 }),
  );
  await measure('placements.update, new reasoning', (i) =>
    call('placements.update', { ...ref, cardId: cards[0], reasoningMarkdown: `Reasoning ${i}` }),
  );
  await measure('board.get', () => call('board.get', ref));
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
