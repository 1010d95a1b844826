// The browser host: serves the built renderer and POST /api/<method> on 127.0.0.1 only, behind a random
// per-launch token and Host/Origin checks (a local server is otherwise open to any web page the user visits).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DebateDeskApp } from '../core/app';
import { failure, type ErrorCode } from '../shared/result';
import { readStaticFile } from './static-files';

export const TOKEN_HEADER = 'x-debate-desk-token';
/** Big enough for a 10 MB imported file in base64 (13.4 MB) and the largest article (2 M characters). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export interface HostOptions {
  app: DebateDeskApp;
  rendererDir: string;
  /** 0 picks a free port (tests). */
  port?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpRefusal(413, 'TOO_LARGE', 'The request is too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpRefusal(413, 'TOO_LARGE', 'The request is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost({ app, rendererDir, port = 0 }: HostOptions): Promise<RunningHost> {
  const token = randomBytes(32).toString('base64url');
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const eventStreams = new Set<ServerResponse>();

  /** DNS rebinding: a hostile name resolving to 127.0.0.1 still sends its own Host header. */
  function checkHost(request: IncomingMessage): void {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      throw new HttpRefusal(403, 'FORBIDDEN', 'Wrong Host header: Debate Desk only answers on its own address.');
    }
  }

  /** CSRF: another web page's request carries its own Origin or a cross-site fetch marker. */
  function checkCaller(request: IncomingMessage, givenToken: string | undefined): void {
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      throw new HttpRefusal(403, 'FORBIDDEN', 'Requests from other web pages are refused.');
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      throw new HttpRefusal(403, 'FORBIDDEN', 'Requests from other web pages are refused.');
    }
    if (!givenToken || !sameSecret(givenToken, token)) {
      throw new HttpRefusal(
        403,
        'FORBIDDEN',
        'Missing or wrong access token: reload Debate Desk from the address it printed.',
      );
    }
  }

  async function handleApiCall(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') throw new HttpRefusal(405, 'FORBIDDEN', 'API calls must be POST requests.');
    checkCaller(request, request.headers[TOKEN_HEADER] as string | undefined);
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new HttpRefusal(415, 'INVALID_INPUT', 'API calls must send JSON.');
    }
    const text = await readBody(request);
    let input: unknown;
    try {
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      throw new HttpRefusal(400, 'INVALID_INPUT', 'The request body is not valid JSON.');
    }
    sendJson(response, 200, await app.dispatch(method, input));
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse, url: URL): void {
    checkCaller(request, url.searchParams.get('token') ?? undefined);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    eventStreams.add(response);
    request.on('close', () => eventStreams.delete(response));
  }

  async function serveRenderer(response: ServerResponse, pathname: string): Promise<void> {
    const file = await readStaticFile(rendererDir, pathname);
    if (!file) {
      sendJson(response, 404, failure('NOT_FOUND', 'No such page.'));
      return;
    }
    let body = file.body;
    const isPage = file.contentType.startsWith('text/html');
    if (isPage) {
      // The page learns the token from its own HTML; other sites cannot read our responses.
      body = Buffer.from(body.toString('utf8').replace('content="__DEBATE_DESK_TOKEN__"', `content="${token}"`));
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
    response.end(body);
  }

  const server = createServer((request, response) => {
    void (async () => {
      try {
        checkHost(request);
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (url.pathname === '/api/events') return openEventStream(request, response, url);
        if (url.pathname.startsWith('/api/')) return await handleApiCall(request, response, url.pathname.slice(5));
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          throw new HttpRefusal(405, 'FORBIDDEN', 'Only GET is allowed here.');
        }
        return await serveRenderer(response, url.pathname);
      } catch (error) {
        if (error instanceof HttpRefusal) {
          // Closing the connection stops an oversized upload instead of reading it to the end.
          if (error.status === 413) response.setHeader('Connection', 'close');
          sendJson(response, error.status, failure(error.code, error.message));
        } else {
          console.error('[debate-desk] request failed', error);
          sendJson(response, 500, failure('INTERNAL', 'Something went wrong inside Debate Desk.'));
        }
      }
    })();
  });

  const stopEvents = app.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
  allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));

  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    token,
    async close() {
      stopEvents();
      for (const stream of eventStreams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
