// Real HTTP to the browser host: POST /api/<method> with the token and our own Host and Origin, as the page sends
// them. A call ends in one of three ways, and the torture test treats them differently (see journal.ts).
import { request } from 'node:http';
import { TOKEN_HEADER } from '../../src-main/host/server';
import type { Result } from '../../src-main/shared/result';

export interface HostAddress {
  url: string;
  port: number;
  token: string;
}

/**
 * ok: the app answered `{ ok: true }` (acknowledged: committed). refused: the app answered `{ ok: false }` (it wrote
 * nothing). lost: no full answer arrived (the host died): the write may or may not have landed.
 */
export type CallOutcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'lost'; reason: string };

export function callApi(host: HostAddress, method: string, input: unknown): Promise<CallOutcome> {
  const body = Buffer.from(JSON.stringify(input));
  const origin = `127.0.0.1:${host.port}`;
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: 'POST',
        path: `/api/${method}`,
        // A fresh connection per call: a kill must not leave a pooled socket to a dead host for the next round.
        agent: false,
        headers: {
          Host: origin,
          Origin: `http://${origin}`,
          'Content-Type': 'application/json',
          'Content-Length': body.length,
          [TOKEN_HEADER]: host.token,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => resolve({ kind: 'lost', reason: error.message }));
        res.on('aborted', () => resolve({ kind: 'lost', reason: 'the answer was cut off' }));
        res.on('end', () => {
          let envelope: Result<unknown>;
          try {
            envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>;
          } catch {
            resolve({ kind: 'lost', reason: `an unreadable answer (HTTP ${res.statusCode})` });
            return;
          }
          resolve(
            envelope.ok
              ? { kind: 'ok', value: envelope.value }
              : { kind: 'refused', code: envelope.error.code, message: envelope.error.message },
          );
        });
      },
    );
    req.on('error', (error) => resolve({ kind: 'lost', reason: error.message }));
    req.end(body);
  });
}

/** For setup and verification, where the host is alive: the value, or a thrown error naming the call. */
export async function callOk<T>(host: HostAddress, method: string, input: unknown = {}): Promise<T> {
  const outcome = await callApi(host, method, input);
  if (outcome.kind === 'ok') return outcome.value as T;
  const why = outcome.kind === 'refused' ? `${outcome.code} ${outcome.message}` : outcome.reason;
  throw new Error(`${method} failed: ${why}`);
}
