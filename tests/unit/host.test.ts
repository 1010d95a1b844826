// The browser host over real HTTP: the page with its token, the API envelope, and every refusal that keeps
// other web pages (CSRF, DNS rebinding) and path tricks away from the data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebateDeskApp } from '../../src-main/core/app';
import { MAX_BODY_BYTES, startHost, TOKEN_HEADER, type RunningHost } from '../../src-main/host/server';
import type { Person } from '../../src-main/shared/domain';
import { sendRawRequest, type RawRequestOptions, type RawResponse } from './raw-http';
import { cleanUp, makeTempDir, openApp, openRaw, starterIds, tableCounts, type StarterIds } from './helpers';

const PAGE = `<!doctype html>
<html><head><meta name="debate-desk-token" content="__DEBATE_DESK_TOKEN__"><script type="module" src="/assets/app.js"></script></head>
<body><main>Debate Desk</main></body></html>`;
const SCRIPT = `// bundled renderer\nexport const placeholder = 'content="__DEBATE_DESK_TOKEN__"';\n`;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';

let app: DebateDeskApp;
let host: RunningHost;
let ids: StarterIds;
beforeEach(async () => {
  // root/renderer is served; root/package.json and root/secret.js must never be (host-static-files.test.ts).
  const root = makeTempDir('debate-desk-host-');
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), SCRIPT);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ secret: SECRET }));
  writeFileSync(join(root, 'secret.js'), `// ${SECRET}`);
  app = openApp();
  ids = await starterIds(app);
  host = await startHost({ app, rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  cleanUp();
});

/** node:http, so that Host and any other header (and the path) go out exactly as written. */
function rawRequest(options: RawRequestOptions): Promise<RawResponse> {
  return sendRawRequest(host.port, options);
}

