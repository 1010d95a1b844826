// The Electron shell's security policy and IPC sender check, exercised without Electron (fake webContents, fake sessions).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  answerCall,
  CALL_CHANNEL,
  EVENT_CHANNEL,
  forwardEvents,
  installCallHandler,
} from '../../src-main/electron/ipc';
import {
  CONTENT_SECURITY_POLICY,
  DEVELOPMENT_CONTENT_SECURITY_POLICY,
  externalUrlToOpen,
  installSessionPolicy,
  installWebContentsGuards,
  isOwnPageUrl,
  isPermissionGranted,
  secureWebPreferences,
  withContentSecurityPolicy,
  type GuardedSession,
  type GuardedWebContents,
} from '../../src-main/electron/security';
import type { AppEvent } from '../../src-main/shared/events';
import type { Result } from '../../src-main/shared/result';

const OWN_PAGE = 'file:///opt/Debate%20Desk/out/renderer/index.html';
const DEV_PAGE = 'http://localhost:5173/';
const isOwnPage = (url: string): boolean => isOwnPageUrl(url, OWN_PAGE);

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

class FakeNavigationEvent {
  defaultPrevented = false;
  constructor(
    readonly url: string,
    readonly isMainFrame = true,
  ) {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string, isMainFrame = true): boolean {
    const navigation = new FakeNavigationEvent(url, isMainFrame);
    this.emit(event, navigation, url);
    return navigation.defaultPrevented;
  }
  openWindow(url: string): { action: string } {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url });
  }
}

function guardedContents(): {
  contents: FakeWebContents;
  opened: string[];
  warnings: string[];
} {
  const contents = new FakeWebContents();
  const opened: string[] = [];
  const warnings: string[] = [];
  installWebContentsGuards(contents as unknown as GuardedWebContents, {
    isOwnPage,
    openExternal: (url) => {
      opened.push(url);
    },
    warn: (message) => warnings.push(message),
  });
  return { contents, opened, warnings };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and keeps Node out of it', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.cjs');
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy of the design', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or evaluated script, even in development', () => {
    for (const policy of [CONTENT_SECURITY_POLICY, DEVELOPMENT_CONTENT_SECURITY_POLICY]) {
      expect(directives(policy).get('script-src')).toBe("'self'");
      expect(directives(policy).get('default-src')).toBe("'none'");
      expect(policy).not.toContain('unsafe-eval');
    }
    expect(directives(DEVELOPMENT_CONTENT_SECURITY_POLICY).get('style-src')).toBe("'self' 'unsafe-inline'");
  });

  it('replaces any policy a response carried, whatever the header case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('isOwnPageUrl', () => {
  it('accepts our own page, with or without query and fragment', () => {
    expect(isOwnPage(OWN_PAGE)).toBe(true);
    expect(isOwnPage(`${OWN_PAGE}#/debates/1`)).toBe(true);
    expect(isOwnPage(`${OWN_PAGE}?student=2`)).toBe(true);
    expect(isOwnPage('file:///opt/Debate Desk/out/renderer/index.html')).toBe(true);
  });

  it('rejects other files, other schemes and garbage', () => {
    expect(isOwnPage('file:///opt/Debate%20Desk/out/renderer/other.html')).toBe(false);
    expect(isOwnPage('file:///home/student/Downloads/index.html')).toBe(false);
    expect(isOwnPage('file:///etc/passwd')).toBe(false);
    expect(isOwnPage('file://evil-host/opt/Debate%20Desk/out/renderer/index.html')).toBe(false);
    expect(isOwnPage('http://evil.example/')).toBe(false);
    expect(isOwnPage('https://evil.example/opt/Debate%20Desk/out/renderer/index.html')).toBe(false);
    expect(isOwnPage('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(isOwnPage('about:blank')).toBe(false);
    expect(isOwnPage('not a url')).toBe(false);
    expect(isOwnPage('')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isOwnPageUrl('http://localhost:5173/src/main.ts', DEV_PAGE)).toBe(true);
    expect(isOwnPageUrl('http://localhost:5174/', DEV_PAGE)).toBe(false);
    expect(isOwnPageUrl('http://127.0.0.1:5173/', DEV_PAGE)).toBe(false);
    expect(isOwnPageUrl(OWN_PAGE, DEV_PAGE)).toBe(false);
  });

  it('trusts nothing when our own page URL is not http(s) or file', () => {
    expect(isOwnPageUrl('data:text/html,hi', 'data:text/html,hi')).toBe(false);
  });
});

describe('externalUrlToOpen', () => {
  it('lets http and https links go to the system browser', () => {
    expect(externalUrlToOpen('https://www.reuters.com/world/asia-pacific/')).toBe(
      'https://www.reuters.com/world/asia-pacific/',
    );
    expect(externalUrlToOpen('http://example.org')).toBe('http://example.org/');
  });

  it('keeps every other scheme inside', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'smb://attacker/share',
      'ms-msdt:/id PCWDiagnostic',
      'mailto:teacher@example.org',
      'devtools://devtools/bundled/inspector.html',
      '//evil.example/',
      'not a url',
      '',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });

  it('refuses URLs that hide their host behind credentials', () => {
    expect(externalUrlToOpen('https://trusted.example@evil.example/')).toBeNull();
  });
});

