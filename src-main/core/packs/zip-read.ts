// Reads an imported zip with limits: entry names checked, bytes counted as they are inflated (never trusting the
// sizes the headers claim), the whole file read before anything is written. Every problem names the file.
import { Unzip, UnzipInflate } from 'fflate';
import type { ErrorCode } from '../../shared/result';
import { AppError } from '../errors';

export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all entries together. */
  maxTotalBytes: number;
}

/** Pushed a piece at a time: one piece of deflate data inflates to at most ~1,000 times its size. */
const CHUNK_BYTES = 8 * 1024;
const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_DIRECTORY = 0x06054b50;

/** The one error an imported file gets: the file's name, the problem in words, and that nothing changed. */
export function fileProblem(fileName: string, problem: string, code: ErrorCode = 'INVALID_INPUT'): AppError {
  return new AppError(code, `“${fileName}” cannot be imported: ${problem} Nothing was changed.`);
}

/** Why an entry name may not be used, or null: no absolute paths, no `..`, no backslashes or drive letters. */
export function entryNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 200) return 'an entry has an empty or overlong name';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `the entry “${name.slice(0, 80)}” has an absolute path`;
  if (name.includes('\\')) return `the entry “${name.slice(0, 80)}” has a backslash in its path`;
  if (name.split('/').some((part) => part === '..' || part === '.')) {
    return `the entry “${name.slice(0, 80)}” has “..” or “.” in its path`;
  }
  // Control characters (NUL included) have no place in the names Debate Desk writes.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'an entry name has control characters';
  return null;
}

function hasEndOfDirectory(bytes: Uint8Array): boolean {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return true;
  }
  return false;
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Every file entry of the archive by name (folders skipped); throws the file's problem in words. */
export function readZip(fileName: string, bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  if (bytes.length < 22 || LOCAL_HEADER.some((byte, index) => bytes[index] !== byte)) {
    throw fileProblem(fileName, 'it is not a Debate Desk file (it is not a zip archive).');
  }
  if (!hasEndOfDirectory(bytes)) {
    throw fileProblem(fileName, 'the file is incomplete (cut short while copying?) or damaged.');
  }
  const entries = new Map<string, Uint8Array>();
  const unfinished = new Set<string>();
  let seen = 0;
  let total = 0;
  let problem: { text: string; tooLarge: boolean } | null = null;
  const fail = (text: string, tooLarge = false) => {
    problem ??= { text, tooLarge };
  };

  const unzip = new Unzip((file) => {
    if (problem) return;
    const name = file.name;
    const nameProblem = entryNameProblem(name);
    if (nameProblem) return fail(`${nameProblem}.`);
    if (entries.has(name) || unfinished.has(name)) return fail(`the entry “${name}” appears twice.`);
    if (++seen > limits.maxEntries) return fail(`it has more than ${limits.maxEntries} entries.`, true);
    if (name.endsWith('/')) return;
    if (file.compression !== 0 && file.compression !== 8) {
      return fail(`the entry “${name}” is compressed in a way Debate Desk does not read.`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    unfinished.add(name);
    file.ondata = (error, data, final) => {
      if (problem) return;
      if (error) return fail(`the entry “${name}” is damaged.`);
      size += data.length;
      total += data.length;
      if (size > limits.maxEntryBytes) {
        return fail(`the entry “${name}” unpacks to more than ${limits.maxEntryBytes / (1024 * 1024)} MB.`, true);
      }
      if (total > limits.maxTotalBytes) {
        return fail(`its contents unpack to more than ${limits.maxTotalBytes / (1024 * 1024)} MB.`, true);
      }
      if (data.length > 0) chunks.push(data);
      if (final) {
        unfinished.delete(name);
        entries.set(name, joined(chunks, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !problem; at += CHUNK_BYTES) {
      unzip.push(bytes.subarray(at, at + CHUNK_BYTES), at + CHUNK_BYTES >= bytes.length);
    }
  } catch {
    fail('the zip archive is damaged.');
  }
  const found = problem as { text: string; tooLarge: boolean } | null;
  if (found) throw fileProblem(fileName, found.text, found.tooLarge ? 'TOO_LARGE' : 'INVALID_INPUT');
  if (unfinished.size > 0) {
    throw fileProblem(fileName, 'the file is incomplete (cut short while copying?) or damaged.');
  }
  if (entries.size === 0) throw fileProblem(fileName, 'the zip archive holds no files.');
  return entries;
}
