// The teacher PIN: a scrypt hash in the teacher's people row, and short-lived tokens that prove it was entered.
// A shared classroom computer has no accounts; the PIN keeps students out of teacher-only actions.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { TeacherSession } from '../shared/domain';
import { nowIso } from './clock';
import type { Db } from './db/open';
import { AppError } from './errors';

/** scrypt cost (N = 2^15, r = 8: ~35 ms and 32 MiB here): slow enough to make guessing costly offline. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/** A token is forgotten after this long without use; all are forgotten when the app quits. */
const TOKEN_IDLE_MS = 4 * 60 * 60 * 1000;
/** After this many wrong PINs in a row, unlocking waits: a 4-digit PIN must not be guessable in a lesson. */
const MAX_WRONG_TRIES = 5;
const LOCKOUT_MS = 30_000;

function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(pin, salt, KEY_LENGTH, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Compares in constant time with the parameters stored in the hash (so they can be raised later). */
function pinMatches(pin: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

export const FORBIDDEN_MESSAGE = 'This is for the teacher: unlock teacher mode with the PIN.';

/** The tokens of one running app, and the wrong-PIN counter. */
export class TeacherGate {
  private readonly tokens = new Map<string, number>();
  private wrongTries = 0;
  private lockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  status(db: Db): { pinSet: boolean } {
    return { pinSet: storedHash(db) !== null };
  }

  setPin(db: Db, pin: string): TeacherSession {
    if (storedHash(db) !== null) {
      throw new AppError('CONFLICT', 'The teacher PIN is already set. Unlock with it, or change it in teacher mode.');
    }
    saveHash(db, hashPin(pin));
    return this.issue();
  }

  unlock(db: Db, pin: string): TeacherSession {
    const stored = storedHash(db);
    if (stored === null) throw new AppError('CONFLICT', 'No teacher PIN is set yet: set one first.');
    this.verify(pin, stored, 'That PIN is wrong. Nothing was changed.');
    return this.issue();
  }

  changePin(db: Db, token: string, currentPin: string, newPin: string): void {
    this.check(token);
    const stored = storedHash(db);
    if (stored === null) throw new AppError('CONFLICT', 'No teacher PIN is set yet: set one first.');
    this.verify(currentPin, stored, 'The current PIN is wrong. The PIN was not changed.');
    saveHash(db, hashPin(newPin));
  }

  /**
   * Checks a PIN against the stored hash, counting wrong ones. Unlocking and changing the PIN share the
   * count: otherwise anyone finding teacher mode left unlocked could guess the PIN through "Change PIN".
   */
  private verify(pin: string, stored: string, wrongMessage: string): void {
    const now = this.now();
    if (now < this.lockedUntil) {
      const seconds = Math.ceil((this.lockedUntil - now) / 1000);
      throw new AppError('FORBIDDEN', `Too many wrong PINs. Try again in ${seconds} seconds.`);
    }
    if (!pinMatches(pin, stored)) {
      this.wrongTries += 1;
      if (this.wrongTries >= MAX_WRONG_TRIES) {
        this.wrongTries = 0;
        this.lockedUntil = now + LOCKOUT_MS;
        throw new AppError('FORBIDDEN', `${wrongMessage} Too many wrong PINs: wait ${LOCKOUT_MS / 1000} seconds.`);
      }
      throw new AppError('FORBIDDEN', wrongMessage);
    }
    this.wrongTries = 0;
  }

  lock(token: string): void {
    this.tokens.delete(token);
  }

  /** The stored PIN's hash (null when none is set), to tell whether a restore brought back another PIN. */
  storedPin(db: Db): string | null {
    return storedHash(db);
  }

  /** Ends every teacher session: the PIN they were unlocked with no longer guards this data. */
  lockAll(): void {
    this.tokens.clear();
  }

  /** Throws FORBIDDEN unless the token is one this app issued and it has not gone idle. */
  check(token: string | undefined): void {
    const lastUse = token ? this.tokens.get(token) : undefined;
    const now = this.now();
    if (lastUse === undefined || now - lastUse > TOKEN_IDLE_MS) {
      if (token) this.tokens.delete(token);
      throw new AppError('FORBIDDEN', FORBIDDEN_MESSAGE);
    }
    this.tokens.set(token as string, now);
  }

  private issue(): TeacherSession {
    const teacherToken = randomBytes(32).toString('base64url');
    this.tokens.set(teacherToken, this.now());
    return { teacherToken };
  }
}

function storedHash(db: Db): string | null {
  const row = db
    .prepare<[], { pin_hash: string | null }>("SELECT pin_hash FROM people WHERE role = 'teacher' ORDER BY id LIMIT 1")
    .get();
  if (!row) throw new AppError('NOT_FOUND', 'This class has no teacher profile.');
  return row.pin_hash;
}

function saveHash(db: Db, hash: string): void {
  db.prepare(
    "UPDATE people SET pin_hash = ?, updated_at = ? WHERE id = (SELECT id FROM people WHERE role = 'teacher' ORDER BY id LIMIT 1)",
  ).run(hash, nowIso());
}
