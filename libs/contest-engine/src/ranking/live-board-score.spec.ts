import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../random/seeded-random.js';
import {
  decodeLiveBoardScore,
  LIVE_BOARD_MAX_DURATION_MS,
  LIVE_BOARD_MAX_SCORE_HUNDREDTHS,
  liveBoardScore,
} from './live-board-score.js';
import { compareRoundEntries } from './round-ranking.js';

const MAX_SCORE = LIVE_BOARD_MAX_SCORE_HUNDREDTHS / 100;

describe('one number per entry for the Redis live board (higher is better)', () => {
  it('a higher score beats any duration, even by one hundredth', () => {
    expect(liveBoardScore({ score: 7.01, durationMs: LIVE_BOARD_MAX_DURATION_MS })).toBeGreaterThan(
      liveBoardScore({ score: 7, durationMs: 0 }),
    );
  });

  it('equal scores: the faster entry has the higher number, by one per millisecond', () => {
    expect(liveBoardScore({ score: 7, durationMs: 120_000 }) - liveBoardScore({ score: 7, durationMs: 120_001 })).toBe(1);
  });

  it('the extremes stay exact integers below 2^53', () => {
    const top = liveBoardScore({ score: MAX_SCORE, durationMs: 0 });
    expect(top).toBe(864_000_096_400_000);
    expect(Number.isSafeInteger(top)).toBe(true);
    expect(top - liveBoardScore({ score: MAX_SCORE, durationMs: 1 })).toBe(1);
    expect(liveBoardScore({ score: 0, durationMs: LIVE_BOARD_MAX_DURATION_MS })).toBe(0);
    expect(liveBoardScore({ score: 0.01, durationMs: LIVE_BOARD_MAX_DURATION_MS })).toBe(
      liveBoardScore({ score: 0, durationMs: 0 }) + 1,
    );
  });

  it('decodes back to score and duration, at the bounds too', () => {
    for (const fields of [
      { score: 0, durationMs: 0 },
      { score: 0, durationMs: LIVE_BOARD_MAX_DURATION_MS },
      { score: MAX_SCORE, durationMs: 0 },
      { score: MAX_SCORE, durationMs: LIVE_BOARD_MAX_DURATION_MS },
      { score: 8.75, durationMs: 431_207 },
    ]) {
      expect(decodeLiveBoardScore(liveBoardScore(fields))).toEqual(fields);
    }
  });

  it('outside the bounds it refuses rather than collide', () => {
    for (const fields of [
      { score: MAX_SCORE + 0.01, durationMs: 0 },
      { score: -0.01, durationMs: 0 },
      { score: 1, durationMs: LIVE_BOARD_MAX_DURATION_MS + 1 },
      { score: 1, durationMs: -1 },
      { score: 1, durationMs: 1.5 },
      { score: Number.NaN, durationMs: 0 },
    ]) {
      expect(() => liveBoardScore(fields)).toThrow(expect.objectContaining({ code: 'LEADERBOARD.OUT_OF_RANGE' }));
    }
  });

  it('sorting by the number descending gives the live ladder (ties aside)', () => {
    const random = createRandom('live-board');
    const entries = Array.from({ length: 500 }, (_, i) => ({
      attemptId: `a${i}`,
      score: Math.floor(random() * 2001) / 100,
      durationMs: Math.floor(random() * 600_000),
      submittedAt: new Date(0),
    }));
    const byNumber = [...entries].sort((a, b) => liveBoardScore(b) - liveBoardScore(a) || a.attemptId.localeCompare(b.attemptId));
    const byLadder = [...entries].sort((a, b) => compareRoundEntries(a, b, null));
    expect(byNumber.map((e) => e.attemptId)).toEqual(byLadder.map((e) => e.attemptId));
  });
});
