// Files the teacher hands to the importer: which ones we take, their size on screen, and their bytes as base64.
import { MAX_IMPORT_FILE_BYTES } from '../../src-main/shared/limits';

/** What the importers read (the file picker's `accept` and the folder filter say the same). */
export const IMPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'] as const;
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

export function isImportable(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return IMPORT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** The name a teacher recognises: the path inside a chosen folder, or just the file's name. */
export function displayName(file: File): string {
  return file.webkitRelativePath || file.name;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** Why a file cannot be imported before it is even read, or null when it can be sent. */
export function refusalOf(file: File): string | null {
  const name = displayName(file);
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return `“${name}” is ${formatBytes(file.size)}; files over ${formatBytes(MAX_IMPORT_FILE_BYTES)} cannot be imported.`;
  }
  if (file.size === 0) return `“${name}” is empty: there is nothing in it to import.`;
  return null;
}

// A multiple of 3, so each chunk encodes to whole base64 quads and the pieces simply concatenate;
// small enough to pass as call arguments.
const CHUNK_BYTES = 3 * 8192;

/** Base64 of any number of bytes, a chunk at a time (btoa on one huge string would exhaust the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    parts.push(btoa(String.fromCharCode(...chunk)));
  }
  return parts.join('');
}

export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/** "Russia, China , russia" → ["russia", "china"]: the tags the core keeps (it lower-cases them too). */
export function parseTags(text: string): string[] {
  const tags = text
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag.length > 0);
  return [...new Set(tags)];
}

/** A tag list the contract accepts, or the reason it does not, in words for the teacher. */
export function tagProblem(tags: string[]): string | null {
  const long = tags.find((tag) => tag.length > 40);
  if (long) return `The tag “${long.slice(0, 50)}” is longer than 40 characters.`;
  if (tags.length > 20) return `An article can have at most 20 tags (this one has ${tags.length}).`;
  return null;
}

function entryFiles(entry: FileSystemEntry, path: string): Promise<File[]> {
  if (entry.isFile) {
    return new Promise((resolve) =>
      (entry as FileSystemFileEntry).file(
        (file) => {
          // Keep the folder path visible in results, as the folder picker does (webkitRelativePath).
          Object.defineProperty(file, 'webkitRelativePath', { value: `${path}${file.name}` });
          resolve([file]);
        },
        () => resolve([]),
      ),
    );
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  return new Promise((resolve) => {
    const found: File[] = [];
    // readEntries answers in batches (about 100 at a time) until it answers with none.
    const readBatch = () =>
      reader.readEntries(
        async (entries) => {
          if (entries.length === 0) return resolve(found);
          for (const child of entries) found.push(...(await entryFiles(child, `${path}${entry.name}/`)));
          readBatch();
        },
        () => resolve(found),
      );
    readBatch();
  });
}

/** The files of a drop, with the files inside any dropped folders; `folder` says whether there was one. */
export async function filesFromDrop(data: DataTransfer): Promise<{ files: File[]; folder: boolean }> {
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry())
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (!entries.some((entry) => entry.isDirectory)) return { files: [...data.files], folder: false };
  const files: File[] = [];
  for (const entry of entries) files.push(...(await entryFiles(entry, '')));
  return { files, folder: true };
}
