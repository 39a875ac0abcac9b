import { describe, expect, it } from '@jest/globals';
import { attemptDuration, computeDeadline, isAcceptingAnswers, isExpired } from './timing.js';

const at = (iso: string) => new Date(iso);
const start = at('2026-03-02T08:00:00.000Z');

describe('the deadline of an attempt', () => {
  it('is the start plus the time limit', () => {
    expect(computeDeadline(start, 600, at('2026-03-08T23:59:59.000Z'))).toEqual(at('2026-03-02T08:10:00.000Z'));
  });

  it('is the round close when the round closes first', () => {
    expect(computeDeadline(start, 600, at('2026-03-02T08:05:00.000Z'))).toEqual(at('2026-03-02T08:05:00.000Z'));
  });

  it('is the same instant when limit and close coincide', () => {
    expect(computeDeadline(start, 600, at('2026-03-02T08:10:00.000Z'))).toEqual(at('2026-03-02T08:10:00.000Z'));
  });
});

describe('accepting answers around the deadline', () => {
  const deadline = at('2026-03-02T08:10:00.000Z');
  const grace = 5000;

  it('an answer before the deadline is accepted', () => {
    expect(isAcceptingAnswers(at('2026-03-02T08:09:59.999Z'), deadline, grace)).toBe(true);
  });

  it('an answer within the grace after the deadline is accepted (network delay)', () => {
    expect(isAcceptingAnswers(at('2026-03-02T08:10:03.000Z'), deadline, grace)).toBe(true);
  });

  it('exactly at deadline + grace is still accepted', () => {
    expect(isAcceptingAnswers(at('2026-03-02T08:10:05.000Z'), deadline, grace)).toBe(true);
    expect(isExpired(at('2026-03-02T08:10:05.000Z'), deadline, grace)).toBe(false);
  });

  it('one millisecond later the attempt is expired', () => {
    expect(isAcceptingAnswers(at('2026-03-02T08:10:05.001Z'), deadline, grace)).toBe(false);
    expect(isExpired(at('2026-03-02T08:10:05.001Z'), deadline, grace)).toBe(true);
  });

  it('with no grace, the deadline itself is the last accepted instant', () => {
    expect(isAcceptingAnswers(deadline, deadline, 0)).toBe(true);
    expect(isExpired(at('2026-03-02T08:10:00.001Z'), deadline, 0)).toBe(true);
  });
});

describe('the duration that counts in the ranking', () => {
  const deadline = at('2026-03-02T08:10:00.000Z');

  it('a submitted attempt counts submit time − start time', () => {
    expect(
      attemptDuration({ startedAt: start, submittedAt: at('2026-03-02T08:04:12.345Z'), timeLimitSeconds: 600, deadline, expired: false }),
    ).toBe(252_345);
  });

  it('a submit in the grace window counts no more than the time up to the deadline', () => {
    expect(
      attemptDuration({ startedAt: start, submittedAt: at('2026-03-02T08:10:03.000Z'), timeLimitSeconds: 600, deadline, expired: false }),
    ).toBe(600_000);
  });

  it('an attempt closed by expiry counts the full time limit', () => {
    expect(attemptDuration({ startedAt: start, timeLimitSeconds: 600, deadline, expired: true })).toBe(600_000);
  });

  it('…even when the round\'s close cut the deadline short', () => {
    const early = at('2026-03-02T08:05:00.000Z');
    expect(attemptDuration({ startedAt: start, timeLimitSeconds: 600, deadline: early, expired: true })).toBe(600_000);
  });

  it('a submit stamped before the start (clock skew) counts zero, never negative', () => {
    expect(
      attemptDuration({ startedAt: start, submittedAt: at('2026-03-02T07:59:59.000Z'), timeLimitSeconds: 600, deadline, expired: false }),
    ).toBe(0);
  });

  it('a submitted attempt without a submit time is refused', () => {
    expect(() => attemptDuration({ startedAt: start, submittedAt: null, timeLimitSeconds: 600, deadline, expired: false })).toThrow(
      expect.objectContaining({ code: 'ATTEMPT.NOT_FINISHED' }),
    );
  });
});
