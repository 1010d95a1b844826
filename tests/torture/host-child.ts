// The browser host as a child process for the crash-safety torture test: createApp + startHost on --data-dir, then
// one JSON line on stdout ({ url, port, token }) among the transaction marks (transaction-marks.ts), until killed.
import { parseArgs } from 'node:util';
import { createApp } from '../../src-main/core/app';
import { startHost } from '../../src-main/host/server';
import { markMethods, markTransactions } from './transaction-marks';

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'resources-dir': { type: 'string' },
  },
});
const dataDir = args['data-dir'];
const resourcesDir = args['resources-dir'];
if (!dataDir || !resourcesDir) {
  console.error('usage: host-child --data-dir <dir> --resources-dir <project root>');
  process.exit(2);
}

markTransactions();
const app = markMethods(createApp({ dataDir, resourcesDir }));
// The API is all the test needs: no renderer is served (every page answers 404).
const host = await startHost({ app, rendererDir: dataDir, port: 0 });
process.stdout.write(`${JSON.stringify({ url: host.url, port: host.port, token: host.token })}\n`);
