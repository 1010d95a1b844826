// The XSS detectors for a browser context: a __xss_hit(N) that reports to the test, dialogs, page errors and every
// request to a non-local host (aborted and reported), plus a scan of the live DOM for anything that could still run
// on a click or in another browser (javascript: URLs, handlers, frames, <base>, remote CSS).
import type { BrowserContext, Page } from '@playwright/test';
import { EVIL_HOST } from './xss-corpus';

function isLocal(url: URL): boolean {
  if (url.protocol === 'data:' || url.protocol === 'about:' || url.protocol === 'blob:' || url.protocol === 'file:') {
    return true;
  }
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost';
}

export interface XssFindings {
  hits: number[];
  dialogs: string[];
  remoteRequests: string[];
  pageErrors: string[];
}

export class XssGuard {
  readonly findings: XssFindings = { hits: [], dialogs: [], remoteRequests: [], pageErrors: [] };

  private constructor(private readonly dismissDialogs: boolean) {}

  /**
   * Installs the detectors on a context (before any page of it loads). `dismissDialogs`: false where another
   * listener (the e2e fixture's) already dismisses them: a dialog dismissed twice throws.
   */
  static async install(context: BrowserContext, { dismissDialogs = true } = {}): Promise<XssGuard> {
    const guard = new XssGuard(dismissDialogs);
    await context.exposeFunction('__xss_hit', (marker: unknown) => {
      guard.findings.hits.push(Number(marker));
    });
    await context.route(
      (url) => !isLocal(url),
      (route) => {
        guard.findings.remoteRequests.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    for (const page of context.pages()) guard.watch(page);
    context.on('page', (page) => guard.watch(page));
    return guard;
  }

  private watch(page: Page): void {
    page.on('pageerror', (error) => this.findings.pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      this.findings.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      if (this.dismissDialogs) dialog.dismiss().catch(() => undefined);
    });
  }

  /** Everything seen so far, then forgets it (for attributing findings to one step). */
  take(): XssFindings {
    const taken = structuredClone(this.findings);
    for (const list of Object.values(this.findings) as unknown[][]) list.splice(0);
    return taken;
  }

  /** True when nothing fired, nothing left the machine and nothing failed. */
  static clean(findings: XssFindings): boolean {
    return Object.values(findings).every((list: unknown[]) => list.length === 0);
  }
}

/** What a remote request for payload N looks like (the corpus's evil.example/xss-N). */
export function remoteMarker(id: number): RegExp {
  return new RegExp(`^https?://${EVIL_HOST.replace('.', '\\.')}/xss-${id}\\b`);
}

// Attributes whose value is a URL the browser may load or navigate to.
const URL_ATTRIBUTES = [
  'href',
  'xlink:href',
  'src',
  'srcset',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'to',
  'from',
  'values',
  'by',
];

/**
 * Everything in the page's DOM (every frame's document it can reach) that could run script or load from outside,
 * each as one line that quotes the offending markup (so the payload's marker names it).
 */
export async function scanForDanger(page: Page): Promise<string[]> {
  return page.evaluate((urlAttributes) => {
    const found: string[] = [];
    const here = location.origin;
    const squash = (value: string) =>
      [...value]
        .filter((character) => character.charCodeAt(0) > 0x20)
        .join('')
        .toLowerCase();
    const snippet = (element: Element) => element.outerHTML.slice(0, 160);
    for (const element of document.querySelectorAll('*')) {
      const tag = element.localName.toLowerCase();
      if (['iframe', 'frame', 'object', 'embed', 'base', 'set', 'animate', 'foreignobject'].includes(tag)) {
        found.push(`<${tag}>: ${snippet(element)}`);
      }
      // The page's own CSP <meta> in <head> is expected; any other http-equiv (refresh, set-cookie) is not.
      const ownPolicy =
        /^content-security-policy$/i.test(element.getAttribute('http-equiv') ?? '') && element.closest('head');
      if (tag === 'meta' && element.hasAttribute('http-equiv') && !ownPolicy) {
        found.push(`<meta http-equiv>: ${snippet(element)}`);
      }
      if (tag === 'script') {
        const src = element.getAttribute('src');
        if (!src || new URL(src, location.href).origin !== here) found.push(`script: ${snippet(element)}`);
      }
      if (tag === 'link') {
        const href = element.getAttribute('href') ?? '';
        if (new URL(href, location.href).origin !== here) found.push(`link: ${snippet(element)}`);
      }
      if (tag === 'style' && (element.closest('body') || /evil|__xss_hit|@import|url\(/i.test(element.textContent))) {
        found.push(`style element: ${snippet(element)}`);
      }
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const value = squash(attribute.value);
        if (name.startsWith('on')) found.push(`${name} handler: ${snippet(element)}`);
        if (name === 'style' && /url\(|expression|import|evil|__xss_hit/.test(value)) {
          found.push(`style attribute: ${snippet(element)}`);
        }
        if (name === 'srcdoc') found.push(`srcdoc: ${snippet(element)}`);
        if (urlAttributes.includes(name)) {
          if (/^(javascript|vbscript|livescript):|^data:text\/html|^data:image\/svg/.test(value)) {
            found.push(`${name} URL: ${snippet(element)}`);
          }
          // A link (<a href>) to a web page is allowed: it opens in the system browser. Anything else that
          // names the remote host would load from it or send to it.
          const webLink = tag === 'a' && name === 'href' && /^https?:/.test(value);
          if (value.includes('evil.example') && !webLink) {
            found.push(`${name} to a remote host: ${snippet(element)}`);
          }
        }
      }
    }
    return found;
  }, URL_ATTRIBUTES);
}
