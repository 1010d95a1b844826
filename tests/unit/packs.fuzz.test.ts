// Fuzz: 10,000+ malformed debate packs and work files, made from valid ones (bytes corrupted, cut short, entries
// swapped, manifest and entry JSON fields changed, `..` and absolute paths, oversized entries). No crash, no partial
// write (row counts and last-change times unchanged), and every refusal names the file in words.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DebateDeskApp } from '../../src-main/core/app';
import { callOk, cleanUp, openRaw } from './helpers';
import { buildBoard, bytesOf, exportPack, importPack, toBase64, twoMachines, type Machines } from './packs-fixture';

const RUNS = Number(process.env.PACKS_FUZZ_RUNS ?? 10_000);
const ALLOWED_CODES = new Set(['INVALID_INPUT', 'TOO_LARGE', 'NOT_FOUND']);

type Entries = Record<string, Uint8Array>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Rebuilds a zip from entries, the manifest's list of entries made to match again (so the schemas are reached). */
function rezip(entries: Entries, fixHashes: boolean): Uint8Array {
  const out: Entries = { ...entries };
  if (fixHashes && out['manifest.json']) {
    try {
      const manifest = JSON.parse(strFromU8(out['manifest.json'])) as { entries?: unknown };
      if (manifest && typeof manifest === 'object') {
        manifest.entries = Object.entries(out)
          .filter(([path]) => path !== 'manifest.json')
          .map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) }));
        out['manifest.json'] = strToU8(JSON.stringify(manifest));
      }
    } catch {
      // a manifest that is not JSON stays as it is
    }
  }
  // Stored (level 0): quick to make, and the reader meets stored entries as well as deflated ones.
  return zipSync(out, { level: 0 });
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Replaces the value at one place of a JSON document (chosen by `pick`) by `value`, or deletes it. */
function mutateJson(doc: Json, pick: number, value: Json | undefined): Json {
  const spots: Array<{ parent: Json[] | { [key: string]: Json }; key: string | number }> = [];
  const walk = (node: Json) => {
    if (Array.isArray(node)) {
      node.forEach((child, index) => {
        spots.push({ parent: node, key: index });
        walk(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        spots.push({ parent: node, key });
        walk(child);
      }
    }
  };
  const copy = structuredClone(doc);
  walk(copy);
  const spot = spots[pick % Math.max(1, spots.length)];
  if (!spot) return value ?? null;
  if (value === undefined) {
    if (Array.isArray(spot.parent)) spot.parent.splice(spot.key as number, 1);
    else delete spot.parent[spot.key as string];
  } else if (Array.isArray(spot.parent)) spot.parent[spot.key as number] = value;
  else spot.parent[spot.key as string] = value;
  return copy;
}

const interesting: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    2,
    999,
    -1,
    1.5,
    '',
    '../../etc/passwd',
    '/abs/path',
    '<script>window.__hacked=1</script>',
    'javascript:alert(1)',
    '2099-01-01T00:00:00.000Z',
    '1999-01-01T00:00:00.000Z',
    'debate-desk-work',
    'debate-desk-pack',
    '00000000-0000-4000-8000-000000000000',
    'x'.repeat(70_000),
    [],
    {},
  ),
);

const BAD_NAMES = [
  '../escape.json',
  '/etc/passwd',
  'C:/Windows/x',
  'articles/../../x.md',
  'a\\b.json',
  './manifest.json',
];

interface Case {
  kind: string;
  build(valid: Entries, bytes: Uint8Array): Uint8Array;
}

