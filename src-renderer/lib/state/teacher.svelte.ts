// Teacher mode: whether a PIN is set, the token that proves it was entered, and the PIN dialog's pending request.
import type { MethodInput, MethodName, MethodOutput } from '../../../src-main/shared/contract';
import { ApiError, api } from '../api/client';

/** Per tab: a reload keeps teacher mode, a new tab or window asks again (and the token dies with the app). */
const TOKEN_KEY = 'debate-desk.teacher-token';

export type PinMode = 'set' | 'unlock' | 'change';

export interface PinPrompt {
  mode: PinMode;
  /** Why the PIN is asked for, shown under the dialog's heading. */
  reason: string;
  /** Settles the caller's wait: the token when unlocked (or PIN changed), null when cancelled. */
  finish: (token: string | null) => void;
}

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'FORBIDDEN';
}

class TeacherMode {
  /** null until teacher.status has answered. */
  pinSet = $state<boolean | null>(null);
  token = $state<string | null>(readToken());
  prompt = $state<PinPrompt | null>(null);
  /** The PIN dialog being waited for: actions asking at the same time share it. */
  private asking: Promise<string | null> | null = null;

  unlocked = $derived(this.token !== null);

  async loadStatus(): Promise<boolean> {
    const status = await api.call('teacher.status', {});
    this.pinSet = status.pinSet;
    return status.pinSet;
  }

  private keep(token: string | null): void {
    this.token = token;
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Storage can be switched off; teacher mode then lasts until the page reloads.
    }
  }

  /** Forgets the token without telling the core (it was refused, or the app restarted). */
  forget(): void {
    this.keep(null);
  }

  async setPin(pin: string): Promise<string> {
    const { teacherToken } = await api.call('teacher.setPin', { pin });
    this.pinSet = true;
    this.keep(teacherToken);
    return teacherToken;
  }

  async unlock(pin: string): Promise<string> {
    const { teacherToken } = await api.call('teacher.unlock', { pin });
    this.keep(teacherToken);
    return teacherToken;
  }

  async changePin(currentPin: string, newPin: string): Promise<string> {
    const teacherToken = this.token;
    if (!teacherToken) throw new ApiError('FORBIDDEN', 'Unlock teacher mode first.');
    await api.call('teacher.changePin', { teacherToken, currentPin, newPin });
    return teacherToken;
  }

  /** Ends teacher mode here (at once, before any await) and in the core; the core may be unreachable. */
  async lock(): Promise<void> {
    const teacherToken = this.token;
    this.keep(null);
    if (teacherToken) await api.call('teacher.lock', { teacherToken }).catch(() => undefined);
  }

  /** Opens the PIN dialog (set on first use, otherwise unlock); resolves with the token, or null if cancelled. */
  ask(reason: string, mode?: PinMode): Promise<string | null> {
    this.asking ??= this.open(reason, mode).finally(() => (this.asking = null));
    return this.asking;
  }

  private async open(reason: string, mode?: PinMode): Promise<string | null> {
    // If the core cannot say whether a PIN is set, unlocking is asked for; the dialog then shows what went wrong.
    const pinSet = this.pinSet ?? (await this.loadStatus().catch(() => true));
    const chosen = mode ?? (pinSet ? 'unlock' : 'set');
    return new Promise((resolve) => {
      this.prompt = {
        mode: chosen,
        reason,
        finish: (token) => {
          this.prompt = null;
          resolve(token);
        },
      };
    });
  }

  /** The token if teacher mode is on, otherwise whatever the PIN dialog gives. */
  async tokenOrAsk(reason: string): Promise<string | null> {
    return this.token ?? this.ask(reason);
  }

  /**
   * Runs a teacher-only action with the token (asking for the PIN if there is none). A refused token (expired,
   * or the app restarted) is forgotten and the PIN asked for once more, so nothing the teacher typed is lost.
   * Resolves with null when the teacher cancels the PIN dialog; other errors are thrown as they come.
   */
  async run<T>(action: (teacherToken: string) => Promise<T>, reason = 'This is for the teacher.'): Promise<T | null> {
    const token = await this.tokenOrAsk(reason);
    if (!token) return null;
    try {
      return await action(token);
    } catch (error) {
      if (!isForbidden(error)) throw error;
      this.forget();
      const fresh = await this.ask('Teacher mode has ended (the app restarted or the time ran out): enter the PIN.');
      if (!fresh) return null;
      return action(fresh);
    }
  }

  /** One teacher-only call: `input` without the token, which is added here. */
  call<M extends MethodName>(
    method: M,
    input: Omit<MethodInput<M>, 'teacherToken'>,
    reason?: string,
  ): Promise<MethodOutput<M> | null> {
    return this.run((teacherToken) => api.call(method, { ...input, teacherToken } as MethodInput<M>), reason);
  }

  /** Adds the token, if there is one, to a call that only needs it when acting as the teacher (never asks). */
  withToken<T extends object>(input: T): T & { teacherToken?: string } {
    return this.token ? { ...input, teacherToken: this.token } : input;
  }
}

export const teacher = new TeacherMode();
