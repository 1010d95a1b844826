// Serves the built renderer (out/renderer) without ever leaving that folder: not by "..", encoded or not, not by
// backslashes or drive letters, not by NUL, and not through a symbolic link that points outside it.
import { readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

function isInside(folder: string, file: string): boolean {
  return file.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The file for a URL path inside root, or null (missing, or an attempt to climb out of root). */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // The renderer's own URLs never hold these: a backslash or colon is a Windows path trick (C:\, \\server,
  // file.js::$DATA), NUL a C-string one.
  if (/[\0\\:]/.test(decoded)) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  const folder = resolve(root);
  const file = join(folder, relative);
  if (!isInside(folder, file)) return null;
  const contentType = CONTENT_TYPES[extname(file).toLowerCase()];
  if (!contentType) return null;
  try {
    // A symbolic link inside the folder may point anywhere: what counts is where the real file is.
    const [realFolder, realFile] = await Promise.all([realpath(folder), realpath(file)]);
    if (!isInside(realFolder, realFile)) return null;
    return { body: await readFile(realFile), contentType };
  } catch {
    return null;
  }
}
