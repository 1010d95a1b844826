// `npm start` / `npm run web`: launches the Electron app, or (where no Electron binary can run, or with
// --web) the browser host on 127.0.0.1, printing its address and opening the system browser.
import envPaths from 'env-paths';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import open from 'open';
import { createApp } from '../core/app';
import { findElectronBinary } from './electron-binary';
import { createHostPdfPrinter } from './pdf-printer';
import { startHost } from './server';

const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

const { values: args } = parseArgs({
  options: {
    web: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
});

async function startBrowserHost(): Promise<void> {
  const dataDir = resolve(args['data-dir'] ?? envPaths('debate-desk', { suffix: '' }).data);
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not ${args.port}`);
    process.exit(2);
  }
  // Found now, launched on the first PDF export: the host starts as fast without a browser running.
  const pdfPrinter = createHostPdfPrinter();
  if (!pdfPrinter)
    console.log('No Chromium found: PDF export is off (set DEBATE_DESK_CHROMIUM to a Chromium or Chrome).');
  let app;
  try {
    app = createApp({ dataDir, resourcesDir: projectRoot, ...(pdfPrinter ? { pdfPrinter } : {}) });
  } catch (error) {
    console.error(`Debate Desk cannot open its data: ${(error as Error).message}`);
    process.exit(1);
  }
  const host = await startHost({
    app,
    rendererDir: join(projectRoot, 'out', 'renderer'),
    port,
  });
  console.log(`Debate Desk is running at ${host.url}`);
  console.log(`Data: ${app.dataFile}`);
  const stop = () => {
    // app.close() also closes the PDF printer's Chromium: awaited, so no browser outlives the host.
    void host
      .close()
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (!args['no-open']) {
    open(host.url).catch(() => console.log('Open the address above in your web browser.'));
  }
}

function startElectron(electronPath: string): void {
  const dataDir = args['data-dir'];
  const env = dataDir ? { ...process.env, DEBATE_DESK_DATA_DIR: resolve(dataDir) } : process.env;
  const child = spawn(electronPath, [projectRoot], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (args.web) {
  await startBrowserHost();
} else {
  const electron = findElectronBinary();
  if (electron) {
    startElectron(electron);
  } else {
    console.log(
      'Electron cannot run here (its binary is not installed; with internet access `npm run setup:electron` ' +
        'installs it): starting Debate Desk in your browser instead.',
    );
    await startBrowserHost();
  }
}