function apiCall(method: string, input: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(`/api/${method}`, host.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [TOKEN_HEADER]: host.token,
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

function placeInput(side: 'A' | 'B' = 'A') {
  return {
    debateId: ids.debate.id,
    studentId: ids.students[0]!.id,
    cardId: ids.cardIds[0]!,
    side,
    index: 0,
  };
}

function placementCount(): number {
  return tableCounts(openRaw(app.dataFile, { readonly: true })).placements;
}

async function expectForbidden(response: Response | RawResponse): Promise<void> {
  expect(response.status).toBe(403);
  const text =
    'body' in response && typeof response.body === 'string' ? response.body : await (response as Response).text();
  const envelope = JSON.parse(text) as {
    ok: boolean;
    error: { code: string; message: string };
  };
  expect(envelope.ok).toBe(false);
  expect(envelope.error.code).toBe('FORBIDDEN');
  expect(text).not.toContain(host.token);
}

describe('the page', () => {
  it('is served with the real token injected and strict security headers', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    expect(html).toContain(`<meta name="debate-desk-token" content="${host.token}">`);
    expect(html).not.toContain('__DEBATE_DESK_TOKEN__');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves the scripts byte for byte, with their content type and no token in them', async () => {
    const response = await fetch(new URL('/assets/app.js', host.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await response.text();
    expect(text).toBe(SCRIPT);
    expect(text).not.toContain(host.token);
  });

  it('is refused to a hostile Host header (DNS rebinding), token and all', async () => {
    const response = await rawRequest({
      path: '/',
      headers: { Host: `evil.example:${host.port}` },
    });
    await expectForbidden(response);
  });
});

describe('the API', () => {
  it('answers a call with the token with the ok envelope', async () => {
    const response = await apiCall('people.list', {});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const envelope = (await response.json()) as { ok: true; value: Person[] };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.map((p) => p.id).sort()).toEqual([ids.teacher, ...ids.students].map((p) => p.id).sort());
  });

  it('passes dispatch errors through in the envelope', async () => {
    const response = await apiCall('cards.place', {
      ...placeInput(),
      side: 'C',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const unknown = await apiCall('cards.burn', {});
    expect(await unknown.json()).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('refuses a missing or wrong token', async () => {
    await expectForbidden(await apiCall('people.list', {}, { [TOKEN_HEADER]: '' }));
    await expectForbidden(await apiCall('people.list', {}, { [TOKEN_HEADER]: 'wrong' }));
    await expectForbidden(await apiCall('people.list', {}, { [TOKEN_HEADER]: `${host.token.slice(0, -1)}x` }));
    await expectForbidden(
      await rawRequest({
        method: 'POST',
        path: '/api/people.list',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    );
  });

  it('refuses a hostile Host header even with the token', async () => {
    const response = await rawRequest({
      method: 'POST',
      path: '/api/people.list',
      headers: {
        Host: `evil.example:${host.port}`,
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: host.token,
      },
      body: '{}',
    });
    await expectForbidden(response);
    // The right host on another port is another site too.
    const otherPort = await rawRequest({
      method: 'POST',
      path: '/api/people.list',
      headers: {
        Host: `127.0.0.1:${host.port + 1}`,
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: host.token,
      },
      body: '{}',
    });
    await expectForbidden(otherPort);
  });

  // DNS rebinding: a name the attacker controls, re-pointed at 127.0.0.1, reaches the port with its own Host.
  it.each([
    (port: number) => `127.0.0.1.evil.example:${port}`,
    (port: number) => `localhost.evil.example:${port}`,
    () => `evil.example`,
    (port: number) => `127.0.0.1:${port}.evil.example`,
    (port: number) => `127.0.0.1:${port}@evil.example`,
    (port: number) => `0.0.0.0:${port}`,
    (port: number) => `[::1]:${port}`,
    (port: number) => `127.1:${port}`,
    (port: number) => `2130706433:${port}`,
    () => '127.0.0.1',
    () => 'localhost',
  ])('refuses the rebinding-style Host header %#, page and API alike', async (hostHeader) => {
    const headers = { Host: hostHeader(host.port), 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token };
    const page = await rawRequest({ path: '/', headers });
    expect([400, 403]).toContain(page.status);
    expect(page.body).not.toContain(host.token);
    const api = await rawRequest({ method: 'POST', path: '/api/people.list', headers, body: '{}' });
    expect([400, 403]).toContain(api.status);
    expect(api.body).not.toContain(host.token);
  });

  it('refuses Origin: null (sandboxed frames, file: pages, data: URLs) on the API and the event stream', async () => {
    await expectForbidden(await apiCall('people.list', {}, { Origin: 'null' }));
    const events = await rawRequest({ path: `/api/events?token=${host.token}`, headers: { Origin: 'null' } });
    await expectForbidden(events);
    // file: pages and extensions send their own origins; none is ours.
    for (const origin of [
      'file://',
      'chrome-extension://abcdefghijklmnop',
      `http://127.0.0.1:${host.port}.evil.example`,
    ]) {
      await expectForbidden(await apiCall('people.list', {}, { Origin: origin }));
    }
  });

  it('accepts its own Origin and refuses other web pages', async () => {
    expect((await apiCall('people.list', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await apiCall('people.list', {}, { 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
    await expectForbidden(await apiCall('people.list', {}, { Origin: 'http://evil.example' }));
    await expectForbidden(await apiCall('people.list', {}, { Origin: 'null' }));
    await expectForbidden(await apiCall('people.list', {}, { 'Sec-Fetch-Site': 'cross-site' }));
    await expectForbidden(await apiCall('people.list', {}, { 'Sec-Fetch-Site': 'same-site' }));
  });

  it('changes nothing on a refused cards.place', async () => {
    const before = placementCount();
    await expectForbidden(await apiCall('cards.place', placeInput(), { [TOKEN_HEADER]: 'wrong' }));
    await expectForbidden(
      await apiCall('cards.place', placeInput(), {
        Origin: 'http://evil.example',
      }),
    );
    await expectForbidden(
      await apiCall('cards.place', placeInput(), {
        'Sec-Fetch-Site': 'cross-site',
      }),
    );
    expect(placementCount()).toBe(before);
    // The same call with the token goes through: the refusals above were not for some other reason.
    const accepted = await apiCall('cards.place', placeInput());
    expect(await accepted.json()).toMatchObject({ ok: true });
    expect(placementCount()).toBe(before + 1);
  });

  it('refuses bodies that are not JSON (415) or not valid JSON (400)', async () => {
    const before = placementCount();
    const plain = await apiCall('cards.place', placeInput(), {
      'Content-Type': 'text/plain',
    });
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const form = await apiCall('cards.place', placeInput(), {
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);

    const broken = await fetch(new URL('/api/cards.place', host.url), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: host.token,
      },
      body: '{"debateId": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(placementCount()).toBe(before);
  });

  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const response = await fetch(new URL('/api/people.list', host.url), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: host.token,
      },
      body: JSON.stringify({ padding: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE' },
    });
  });

  it('refuses an oversized body that does not declare its length', async () => {
    // Chunked upload: the limit is enforced while reading, not only from Content-Length.
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/people.list',
          headers: {
            'Content-Type': 'application/json',
            [TOKEN_HEADER]: host.token,
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent <= MAX_BODY_BYTES) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it('refuses API calls that are not POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await rawRequest({
        method,
        path: '/api/x',
        headers: { [TOKEN_HEADER]: host.token },
      });
      expect(response.status, method).toBe(405);
    }
    const get = await rawRequest({
      path: '/api/people.list',
      headers: { [TOKEN_HEADER]: host.token },
    });
    expect(get.status).toBe(405);
    expect(get.body).not.toContain(ids.students[0]!.name);
    const postPage = await rawRequest({ method: 'POST', path: '/' });
    expect(postPage.status).toBe(405);
  });
});

describe('server-sent events', () => {
  /** Reads the stream until a data frame arrives (or fails after a few seconds). */
  async function nextEvent(body: ReadableStream<Uint8Array>): Promise<unknown> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const deadline = Date.now() + 5000;
    try {
      while (Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
        const frame = /^data: (.*)$/m.exec(buffer);
        if (frame?.[1]) return JSON.parse(frame[1]);
      }
      throw new Error('no event arrived');
    } finally {
      reader.releaseLock();
    }
  }

  it('pushes board.changed after a cards.place', async () => {
    const controller = new AbortController();
    const stream = await fetch(new URL(`/api/events?token=${encodeURIComponent(host.token)}`, host.url), {
      signal: controller.signal,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const event = nextEvent(stream.body!);
      expect(await (await apiCall('cards.place', placeInput('B'))).json()).toMatchObject({ ok: true });
      expect(await event).toEqual({
        type: 'board.changed',
        debateId: ids.debate.id,
        studentId: ids.students[0]!.id,
        versions: expect.objectContaining({ layout: expect.any(Number) }),
      });
    } finally {
      controller.abort();
    }
  });

  it('refuses a wrong or missing token, and other web pages', async () => {
    await expectForbidden(await fetch(new URL('/api/events?token=wrong', host.url)));
    await expectForbidden(await fetch(new URL('/api/events', host.url)));
    await expectForbidden(
      await fetch(new URL(`/api/events?token=${encodeURIComponent(host.token)}`, host.url), {
        headers: { Origin: 'http://evil.example' },
      }),
    );
    await expectForbidden(
      await rawRequest({
        path: `/api/events?token=${encodeURIComponent(host.token)}`,
        headers: { Host: `evil.example:${host.port}` },
      }),
    );
  });
});
