// Transport for the browser host: POST /api/<method> with the per-launch token, pushes by server-sent events.
import type { AppEvent } from '../../../src-main/shared/events';
import { failure, type Result } from '../../../src-main/shared/result';
import type { Transport } from './transport';

const TOKEN_HEADER = 'X-Debate-Desk-Token';

function pageToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="debate-desk-token"]')?.content ?? '';
}

export function createHttpTransport(): Transport {
  const token = pageToken();
  // One event stream for the whole page, shared by every listener: a browser keeps at most 6 connections per host
  // over HTTP/1.1, and a stream holds one for as long as it is open, so a stream per listener (the board, the
  // header, the hand-in bar…) in two tabs would leave no connection for the API calls themselves.
  const listeners = new Set<(event: AppEvent) => void>();
  let source: EventSource | null = null;
  return {
    async call(method, input, options) {
      try {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          // A keepalive request outlives the page (up to 64 kB in flight), unlike a plain fetch.
          keepalive: options?.keepalive ?? false,
          headers: {
            'Content-Type': 'application/json',
            [TOKEN_HEADER]: token,
          },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return failure(
          'INTERNAL',
          'Debate Desk is not reachable. Is it still running? Start it again and reload this page.',
        );
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        source.onmessage = (message) => {
          const event = JSON.parse(message.data as string) as AppEvent;
          for (const each of [...listeners]) each(event);
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}