const mutation: fc.Arbitrary<Case> = fc.oneof(
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => ({
    kind: 'corrupt bytes',
    build: (_e: Entries, bytes: Uint8Array) => {
      const copy = bytes.slice();
      for (const [at, value] of flips) copy[at % copy.length] = value;
      return copy;
    },
  })),
  fc.nat().map((cut) => ({
    kind: 'truncated',
    build: (_e: Entries, bytes: Uint8Array) => bytes.subarray(0, cut % bytes.length),
  })),
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([a, b, fix]) => ({
    kind: 'swapped entries',
    build: (entries: Entries) => {
      const names = Object.keys(entries);
      const first = names[a % names.length]!;
      const second = names[(a + 1 + (b % (names.length - 1))) % names.length]!; // never the same entry
      return rezip({ ...entries, [first]: entries[second]!, [second]: entries[first]! }, fix);
    },
  })),
  fc.tuple(fc.nat(), interesting).map(([pick, value]) => ({
    kind: 'manifest field',
    build: (entries: Entries) => {
      const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Json;
      return zipSync(
        { ...entries, 'manifest.json': strToU8(JSON.stringify(mutateJson(manifest, pick, value))) },
        { level: 0 },
      );
    },
  })),
  fc.tuple(fc.nat(), fc.nat(), interesting).map(([entry, pick, value]) => ({
    kind: 'entry field (hashes fixed)',
    build: (entries: Entries) => {
      const names = Object.keys(entries).filter((name) => name.endsWith('.json') && name !== 'manifest.json');
      const name = names[entry % names.length]!;
      const doc = JSON.parse(strFromU8(entries[name]!)) as Json;
      return rezip({ ...entries, [name]: strToU8(JSON.stringify(mutateJson(doc, pick, value))) }, true);
    },
  })),
  fc.tuple(fc.constantFrom(...BAD_NAMES), fc.boolean()).map(([name, fix]) => ({
    kind: 'bad path',
    build: (entries: Entries) => rezip({ ...entries, [name]: strToU8('{"x":1}') }, fix),
  })),
  fc.tuple(fc.nat(), fc.constantFrom('json', 'text', 'empty')).map(([pick, what]) => ({
    kind: 'entry replaced',
    build: (entries: Entries) => {
      const names = Object.keys(entries);
      const name = names[pick % names.length]!;
      const content = what === 'json' ? '{"a":[1,2,3]}' : what === 'text' ? 'hello <script>x</script>' : '';
      return rezip({ ...entries, [name]: strToU8(content) }, pick % 2 === 0);
    },
  })),
  fc.uint8Array({ minLength: 0, maxLength: 300 }).map((noise) => ({
    kind: 'random bytes',
    build: () => (noise.length > 3 && noise[0]! % 2 === 0 ? Uint8Array.from([0x50, 0x4b, 3, 4, ...noise]) : noise),
  })),
  fc.nat().map((pick) => ({
    kind: 'duplicate entry name',
    build: (entries: Entries) => {
      const names = Object.keys(entries);
      const name = names[pick % names.length]!;
      const twin = `${name.slice(0, -1)}\u0001`;
      const zip = Buffer.from(zipSync({ ...entries, [twin]: strToU8('{}') }, { level: 0 }));
      // Rename the twin (local header and central directory) to the original's name.
      for (let at = zip.indexOf(twin); at !== -1; at = zip.indexOf(twin, at + 1)) zip.write(name, at);
      return new Uint8Array(zip);
    },
  })),
);

/** Every table's row count and latest change: what must not move when an import is refused. */
function snapshot(app: DebateDeskApp) {
  const db = openRaw(app.dataFile, { readonly: true });
  const tables = [
    'people',
    'articles',
    'excerpts',
    'debates',
    'debate_articles',
    'debate_pool',
    'placements',
    'positions',
    'work_imports',
    'article_tags',
    'app_meta',
  ];
  const queries = tables.map((table) => {
    const stamp = ['debate_articles', 'debate_pool', 'article_tags', 'app_meta'].includes(table)
      ? 'NULL'
      : table === 'work_imports'
        ? 'max(imported_at)'
        : 'max(updated_at)';
    return db.prepare(`SELECT '${table}' AS t, count(*) AS n, ${stamp} AS at FROM ${table}`);
  });
  return () => queries.map((query) => query.get());
}

