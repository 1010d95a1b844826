// The browser host's static file server under attack: "..", encoded or doubled, backslashes, drive letters, UNC
// and NUL tricks, and symbolic links: nothing outside the renderer folder is ever served.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebateDeskApp } from '../../src-main/core/app';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { cleanUp, makeTempDir, openApp } from './helpers';
import { sendRawRequest, type RawRequestOptions } from './raw-http';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

let app: DebateDeskApp;
let host: RunningHost;
let root: string;
let rendererDir: string;

beforeEach(async () => {
  // root/renderer is served; root/package.json and root/secret.js must never be.
  root = makeTempDir('debate-desk-static-');
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Debate Desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), '// bundled renderer\n');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ secret: SECRET }));
  writeFileSync(join(root, 'secret.js'), `// ${SECRET}`);
  app = openApp();
  host = await startHost({ app, rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  cleanUp();
});

const rawRequest = (options: RawRequestOptions) => sendRawRequest(host.port, options);

describe('the static file server', () => {
  it.each(['/nope.js', '/assets/missing.css', '/index.exe', '/assets'])('answers 404 for %s', async (path) => {
    const response = await rawRequest({ path });
    expect(response.status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/../secret.js',
    '/%2e%2e/%2e%2e/package.json',
    '/%2e%2e/secret.js',
    '/..%2fpackage.json',
    '/assets/..%2f..%2fsecret.js',
    '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '/index.html%00.js',
    '/%00',
    '/%E0%A4%A',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/C:%5cWindows%5cwin.ini',
    '/C:/Windows/win.ini',
    '/%5c%5cserver%5cshare%5csecret.js',
    '/index.html::$DATA',
    '/assets/%5c..%5c..%5csecret.js',
    '/assets/app.js%00/../../../secret.js',
    '/%252e%252e/secret.js',
  ])('never serves a file outside the renderer for %s', async (path) => {
    const response = await rawRequest({ path });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it('never follows a symbolic link out of the renderer folder', async () => {
    symlinkSync(join(root, 'secret.js'), join(rendererDir, 'assets', 'linked-out.js'));
    symlinkSync(root, join(rendererDir, 'linked-folder'));
    for (const path of ['/assets/linked-out.js', '/linked-folder/secret.js', '/linked-folder/package.json']) {
      const response = await rawRequest({ path });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain(SECRET);
    }
  });

  it('serves from a renderer folder given as a relative path, and still nothing outside it', async () => {
    const relativeHost = await startHost({ app, rendererDir: relative(process.cwd(), rendererDir), port: 0 });
    try {
      expect((await fetch(new URL('/assets/app.js', relativeHost.url))).status).toBe(200);
      const outside = await fetch(new URL('/%2e%2e/secret.js', relativeHost.url));
      expect(outside.status).toBe(404);
      expect(await outside.text()).not.toContain(SECRET);
    } finally {
      await relativeHost.close();
    }
  });
});
