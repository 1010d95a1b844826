// Work files: a student exports their work on one debate (own cards and annotations on its articles, placements,
// thesis and conclusion); the teacher imports many. A newer file from the same student replaces the older one's work.
import type { SharedFile, WorkImportResult } from '../../shared/packs';
import { WORK_EXTENSION } from '../../shared/packs';
import { fileNamePart } from '../../shared/sheet';
import { reanchor } from '../anchoring';
import { nowIso } from '../clock';
import type { Db } from '../db/open';
import { findDebate } from '../debates';
import { findPersonRow } from '../people';
import { freeName } from './debate-pack';
import {
  FORMAT_VERSION,
  WORK_FORMAT,
  openArchive,
  parseEntry,
  requiredEntry,
  workContent,
  writeArchive,
  type WorkContent,
} from './manifest';
import { fileProblem } from './zip-read';

/** The cards a student's board shows: the class pool, and their own cards cut from the articles in play. */
const ON_BOARD = `(EXISTS (SELECT 1 FROM debate_pool dp WHERE dp.debate_id = @debate AND dp.excerpt_id = e.id)
  OR (e.owner_id = @student AND e.article_id IN (SELECT article_id FROM debate_articles WHERE debate_id = @debate)))`;

export function exportWork(db: Db, debateUuid: string, studentUuid: string, appVersion: string): SharedFile {
  const debate = findDebate(db, debateUuid);
  const student = findPersonRow(db, studentUuid, 'student');
  const key = { debate: debate.rowId, student: student.id };
  const articles = db
    .prepare<[number], { uuid: string; checksum: string; title: string }>(
      `SELECT a.uuid, a.checksum, a.title FROM debate_articles da JOIN articles a ON a.id = da.article_id
       WHERE da.debate_id = ? ORDER BY da.position`,
    )
    .all(debate.rowId)
    .map((article) => ({ id: article.uuid, checksum: article.checksum, title: article.title }));
  const excerpts = db
    .prepare<
      [typeof key],
      {
        uuid: string;
        article_uuid: string;
        kind: 'annotation' | 'card';
        start_offset: number;
        end_offset: number;
        quote: string;
        prefix: string;
        suffix: string;
        orphaned: number;
        label: WorkContent['excerpts'][number]['label'];
        note_markdown: string;
        tag: string | null;
        created_at: string;
        updated_at: string;
      }
    >(
      `SELECT e.uuid, a.uuid AS article_uuid, e.kind, e.start_offset, e.end_offset, e.quote, e.prefix, e.suffix,
              e.orphaned, e.label, e.note_markdown, e.tag, e.created_at, e.updated_at
       FROM excerpts e JOIN articles a ON a.id = e.article_id
       WHERE e.owner_id = @student AND e.article_id IN (SELECT article_id FROM debate_articles WHERE debate_id = @debate)
       ORDER BY e.id`,
    )
    .all(key)
    .map((row) => ({
      id: row.uuid,
      articleId: row.article_uuid,
      kind: row.kind,
      start: row.start_offset,
      end: row.end_offset,
      quote: row.quote,
      prefix: row.prefix,
      suffix: row.suffix,
      orphaned: row.orphaned === 1,
      label: row.label,
      noteMarkdown: row.note_markdown,
      tag: row.tag,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  const placements = db
    .prepare<
      [typeof key],
      {
        uuid: string;
        card_uuid: string;
        side: 'A' | 'B';
        position: number;
        reasoning_markdown: string;
        strength: 1 | 2 | 3 | null;
        relevance: 1 | 2 | 3 | null;
        created_at: string;
        updated_at: string;
      }
    >(
      `SELECT p.uuid, e.uuid AS card_uuid, p.side, p.position, p.reasoning_markdown, p.strength, p.relevance,
              p.created_at, p.updated_at
       FROM placements p JOIN excerpts e ON e.id = p.excerpt_id
       WHERE p.debate_id = @debate AND p.student_id = @student AND p.side IS NOT NULL AND ${ON_BOARD}
       ORDER BY p.side, p.position`,
    )
    .all(key)
    .map((row) => ({
      id: row.uuid,
      cardId: row.card_uuid,
      side: row.side,
      position: row.position,
      reasoningMarkdown: row.reasoning_markdown,
      strength: row.strength,
      relevance: row.relevance,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  const position = db
    .prepare<
      [typeof key],
      {
        uuid: string;
        thesis_markdown: string;
        conclusion_markdown: string;
        submitted_at: string | null;
        updated_at: string;
      }
    >(
      `SELECT uuid, thesis_markdown, conclusion_markdown, submitted_at, updated_at FROM positions
       WHERE debate_id = @debate AND student_id = @student`,
    )
    .get(key);
  const work: WorkContent = {
    debateId: debate.id,
    student: { id: student.uuid, name: student.name },
    articles,
    excerpts,
    placements,
    position: position
      ? {
          id: position.uuid,
          thesisMarkdown: position.thesis_markdown,
          conclusionMarkdown: position.conclusion_markdown,
          submittedAt: position.submitted_at,
          updatedAt: position.updated_at,
        }
      : null,
  };
  const bytes = writeArchive(
    {
      format: WORK_FORMAT,
      version: FORMAT_VERSION,
      exportedAt: nowIso(),
      appVersion,
      debate: { id: debate.id, motion: debate.motion },
      student: { id: student.uuid, name: student.name },
    },
    { 'work.json': JSON.stringify(work) },
  );
  return {
    fileName: `${fileNamePart(student.name, 'Student', 40)} - ${fileNamePart(debate.motion, 'Debate')}${WORK_EXTENSION}`,
    mimeType: 'application/zip',
    dataBase64: Buffer.from(bytes).toString('base64'),
  };
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** Imports one work file into the caller's transaction. Throws (nothing written) on any problem, naming the file. */
export function importWork(db: Db, fileName: string, bytes: Uint8Array): WorkImportResult {
  const archive = openArchive(fileName, bytes, WORK_FORMAT);
  const { manifest } = archive;
  const work = parseEntry(fileName, 'work.json', requiredEntry(fileName, archive, 'work.json'), workContent);
  const damaged = (problem: string) =>
    fileProblem(fileName, `${problem} (the work file is damaged or was edited by hand).`);
  if (work.debateId !== manifest.debate.id || work.student.id !== manifest.student.id) {
    throw damaged('its manifest and its contents do not match');
  }

  const debate = db
    .prepare<[string], { id: number; motion: string; side_a_label: string; side_b_label: string }>(
      'SELECT id, motion, side_a_label, side_b_label FROM debates WHERE uuid = ?',
    )
    .get(work.debateId);
  if (!debate) {
    throw fileProblem(
      fileName,
      `this work file is for the debate “${manifest.debate.motion || manifest.debate.id}”, which is not on this computer.`,
      'NOT_FOUND',
    );
  }
  const student = db
    .prepare<[string], { id: number; role: string; name: string }>('SELECT id, role, name FROM people WHERE uuid = ?')
    .get(work.student.id);
  if (student && student.role !== 'student') throw damaged('its student has the id of the teacher');
  const result: WorkImportResult = {
    fileName,
    outcome: 'imported',
    debate: { id: work.debateId, motion: debate.motion },
    student: { id: work.student.id, name: student?.name ?? work.student.name },
    addedToRoster: false,
    placements: work.placements.length,
    cards: work.excerpts.filter((excerpt) => excerpt.kind === 'card').length,
    annotations: work.excerpts.filter((excerpt) => excerpt.kind === 'annotation').length,
    message: '',
  };

  const previous = student
    ? db
        .prepare<[number, number], { exported_at: string }>(
          'SELECT exported_at FROM work_imports WHERE debate_id = ? AND student_id = ?',
        )
        .get(debate.id, student.id)
    : undefined;
  if (previous && manifest.exportedAt <= previous.exported_at) {
    result.outcome = manifest.exportedAt === previous.exported_at ? 'unchanged' : 'older';
    result.message =
      result.outcome === 'unchanged'
        ? `${result.student.name}’s work on “${debate.motion}” from this file (exported ${when(manifest.exportedAt)}) was already imported: nothing changed.`
        : `${result.student.name}’s work imported earlier is newer (exported ${when(previous.exported_at)}) than this file (exported ${when(manifest.exportedAt)}): nothing changed.`;
    return result;
  }

  // ── Every check before the first write ──
  const articleOf = resolveArticles(db, fileName, work);
  const excerptIds = new Set<string>();
  const ownerOf = db.prepare<[string], { owner: string; id: number }>(
    'SELECT p.uuid AS owner, e.id FROM excerpts e JOIN people p ON p.id = e.owner_id WHERE e.uuid = ?',
  );
  for (const excerpt of work.excerpts) {
    if (excerptIds.has(excerpt.id)) throw damaged('a highlight appears twice');
    excerptIds.add(excerpt.id);
    if (!articleOf.has(excerpt.articleId)) throw damaged('a highlight is on an article the file does not list');
    const owner = ownerOf.get(excerpt.id);
    if (owner && owner.owner !== work.student.id) throw damaged('a highlight has the id of someone else’s');
  }
  const ownCards = new Set(work.excerpts.filter((excerpt) => excerpt.kind === 'card').map((excerpt) => excerpt.id));
  const cardHere = db.prepare<[string], { kind: string; role: string; owner: string }>(
    `SELECT e.kind, p.role, p.uuid AS owner FROM excerpts e JOIN people p ON p.id = e.owner_id WHERE e.uuid = ?`,
  );
  const placementHere = db.prepare<[string], { debate_id: number; student: string }>(
    'SELECT pl.debate_id, p.uuid AS student FROM placements pl JOIN people p ON p.id = pl.student_id WHERE pl.uuid = ?',
  );
  const placed = new Set<string>();
  const placementIds = new Set<string>();
  for (const placement of work.placements) {
    if (placed.has(placement.cardId) || placementIds.has(placement.id)) throw damaged('a card is placed twice');
    placed.add(placement.cardId);
    placementIds.add(placement.id);
    if (!ownCards.has(placement.cardId)) {
      const card = cardHere.get(placement.cardId);
      if (!card || card.kind !== 'card' || (card.role !== 'teacher' && card.owner !== work.student.id)) {
        throw fileProblem(
          fileName,
          'a card on this board is not on this computer (import the latest debate pack, or ask the student to export again).',
        );
      }
    }
    const other = placementHere.get(placement.id);
    if (other && (other.debate_id !== debate.id || other.student !== work.student.id)) {
      throw damaged('a placement has the id of someone else’s');
    }
  }
  if (work.position) {
    const other = db
      .prepare<[string], { debate_id: number; student: string }>(
        'SELECT po.debate_id, p.uuid AS student FROM positions po JOIN people p ON p.id = po.student_id WHERE po.uuid = ?',
      )
      .get(work.position.id);
    if (other && (other.debate_id !== debate.id || other.student !== work.student.id)) {
      throw damaged('its thesis has the id of someone else’s');
    }
  }

  // ── Writes ──
  const now = nowIso();
  let studentId = student?.id;
  if (studentId === undefined) {
    const nameTaken = db.prepare<[string], { id: number }>('SELECT id FROM people WHERE name = ? COLLATE NOCASE');
    const name = freeName(work.student.name.normalize('NFC').trim(), nameTaken);
    studentId = Number(
      db
        .prepare("INSERT INTO people (uuid, name, role, created_at, updated_at) VALUES (?, ?, 'student', ?, ?)")
        .run(work.student.id, name, now, now).lastInsertRowid,
    );
    result.addedToRoster = true;
    result.student.name = name;
  }
  const key = { debate: debate.id, student: studentId };
  const hadWork =
    previous !== undefined ||
    db
      .prepare<[typeof key], { n: number }>(
        `SELECT (SELECT count(*) FROM placements WHERE debate_id = @debate AND student_id = @student AND side IS NOT NULL)
              + (SELECT count(*) FROM positions WHERE debate_id = @debate AND student_id = @student) AS n`,
      )
      .get(key)?.n !== 0;
  result.outcome = hadWork ? 'replaced' : 'imported';

  writeExcerpts(db, work, articleOf, studentId);
  db.prepare('DELETE FROM placements WHERE debate_id = @debate AND student_id = @student').run(key);
  const excerptRow = db.prepare<[string], { id: number }>('SELECT id FROM excerpts WHERE uuid = ?');
  const insertPlacement = db.prepare(
    `INSERT INTO placements (uuid, debate_id, student_id, excerpt_id, side, position, reasoning_markdown, strength,
                             relevance, created_at, updated_at)
     VALUES (@uuid, @debate, @student, @excerpt, @side, @position, @reasoning, @strength, @relevance, @created, @updated)`,
  );
  for (const placement of work.placements) {
    insertPlacement.run({
      ...key,
      uuid: placement.id,
      excerpt: (excerptRow.get(placement.cardId) as { id: number }).id,
      side: placement.side,
      position: placement.position,
      reasoning: placement.reasoningMarkdown.normalize('NFC'),
      strength: placement.strength,
      relevance: placement.relevance,
      created: placement.createdAt,
      updated: placement.updatedAt,
    });
  }
  db.prepare('DELETE FROM positions WHERE debate_id = @debate AND student_id = @student').run(key);
  if (work.position) {
    db.prepare(
      `INSERT INTO positions (uuid, debate_id, student_id, thesis_markdown, conclusion_markdown, submitted_at,
                              created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      work.position.id,
      debate.id,
      studentId,
      work.position.thesisMarkdown.normalize('NFC'),
      work.position.conclusionMarkdown.normalize('NFC'),
      work.position.submittedAt,
      work.position.updatedAt,
      work.position.updatedAt,
    );
  }
  db.prepare(
    `INSERT INTO work_imports (debate_id, student_id, exported_at, imported_at, file_name) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (debate_id, student_id)
     DO UPDATE SET exported_at = excluded.exported_at, imported_at = excluded.imported_at, file_name = excluded.file_name`,
  ).run(debate.id, studentId, manifest.exportedAt, now, fileName.slice(0, 255));

  const sides = { A: 0, B: 0 };
  for (const placement of work.placements) sides[placement.side] += 1;
  const what = [
    `${plural(result.placements, 'card')} placed (${sides.A} on ${debate.side_a_label}, ${sides.B} on ${debate.side_b_label})`,
    ...(result.cards ? [plural(result.cards, 'own card')] : []),
    ...(result.annotations ? [plural(result.annotations, 'annotation')] : []),
  ].join(', ');
  result.message =
    result.outcome === 'replaced'
      ? `Replaced ${result.student.name}’s work on “${debate.motion}” with this newer file (exported ${when(manifest.exportedAt)}): ${what}.`
      : `Imported ${result.student.name}’s work on “${debate.motion}”: ${what}.`;
  if (result.addedToRoster) result.message += ` ${result.student.name} was not on the class list and was added.`;
  return result;
}

/** The file's articles → this computer's rows (same id, else same text); refuses one that is not here. */
function resolveArticles(db: Db, fileName: string, work: WorkContent): Map<string, { id: number; text: string }> {
  const byUuid = db.prepare<[string], { id: number; body_text: string }>(
    'SELECT id, body_text FROM articles WHERE uuid = ?',
  );
  const byChecksum = db.prepare<[string], { id: number; body_text: string }>(
    'SELECT id, body_text FROM articles WHERE checksum = ?',
  );
  const found = new Map<string, { id: number; text: string }>();
  for (const article of work.articles) {
    const row = byUuid.get(article.id) ?? byChecksum.get(article.checksum);
    if (!row) {
      throw fileProblem(
        fileName,
        `the article “${article.title.slice(0, 80) || article.id}” it uses is not on this computer (import the debate pack first).`,
        'NOT_FOUND',
      );
    }
    found.set(article.id, { id: row.id, text: row.body_text });
  }
  return found;
}

/** The student's highlights, added or updated by id, anchored again in this computer's text of each article. */
function writeExcerpts(
  db: Db,
  work: WorkContent,
  articleOf: Map<string, { id: number; text: string }>,
  studentId: number,
): void {
  const upsert = db.prepare(
    `INSERT INTO excerpts (uuid, article_id, owner_id, kind, start_offset, end_offset, quote, prefix, suffix, orphaned,
                           label, note_markdown, tag, created_at, updated_at)
     VALUES (@uuid, @article, @owner, @kind, @start, @end, @quote, @prefix, @suffix, @orphaned, @label, @note, @tag,
             @created, @updated)
     ON CONFLICT (uuid) DO UPDATE SET article_id = excluded.article_id, kind = excluded.kind,
       start_offset = excluded.start_offset, end_offset = excluded.end_offset, quote = excluded.quote,
       prefix = excluded.prefix, suffix = excluded.suffix, orphaned = excluded.orphaned, label = excluded.label,
       note_markdown = excluded.note_markdown, tag = excluded.tag, updated_at = excluded.updated_at`,
  );
  for (const excerpt of work.excerpts) {
    const article = articleOf.get(excerpt.articleId) as { id: number; text: string };
    const found = excerpt.orphaned ? null : reanchor(article.text, excerpt);
    const anchor = found?.anchor ?? excerpt;
    upsert.run({
      uuid: excerpt.id,
      article: article.id,
      owner: studentId,
      kind: excerpt.kind,
      start: anchor.start,
      end: anchor.end,
      quote: anchor.quote.normalize('NFC'),
      prefix: anchor.prefix,
      suffix: anchor.suffix,
      orphaned: found ? 0 : 1,
      label: excerpt.label,
      note: excerpt.noteMarkdown.normalize('NFC'),
      tag: excerpt.kind === 'card' ? (excerpt.tag ?? '').normalize('NFC').trim() : excerpt.tag,
      created: excerpt.createdAt,
      updated: excerpt.updatedAt,
    });
  }
}
