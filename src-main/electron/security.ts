// The Electron shell's security policy as pure functions: window preferences, CSP, URL trust checks and per-webContents guards.
import type { HandlerDetails, Session, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';

const POLICY_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

export const CONTENT_SECURITY_POLICY = POLICY_DIRECTIVES.join('; ');

// Vite's dev server injects component styles as <style> elements; only `electron-vite dev` gets this.
export const DEVELOPMENT_CONTENT_SECURITY_POLICY = POLICY_DIRECTIVES.map((directive) =>
  directive.startsWith('style-src ') ? `${directive} 'unsafe-inline'` : directive,
).join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
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
    safeDialogs: true,
    // On Windows and Linux Chromium's spellchecker downloads dictionaries from a Google CDN;
    // a classroom app that promises to work offline makes no network requests.
    spellcheck: false,
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}

/**
 * True when `url` is the app's own page: the same file as `ownPageUrl` (a file: URL), or the same
 * origin as `ownPageUrl` (the electron-vite dev server). Query and fragment are ignored.
 */
export function isOwnPageUrl(url: string, ownPageUrl: string): boolean {
  const candidate = parseUrl(url);
  const own = parseUrl(ownPageUrl);
  if (!candidate || !own) return false;
  if (own.protocol === 'file:') {
    // Chromium and Node's pathToFileURL may percent-encode the same path differently.
    return candidate.protocol === 'file:' && candidate.host === own.host && decodedPath(candidate) === decodedPath(own);
  }
  if (own.protocol === 'http:' || own.protocol === 'https:') {
    return candidate.origin === own.origin;
  }
  return false;
}

/** The normalized URL to hand to the system browser, or null when it must not leave the app. */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  // user:password@host URLs are a phishing device (https://trusted.example@evil.example).
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** Response headers with our CSP in place of any the response carried. */
export function withContentSecurityPolicy(
  headers: Record<string, string[] | string> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, string[] | string> {
  const result: Record<string, string[] | string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * What our own page may have, and nothing else:
 * - 'clipboard-sanitized-write': writing plain text to the clipboard ("copy citation"); Chromium asks for it
 *   on navigator.clipboard.writeText.
 * - 'fileSystem': the folder the teacher picks in the native folder dialog when exporting a class's sheets
 *   (showDirectoryPicker, then createWritable). The OS dialog is the user's consent; the grant never reaches
 *   further than the folder picked there.
 * Camera, microphone, notifications, geolocation, reading the clipboard, HID, serial, USB, openExternal,
 * fullscreen... are all denied, and so is everything to any page that is not ours.
 */
const GRANTED_TO_OWN_PAGE: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fileSystem']);

export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  isOwnPage: (url: string) => boolean,
): boolean {
  return GRANTED_TO_OWN_PAGE.has(permission) && isOwnPage(requestingUrl);
}

/**
 * The URLs a permission decision must trust: the webContents' page and, when Electron names it, the frame
 * that asked (a subframe could be something else than the page that holds it).
 */
function requestingUrls(contents: { getURL(): string } | null, details: { requestingUrl?: string } | undefined) {
  const urls = contents ? [contents.getURL()] : [];
  if (typeof details?.requestingUrl === 'string') urls.push(details.requestingUrl);
  return urls;
}

function grantedToAll(permission: string, urls: string[], isOwnPage: (url: string) => boolean): boolean {
  return urls.length > 0 && urls.every((url) => isPermissionGranted(permission, url, isOwnPage));
}

export function installSessionPolicy(
  session: GuardedSession,
  options: { policy: string; isOwnPage: (url: string) => boolean },
): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: withContentSecurityPolicy(details.responseHeaders, options.policy),
    });
  });
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(grantedToAll(permission, requestingUrls(contents, details), options.isOwnPage));
  });
  session.setPermissionCheckHandler((contents, permission, _requestingOrigin, details) =>
    contents ? grantedToAll(permission, requestingUrls(contents, details), options.isOwnPage) : false,
  );
}

export type GuardedWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export interface WebContentsGuardDeps {
  isOwnPage(url: string): boolean;
  openExternal(url: string): Promise<void> | void;
  warn?(message: string): void;
}

/**
 * Applied to every webContents the app creates (app 'web-contents-created'): the page can never
 * navigate away from our own page, open windows, or embed a <webview>. Links to the web open in
 * the system browser instead.
 */
export function installWebContentsGuards(contents: GuardedWebContents, deps: WebContentsGuardDeps): void {
  const warn = deps.warn ?? (() => undefined);

  const openOutside = (url: string): void => {
    const external = externalUrlToOpen(url);
    if (!external) {
      warn(`Blocked opening ${url}`);
      return;
    }
    Promise.resolve()
      .then(() => deps.openExternal(external))
      .catch((error: unknown) => warn(`Could not open ${external}: ${String(error)}`));
  };

  contents.on('will-navigate', (event) => {
    if (deps.isOwnPage(event.url)) return;
    event.preventDefault();
    openOutside(event.url);
  });

  // Main-frame navigations are handled (and opened outside) by 'will-navigate' above.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || deps.isOwnPage(event.url)) return;
    event.preventDefault();
    warn(`Blocked a frame navigating to ${event.url}`);
  });

  contents.on('will-redirect', (event) => {
    if (deps.isOwnPage(event.url)) return;
    event.preventDefault();
    warn(`Blocked a redirect to ${event.url}`);
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    warn('Blocked a <webview>');
  });

  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    openOutside(details.url);
    return { action: 'deny' };
  });
}
