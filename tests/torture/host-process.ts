// Starts host-child.ts as its own process on a data dir, reads its address, and kills it with SIGKILL. The child is
// bundled once with esbuild (better-sqlite3 stays a normal import): it starts in ~0.5 s where `node --import tsx`
// takes ~1.1 s, which is most of a torture round (docs/RELIABILITY.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { HostAddress } from './api-client';
import { MARK_BEGIN, MARK_END } from './transaction-marks';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/**
 * Builds the child into out/torture (inside the project, so that `better-sqlite3` resolves from node_modules); the
 * caller removes the file when done.
 */
export async function buildHostChild(): Promise<string> {
  const outDir = join(projectRoot, 'out', 'torture');
  mkdirSync(outDir, { recursive: true });
  // One file per test process: two runs at once (npm test and npm run test:torture) must not share it.
  const outfile = join(outDir, `host-child-${process.pid}.mjs`);
  await build({
    entryPoints: [join(projectRoot, 'tests', 'torture', 'host-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // Some bundled CommonJS packages call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

export interface HostChild {
  address: HostAddress;
  pid: number;
  /** From spawn to the address line: the restart time of the figures. */
  readyMs: number;
  /** Resolves when the process has exited (with its signal, SIGKILL after kill()). */
  exited: Promise<NodeJS.Signals | number | null>;
  kill(): void;
  /** What the child printed on stderr: shown when a round fails. */
  stderr(): string;
  /** After the exit: the API method whose write transaction the kill interrupted, or null if it came between two. */
  transactionOpenAtExit(): string | null;
  /** Calls `listener` as each outermost write transaction commits, with its API method ('-' outside any call). */
  onCommit(listener: (method: string) => void): void;
}

/** Follows the child's transaction marks line by line (a savepoint's marks nest inside its transaction's). */
class TransactionTracker {
  private depth = 0;
  private method: string | null = null;
  private partial = '';
  readonly listeners: Array<(method: string) => void> = [];

  feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(MARK_BEGIN)) {
        if (this.depth === 0) this.method = line.slice(MARK_BEGIN.length + 1);
        this.depth += 1;
      } else if (line === MARK_END) {
        this.depth -= 1;
        if (this.depth === 0) for (const listener of this.listeners) listener(this.method ?? '-');
      }
    }
  }

  open(): string | null {
    return this.depth > 0 ? this.method : null;
  }
}

export async function startHostChild(script: string, dataDir: string): Promise<HostChild> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [script, '--data-dir', dataDir, '--resources-dir', projectRoot], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const transactions = new TransactionTracker();
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    // 'close', not 'exit': by then stdout has been read to its end, the last transaction marks included.
    child.once('close', (code, signal) => done(signal ?? code)),
  );
  const address = await new Promise<HostAddress>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`The host did not start within 30 s:\n${stderr}`)), 30_000);
    let announced = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (announced) return transactions.feed(text);
      // Opening the file (migrations, the starter) marks transactions too: the address is the line in braces.
      stdout += text;
      const line = /^\{.*\}$/m.exec(stdout)?.[0];
      if (line) {
        announced = true;
        clearTimeout(timer);
        transactions.feed(stdout.slice(stdout.indexOf(line) + line.length + 1));
        ready(JSON.parse(line) as HostAddress);
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      fail(new Error(`The host exited (${String(how)}) before it was ready:\n${stderr}`));
    });
  });
  return {
    address,
    pid: child.pid as number,
    readyMs: performance.now() - started,
    exited,
    kill: () => child.kill('SIGKILL'),
    stderr: () => stderr,
    transactionOpenAtExit: () => transactions.open(),
    onCommit: (listener) => void transactions.listeners.push(listener),
  };
}
