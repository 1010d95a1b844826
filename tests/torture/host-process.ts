// Starts host-child.ts as its own process on a data dir, reads its address, and kills it with SIGKILL. The child is
// bundled once with esbuild (better-sqlite3 stays a normal import): it starts in ~0.5 s where `node --import tsx`
// takes ~1.1 s, which is most of a torture round (docs/RELIABILITY.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { HostAddress } from './api-client';

export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** Builds the child into out/torture (inside the project, so that `better-sqlite3` resolves from node_modules). */
export async function buildHostChild(): Promise<string> {
  const outDir = join(projectRoot, 'out', 'torture');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'host-child.mjs');
  await build({
    entryPoints: [join(projectRoot, 'tests', 'torture', 'host-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // Some bundled CommonJS packages call require(): give the ES module one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
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
}

export async function startHostChild(script: string, dataDir: string): Promise<HostChild> {
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [script, '--data-dir', dataDir, '--resources-dir', projectRoot],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  );
  const address = await new Promise<HostAddress>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`The host did not start within 30 s:\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        clearTimeout(timer);
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
  };
}
