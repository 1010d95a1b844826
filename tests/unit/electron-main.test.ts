// The shell's wiring in main.ts, run for real against fake Electron objects (the binary cannot be downloaded here):
// which window options it uses and which guards, permission handlers, CSP and IPC sender check it installs.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_CHANNEL } from '../../src-main/electron/ipc';
import { CONTENT_SECURITY_POLICY } from '../../src-main/electron/security';
import { mainWindowOptions } from '../../src-main/electron/window-options';
import type { Result } from '../../src-main/shared/result';
import { cleanUp, makeTempDir, projectRoot } from './helpers';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  class FakeEmitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }
  class FakeWebContents extends FakeEmitter {
    windowOpenHandler: Listener | null = null;
    setWindowOpenHandler(handler: Listener) {
      this.windowOpenHandler = handler;
    }
  }
  const windows: FakeWindow[] = [];
  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    loadedFile: string | null = null;
    loadedUrl: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      // As Electron does: every new webContents is announced, so the app's guards reach it.
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string) {
      this.loadedFile = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isMinimized() {
      return false;
    }
    show() {}
    restore() {}
    focus() {}
    destroy() {}
    static getAllWindows() {
      return windows;
    }
  }
  const paths = new Map<string, string>();
  const calls: string[] = [];
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    getAppPath: (): string => '',
    setPath: (name: string, path: string) => paths.set(name, path),
    getPath: (name: string) => paths.get(name) ?? '',
    requestSingleInstanceLock: () => true,
    setAppUserModelId: () => undefined,
    enableSandbox: () => calls.push('enableSandbox'),
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    quit: () => calls.push('quit'),
    exit: (code: number) => calls.push(`exit ${code}`),
  });
  const sessionHandlers: Record<string, Listener> = {};
  const defaultSession = {
    webRequest: { onHeadersReceived: (listener: Listener) => (sessionHandlers.headers = listener) },
    setPermissionRequestHandler: (handler: Listener) => (sessionHandlers.request = handler),
    setPermissionCheckHandler: (handler: Listener) => (sessionHandlers.check = handler),
  };
  const ipcHandlers = new Map<string, Listener>();
  const opened: string[] = [];
  const errorBoxes: string[] = [];
  return {
    FakeWebContents,
    windows,
    calls,
    sessionHandlers,
    ipcHandlers,
    opened,
    errorBoxes,
    electron: {
      app,
      BrowserWindow: FakeWindow,
      session: { defaultSession, fromPartition: () => defaultSession },
      ipcMain: {
        handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler),
        removeHandler: (channel: string) => ipcHandlers.delete(channel),
      },
      shell: {
        openExternal: (url: string) => {
          opened.push(url);
          return Promise.resolve();
        },
      },
      dialog: { showErrorBox: (title: string, text: string) => errorBoxes.push(`${title}: ${text}`) },
    },
  };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

// main.ts computes its out/ folder from its own location: here that is src-main/.
const outDir = join(projectRoot, 'src-main');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const ownPage = pathToFileURL(join(outDir, 'renderer', 'index.html')).href;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

beforeAll(async () => {
  fake.electron.app.getAppPath = () => projectRoot;
  process.env.DEBATE_DESK_DATA_DIR = makeTempDir('debate-desk-electron-main-');
  await import('../../src-main/electron/main');
  await settle();
});

afterAll(() => {
  fake.electron.app.emit('will-quit');
  delete process.env.DEBATE_DESK_DATA_DIR;
  cleanUp();
});

describe('main.ts', () => {
  it('sandboxes every renderer before the app is ready, and starts without an error box', () => {
    expect(fake.calls.slice(0, 2)).toEqual(['enableSandbox', 'whenReady']);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('opens one hidden window with the secure options, loading our own file', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options).toEqual(mainWindowOptions(preloadPath));
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      },
    });
    const preferences = window.options.webPreferences as Record<string, unknown>;
    // Options that would weaken the renderer must not be there at all.
    for (const unsafe of ['enableBlinkFeatures', 'additionalArguments', 'session', 'partition']) {
      expect(preferences, unsafe).not.toHaveProperty(unsafe);
    }
    expect(window.loadedFile).toBe(join(outDir, 'renderer', 'index.html'));
    expect(window.loadedUrl).toBeNull();
  });

  it('puts the strict CSP on every response of the default session', () => {
    let headers: Record<string, unknown> | undefined;
    fake.sessionHandlers.headers?.(
      { responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"] } },
      (answer: { responseHeaders: Record<string, unknown> }) => (headers = answer.responseHeaders),
    );
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('grants our own page only the clipboard write and the picked folder, and other pages nothing', () => {
    const ask = (url: string, permission: string, details: Record<string, unknown> = {}) => {
      let granted: boolean | undefined;
      fake.sessionHandlers.request?.({ getURL: () => url }, permission, (answer: boolean) => (granted = answer), {
        requestingUrl: url,
        ...details,
      });
      const checked = fake.sessionHandlers.check?.({ getURL: () => url }, permission, 'file://', details);
      return [granted, checked];
    };
    expect(ask(ownPage, 'fileSystem', { isDirectory: true, fileAccessType: 'writable' })).toEqual([true, true]);
    expect(ask(ownPage, 'clipboard-sanitized-write')).toEqual([true, true]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'usb']) {
      expect(ask(ownPage, permission), permission).toEqual([false, false]);
    }
    expect(ask('https://evil.example/', 'fileSystem')).toEqual([false, false]);
    expect(ask('file:///etc/other.html', 'fileSystem')).toEqual([false, false]);
    // Our page holding a foreign frame: the frame that asks is what counts.
    let granted: boolean | undefined;
    fake.sessionHandlers.request?.({ getURL: () => ownPage }, 'fileSystem', (answer: boolean) => (granted = answer), {
      requestingUrl: 'https://evil.example/frame.html',
    });
    expect(granted).toBe(false);
    expect(fake.sessionHandlers.check?.(null, 'fileSystem', '', {})).toBe(false);
  });

  it('guards every webContents created: navigation, redirects, new windows and <webview>', async () => {
    const contents = new fake.FakeWebContents();
    fake.electron.app.emit('web-contents-created', {}, contents);
    const prevented = (name: string, url: string, extra: Record<string, unknown> = {}) => {
      const event = { url, isMainFrame: true, preventDefault: vi.fn(), ...extra };
      contents.emit(name, event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', ownPage)).toBe(false);
    expect(prevented('will-navigate', 'https://news.example/article')).toBe(true);
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-frame-navigate', 'https://evil.example/', { isMainFrame: false })).toBe(true);
    expect(prevented('will-attach-webview', ownPage)).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://news.example/b' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await settle();
    // Web links go to the system browser; file: never leaves the app.
    expect(fake.opened).toEqual(['https://news.example/article', 'https://news.example/b']);
    // The main window's own contents got the same guards.
    const windowContents = fake.windows[0]!.webContents;
    expect(windowContents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) {
      expect(windowContents.listeners.get(name), name).toHaveLength(1);
    }
  });

  it('answers IPC calls only from our own page (GHSA-mq8j-3h7h-p8g7)', async () => {
    const handler = fake.ipcHandlers.get(CALL_CHANNEL);
    expect([...fake.ipcHandlers.keys()]).toEqual([CALL_CHANNEL]);
    const call = (senderFrame: unknown) => handler?.({ senderFrame }, 'debates.list', {}) as Promise<Result<unknown>>;
    expect((await call({ url: ownPage })).ok).toBe(true);
    for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/evil.html' }, null]) {
      const answer = await call(frame);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
    }
  });
});
