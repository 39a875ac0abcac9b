import { describe, expect, it } from '@jest/globals';
import { createRandom, randomIndex } from '../random/seeded-random.js';
import { type BoardMember, LiveBoard } from './live-board.js';
import { rankRoundEntries } from './round-ranking.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 8, minute));
const entry = (userId: string, score: number, durationMs: number, minute = 0, attemptId = `a-${userId}`): BoardMember => ({
  userId,
  attemptId,
  score,
  durationMs,
  submittedAt: at(minute),
});

describe('the live board in memory', () => {
  it('ranks by score, then the shorter time, then the earlier submission', () => {
    const board = new LiveBoard();
    board.upsert(entry('an', 18, 300_000));
    board.upsert(entry('binh', 20, 600_000));
    board.upsert(entry('chi', 18, 250_000));
    board.upsert(entry('dung', 18, 250_000, -5));
    expect(board.slice(0, 10).map((e) => [e.userId, e.rank])).toEqual([
      ['binh', 1],
      ['dung', 2],
      ['chi', 3],
      ['an', 4],
    ]);
    expect(board.rankOf('an')).toBe(4);
    expect(board.rankOf('nobody')).toBeNull();
    expect(board.size).toBe(4);
  });

  it('moves a member when a better attempt replaces the old one, and keeps one entry per member', () => {
    const board = new LiveBoard();
    board.upsert(entry('an', 10, 300_000));
    board.upsert(entry('binh', 15, 300_000));
    board.upsert(entry('an', 20, 500_000, 3, 'a-an-2'));
    expect(board.size).toBe(2);
    expect(board.rankOf('an')).toBe(1);
    expect(board.rankOf('binh')).toBe(2);
    board.remove('an');
    expect(board.rankOf('binh')).toBe(1);
    expect(board.slice(0, 5)).toHaveLength(1);
  });

  it('pages through the board', () => {
    const board = new LiveBoard();
    for (let i = 0; i < 30; i++) board.upsert(entry(`u${String(i).padStart(2, '0')}`, i % 4, 1000 * i));
    const all = board.slice(0, 100);
    expect(board.slice(10, 5)).toEqual(all.slice(10, 15));
    expect(board.slice(28, 10).map((e) => e.rank)).toEqual([29, 30]);
    expect(board.slice(40, 10)).toEqual([]);
  });

  it('agrees with sorting the whole board by the ladder, through thousands of random updates', () => {
    const random = createRandom('live-board');
    const board = new LiveBoard();
    const latest = new Map<string, BoardMember>();
    for (let step = 0; step < 3000; step++) {
      const userId = `user-${randomIndex(random, 400)}`;
      // Few distinct scores and durations: many ties, down to the submit time and attempt id.
      const next = entry(userId, randomIndex(random, 8) / 4, 1000 * randomIndex(random, 5), randomIndex(random, 3), `att-${step}`);
      board.upsert(next);
      latest.set(userId, next);
      if (randomIndex(random, 50) === 0) {
        board.remove(userId);
        latest.delete(userId);
      }
    }
    const expected = rankRoundEntries([...latest.values()]);
    expect(board.slice(0, 1000).map((e) => [e.userId, e.rank])).toEqual(expected.map((e) => [e.userId, e.rank]));
    for (const { userId, rank } of expected) expect(board.rankOf(userId)).toBe(rank);
  });
});
