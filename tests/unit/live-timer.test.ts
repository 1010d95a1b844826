// The live session's countdown (src-renderer/lib/live-clock.ts) with an injected clock: time left from
// timestamps (no drift however rarely it is read), start/pause/resume, next/previous/reset, "Time" and overtime;
// and the projector's tally (src-renderer/lib/live-tally.ts) from the class results.
import { describe, expect, it } from 'vitest';
import {
  formatClock,
  leftMs,
  next,
  overMs,
  pause,
  previous,
  readyAt,
  reset,
  spokenDuration,
  start,
  statusOf,
  toggle,
  withLengths,
  type TimerState,
} from '../../src-renderer/lib/live-clock';
import { contestedOrder, tallyFromResults } from '../../src-renderer/lib/live-tally';
import type { ClassResults } from '../../src-main/shared/results';

const MIN = 60_000;
const LENGTHS = [10 * MIN, 6 * MIN, 8 * MIN];

describe('live timer', () => {
  it('starts ready at the first phase’s full length and counts down from timestamps', () => {
    let state = readyAt(LENGTHS);
    expect(statusOf(state, LENGTHS, 0)).toBe('ready');
    expect(formatClock(leftMs(state, 0))).toBe('10:00');
    state = start(state, 1_000);
    expect(statusOf(state, LENGTHS, 1_000)).toBe('running');
    expect(leftMs(state, 1_000 + 400)).toBe(10 * MIN - 400);
    expect(formatClock(leftMs(state, 1_000 + 400))).toBe('10:00'); // rounded up: a full second has not passed
    expect(formatClock(leftMs(state, 1_000 + 1_000))).toBe('09:59');
  });

  it('does not drift: one reading after a long gap (a sleeping laptop) equals many small ones', () => {
    const running = start(readyAt(LENGTHS), 5_000);
    // Read every 16 ms for 3 minutes (as a busy tab might, or not)…
    let last = 0;
    for (let t = 5_000; t <= 5_000 + 3 * MIN; t += 16) last = leftMs(running, t);
    // …or once: the same answer, because nothing is counted.
    expect(leftMs(running, 5_000 + 3 * MIN)).toBe(7 * MIN);
    expect(last).toBeGreaterThanOrEqual(7 * MIN);
    expect(last - 7 * MIN).toBeLessThan(16);
    // A laptop asleep past the end of the phase wakes up at "Time", with the overtime.
    expect(statusOf(running, LENGTHS, 5_000 + 12 * MIN)).toBe('time');
    expect(overMs(running, 5_000 + 12 * MIN)).toBe(2 * MIN);
  });

  it('pauses (the time left stays however long the pause) and resumes from there', () => {
    let state: TimerState = start(readyAt(LENGTHS), 0);
    state = pause(state, 90_000);
    expect(statusOf(state, LENGTHS, 90_000)).toBe('paused');
    expect(leftMs(state, 90_000)).toBe(8.5 * MIN);
    expect(leftMs(state, 90_000 + 60 * MIN)).toBe(8.5 * MIN);
    state = toggle(state, 200_000);
    expect(statusOf(state, LENGTHS, 200_000)).toBe('running');
    expect(leftMs(state, 230_000)).toBe(8 * MIN);
    state = toggle(state, 230_000);
    expect(state.runningSince).toBeNull();
    expect(leftMs(state, 999_999)).toBe(8 * MIN);
  });

  it('reaches "Time" at zero, counts the overtime while running, and Space stops it at zero', () => {
    let state = start(readyAt([30_000]), 0);
    expect(statusOf(state, [30_000], 29_999)).toBe('running');
    expect(formatClock(leftMs(state, 29_001))).toBe('00:01');
    expect(statusOf(state, [30_000], 30_000)).toBe('time');
    expect(formatClock(leftMs(state, 45_000))).toBe('00:00');
    expect(overMs(state, 45_000)).toBe(15_000);
    state = toggle(state, 45_000);
    expect(statusOf(state, [30_000], 100_000)).toBe('time');
    expect(overMs(state, 100_000)).toBe(0);
    // Starting a phase with no time left does nothing; reset gives its full length back.
    expect(start(state, 100_000)).toBe(state);
    expect(statusOf(reset(state, [30_000]), [30_000], 100_000)).toBe('ready');
  });

  it('next and previous give the neighbouring phase ready at its full length, and stop at the ends', () => {
    let state = start(readyAt(LENGTHS), 0);
    state = next(state, LENGTHS);
    expect(state).toEqual({ phase: 1, leftAtMark: 6 * MIN, runningSince: null });
    state = next(next(state, LENGTHS), LENGTHS);
    expect(state.phase).toBe(2);
    expect(next(state, LENGTHS)).toBe(state);
    state = previous(previous(state, LENGTHS), LENGTHS);
    expect(state).toEqual(readyAt(LENGTHS, 0));
    expect(previous(state, LENGTHS)).toBe(state);
  });

  it('is ready, not at "Time", before any phases are known', () => {
    expect(statusOf(readyAt([]), [], 0)).toBe('ready');
  });

  it('reset puts the current phase back to its full length, stopped', () => {
    const state = start(readyAt(LENGTHS, 1), 0);
    expect(reset(state, LENGTHS)).toEqual({ phase: 1, leftAtMark: 6 * MIN, runningSince: null });
  });

  it('follows edited phases: a ready timer takes the new length, a started one keeps its time (capped)', () => {
    const edited = [10 * MIN, 3 * MIN];
    const ready = readyAt(LENGTHS, 1);
    expect(withLengths(ready, LENGTHS, edited, 0)).toEqual(readyAt(edited, 1));
    const running = start(readyAt(LENGTHS, 1), 0);
    expect(leftMs(withLengths(running, LENGTHS, edited, 60_000), 60_000)).toBe(3 * MIN);
    expect(leftMs(withLengths(running, LENGTHS, [10 * MIN, 20 * MIN], 60_000), 90_000)).toBe(4.5 * MIN);
    expect(withLengths(readyAt(LENGTHS, 2), LENGTHS, edited, 0)).toEqual(readyAt(edited, 1));
  });

  it('formats mm:ss (long phases too) and words for screen readers', () => {
    expect(formatClock(120 * MIN)).toBe('120:00');
    expect(formatClock(61_000)).toBe('01:01');
    expect(formatClock(-5)).toBe('00:00');
    expect(spokenDuration(90_000)).toBe('1 minute 30 seconds');
    expect(spokenDuration(10 * MIN)).toBe('10 minutes');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});

describe('live tally', () => {
  const card = (id: string, sideA: number, sideB: number) => ({ id, tag: `Card ${id}`, sideA, sideB });

  it('puts the cards the class split on first, then the most placed, then the pool order', () => {
    const ordered = contestedOrder([
      card('a', 3, 0),
      card('b', 1, 1),
      card('c', 0, 0),
      card('d', 2, 3),
      card('e', 0, 3),
    ]);
    expect(ordered.map((c) => c.id)).toEqual(['d', 'b', 'a', 'e', 'c']);
  });

  it('sums the results per side, counts who placed and handed in (teacher view only)', () => {
    const results = {
      debate: {} as ClassResults['debate'],
      hidden: false,
      revealedAt: null,
      viewer: 'teacher',
      countedStudents: 2,
      students: [{ status: 'submitted' }, { status: 'started' }, { status: 'not-started' }] as ClassResults['students'],
      cards: [
        { cardId: 'x', tag: 'X', sideA: 1, sideB: 1 },
        { cardId: 'y', tag: 'Y', sideA: 0, sideB: 2 },
      ] as ClassResults['cards'],
    } satisfies ClassResults;
    const tally = tallyFromResults(results);
    expect(tally).toMatchObject({ counted: 2, roster: 3, handedIn: 1, sideA: 1, sideB: 3, hiddenFromClass: false });
    expect(tallyFromResults({ ...results, hidden: true }).hiddenFromClass).toBe(true);
    expect(tallyFromResults({ ...results, hidden: true, revealedAt: '2026-03-02T10:00:00Z' }).hiddenFromClass).toBe(
      false,
    );
    expect(tally.cards.map((c) => c.id)).toEqual(['x', 'y']);
    expect(tallyFromResults({ ...results, viewer: 'class', students: [] })).toMatchObject({
      roster: null,
      handedIn: null,
    });
  });
});
