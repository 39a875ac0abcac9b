import { describe, expect, it } from '@jest/globals';
import { contestTotals, rankContest, rankContestTotals, type RoundBestResult } from './contest-ranking.js';

const best = (userId: string, roundId: string, score: number, durationMs: number): RoundBestResult => ({
  userId,
  roundId,
  score,
  durationMs,
});

describe('the contest board: best scores summed over the rounds', () => {
  it('a member who played every round outranks one who played one round perfectly', () => {
    const board = rankContest([best('lan', 'week-1', 10, 300_000), best('minh', 'week-1', 7, 400_000), best('minh', 'week-2', 6, 400_000)]);
    expect(board.map((s) => [s.userId, s.totalScore, s.roundsPlayed, s.rank])).toEqual([
      ['minh', 13, 2, 1],
      ['lan', 10, 1, 2],
    ]);
  });

  it('equal totals: the shorter total time wins', () => {
    const board = rankContest([
      best('lan', 'week-1', 10, 300_000),
      best('lan', 'week-2', 10, 300_000),
      best('minh', 'week-1', 10, 200_000),
      best('minh', 'week-2', 10, 350_000),
    ]);
    expect(board.map((s) => [s.userId, s.totalDurationMs])).toEqual([
      ['minh', 550_000],
      ['lan', 600_000],
    ]);
  });

  it('equal totals and times: the user id decides, so the order is total', () => {
    expect(rankContest([best('b', 'w1', 5, 100), best('a', 'w1', 5, 100)]).map((s) => s.userId)).toEqual(['a', 'b']);
  });

  it('fractional scores add up exactly', () => {
    const board = rankContest([best('lan', 'w1', 0.1, 1), best('lan', 'w2', 0.2, 1), best('minh', 'w1', 0.3, 3)]);
    expect(board.map((s) => [s.userId, s.totalScore])).toEqual([
      ['lan', 0.3],
      ['minh', 0.3],
    ]);
  });

  it('a round listed twice for a member counts once, with the better result', () => {
    const board = rankContest([best('lan', 'w1', 6, 100), best('lan', 'w1', 9, 500), best('lan', 'w1', 9, 400)]);
    expect(board).toEqual([{ userId: 'lan', totalScore: 9, totalDurationMs: 400, roundsPlayed: 1, rank: 1 }]);
  });

  it('no results: an empty board', () => {
    expect(rankContest([])).toEqual([]);
  });
  it('the same board from each member\'s sums (a database can sum the rounds): a duplicate round counts once, the better one', () => {
    const rows = [best('lan', 'week-1', 10, 300_000), best('minh', 'week-1', 7.25, 400_000), best('minh', 'week-2', 6, 400_000), best('minh', 'week-2', 5, 100_000)];
    expect(contestTotals(rows)).toEqual([
      { userId: 'lan', scoreHundredths: 1000, durationMs: 300_000, rounds: 1 },
      { userId: 'minh', scoreHundredths: 1325, durationMs: 800_000, rounds: 2 },
    ]);
    const fromTotals = rankContestTotals([
      { userId: 'minh', scoreHundredths: 1325, durationMs: 800_000, rounds: 2 },
      { userId: 'lan', scoreHundredths: 1000, durationMs: 300_000, rounds: 1 },
    ]);
    expect(fromTotals).toEqual(rankContest(rows));
    expect(fromTotals.map((s) => [s.userId, s.totalScore, s.rank])).toEqual([
      ['minh', 13.25, 1],
      ['lan', 10, 2],
    ]);
  });
});
