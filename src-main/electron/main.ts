// Electron main process: wires the core app, the IPC channel and the security guards to real Electron objects.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp, type DebateDeskApp } from '../core/app';
import { forwardEvents, installCallHandler } from './ipc';
import { createElectronPdfPrinter } from './pdf-printer';
import {
  CONTENT_SECURITY_POLICY,
  DEVELOPMENT_CONTENT_SECURITY_POLICY,
  installSessionPolicy,
  installWebContentsGuards,
  isOwnPageUrl,
} from './security';
import { mainWindowOptions } from './window-options';

const APP_USER_MODEL_ID = 'app.debatedesk.DebateDesk';
const OPEN_DATA_FAILED_TITLE = 'Debate Desk cannot open its data';

const outDir = fileURLToPath(new URL('..', import.meta.url));
const preloadPath = join(outDir, 'preload', 'index.cjs');
const rendererIndexPath = join(outDir, 'renderer', 'index.html');

// Only an unpackaged app may be pointed at a dev server; a packaged one always loads its own files.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const ownPageUrl = devServerUrl ?? pathToFileURL(rendererIndexPath).href;
const isOwnPage = (url: string): boolean => isOwnPageUrl(url, ownPageUrl);

// Tests and portable installs pass their own folder; Chromium's profile then lives there too,
// which also keeps the single-instance lock per data folder.
const dataDirOverride = process.env.DEBATE_DESK_DATA_DIR;
if (dataDirOverride) app.setPath('userData', resolve(dataDirOverride));

let core: DebateDeskApp | null = null;
let mainWindow: BrowserWindow | null = null;

function nativeBindingPath(): string | undefined {
  const candidate = join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    parts.push(current.message);
  }
  return parts.length > 0 ? parts.join('\n') : String(error);
}

function isNativeAbiMismatch(text: string): boolean {
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|ERR_DLOPEN_FAILED|better_sqlite3\.node/i.test(
    text,
  );
}

function openDataFailureMessage(error: unknown, usedNativeBinding: boolean): string {
  const text = errorText(error);
  if (isNativeAbiMismatch(text)) {
    const fix = usedNativeBinding
      ? 'The Electron build of better-sqlite3 in native/electron/ does not load in this version of Electron.'
      : 'There is no Electron build of better-sqlite3 yet.';
    return `${fix}\n\nOn a computer with internet access, run:\n\n    npm run build:native\n\nthen start Debate Desk again.\n\nDetails: ${text}`;
  }
  return text;
}

function startCore(): DebateDeskApp | null {
  const nativeBinding = nativeBindingPath();
  try {
    return createApp({
      dataDir: app.getPath('userData'),
      resourcesDir: app.getAppPath(),
      pdfPrinter: createElectronPdfPrinter(),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    console.error('Debate Desk: could not open its data', error);
    dialog.showErrorBox(OPEN_DATA_FAILED_TITLE, openDataFailureMessage(error, nativeBinding !== undefined));
    return null;
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Debate Desk: the window's renderer stopped (${details.reason}, exit code ${details.exitCode})`);
  });
  const loaded = devServerUrl ? window.loadURL(devServerUrl) : window.loadFile(rendererIndexPath);
  loaded.catch((error: unknown) => {
    console.error('Debate Desk: could not load its window', error);
  });
  return window;
}

function focusMainWindow(): void {
  if (!core) return;
  if (!mainWindow) mainWindow = createMainWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();

  installSessionPolicy(session.defaultSession, {
    policy: devServerUrl ? DEVELOPMENT_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    isOwnPage,
  });

  core = startCore();
  if (!core) {
    app.exit(1);
    return;
  }

  installCallHandler(ipcMain, core, isOwnPage);
  forwardEvents(core, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
  // Shell-only capabilities go here: they need Electron objects, so they live next to the call handler, never
  // in the core. printToPDF of the argument sheet is the core's pdfPrinter (startCore). A sheet download
  // (<a download> on a Blob URL in the renderer) needs nothing here: no 'will-download' handler sets a save
  // path, so Electron shows the native save dialog, and no permission check applies to downloads.

  mainWindow = createMainWindow();

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId(APP_USER_MODEL_ID);
  // Belt and braces over secureWebPreferences: no renderer, however created, runs unsandboxed.
  app.enableSandbox();

  // Every webContents, not only the main window's: a guard that can be bypassed by opening a
  // second contents protects nothing.
  app.on('web-contents-created', (_event, contents) => {
    installWebContentsGuards(contents, {
      isOwnPage,
      openExternal: (url) => shell.openExternal(url),
      warn: (message) => console.warn(`Debate Desk: ${message}`),
    });
  });

  app.on('second-instance', focusMainWindow);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    // Also destroys any hidden window still printing a PDF.
    void core?.close();
    core = null;
  });

  start().catch((error: unknown) => {
    console.error('Debate Desk: failed to start', error);
    dialog.showErrorBox('Debate Desk could not start', errorText(error));
    app.exit(1);
  });
}
