import { describe, expect, it } from '@jest/globals';
import { countRankChanges, type MemberEntry } from './rank-changes.js';

const member = (userId: string, score: number, prediction: number | null = null, durationMs = 300_000): MemberEntry => ({
  userId,
  attemptId: `${userId}-attempt`,
  score,
  prediction,
  durationMs,
  submittedAt: new Date('2026-03-02T08:10:00Z'),
});

/** The board before the regrade: An 10, Binh 9, Chi 8, Dung 7. */
const before = [member('an', 10), member('binh', 9), member('chi', 8), member('dung', 7)];

/** The board after a regrade that set these members' new scores. */
const regrade = (scores: Record<string, number>) => before.map((entry) => ({ ...entry, score: scores[entry.userId] ?? entry.score }));

describe('how many members a regrade moves on the round board', () => {
  it('nothing changed: nobody moves', () => {
    expect(countRankChanges(before, before)).toBe(0);
  });

  it('scores changed but the order held: nobody moves', () => {
    expect(countRankChanges(before, regrade({ an: 10.5, binh: 9.25, dung: 7.75 }))).toBe(0);
  });

  it('a regrade that swaps 1st and 2nd moves those two only', () => {
    expect(countRankChanges(before, regrade({ an: 9, binh: 10 }))).toBe(2);
  });

  it('the 3rd member rises to 1st: they and the two they passed move, the 4th stays', () => {
    expect(countRankChanges(before, regrade({ chi: 11 }))).toBe(3);
  });

  it('the 1st member falls to last: everyone moves', () => {
    expect(countRankChanges(before, regrade({ an: 1 }))).toBe(4);
  });

  it('a score lost by the last member moves nobody', () => {
    expect(countRankChanges(before, regrade({ dung: 0 }))).toBe(0);
  });

  it('the order the boards were read in does not matter', () => {
    const after = regrade({ chi: 11 });
    expect(countRankChanges([...before].reverse(), [after[2], after[0], after[3], after[1]])).toBe(3);
  });

  it('does not reorder the boards it was given', () => {
    const after = regrade({ chi: 11 });
    countRankChanges(before, after);
    expect(after.map((e) => e.userId)).toEqual(['an', 'binh', 'chi', 'dung']);
  });
});

describe('members on only one of the two boards', () => {
  it('a member who appears after the regrade, at the bottom, is the only change', () => {
    expect(countRankChanges(before, [...before, member('em', 1)])).toBe(1);
  });

  it('a member who appears at the top moves everyone below too', () => {
    expect(countRankChanges(before, [...before, member('em', 12)])).toBe(5);
  });

  it('a member who is gone after the regrade counts as changed, and the members below them move up', () => {
    expect(countRankChanges(before, before.filter((e) => e.userId !== 'dung'))).toBe(1);
    expect(countRankChanges(before, before.filter((e) => e.userId !== 'binh'))).toBe(3);
  });

  it('two empty boards: nobody moves', () => {
    expect(countRankChanges([], [])).toBe(0);
  });

  it('from an empty board, every member counts', () => {
    expect(countRankChanges([], before)).toBe(4);
    expect(countRankChanges(before, [])).toBe(4);
  });
});

describe('a regrade after the round closed (actual value: 1,250 participants)', () => {
  // An was faster; Binh's prediction was closer. A regrade brings Binh level with An.
  const closedBefore = [member('an', 10, 1400, 200_000), member('binh', 9, 1255, 500_000), member('chi', 8, 1250)];
  const closedAfter = closedBefore.map((entry) => (entry.userId === 'binh' ? { ...entry, score: 10 } : entry));

  it('on the live board (no actual value) the faster member keeps 1st: nobody moves', () => {
    expect(countRankChanges(closedBefore, closedAfter)).toBe(0);
    expect(countRankChanges(closedBefore, closedAfter, null)).toBe(0);
  });

  it('with the actual value the closer prediction decides the tie: the two swap', () => {
    expect(countRankChanges(closedBefore, closedAfter, 1250)).toBe(2);
  });

  it('a member without a prediction ranks after a level member with one', () => {
    const before = [member('an', 10, null, 100_000), member('binh', 9, 99_999, 500_000)];
    const after = [member('an', 10, null, 100_000), member('binh', 10, 99_999, 500_000)];
    expect(countRankChanges(before, after)).toBe(0);
    expect(countRankChanges(before, after, 1250)).toBe(2);
  });
});
