/**
 * - `allowed`: go ahead; this starts the user's cooldown window.
 * - `warn`: too soon; say so once in this window.
 * - `silent`: too soon again; already told, say nothing until the window ends.
 */
export type CooldownVerdict =
  | { kind: 'allowed' }
  | { kind: 'warn'; retryAfterSeconds: number }
  | { kind: 'silent'; retryAfterSeconds: number };

interface Window {
  endsAt: number;
  warned: boolean;
}

/** Forgetting expired windows only now and then keeps each check cheap. */
const SWEEP_EVERY = 500;

/**
 * A per-user cooldown: one request per window of `seconds`. Requests refused inside a window do not extend
 * it, so a user flooding the bot is answered again as soon as the window ends. Zero seconds disables it.
 */
export class Cooldown {
  private readonly windows = new Map<string, Window>();
  private checks = 0;

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  check(userId: string): CooldownVerdict {
    if (this.seconds <= 0) return { kind: 'allowed' };
    const now = this.now();
    if (++this.checks % SWEEP_EVERY === 0) this.sweep(now);
    const window = this.windows.get(userId);
    if (!window || now >= window.endsAt) {
      this.windows.set(userId, { endsAt: now + this.seconds * 1000, warned: false });
      return { kind: 'allowed' };
    }
    const retryAfterSeconds = Math.ceil((window.endsAt - now) / 1000);
    if (window.warned) return { kind: 'silent', retryAfterSeconds };
    window.warned = true;
    return { kind: 'warn', retryAfterSeconds };
  }

  private sweep(now: number): void {
    for (const [userId, window] of this.windows) if (now >= window.endsAt) this.windows.delete(userId);
  }
}

/** The polite answer to a user who asks faster than the cooldown allows. */
export function slowDownMessage(retryAfterSeconds: number): string {
  const wait = retryAfterSeconds === 1 ? '1 second' : `${retryAfterSeconds} seconds`;
  return `You're asking faster than I can keep up: please wait ${wait} before the next question.`;
}