describe('installWebContentsGuards', () => {
  it('lets our own page reload but cancels navigation anywhere else', async () => {
    const { contents, opened } = guardedContents();
    expect(contents.navigate('will-navigate', `${OWN_PAGE}#/board`)).toBe(false);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    await settle();
    expect(opened).toEqual(['https://evil.example/']);
  });

  it('sends a clicked web link to the system browser, never javascript: or file:', async () => {
    const { contents, opened } = guardedContents();
    expect(contents.navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///home/student/notes.html')).toBe(true);
    await settle();
    expect(opened).toEqual([]);
  });

  it('cancels redirects away from our page and subframe navigations', async () => {
    const { contents, opened } = guardedContents();
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', OWN_PAGE)).toBe(false);
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    // The main frame is will-navigate's job: it would otherwise be opened outside twice.
    expect(contents.navigate('will-frame-navigate', 'https://evil.example/', true)).toBe(false);
    await settle();
    expect(opened).toEqual([]);
  });

  it('denies every new window and opens web links outside instead', async () => {
    const { contents, opened } = guardedContents();
    expect(contents.openWindow('https://www.bbc.com/news')).toEqual({
      action: 'deny',
    });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({
      action: 'deny',
    });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({
      action: 'deny',
    });
    expect(contents.openWindow(OWN_PAGE)).toEqual({ action: 'deny' });
    await settle();
    expect(opened).toEqual(['https://www.bbc.com/news']);
  });

  it('prevents every <webview>', () => {
    const { contents, warnings } = guardedContents();
    const event = new FakeNavigationEvent('');
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
    expect(warnings).toContain('Blocked a <webview>');
  });

  it('survives a failing openExternal', async () => {
    const contents = new FakeWebContents();
    const warnings: string[] = [];
    installWebContentsGuards(contents as unknown as GuardedWebContents, {
      isOwnPage,
      openExternal: () => Promise.reject(new Error('no browser')),
      warn: (message) => warnings.push(message),
    });
    expect(contents.openWindow('https://example.org/')).toEqual({
      action: 'deny',
    });
    await settle();
    expect(warnings.some((warning) => warning.includes('no browser'))).toBe(true);
  });
});

describe('installSessionPolicy', () => {
  type HeadersListener = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
  ) => void;
  type RequestHandler = (
    contents: { getURL(): string },
    permission: string,
    callback: (granted: boolean) => void,
  ) => void;
  type CheckHandler = (contents: { getURL(): string } | null, permission: string) => boolean;

  function fakeSession() {
    const installed: {
      headers?: HeadersListener;
      request?: RequestHandler;
      check?: CheckHandler;
    } = {};
    const session = {
      webRequest: {
        onHeadersReceived: (listener: HeadersListener) => (installed.headers = listener),
      },
      setPermissionRequestHandler: (handler: RequestHandler) => (installed.request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (installed.check = handler),
    };
    installSessionPolicy(session as unknown as GuardedSession, {
      policy: CONTENT_SECURITY_POLICY,
      isOwnPage,
    });
    return installed;
  }

  it('puts the CSP on every response', () => {
    const installed = fakeSession();
    let answered: Record<string, string | string[]> | undefined;
    installed.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, (response) => {
      answered = response.responseHeaders;
    });
    expect(answered?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answered?.['Content-Type']).toEqual(['text/html']);
  });

  it('denies every other permission request and check, from any page', () => {
    const installed = fakeSession();
    const own = { getURL: () => OWN_PAGE };
    const evil = { getURL: () => 'https://evil.example/' };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ]) {
      for (const contents of [own, evil]) {
        let granted: boolean | undefined;
        installed.request?.(contents, permission, (answer) => (granted = answer));
        expect(granted, permission).toBe(false);
        expect(installed.check?.(contents, permission), permission).toBe(false);
      }
    }
    expect(installed.check?.(null, 'clipboard-sanitized-write')).toBe(false);
  });

  it('lets only our own page write plain text to the clipboard and write to the folder the user picked', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', OWN_PAGE, isOwnPage)).toBe(true);
    expect(isPermissionGranted('fileSystem', OWN_PAGE, isOwnPage)).toBe(true);
    expect(isPermissionGranted('fileSystem', 'https://evil.example/', isOwnPage)).toBe(false);
    expect(isPermissionGranted('fileSystem', 'file:///tmp/other.html', isOwnPage)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/', isOwnPage)).toBe(false);
    expect(isPermissionGranted('clipboard-read', OWN_PAGE, isOwnPage)).toBe(false);
  });
});

