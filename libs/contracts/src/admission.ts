/**
 * Admission control for starts (API.md "Start under a rush"): above the configured start rate,
 * `POST /api/rounds/:id/attempts` answers 202 with this instead of the attempt. Nothing has started:
 * the member's clock starts when a later retry creates the attempt.
 */
export interface StartWaitingResponse {
  status: 'waiting';
  /** Place in the queue, 1 = next. A retry before `retryAfterMs` (plus a few seconds) keeps it. */
  position: number;
  /** When to try again, estimated from the rate (between 500 ms and 10 s). */
  retryAfterMs: number;
}

export const START_RETRY_MIN_MS = 500;
export const START_RETRY_MAX_MS = 10_000;

export function isStartWaiting(body: unknown): body is StartWaitingResponse {
  return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'waiting';
}
