// The live session's countdown as plain state and pure steps over a monotonic clock reading (ms), so it can be
// tested without a DOM and never drifts: the time left is computed from timestamps, never from counted ticks.

export interface TimerState {
  /** Index into the phase lengths. */
  phase: number;
  /** Time left in the phase when it was last started, paused or reset (ms). */
  leftAtMark: number;
  /** The clock reading when the timer last started; null while paused or ready. */
  runningSince: number | null;
}

export type TimerStatus = 'ready' | 'running' | 'paused' | 'time';

/** A fresh timer at the start of the first phase (or the given one), not running. */
export function readyAt(lengths: readonly number[], phase = 0): TimerState {
  const index = Math.min(Math.max(phase, 0), Math.max(lengths.length - 1, 0));
  return { phase: index, leftAtMark: lengths[index] ?? 0, runningSince: null };
}

/** Milliseconds elapsed past the phase's end (0 until then): how far over a speaker has gone. */
function unclampedLeft(state: TimerState, now: number): number {
  if (state.runningSince === null) return state.leftAtMark;
  // A clock that seems to go backwards (it should not) never adds time.
  return state.leftAtMark - Math.max(0, now - state.runningSince);
}

export function leftMs(state: TimerState, now: number): number {
  return Math.max(0, unclampedLeft(state, now));
}

export function overMs(state: TimerState, now: number): number {
  return Math.max(0, -unclampedLeft(state, now));
}

export function statusOf(state: TimerState, lengths: readonly number[], now: number): TimerStatus {
  // No phases yet (still loading): nothing is over.
  if (lengths.length === 0) return 'ready';
  if (leftMs(state, now) === 0) return 'time';
  if (state.runningSince !== null) return 'running';
  return state.leftAtMark === (lengths[state.phase] ?? 0) ? 'ready' : 'paused';
}

export function start(state: TimerState, now: number): TimerState {
  if (state.runningSince !== null || state.leftAtMark <= 0) return state;
  return { ...state, runningSince: now };
}

export function pause(state: TimerState, now: number): TimerState {
  if (state.runningSince === null) return state;
  // Paused at "Time", the overtime is forgotten: the phase stays at zero.
  return { ...state, leftAtMark: leftMs(state, now), runningSince: null };
}

/** Space: start or resume when stopped, pause when running; at "Time" it stops the overtime count. */
export function toggle(state: TimerState, now: number): TimerState {
  return state.runningSince === null ? start(state, now) : pause(state, now);
}

/** Back to the full length of the current phase, not running. */
export function reset(state: TimerState, lengths: readonly number[]): TimerState {
  return readyAt(lengths, state.phase);
}

/** The next phase, ready at its full length (the teacher starts it); the last phase stays where it is. */
export function next(state: TimerState, lengths: readonly number[]): TimerState {
  return state.phase + 1 < lengths.length ? readyAt(lengths, state.phase + 1) : state;
}

export function previous(state: TimerState, lengths: readonly number[]): TimerState {
  return state.phase > 0 ? readyAt(lengths, state.phase - 1) : state;
}

/**
 * The phases changed (the teacher edited them): a timer still ready in a phase that exists takes the new length;
 * one that was started keeps its time left, capped at the new length; a phase that no longer exists gives the
 * last one, ready.
 */
export function withLengths(
  state: TimerState,
  oldLengths: readonly number[],
  lengths: readonly number[],
  now: number,
): TimerState {
  if (state.phase >= lengths.length) return readyAt(lengths, lengths.length - 1);
  if (statusOf(state, oldLengths, now) === 'ready') return readyAt(lengths, state.phase);
  const left = Math.min(leftMs(state, now), lengths[state.phase] ?? 0);
  return { ...state, leftAtMark: left, runningSince: state.runningSince === null ? null : now };
}

/** mm:ss of the time left, rounded up to the second: 10:00 at the start, 00:00 only at the very end. */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Words for a screen reader or a label: "9 minutes 30 seconds". */
export function spokenDuration(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const parts = [];
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (rest > 0 || minutes === 0) parts.push(`${rest} second${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}
