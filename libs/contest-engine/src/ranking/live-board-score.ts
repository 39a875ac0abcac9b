import { fromHundredths, toHundredths } from '../common/hundredths.js';
import { EngineError, EngineErrorCodes } from '../errors.js';

/** 100,000.00 points, in hundredths. */
export const LIVE_BOARD_MAX_SCORE_HUNDREDTHS = 10_000_000;
/** 24 hours: the longest time limit a round may set (86,400 s), and durations never exceed it. */
export const LIVE_BOARD_MAX_DURATION_MS = 86_400_000;

const DURATION_SLOTS = LIVE_BOARD_MAX_DURATION_MS + 1;

export interface LiveBoardFields {
  score: number;
  durationMs: number;
}

/**
 * One number for a Redis sorted set whose descending order is the live ladder's first two steps:
 * score ↓, then duration ↑.
 *
 *   value = scoreInHundredths × (MAX_DURATION_MS + 1) + (MAX_DURATION_MS − durationMs)
 *
 * Bounds: score 0 … 100,000.00 (two decimals), durationMs an integer 0 … 86,400,000. The largest
 * value, 864,000,096,400,000, is below 2^53, so every value is an exact integer in an IEEE double
 * and no two different (score, duration) pairs collide. Outside the bounds this throws.
 *
 * submittedAt and attemptId do not fit as well (an epoch in ms alone takes 41 bits). Entries equal
 * in score and duration to the millisecond are ordered by Redis by member key bytes, and ZRANGE …
 * REV reverses that too: the live board may show such a tie either way. The final board never uses
 * this number; re-sort a tied slice with `compareRoundEntries` when the exact order matters.
 */
export function liveBoardScore({ score, durationMs }: LiveBoardFields): number {
  const hundredths = toHundredths(score);
  if (!(hundredths >= 0 && hundredths <= LIVE_BOARD_MAX_SCORE_HUNDREDTHS)) {
    throw new EngineError(EngineErrorCodes.LEADERBOARD_OUT_OF_RANGE, `Score ${score} is outside 0 … 100000`, { score });
  }
  if (!Number.isInteger(durationMs) || durationMs < 0 || durationMs > LIVE_BOARD_MAX_DURATION_MS) {
    throw new EngineError(
      EngineErrorCodes.LEADERBOARD_OUT_OF_RANGE,
      `Duration ${durationMs} ms is outside 0 … ${LIVE_BOARD_MAX_DURATION_MS}`,
      { durationMs },
    );
  }
  return hundredths * DURATION_SLOTS + (LIVE_BOARD_MAX_DURATION_MS - durationMs);
}

/** Reads score and duration back from a sorted-set value, so the board can be shown from Redis alone. */
export function decodeLiveBoardScore(value: number): LiveBoardFields {
  const hundredths = Math.floor(value / DURATION_SLOTS);
  return {
    score: fromHundredths(hundredths),
    durationMs: LIVE_BOARD_MAX_DURATION_MS - (value - hundredths * DURATION_SLOTS),
  };
}