describe('the IPC call handler', () => {
  function recordingApp() {
    const calls: Array<[string, unknown]> = [];
    const app = {
      dispatch: (method: string, input: unknown): Promise<Result<unknown>> => {
        calls.push([method, input]);
        return Promise.resolve({ ok: true, value: { echoed: method } });
      },
    };
    return { app, calls };
  }

  it('dispatches calls from our own page', async () => {
    const { app, calls } = recordingApp();
    const answer = await answerCall(app, isOwnPage, `${OWN_PAGE}#/board`, 'debates.list', { a: 1 });
    expect(answer).toEqual({ ok: true, value: { echoed: 'debates.list' } });
    expect(calls).toEqual([['debates.list', { a: 1 }]]);
  });

  it('refuses, without dispatching, calls from a missing frame or a foreign page (GHSA-mq8j-3h7h-p8g7)', async () => {
    const { app, calls } = recordingApp();
    for (const senderUrl of [
      null,
      undefined,
      '',
      'https://evil.example/',
      'file:///tmp/index.html',
      'devtools://devtools/',
    ]) {
      const answer = await answerCall(app, isOwnPage, senderUrl, 'debates.list', {});
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
    }
    expect(calls).toEqual([]);
  });

  it('refuses a method that is not a string', async () => {
    const { app, calls } = recordingApp();
    for (const method of [undefined, 42, { toString: () => 'debates.list' }, '', 'x'.repeat(201)]) {
      const answer = await answerCall(app, isOwnPage, OWN_PAGE, method, {});
      expect(answer.ok ? 'ok' : answer.error.code).toBe('INVALID_INPUT');
    }
    expect(calls).toEqual([]);
  });

  it('turns a throwing dispatch into an INTERNAL envelope instead of a rejected promise', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = { dispatch: () => Promise.reject(new Error('boom')) };
    const answer = await answerCall(app, isOwnPage, OWN_PAGE, 'debates.list', {});
    expect(answer.ok ? 'ok' : answer.error.code).toBe('INTERNAL');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('registers exactly one handler on the call channel and reads the sender frame from the event', async () => {
    const { app, calls } = recordingApp();
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    };
    const uninstall = installCallHandler(
      ipcMain as unknown as Parameters<typeof installCallHandler>[0],
      app,
      isOwnPage,
    );
    expect([...handlers.keys()]).toEqual([CALL_CHANNEL]);
    const handler = handlers.get(CALL_CHANNEL)!;

    expect(await handler({ senderFrame: { url: OWN_PAGE } }, 'cards.list', {})).toMatchObject({ ok: true });
    expect(await handler({ senderFrame: null }, 'cards.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, 'cards.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const destroyedFrame = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    expect(await handler(destroyedFrame, 'cards.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(calls).toEqual([['cards.list', {}]]);

    uninstall();
    expect(handlers.size).toBe(0);
  });

  it('forwards core events to every live window on the event channel', () => {
    let emit: (event: AppEvent) => void = () => undefined;
    let unsubscribed = false;
    const app = {
      onEvent: (listener: (event: AppEvent) => void) => {
        emit = listener;
        return () => {
          unsubscribed = true;
        };
      },
    };
    const sent: Array<[string, string, unknown]> = [];
    const window = (name: string, destroyed: boolean) => ({
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([name, channel, payload]),
    });
    const unsubscribe = forwardEvents(app, () => [window('live', false), window('closed', true)]);
    const event = {
      type: 'board.changed',
      debateId: 'd1',
      studentId: 's1',
    } satisfies AppEvent;
    emit(event);
    expect(sent).toEqual([['live', EVENT_CHANNEL, event]]);
    unsubscribe();
    expect(unsubscribed).toBe(true);
  });
});