describe('malformed packs and work files (fuzz)', () => {
  let m: Machines;
  let valid: {
    pack: Uint8Array;
    work: Uint8Array;
    packEntries: Entries;
    workEntries: Entries;
    bombPack: Uint8Array;
    bombWork: Uint8Array;
  };

  beforeAll(async () => {
    m = await twoMachines();
    await importPack(m.student, await exportPack(m));
    await buildBoard(m);
    const work = await callOk<{ dataBase64: string; fileName: string; mimeType: string }>(m.student, 'work.export', {
      debateId: m.debate.id,
      studentId: m.studentId,
    });
    // A small debate for the packs (one short article, one card): the cases stay quick, the format is the same.
    const small = await callOk<{ id: string }>(m.teacher, 'debates.create', {
      teacherToken: m.token,
      motion: 'A small debate for the fuzz test',
      sideA: 'Yes',
      sideB: 'No',
      instructionsMarkdown: 'Read the article. <script>window.__hacked = 1</script>',
      articleIds: [m.debate.articleIds[0]],
      poolCardIds: m.debate.pool.filter((card) => card.articleId === m.debate.articleIds[0]).map((card) => card.id),
    });
    const pack = bytesOf(await exportPack(m, small.id));
    const zeros = new Uint8Array(9 * 1024 * 1024);
    valid = {
      pack,
      work: bytesOf(work),
      packEntries: unzipSync(pack),
      workEntries: unzipSync(bytesOf(work)),
      // Oversized entries: a few KB on disk, 9 MB when inflated (over the 8 MB limits).
      bombPack: rezip({ ...unzipSync(pack), 'articles/bomb.md': zeros }, true),
      bombWork: rezip({ ...unzipSync(bytesOf(work)), 'work.json': zeros }, true),
    };
  }, 60_000);
  afterAll(cleanUp);

  it(`refuses ${RUNS} malformed files cleanly`, async () => {
    const readCounts = snapshot(m.teacher);
    let baseline = readCounts();
    const kinds = new Map<string, { refused: number; accepted: number; ms: number }>();
    let index = 0;
    let buildMs = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.noBias(fc.integer({ min: 0, max: 399 })),
        mutation,
        async (isPack, bombChance, change) => {
          const fileName = `case ${index++} ${isPack ? 'pack.ddpack' : 'work.ddwork'}`;
          const base = isPack ? valid.pack : valid.work;
          const caseStarted = performance.now();
          let bytes: Uint8Array;
          let kind = change.kind;
          if (bombChance === 0) {
            bytes = isPack ? valid.bombPack : valid.bombWork;
            kind = 'oversized entry';
          } else {
            bytes = change.build(isPack ? valid.packEntries : valid.workEntries, base);
          }
          buildMs += performance.now() - caseStarted;
          const result = await m.teacher.dispatch(isPack ? 'packs.importDebate' : 'work.import', {
            teacherToken: m.token,
            fileName,
            dataBase64: toBase64(bytes),
          });
          const tally = kinds.get(kind) ?? { refused: 0, accepted: 0, ms: 0 };
          kinds.set(kind, tally);
          tally.ms += performance.now() - caseStarted;
          if (result.ok) {
            // A change that still makes a valid file (e.g. another app version) may be imported: a new baseline.
            tally.accepted += 1;
            baseline = readCounts();
            return;
          }
          tally.refused += 1;
          expect(ALLOWED_CODES.has(result.error.code), `${kind}: ${result.error.code} ${result.error.message}`).toBe(
            true,
          );
          expect(result.error.message, kind).toContain(`“${fileName}”`);
          expect(result.error.message.length).toBeLessThan(700);
          expect(readCounts(), `${kind}: a refused file wrote something`).toEqual(baseline);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.PACKS_FUZZ_SEED ?? 20261123) },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.info(
      `[packs fuzz] ${RUNS} files in ${seconds} s (making them: ${(buildMs / 1000).toFixed(1)} s)`,
      Object.fromEntries(kinds),
    );
    const refused = [...kinds.values()].reduce((sum, tally) => sum + tally.refused, 0);
    expect(refused).toBeGreaterThan(RUNS * 0.8);
  }, 120_000);
});
