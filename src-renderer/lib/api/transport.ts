// What a transport does: carry one call to the core and bring back its envelope; deliver pushes.
import type { AppEvent } from '../../../src-main/shared/events';
import type { Result } from '../../../src-main/shared/result';

export interface CallOptions {
  /** The call must reach the core even if the page is being closed or reloaded (saving the last keystrokes). */
  keepalive?: boolean;
}

export interface Transport {
  call(method: string, input: unknown, options?: CallOptions): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

/** What the Electron preload exposes on window (contextBridge): nothing else crosses. */
declare global {
  interface Window {
    debateDesk?: Transport;
  }
}
