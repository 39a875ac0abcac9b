import { EngineError, EngineErrorCodes } from '../errors.js';

/** The attempt ends at its time limit, or when the round closes if that comes first. */
export function computeDeadline(startedAt: Date, timeLimitSeconds: number, roundClosesAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitSeconds * 1000, roundClosesAt.getTime()));
}

/**
 * Answers are accepted up to and including deadline + grace: the grace absorbs the network delay of
 * an answer the member gave in time.
 */
export function isAcceptingAnswers(now: Date, deadline: Date, graceMs: number): boolean {
  return now.getTime() <= deadline.getTime() + graceMs;
}

/** The complement of `isAcceptingAnswers`: from deadline + grace + 1 ms the attempt is expired. */
export function isExpired(now: Date, deadline: Date, graceMs: number): boolean {
  return !isAcceptingAnswers(now, deadline, graceMs);
}

export interface AttemptTimes {
  startedAt: Date;
  /** Required unless the attempt expired. */
  submittedAt?: Date | null;
  timeLimitSeconds: number;
  deadline: Date;
  /** Closed by expiry (sweeper or lazy check) rather than by the member submitting. */
  expired: boolean;
}

/**
 * Time taken, in ms. A submitted attempt counts submit − start, capped at deadline − start so a
 * submit landing in the grace window gains nothing and loses nothing against one just in time.
 * An expired attempt counts the full time limit (the published rule), even when the round's close
 * cut its deadline shorter.
 */
export function attemptDuration(times: AttemptTimes): number {
  if (times.expired) return times.timeLimitSeconds * 1000;
  if (!times.submittedAt) {
    throw new EngineError(EngineErrorCodes.ATTEMPT_NOT_FINISHED, 'A submitted attempt needs its submit time', {
      startedAt: times.startedAt.toISOString(),
    });
  }
  const start = times.startedAt.getTime();
  const taken = times.submittedAt.getTime() - start;
  const allowed = times.deadline.getTime() - start;
  return Math.max(0, Math.min(taken, allowed));
}
