import { describe, expect, it } from '@jest/globals';
import { aggregateEssayScores, type EssayEntryRef, type JudgeTotal } from './aggregate.js';
import { extraJudgeRefusal, shortlistEntries } from './shortlist.js';

const entry = (entryId: string, day: number): EssayEntryRef => ({ entryId, submittedAt: new Date(Date.UTC(2026, 3, day)) });
const score = (entryId: string, judgeId: string, total: number): JudgeTotal => ({ entryId, judgeId, total });

// Five entries of a preliminary round (sơ khảo), two judges each; e5 was never scored.
const entries = [entry('e1', 1), entry('e2', 2), entry('e3', 3), entry('e4', 4), entry('e5', 5)];
const totals = [
  score('e1', 'j1', 30), score('e1', 'j2', 32), // mean 31
  score('e2', 'j1', 36), score('e2', 'j2', 34), // mean 35
  score('e3', 'j1', 20), score('e3', 'j2', 22), // mean 21
  score('e4', 'j1', 35), score('e4', 'j2', 35), // mean 35, later than e2
];
const results = aggregateEssayScores(entries, totals, { maxTotal: 40 });
const ids = (list: { entryId: string }[]) => list.map((r) => r.entryId);

describe('shortlisting a preliminary round into the final (sơ khảo → chung khảo)', () => {
  it('the top N by rank, best first; equal means go to the earlier submission', () => {
    expect(ids(shortlistEntries(results, { top: 2 }, { normalize: false }))).toEqual(['e2', 'e4']);
    expect(ids(shortlistEntries(results, { top: 3 }, { normalize: false }))).toEqual(['e2', 'e4', 'e1']);
  });

  it('a cutoff takes every entry scoring at least that much', () => {
    expect(ids(shortlistEntries(results, { cutoff: 31 }, { normalize: false }))).toEqual(['e2', 'e4', 'e1']);
    expect(ids(shortlistEntries(results, { cutoff: 31.01 }, { normalize: false }))).toEqual(['e2', 'e4']);
  });

  it('an entry no judge scored never qualifies, even when N is larger than the field', () => {
    expect(ids(shortlistEntries(results, { top: 10 }, { normalize: false }))).toEqual(['e2', 'e4', 'e1', 'e3']);
    expect(ids(shortlistEntries(results, { cutoff: 0 }, { normalize: false }))).not.toContain('e5');
  });

  it('with normalisation, the normalised score decides the cutoff', () => {
    const normalized = aggregateEssayScores(entries, totals, { maxTotal: 40, normalize: true });
    const cutoff = normalized.find((r) => r.entryId === 'e1')!.normalized!;
    const picked = shortlistEntries(normalized, { cutoff }, { normalize: true });
    expect(picked.every((r) => r.normalized! >= cutoff)).toBe(true);
    expect(ids(picked)).toContain('e1');
    expect(ids(picked)).not.toContain('e3');
  });

  it('takes either top or cutoff, exactly one, and a sensible one', () => {
    for (const rule of [{}, { top: 2, cutoff: 30 }, { top: 0 }, { top: 1.5 }, { cutoff: Number.NaN }]) {
      expect(() => shortlistEntries(results, rule, { normalize: false })).toThrow(expect.objectContaining({ code: 'ESSAY.SHORTLIST_RULE_INVALID' }));
    }
  });
});

describe('a further judge for an entry whose judges disagree', () => {
  it('is for flagged entries only', () => {
    expect(extraJudgeRefusal({ flagged: false }, 0)).toBe('not_flagged');
    expect(extraJudgeRefusal({ flagged: true }, 0)).toBeNull();
  });

  it('is given once: still flagged with the extra judge, no more', () => {
    expect(extraJudgeRefusal({ flagged: true }, 1)).toBe('extra_judge_exists');
  });
});
