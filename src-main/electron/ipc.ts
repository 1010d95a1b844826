// The one IPC channel between renderer and core: sender check, method check, dispatch; and event fan-out to windows.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { DebateDeskApp } from '../core/app';
import type { AppEvent } from '../shared/events';
import { failure, type Result } from '../shared/result';

export const CALL_CHANNEL = 'debate-desk:call';
export const EVENT_CHANNEL = 'debate-desk:event';

const MAX_METHOD_LENGTH = 200;

/**
 * Answers one `debate-desk:call`. `senderUrl` is the URL of the frame that sent it (null when the
 * frame is gone): only our own page may reach dispatch (Electron advisory GHSA-mq8j-3h7h-p8g7).
 * Never throws, so the renderer's promise always resolves to an envelope.
 */
export async function answerCall(
  app: Pick<DebateDeskApp, 'dispatch'>,
  isOwnPage: (url: string) => boolean,
  senderUrl: string | null | undefined,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (typeof senderUrl !== 'string' || !isOwnPage(senderUrl)) {
    return failure('FORBIDDEN', 'This request did not come from the Debate Desk window.');
  }
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    return failure('INVALID_INPUT', 'The request named no valid method.');
  }
  try {
    return await app.dispatch(method, input);
  } catch (error) {
    console.error(`Debate Desk: ${method} failed unexpectedly`, error);
    return failure('INTERNAL', 'Something went wrong inside Debate Desk. Please try again.');
  }
}

function senderFrameUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    // Reading a frame that navigated away or was destroyed can throw.
    return null;
  }
}

/** Registers the call handler; returns a function that removes it. */
export function installCallHandler(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  app: Pick<DebateDeskApp, 'dispatch'>,
  isOwnPage: (url: string) => boolean,
): () => void {
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    answerCall(app, isOwnPage, senderFrameUrl(event), method, input),
  );
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

export interface EventRecipient {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Sends every core event to every live window; returns the unsubscribe. */
export function forwardEvents(
  app: Pick<DebateDeskApp, 'onEvent'>,
  targets: () => Iterable<EventRecipient>,
): () => void {
  return app.onEvent((event: AppEvent) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(EVENT_CHANNEL, event);
    }
  });
}
