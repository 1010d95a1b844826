// The typed API client: api.call('cards.place', input) over whichever transport this window has
// (Electron IPC through the preload, or HTTP to the browser host). No second hand-written API.
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/shared/contract';
import type { AppEvent } from '../../../src-main/shared/events';
import type { ErrorCode } from '../../../src-main/shared/result';
import { createHttpTransport } from './http-transport';
import type { CallOptions, Transport } from './transport';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function createClient(transport: Transport) {
  return {
    /** Resolves with the method's value, or rejects with an ApiError whose message is for the user. */
    async call<M extends MethodName>(
      method: M,
      input: MethodInput<M>,
      options?: CallOptions,
    ): Promise<MethodOutput<M>> {
      const result = await transport.call(method, input, options);
      if (!result.ok) throw new ApiError(result.error.code, result.error.message);
      return result.value as MethodOutput<M>;
    },
    onEvent(listener: (event: AppEvent) => void): () => void {
      return transport.onEvent(listener);
    },
  };
}

export const api = createClient(window.debateDesk ?? createHttpTransport());
