// The live session's phases (what the projector's timer runs through): their limits, defaults and validation.
import { z } from 'zod';

export interface LivePhase {
  name: string;
  /** Whole or half minutes, 0.5 to 120. */
  minutes: number;
}

/** Where the phases came from: the defaults (never set), the teacher's, or the defaults because the stored value was unreadable. */
export type LivePhasesSource = 'default' | 'saved' | 'unreadable';

export interface LivePhases {
  debateId: string;
  phases: LivePhase[];
  source: LivePhasesSource;
}

export const PHASE_LIMITS = {
  minPhases: 1,
  maxPhases: 12,
  maxNameLength: 40,
  minMinutes: 0.5,
  maxMinutes: 120,
  /** Minutes go in half-minute steps: what a teacher sets on a classroom timer, and what the form offers. */
  minuteStep: 0.5,
} as const;

/** A classic classroom format: prepare, then each side opens, rebuts and closes within these slots. */
export const DEFAULT_PHASES: readonly LivePhase[] = Object.freeze([
  { name: 'Preparation', minutes: 10 },
  { name: 'Opening statements', minutes: 6 },
  { name: 'Rebuttal', minutes: 8 },
  { name: 'Closing', minutes: 4 },
]);

export const phaseSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'a phase needs a name' })
    .max(PHASE_LIMITS.maxNameLength, { error: `a phase name is at most ${PHASE_LIMITS.maxNameLength} characters` }),
  minutes: z
    .number({ error: 'minutes must be a number' })
    .min(PHASE_LIMITS.minMinutes, { error: `a phase lasts at least ${PHASE_LIMITS.minMinutes} minutes` })
    .max(PHASE_LIMITS.maxMinutes, { error: `a phase lasts at most ${PHASE_LIMITS.maxMinutes} minutes` })
    .multipleOf(PHASE_LIMITS.minuteStep, { error: 'minutes go in half-minute steps (e.g. 1.5)' }),
});

export const phasesSchema = z
  .array(phaseSchema)
  .min(PHASE_LIMITS.minPhases, { error: 'a session needs at least one phase' })
  .max(PHASE_LIMITS.maxPhases, { error: `a session has at most ${PHASE_LIMITS.maxPhases} phases` });

/** A phase's length in milliseconds (what the timer counts down from). */
export function phaseMs(phase: LivePhase): number {
  return Math.round(phase.minutes * 60_000);
}
