// Keeps a live session's countdown when the teacher leaves the Live view or reloads the page mid-debate. It is
// kept in sessionStorage: this window only, and gone with it, so yesterday's timer never greets today's class.
import type { TimerState } from './live-clock';

export interface SavedTimer {
  lengths: number[];
  state: TimerState;
}

export interface TimerStore {
  load(): SavedTimer | null;
  save(saved: SavedTimer): void;
}

/** What is written: a running phase's start as wall-clock time, since the page's monotonic clock restarts on reload. */
interface Stored {
  lengths: number[];
  phase: number;
  leftAtMark: number;
  runningSinceWallMs: number | null;
}

/** sessionStorage's two methods (declared here: the store is also tested under plain Node, with no DOM). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The window's sessionStorage; merely reading it can throw where storage is blocked. */
function sessionStorageIfAny(): KeyValueStorage | undefined {
  try {
    return (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage;
  } catch {
    return undefined;
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const stored = value as Partial<Stored>;
  return (
    Array.isArray(stored.lengths) &&
    stored.lengths.every(isCount) &&
    Number.isInteger(stored.phase) &&
    isCount(stored.phase) &&
    // Below zero once a phase has run over its time.
    Number.isFinite(stored.leftAtMark) &&
    (stored.runningSinceWallMs === null || isCount(stored.runningSinceWallMs))
  );
}

/**
 * The store of one debate's timer. `clock` is the timer's own (monotonic) clock, `wallClock` the time of day;
 * a storage that refuses (private mode, full) only means the timer is not kept.
 */
export function liveTimerStore(
  debateId: string,
  storage: KeyValueStorage | undefined = sessionStorageIfAny(),
  clock: () => number = () => performance.now(),
  wallClock: () => number = () => Date.now(),
): TimerStore {
  const key = `debate-desk.live-timer.${debateId}`;
  return {
    load() {
      try {
        const stored: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
        if (!isStored(stored)) return null;
        const runningSince =
          stored.runningSinceWallMs === null ? null : clock() - Math.max(0, wallClock() - stored.runningSinceWallMs);
        return {
          lengths: stored.lengths,
          state: { phase: stored.phase, leftAtMark: stored.leftAtMark, runningSince },
        };
      } catch {
        return null;
      }
    },
    save({ lengths, state }) {
      const stored: Stored = {
        lengths,
        phase: state.phase,
        leftAtMark: state.leftAtMark,
        runningSinceWallMs: state.runningSince === null ? null : wallClock() - (clock() - state.runningSince),
      };
      try {
        storage?.setItem(key, JSON.stringify(stored));
      } catch {
        // Not kept: the timer itself runs on.
      }
    },
  };
}
