// Pushes from the core to every open window (IPC events in Electron, server-sent events in the browser host).
import type { BoardVersions } from './domain';

export type AppEvent =
  /** versions: the board's versions after the change, so a window can tell its own save from another's. */
  | { type: 'board.changed'; debateId: string; studentId: string; versions?: BoardVersions }
  | { type: 'article.changed'; articleId: string }
  | { type: 'library.changed' }
  | { type: 'debates.changed'; debateId: string }
  | { type: 'people.changed' }
  /** A hand-in, or the teacher revealing or hiding a debate's class results. */
  | { type: 'results.changed'; debateId: string; studentId?: string }
  /** A backup was restored: every open window reloads everything it shows. */
  | { type: 'data.restored' }
  /** app.notices has something new (e.g. an automatic backup failed). */
  | { type: 'notices.changed' };
