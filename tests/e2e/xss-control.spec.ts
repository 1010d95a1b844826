// The XSS detectors, proven on an unsanitized control sink: every payload of the corpus, put raw into a test-only
// page (as HTML, or through a naive Markdown renderer), trips at least one detector and names itself; the inert ones
// (template strings, code spans) trip none. Without this, a clean run of the XSS specs could mean blind detectors.
import { Marked } from 'marked';
import { expect, test } from '@playwright/test';
import { XSS_CORPUS, type XssPayload } from './support/xss-corpus';
import { XssGuard, remoteMarker, scanForDanger, type XssFindings } from './support/xss-guard';

/** Marked with its defaults: raw HTML passes straight through (what many Markdown viewers do). */
const naiveMarkdown = new Marked({ gfm: true, async: false });

function detected(payload: XssPayload, findings: XssFindings, scan: string[]): string[] {
  const { id } = payload;
  const marker = new RegExp(`\\(${id}\\)|xss-${id}\\b`);
  return [
    ...findings.hits.filter((hitId) => hitId === id).map(() => 'marker call'),
    ...findings.dialogs.filter((message) => message.endsWith(`: ${id}`)).map(() => 'dialog'),
    ...findings.remoteRequests.filter((url) => remoteMarker(id).test(url)).map(() => 'remote request'),
    ...scan.filter((line) => marker.test(line)).map(() => 'DOM scan'),
    // One payload per page: a script that ran and threw is this payload's.
    ...findings.pageErrors.map(() => 'page error'),
  ];
}

test('every payload of the corpus trips a detector when it is not sanitized', async ({ browser }) => {
  test.setTimeout(90_000);
  expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(50);
  const context = await browser.newContext();
  const guard = await XssGuard.install(context);
  const page = await context.newPage();
  const missed: string[] = [];
  const wronglyFired: string[] = [];
  try {
    for (const payload of XSS_CORPUS) {
      const html =
        payload.proof.startsWith('markdown') || payload.proof === 'inert'
          ? (naiveMarkdown.parse(payload.payload) as string)
          : payload.payload;
      await page.goto('about:blank');
      await page.setContent(`<!doctype html><html><head></head><body><p>control</p>${html}</body></html>`, {
        waitUntil: 'load',
      });
      // Handlers such as ontoggle, onbegin, onstart and onerror of media fire a little after load.
      await page.waitForTimeout(150);
      const scan = await scanForDanger(page).catch(() => [] as string[]);
      const findings = guard.take();
      const ways = detected(payload, findings, scan);
      const runsByItself = ways.some((way) => way !== 'DOM scan');
      if (payload.proof === 'inert') {
        if (ways.length > 0) wronglyFired.push(`${payload.id} ${payload.name}: ${ways.join(', ')}`);
      } else if (payload.proof.endsWith('scan') ? ways.length === 0 : !runsByItself) {
        missed.push(`${payload.id} ${payload.name} (${payload.proof}): ${ways.join(', ') || 'nothing'}`);
      }
    }
  } finally {
    await context.close();
  }
  expect(missed, 'payloads that are not live or not detected in the raw control').toEqual([]);
  expect(wronglyFired, 'inert payloads that fired in the raw control').toEqual([]);
});
