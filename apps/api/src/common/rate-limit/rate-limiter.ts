/**
 * Fixed-window counters: the window starts with the first hit on a key and lasts `windowMs`.
 * In process by default; in Redis when `REDIS_URL` is set, so every replica shares the count.
 */
export interface RateWindow {
  count: number;
  /** Milliseconds until the window ends (0 when no window is open). */
  resetInMs: number;
}

export abstract class RateLimiter {
  /** Adds one hit and returns the window after it. */
  abstract hit(key: string, windowMs: number): Promise<RateWindow>;
  /** The current window without counting. */
  abstract peek(key: string): Promise<RateWindow>;
  abstract reset(key: string): Promise<void>;
}

export function retryAfterSeconds(window: RateWindow): number {
  return Math.max(1, Math.ceil(window.resetInMs / 1000));
}
