// Small pure helpers of the board's state: the remembered debate and error messages.
import { ApiError } from '../api/client';

const DEBATE_KEY = 'debate-desk.debate';

export function rememberedDebate(): string | null {
  try {
    return localStorage.getItem(DEBATE_KEY);
  } catch {
    return null;
  }
}

export function rememberDebate(debateId: string): void {
  try {
    localStorage.setItem(DEBATE_KEY, debateId);
  } catch {
    // Storage can be full or off; the choice then lasts as long as the window.
  }
}

export const isStaleWrite = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === 'STALE_WRITE';

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
