// The file formats, version 1, as zod schemas: manifest.json (what the file is, who made it, its entries with their
// sizes and SHA-256) and the JSON entries of debate packs and work files. Writing and reading a whole archive.
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { ANNOTATION_LABELS, type AnnotationLabel } from '../../shared/domain';
import { fileProblem, readZip, type ZipLimits } from './zip-read';

export const PACK_FORMAT = 'debate-desk-pack';
export const WORK_FORMAT = 'debate-desk-work';
/** The version this Debate Desk writes and the newest it reads. */
export const FORMAT_VERSION = 1;

const FORMAT_NAMES = { [PACK_FORMAT]: 'a debate pack', [WORK_FORMAT]: 'a work file' } as const;
export type FileFormat = keyof typeof FORMAT_NAMES;

/**
 * What an import inflates at most. An article is at most 2 million UTF-16 units (≤ 6 MB of UTF-8); a class's work file
 * is well under 1 MB (a 40-card board with long reasoning is ~100 KB), so 8 MB leaves room without inviting bombs.
 */
export const PACK_LIMITS: ZipLimits = {
  maxEntries: 1_100,
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};
export const WORK_LIMITS: ZipLimits = { maxEntries: 4, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024 };

const uuid = z.uuid();
const timestamp = z.iso.datetime();
const text = (max: number) => z.string().max(max);
const rating = z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable();
const offset = z.number().int().min(0).max(10_000_000);

