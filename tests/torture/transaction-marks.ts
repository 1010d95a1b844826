// Inside the host child only: marks on stdout where each SQLite write transaction begins and ends, and for which API
// method, so that the test can tell a kill that landed inside a transaction (an import half-written in the page cache)
// from one between transactions. It observes; it changes nothing the app does. better-sqlite3 runs a transaction
// synchronously, and a handler starts synchronously inside dispatch, so the method current at `begin` is the caller.
import Database from 'better-sqlite3';
import { writeSync } from 'node:fs';
import type { DebateDeskApp } from '../../src-main/core/app';

export const MARK_BEGIN = 'tx-begin';
export const MARK_END = 'tx-end';

let currentMethod = '-';

/** A synchronous write: still in the pipe for the parent to read after a SIGKILL that comes a moment later. */
const mark = (line: string) => writeSync(1, `${line}\n`);

type TransactionFn = ((...args: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive', unknown>;

export function markTransactions(): void {
  const prototype = Database.prototype as unknown as { transaction(fn: unknown): TransactionFn };
  const original = prototype.transaction;
  prototype.transaction = function (this: unknown, fn: unknown) {
    const transaction = original.call(this, fn);
    const marked = (run: (...args: unknown[]) => unknown) =>
      function (this: unknown, ...args: unknown[]) {
        mark(`${MARK_BEGIN} ${currentMethod}`);
        try {
          return run.apply(this, args);
        } finally {
          mark(MARK_END);
        }
      };
    const wrapped = marked(transaction) as TransactionFn;
    for (const variant of ['deferred', 'immediate', 'exclusive'] as const) {
      wrapped[variant] = marked(transaction[variant] as (...args: unknown[]) => unknown);
    }
    return wrapped;
  };
}

/** Remembers which API method is running while its handler's synchronous part (and so its transaction) runs. */
export function markMethods(app: DebateDeskApp): DebateDeskApp {
  const dispatch = app.dispatch.bind(app);
  return {
    ...app,
    dataFile: app.dataFile,
    dispatch(method, input) {
      currentMethod = method;
      try {
        return dispatch(method, input);
      } finally {
        currentMethod = '-';
      }
    },
  };
}
