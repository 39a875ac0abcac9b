/**
 * Admission control for new attempts (API.md "Start under a rush"): a token bucket of
 * `perSecond` starts (at most `burst` saved up) in front of a FIFO of waiting tickets. A ticket is
 * one member in one round; asking again keeps its place until it expires (the member stopped
 * retrying). The ticket at position p is admitted once p tokens have accumulated: the tickets ahead
 * take theirs as they come back, so "p − tokens" falls at `perSecond` whoever arrives first.
 */
import { START_RETRY_MAX_MS, START_RETRY_MIN_MS } from '@hoi-thi/contracts';

export type Admission = { admitted: true } | { admitted: false; position: number; retryAfterMs: number };

export interface AdmissionRules {
  perSecond: number;
  burst: number;
}

/** How long a ticket outlives the wait it was told: a member late by more starts again at the back. */
export const TICKET_GRACE_MS = 5_000;

/**
 * A retry is judged by when it reached the edge (nginx's X-Request-Start), not when the API got to
 * it: during a burst the API reads requests seconds late, and a member who asked in time must not
 * lose the place for it. Credited up to this much; a ticket is swept only once no request still in
 * flight can have arrived in time for it.
 */
export const LATE_CREDIT_MAX_MS = 10_000;

export abstract class AdmissionGate {
  /**
   * Asks for a start for `ticket`: admitted now, or its place in the queue and when to ask again.
   * `queuedMs`: how long the request waited before the API read it (0 to LATE_CREDIT_MAX_MS).
   */
  abstract enter(ticket: string, queuedMs?: number): Promise<Admission>;
  /** Gives the ticket's place up (a member who turned out to need no new attempt). */
  abstract leave(ticket: string): Promise<void>;
}

/** The wait for position p with `tokens` saved up, from the rate, within the promised bounds. */
export function retryAfterMs(position: number, tokens: number, perSecond: number): number {
  const estimate = Math.ceil(((position - tokens) * 1000) / perSecond);
  return Math.max(START_RETRY_MIN_MS, Math.min(START_RETRY_MAX_MS, estimate));
}

/**
 * Tokens saved up: `burst` when nobody waits. While members wait, tokens meant for a member ahead
 * who is late (slow network, a phone that slept) are kept for up to a grace's worth, so a late or
 * departed member at the head does not hold back the ones behind until the ticket expires.
 */
export function tokenCap(rules: AdmissionRules, waiting: number): number {
  return rules.burst + Math.min(waiting, (rules.perSecond * TICKET_GRACE_MS) / 1000);
}
