// The crash-safety torture test (tests/torture): the browser host as a child process, killed with SIGKILL N times.
// `vitest run --config vitest.torture.config.ts` runs 5 rounds (part of `npm test`); `--mode full` runs 50
// (`npm run test:torture`); TORTURE_ROUNDS=<n> sets any other count, TORTURE_SEED=<seed> replays a run.
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  test: {
    include: ['tests/torture/**/*.torture.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15 * 60_000,
    hookTimeout: 60_000,
    env: { TORTURE_ROUNDS: process.env.TORTURE_ROUNDS ?? (mode === 'full' ? '50' : '5') },
  },
}));
