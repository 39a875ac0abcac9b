import { EngineError, EngineErrorCodes } from '../errors.js';

export type RoundPhase = 'upcoming' | 'open' | 'closed';

export interface RoundWindow {
  opensAt: Date;
  closesAt: Date;
  /** Set when an organizer closed the round; it is closed from then on whatever closesAt says. */
  closedAt?: Date | null;
}

/** Open from opensAt (inclusive) to closesAt (exclusive), unless an organizer closed it. */
export function roundPhase(now: Date, window: RoundWindow): RoundPhase {
  if (window.closedAt && window.closedAt.getTime() <= now.getTime()) return 'closed';
  if (now.getTime() < window.opensAt.getTime()) return 'upcoming';
  if (now.getTime() >= window.closesAt.getTime()) return 'closed';
  return 'open';
}

export const TIME_LIMIT_SECONDS = { min: 5, max: 86_400 } as const;

/** The largest prediction (tie-break answer) and prediction actual value: a billion. */
export const PREDICTION_MAX = 1_000_000_000;

/** A round's window must end after it starts (an invalid Date fails the comparison too). */
export function assertRoundWindow(window: RoundWindow): void {
  if (!(window.closesAt.getTime() > window.opensAt.getTime())) {
    throw new EngineError(EngineErrorCodes.ROUND_WINDOW_INVALID, 'A round must close after it opens', {
      opensAt: isoOrNull(window.opensAt),
      closesAt: isoOrNull(window.closesAt),
    });
  }
}

/** toISOString throws a RangeError on an invalid Date; the details must not. */
function isoOrNull(date: Date): string | null {
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function attemptsLeft(maxAttempts: number, attemptsUsed: number): number {
  return Math.max(0, maxAttempts - attemptsUsed);
}

export type ReviewAfter = 'submit' | 'close' | 'never';

export interface ReviewContext {
  reviewAfter: ReviewAfter;
  attemptFinished: boolean;
  roundClosed: boolean;
  /** Attempts the member may still start in this round (0 when used up). */
  attemptsLeft: number;
  /** The member has an attempt in progress in this round (their last one, perhaps). */
  hasActiveAttempt?: boolean;
  /**
   * Some attempt of this round can still take an answer (anyone's: deadline + grace not passed). True
   * in the grace seconds after close for the attempts the close cut short.
   */
  othersPlaying?: boolean;
}

/**
 * When a member may see the key and explanations of a finished attempt. Never while any attempt of
 * the round can still take an answer: a key shown to one member is copied into another's attempt
 * within seconds. Beyond that, "after submit" waits until the member has no attempt left and none in
 * progress; "after close" waits for the round to close; "never" keeps the key for the organizers.
 */
export function canReview(context: ReviewContext): boolean {
  if (!context.attemptFinished || context.reviewAfter === 'never' || context.othersPlaying) return false;
  if (context.roundClosed) return true;
  return context.reviewAfter === 'submit' && context.attemptsLeft === 0 && !context.hasActiveAttempt;
}

export type PredictionActualKind = 'participants' | 'attempts' | 'manual';

/**
 * The prediction question's actual value, fixed at close: the number of distinct members with a
 * finished attempt, the number of finished attempts, or the value the organizers give (manual).
 */
export function predictionActualValue(
  kind: PredictionActualKind,
  counts: { participants: number; attempts: number },
  manual?: number | null,
): number | null {
  if (kind === 'participants') return counts.participants;
  if (kind === 'attempts') return counts.attempts;
  return manual ?? null;
}
