// The browser host's PDF printer: the machine's own Chromium, driven headless by playwright-core, prints the
// sheet's HTML. Launched on the first print and kept warm; every print gets a fresh, script-less, offline context.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { PdfPrinter } from '../core/sheet/pdf';

/** Where Debian, Ubuntu and Chrome's own packages put the browser; DEBATE_DESK_CHROMIUM overrides. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const LAUNCH_ARGS = [
  // The sheet is our own HTML with scripts off and the network cut, printed in a throwaway context; Chromium's
  // sandbox needs user namespaces that containers and CI runners often lack.
  '--no-sandbox',
  '--disable-gpu',
  // A classroom app that promises to work offline makes no requests of its own.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.DEBATE_DESK_CHROMIUM;
  if (override) return existsSync(override) ? override : null;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

interface PrintPage {
  context: BrowserContext;
  page: Page;
}

export class ChromiumPdfPrinter implements PdfPrinter {
  private browser: Promise<Browser> | null = null;
  /** The next print's context, made ahead: a new context's first page costs a renderer process (~300 ms). */
  private spare: Promise<PrintPage> | null = null;
  private closed = false;

  constructor(private readonly executablePath: string) {}

  private launched(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('The PDF printer was closed.'));
    if (!this.browser) {
      const launching = chromium.launch({ executablePath: this.executablePath, args: LAUNCH_ARGS });
      this.browser = launching;
      launching.then(
        // A crashed or killed browser is launched again on the next print instead of failing every one after it.
        (browser) => browser.on('disconnected', () => this.forget(launching)),
        () => this.forget(launching),
      );
    }
    return this.browser;
  }

  private forget(browser: Promise<Browser>): void {
    if (this.browser !== browser) return;
    this.browser = null;
    this.spare = null;
  }

  /** A fresh context per print, so nothing (cookies, cache, a previous student's sheet) carries over. */
  private async freshPage(): Promise<PrintPage> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      // The sheet is self-contained; anything it would fetch is refused rather than waited for.
      await context.route('**/*', (route) => route.abort('blockedbyclient'));
      return { context, page: await context.newPage() };
    } catch (error) {
      await context.close().catch(() => undefined);
      throw error;
    }
  }

  private prepareSpare(): void {
    if (this.closed) return;
    const spare = this.freshPage();
    spare.catch(() => undefined); // taken (and its failure seen) by the next print, or dropped on close
    this.spare = spare;
  }

  private async takePage(): Promise<PrintPage> {
    const spare = this.spare;
    this.spare = null;
    if (spare) {
      const ready = await spare.catch(() => null);
      if (ready && !ready.page.isClosed()) return ready;
    }
    return this.freshPage();
  }

  async print(html: string): Promise<Uint8Array> {
    const { context, page } = await this.takePage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      // Not awaited: the caller has its bytes; closing the used context and making the next one happen after.
      void context.close().catch(() => undefined);
      this.prepareSpare();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    this.spare = null;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }
}

/** The printer for this machine's Chromium, or null where there is none (PDF export then says so plainly). */
export function createHostPdfPrinter(env: NodeJS.ProcessEnv = process.env): PdfPrinter | null {
  const executable = findChromium(env);
  return executable ? new ChromiumPdfPrinter(executable) : null;
}
