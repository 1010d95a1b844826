// Launches the built Electron app with a fresh data folder and checks the window, the bridge and the guards; skipped where no Electron binary is installed.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA_FILE_NAME } from '../../src-main/core/app';
import { findElectronBinary } from '../../src-main/host/electron-binary';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

const electronBinary = findElectronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY) || Boolean(process.env.WAYLAND_DISPLAY);

test.skip(!electronBinary, 'Electron binary not installed on this machine (offline); run on a machine with internet');
test.skip(!hasDisplay, 'No display for Electron on this Linux machine; run under xvfb-run');

test.describe.configure({ mode: 'serial' });

let dataDir = '';
let electronApp: ElectronApplication | undefined;
let page: Page;
const pageErrors: Error[] = [];

function launched(): ElectronApplication {
  if (!electronApp) throw new Error('Electron did not start');
  return electronApp;
}

test.beforeAll(async () => {
  const mainFile = join(projectRoot, 'out', 'main', 'index.js');
  if (!existsSync(mainFile)) throw new Error(`${mainFile} is missing: run npm run build first`);
  dataDir = mkdtempSync(join(tmpdir(), 'debate-desk-electron-'));
  electronApp = await electron.launch({
    executablePath: electronBinary ?? undefined,
    args: [projectRoot],
    cwd: projectRoot,
    env: { ...inheritedEnv(), DEBATE_DESK_DATA_DIR: dataDir },
  });
  page = await electronApp.firstWindow();
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await electronApp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(() => {
  expect(pageErrors, 'errors thrown in the page').toEqual([]);
});

test('opens the Debate Desk window on the starter debate', async () => {
  await expect(page).toHaveTitle(/Debate Desk/);
  await expect(page.getByRole('heading', { name: /Russia and China/ }).first()).toBeVisible();
});

test('keeps its data in the folder it was given', () => {
  expect(existsSync(join(dataDir, DATA_FILE_NAME))).toBe(true);
});

test('gives the page no Node, only the call and onEvent bridge', async () => {
  const globals = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, object | undefined>;
    return {
      require: typeof scope['require'],
      process: typeof scope['process'],
      bridge: Object.keys(scope['debateDesk'] ?? {}).sort(),
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['call', 'onEvent'],
  });
});

test('answers through the one IPC channel with the envelope', async () => {
  const answers = await page.evaluate(async () => {
    const bridge = (
      globalThis as unknown as {
        debateDesk: { call(method: unknown, input: unknown): Promise<unknown> };
      }
    ).debateDesk;
    return {
      info: await bridge.call('app.info', {}),
      unknown: await bridge.call('no.such.method', {}),
      notAString: await bridge.call(42, {}),
    };
  });
  expect(answers.info).toMatchObject({ ok: true });
  expect(answers.unknown).toMatchObject({
    ok: false,
    error: { code: 'UNKNOWN_METHOD' },
  });
  expect(answers.notAString).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

test('denies new windows and navigation away from its own page', async () => {
  const ownUrl = page.url();
  // about:blank is neither our page nor a web link, so nothing is handed to the system browser.
  const opened = await page.evaluate(() => {
    const scope = globalThis as unknown as { open(url: string): unknown };
    return scope.open('about:blank') === null;
  });
  expect(opened).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'file:///';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(ownUrl);
  expect(launched().windows()).toHaveLength(1);
});
