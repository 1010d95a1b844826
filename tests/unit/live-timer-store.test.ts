// The live countdown kept across leaving the view and reloading (src-renderer/lib/live-timer-store.ts): a running
// phase runs on while the page is gone, a paused one keeps its time, and anything unreadable is simply not kept.
import { describe, expect, it } from 'vitest';
import { leftMs, pause, readyAt, start } from '../../src-renderer/lib/live-clock';
import { liveTimerStore } from '../../src-renderer/lib/live-timer-store';

const MIN = 60_000;
const LENGTHS = [10 * MIN, 6 * MIN];

/** A real key-value store in memory, with sessionStorage's string-only contract. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
  };
}

describe('live timer store', () => {
  it('brings back a running phase that ran on while the page was gone, on a page whose clock restarted', () => {
    const storage = memoryStorage();
    // First page: monotonic clock at 5,000 ms, wall clock at 1,000,000 ms; started 65 s ago.
    const before = liveTimerStore(
      'debate-1',
      storage,
      () => 5_000 + 65_000,
      () => 1_000_000 + 65_000,
    );
    before.save({ lengths: LENGTHS, state: start(readyAt(LENGTHS), 5_000) });

    // The reload: 30 s later by the wall clock, and the new page's monotonic clock starts again near 0.
    const after = liveTimerStore(
      'debate-1',
      storage,
      () => 200,
      () => 1_000_000 + 95_000,
    );
    const saved = after.load();
    expect(saved?.lengths).toEqual(LENGTHS);
    expect(saved && leftMs(saved.state, 200)).toBe(10 * MIN - 95_000);
  });

  it('keeps a paused phase exactly, and each debate apart', () => {
    const storage = memoryStorage();
    const store = liveTimerStore(
      'debate-1',
      storage,
      () => 0,
      () => 0,
    );
    const paused = pause(start(readyAt(LENGTHS, 1), 0), 40_000);
    store.save({ lengths: LENGTHS, state: paused });
    expect(
      liveTimerStore(
        'debate-1',
        storage,
        () => 9,
        () => 9 * MIN,
      ).load(),
    ).toEqual({
      lengths: LENGTHS,
      state: paused,
    });
    expect(liveTimerStore('debate-2', storage).load()).toBeNull();
  });

  it('keeps nothing it cannot read, and a storage that refuses loses only the keeping', () => {
    const storage = memoryStorage();
    const store = liveTimerStore('debate-1', storage);
    for (const junk of ['not json', '{"lengths":[1],"phase":-1,"leftAtMark":0,"runningSinceWallMs":null}', '[]']) {
      storage.items.set('debate-desk.live-timer.debate-1', junk);
      expect(store.load()).toBeNull();
    }
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const refused = liveTimerStore('debate-1', refusing);
    expect(() => refused.save({ lengths: LENGTHS, state: readyAt(LENGTHS) })).not.toThrow();
    expect(refused.load()).toBeNull();
    expect(liveTimerStore('debate-1', undefined).load()).toBeNull();
  });
});
