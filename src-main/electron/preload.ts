// Sandboxed preload: exposes window.debateDesk = { call, onEvent } over the one IPC channel, nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent } from '../shared/events';
import { failure, type Result } from '../shared/result';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc';

const debateDesk = {
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    try {
      return (await ipcRenderer.invoke(CALL_CHANNEL, method, input)) as Result<unknown>;
    } catch {
      // invoke rejects when the input cannot be structured-cloned (functions, DOM nodes...).
      return failure('INVALID_INPUT', 'The request could not be sent: it contains data that is not plain JSON.');
    }
  },

  onEvent(listener: (event: AppEvent) => void): () => void {
    const relay = (_event: IpcRendererEvent, appEvent: AppEvent): void => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
};

export type DebateDeskBridge = typeof debateDesk;

contextBridge.exposeInMainWorld('debateDesk', debateDesk);
