// The Electron shell's PDF printer: the sheet's HTML in a hidden, sandboxed window with scripts off and its own
// offline session, printed with webContents.printToPDF (Electron's own Chromium: nothing to find or download).
import { BrowserWindow, session, type Session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPrinter } from '../core/sheet/pdf';

/** In memory (no "persist:"): no cache or cookies on disk, and nothing shared with the app's own page. */
const PRINT_PARTITION = 'debate-desk-pdf';
/** Chromium refuses URLs over 2 MiB; a bigger sheet is loaded from a private temp file instead. */
const MAX_DATA_URL_CHARS = 2 * 1024 * 1024 - 1024;

export function createElectronPdfPrinter(): PdfPrinter {
  const windows = new Set<BrowserWindow>();
  const allowedUrls = new Set<string>();
  let printSession: Session | null = null;

  // Created on the first print: sessions exist only once the app is ready.
  function offlineSession(): Session {
    if (printSession) return printSession;
    const created = session.fromPartition(PRINT_PARTITION, { cache: false });
    // The only request allowed is the sheet itself: images, fonts or links to anywhere else are cancelled.
    created.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedUrls.has(details.url) }));
    created.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    created.setPermissionCheckHandler(() => false);
    printSession = created;
    return created;
  }

  async function printUrl(url: string): Promise<Uint8Array> {
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: offlineSession(),
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: false,
        navigateOnDragDrop: false,
      },
    });
    windows.add(window);
    // The app's guards (web-contents-created) apply too; these make this window's rules explicit.
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    window.webContents.on('will-redirect', (event) => event.preventDefault());
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    allowedUrls.add(url);
    try {
      await window.loadURL(url);
      return new Uint8Array(await window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      allowedUrls.delete(url);
      windows.delete(window);
      window.destroy();
    }
  }

  return {
    async print(html) {
      const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
      if (dataUrl.length <= MAX_DATA_URL_CHARS) return printUrl(dataUrl);
      const dir = await mkdtemp(join(tmpdir(), 'debate-desk-sheet-'));
      try {
        const file = join(dir, 'sheet.html');
        await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
        return await printUrl(pathToFileURL(file).href);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      for (const window of windows) window.destroy();
      windows.clear();
    },
  };
}