const entryRecord = z.object({
  path: z.string().min(1).max(200),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const manifestBase = z.object({
  version: z.literal(FORMAT_VERSION),
  exportedAt: timestamp,
  appVersion: text(40),
  debate: z.object({ id: uuid, motion: text(500) }),
  entries: z.array(entryRecord).min(1).max(1_100),
});
export const packManifest = manifestBase.extend({ format: z.literal(PACK_FORMAT) }).strict();
export const workManifest = manifestBase
  .extend({ format: z.literal(WORK_FORMAT), student: z.object({ id: uuid, name: text(80) }) })
  .strict();
export type PackManifest = z.infer<typeof packManifest>;
export type WorkManifest = z.infer<typeof workManifest>;

// ── Debate pack entries ─────────────────────────────────────────────────────────────────────────────────────────

/** debate.json: the debate's setup, its articles and pool in order (by the pack's uuids). */
export const packDebate = z
  .object({
    id: uuid,
    motion: z.string().trim().min(1).max(500),
    sideA: z.string().trim().min(1).max(60),
    sideB: z.string().trim().min(1).max(60),
    instructionsMarkdown: text(50_000),
    status: z.enum(['open', 'locked', 'archived']),
    createdAt: timestamp,
    updatedAt: timestamp,
    articleIds: z.array(uuid).max(500),
    poolCardIds: z.array(uuid).max(5_000),
  })
  .strict();

/** articles.json: each article's metadata; its body is the Markdown entry `articles/<id>.md`. */
export const packArticle = z
  .object({
    id: uuid,
    title: text(500),
    author: text(300).nullable(),
    outlet: text(300).nullable(),
    date: z.iso.date().nullable(),
    // Only web addresses: a cite's link must never be javascript: or data:.
    url: z
      .url({ protocol: /^https?$/ })
      .max(2_000)
      .nullable(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20),
    updatedAt: timestamp,
  })
  .strict();

/** cards.json: the teacher's pool cards, anchored Hypothesis-style in the article's plain text. */
export const packCard = z
  .object({
    id: uuid,
    articleId: uuid,
    tag: z.string().trim().min(1).max(300),
    start: offset,
    end: offset,
    quote: z.string().min(1).max(20_000),
    prefix: text(200),
    suffix: text(200),
    updatedAt: timestamp,
  })
  .strict()
  .refine((card) => card.end > card.start, { error: 'a card has an empty range' });

/** roster.json: the class list, so a student on their own laptop picks their own name (and id). */
export const packStudent = z.object({ id: uuid, name: z.string().trim().min(1).max(80) }).strict();

export const packEntries = {
  debate: packDebate,
  articles: z.array(packArticle).max(500),
  cards: z.array(packCard).max(5_000),
  roster: z.array(packStudent).max(2_000),
};
export type PackDebate = z.infer<typeof packDebate>;
export type PackArticle = z.infer<typeof packArticle>;
export type PackCard = z.infer<typeof packCard>;

// ── Work file entry ─────────────────────────────────────────────────────────────────────────────────────────────

export const workExcerpt = z
  .object({
    id: uuid,
    articleId: uuid,
    kind: z.enum(['annotation', 'card']),
    start: offset,
    end: offset,
    quote: z.string().min(1).max(20_000),
    prefix: text(200),
    suffix: text(200),
    orphaned: z.boolean(),
    label: z.enum(Object.keys(ANNOTATION_LABELS) as [AnnotationLabel, ...AnnotationLabel[]]).nullable(),
    noteMarkdown: text(50_000),
    tag: z.string().max(300).nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .refine((excerpt) => excerpt.end > excerpt.start, { error: 'a highlight has an empty range' })
  .refine((excerpt) => excerpt.kind === 'annotation' || excerpt.tag !== null, { error: 'a card has no tag' });

export const workPlacement = z
  .object({
    id: uuid,
    cardId: uuid,
    side: z.enum(['A', 'B']),
    position: z.number().int().min(0).max(100_000),
    reasoningMarkdown: text(20_000),
    strength: rating,
    relevance: rating,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict();

/** work.json: one student's work on one debate. Articles are named by id and by text checksum (to match either). */
export const workContent = z
  .object({
    debateId: uuid,
    student: z.object({ id: uuid, name: z.string().trim().min(1).max(80) }).strict(),
    articles: z
      .array(z.object({ id: uuid, checksum: z.string().regex(/^[0-9a-f]{64}$/), title: text(500) }).strict())
      .max(500),
    excerpts: z.array(workExcerpt).max(20_000),
    placements: z.array(workPlacement).max(5_000),
    position: z
      .object({
        id: uuid,
        thesisMarkdown: text(20_000),
        conclusionMarkdown: text(20_000),
        submittedAt: timestamp.nullable(),
        updatedAt: timestamp,
      })
      .strict()
      .nullable(),
  })
  .strict();
export type WorkContent = z.infer<typeof workContent>;

// ── Archives ────────────────────────────────────────────────────────────────────────────────────────────────────

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A zip of manifest.json (listing every entry with its size and hash) followed by the entries. */
export function writeArchive(
  manifest: Omit<PackManifest, 'entries'> | Omit<WorkManifest, 'entries'>,
  files: Record<string, string>,
): Uint8Array {
  const encoded = Object.entries(files).map(([path, content]) => [path, strToU8(content)] as const);
  const entries = encoded.map(([path, bytes]) => ({ path, bytes: bytes.length, sha256: sha256(bytes) }));
  const zip: Record<string, Uint8Array> = {
    'manifest.json': strToU8(JSON.stringify({ ...manifest, entries }, null, 2)),
  };
  for (const [path, bytes] of encoded) zip[path] = bytes;
  return zipSync(zip, { level: 6 });
}

/** "entries: 0.path: …" — where a schema found the problem, for the message. */
function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not follow the format';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`.slice(0, 240);
}

/** Parses one JSON entry against its schema; the problem names the entry and the field. */
export function parseEntry<T extends z.ZodType>(fileName: string, entry: string, raw: string, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw fileProblem(fileName, `its entry “${entry}” is not valid JSON (the file is damaged).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw fileProblem(fileName, `its entry “${entry}” is not as expected (${describeIssues(parsed.error)}).`);
  return parsed.data;
}

export interface OpenedArchive<M> {
  manifest: M;
  /** Every listed entry as text (checked against the manifest's size and hash). */
  text: Map<string, string>;
}

/**
 * Opens a file of the expected format: zip read with limits, manifest checked (format, version, schema), every entry
 * present with the size and hash the manifest lists, and no entry that it does not list.
 */
export function openArchive<F extends FileFormat>(
  fileName: string,
  bytes: Uint8Array,
  format: F,
): OpenedArchive<F extends typeof PACK_FORMAT ? PackManifest : WorkManifest> {
  const zip = readZip(fileName, bytes, format === PACK_FORMAT ? PACK_LIMITS : WORK_LIMITS);
  const manifestBytes = zip.get('manifest.json');
  if (!manifestBytes) throw fileProblem(fileName, 'it is a zip archive but not a Debate Desk file (no manifest.json).');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw fileProblem(fileName, 'its manifest.json is not valid JSON (the file is damaged).');
  }
  const head = z.object({ format: z.string(), version: z.unknown() }).safeParse(raw);
  if (!head.success) throw fileProblem(fileName, 'its manifest.json does not say what the file is.');
  if (head.data.format !== format) {
    const other = FORMAT_NAMES[head.data.format as FileFormat];
    throw fileProblem(
      fileName,
      other
        ? `it is ${other}, not ${FORMAT_NAMES[format]}.`
        : `it is not ${FORMAT_NAMES[format]} (its format is unknown).`,
    );
  }
  const version = head.data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > FORMAT_VERSION) {
    throw fileProblem(
      fileName,
      `it was made by a newer Debate Desk (file format version ${version}; this one reads version ${FORMAT_VERSION}). Update Debate Desk to import it.`,
    );
  }
  if (version !== FORMAT_VERSION) throw fileProblem(fileName, 'its manifest.json has an unknown format version.');
  const schema = format === PACK_FORMAT ? packManifest : workManifest;
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw fileProblem(fileName, `its manifest.json is not as expected (${describeIssues(parsed.error)}).`);
  const manifest = parsed.data;

  const listed = new Set<string>(['manifest.json']);
  const text = new Map<string, string>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.path)) throw fileProblem(fileName, `its manifest lists “${entry.path}” twice.`);
    listed.add(entry.path);
    const content = zip.get(entry.path);
    if (!content) throw fileProblem(fileName, `the entry “${entry.path}” is missing (the file is incomplete).`);
    if (content.length !== entry.bytes || sha256(content) !== entry.sha256) {
      throw fileProblem(fileName, `the entry “${entry.path}” does not match its checksum (the file is damaged).`);
    }
    text.set(entry.path, strFromU8(content));
  }
  for (const path of zip.keys()) {
    if (!listed.has(path))
      throw fileProblem(fileName, `it has an entry the manifest does not list (“${path.slice(0, 80)}”).`);
  }
  return { manifest: manifest as never, text };
}

/** The text of a listed entry that the format requires. */
export function requiredEntry(fileName: string, archive: OpenedArchive<unknown>, path: string): string {
  const content = archive.text.get(path);
  if (content === undefined) throw fileProblem(fileName, `the entry “${path}” is missing.`);
  return content;
}
