// Test fixtures: a fresh data dir and host process per test, and a page that fails the test on any
// page error or Content-Security-Policy violation.
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from './host-process';

export interface Host {
  url: string;
  dataDir: string;
  /** Stops the host process and starts a new one on the same data dir (a new port and token). */
  restart(): Promise<void>;
}

export const test = base.extend<{ host: Host; pageProblems: string[] }>({
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-e2e-'));
    let running: HostProcess = await startHostProcess(dataDir);
    const host: Host = {
      dataDir,
      get url() {
        return running.url;
      },
      async restart() {
        await running.stop();
        running = await startHostProcess(dataDir);
      },
    };
    await use(host);
    await running.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
          problems.push(`CSP: ${message.text()}`);
        }
      });
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      await use(problems);
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
