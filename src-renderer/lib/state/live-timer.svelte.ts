// The projector's countdown as rune state: a thin wrapper over lib/live-clock.ts that reads a monotonic clock
// (performance.now) and refreshes the display a few times a second while running. Nothing is counted: a
// throttled tab or a sleeping laptop shows the right time as soon as it is drawn again.
import {
  leftMs,
  next,
  overMs,
  pause,
  previous,
  readyAt,
  reset,
  start,
  statusOf,
  toggle,
  withLengths,
  type TimerState,
} from '../live-clock';
import type { TimerStore } from '../live-timer-store';

/** How often the display is refreshed while running; the seconds shown are computed, so this only sets smoothness. */
const REFRESH_MS = 200;

export class LiveTimer {
  lengths = $state<number[]>([]);
  state = $state<TimerState>(readyAt([]));
  /** The clock reading the display was last computed at. */
  now = $state(0);

  left = $derived(leftMs(this.state, this.now));
  over = $derived(overMs(this.state, this.now));
  status = $derived(statusOf(this.state, this.lengths, this.now));
  /** Counting down (or counting the overtime at "Time"). */
  running = $derived(this.state.runningSince !== null);
  phase = $derived(this.state.phase);
  isFirst = $derived(this.state.phase === 0);
  isLast = $derived(this.state.phase >= this.lengths.length - 1);

  private refresh: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly clock: () => number = () => performance.now(),
    /** Where the timer is kept across leaving the view and reloading; none keeps nothing. */
    private readonly store: TimerStore | null = null,
  ) {
    this.now = clock();
  }

  /** New phase lengths (loaded or edited): see withLengths for what happens to a running phase. */
  setLengths(lengths: number[]): void {
    const now = this.clock();
    const first = this.lengths.length === 0;
    const saved = first ? this.store?.load() : null;
    // A kept timer picks up where it was (a running one has run on meanwhile), fitted to the lengths as they are now.
    if (saved) this.state = withLengths(saved.state, saved.lengths, lengths, now);
    else this.state = first ? readyAt(lengths) : withLengths(this.state, this.lengths, lengths, now);
    this.lengths = lengths;
    this.now = now;
    this.keepRefreshing();
    this.keep();
  }

  toggle(): void {
    this.step((state, now) => toggle(state, now));
  }
  start(): void {
    this.step((state, now) => start(state, now));
  }
  pause(): void {
    this.step((state, now) => pause(state, now));
  }
  next(): void {
    this.step((state) => next(state, this.lengths));
  }
  previous(): void {
    this.step((state) => previous(state, this.lengths));
  }
  reset(): void {
    this.step((state) => reset(state, this.lengths));
  }
  goTo(phase: number): void {
    this.step(() => readyAt(this.lengths, phase));
  }

  /** Recomputes the display now (e.g. when the window becomes visible again). */
  tick(): void {
    this.now = this.clock();
  }

  /** Stops the display refresh (the view is leaving). */
  dispose(): void {
    if (this.refresh !== null) clearInterval(this.refresh);
    this.refresh = null;
  }

  private step(change: (state: TimerState, now: number) => TimerState): void {
    const now = this.clock();
    this.state = change(this.state, now);
    this.now = now;
    this.keepRefreshing();
    this.keep();
  }

  private keep(): void {
    this.store?.save({ lengths: this.lengths, state: this.state });
  }

  private keepRefreshing(): void {
    const running = this.state.runningSince !== null;
    if (running && this.refresh === null) this.refresh = setInterval(() => this.tick(), REFRESH_MS);
    if (!running) this.dispose();
  }
}
