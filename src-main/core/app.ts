// The core's front door: one dispatch(method, unknownInput) that validates, runs the handler and answers
// with the envelope. Both hosts (Electron IPC and the browser host) call only this.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { contract, isMethodName } from '../shared/contract';
import type { AppEvent } from '../shared/events';
import { failure, success, type Result } from '../shared/result';
import { openDatabase } from './db/open';
import { AppError } from './errors';
import { handlers, type Context } from './handlers';
import { loadStarterIfEmpty } from './starter';
import type { PdfPrinter } from './sheet/pdf';
import { TeacherGate } from './teacher';

export interface AppOptions {
  dataDir: string;
  /** The folder holding db/migrations and resources/starter (the project root, or the packaged app). */
  resourcesDir: string;
  /** A better-sqlite3 build for another ABI: the Electron shell passes its own. */
  nativeBinding?: string;
  /** Prints argument sheets to PDF (a Chromium); without one, PDF export answers UNAVAILABLE. */
  pdfPrinter?: PdfPrinter;
}

export interface DebateDeskApp {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  readonly dataFile: string;
  /** Closes the database and lets go of the PDF printer's browser, if one was started. */
  close(): Promise<void>;
}

export const DATA_FILE_NAME = 'debate-desk.sqlite';

function describeInvalidInput(method: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const field = issue.path.join('.');
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  return `Invalid input for ${method}: ${problems.join('; ')}`;
}

function readVersion(resourcesDir: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(resourcesDir, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '0.0.0';
  }
}

export function createApp(options: AppOptions): DebateDeskApp {
  const dataFile = join(options.dataDir, DATA_FILE_NAME);
  const db = openDatabase({
    file: dataFile,
    migrationsDir: join(options.resourcesDir, 'db', 'migrations'),
    nativeBinding: options.nativeBinding,
  });
  try {
    loadStarterIfEmpty(db, join(options.resourcesDir, 'resources', 'starter'));
  } catch (error) {
    db.close();
    throw error;
  }
  const events = new EventEmitter();
  const ctx: Context = {
    db,
    dataFile,
    version: readVersion(options.resourcesDir),
    teacher: new TeacherGate(),
    sheets: { resourcesDir: options.resourcesDir, pdfPrinter: options.pdfPrinter ?? null },
    // Pushed after the call's transaction committed, so listeners never see a rolled-back change.
    emit: (event) => queueMicrotask(() => events.emit('event', event)),
  };

  async function dispatch(method: string, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return failure('UNKNOWN_METHOD', `There is no method called ${String(method).slice(0, 80)}.`);
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) return failure('INVALID_INPUT', describeInvalidInput(method, parsed.error));
    try {
      const handler = handlers[method] as (ctx: Context, input: unknown) => unknown;
      return success(await handler(ctx, parsed.data));
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message);
      console.error(`[debate-desk] ${method} failed`, error);
      return failure('INTERNAL', 'Something went wrong inside Debate Desk; nothing was changed. Please try again.');
    }
  }

  return {
    dispatch,
    dataFile,
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      db.close();
      await options.pdfPrinter?.close();
    },
  };
}
