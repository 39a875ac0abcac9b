import { describe, expect, it } from '@jest/globals';
import { EngineError } from '../errors.js';
import { assertRoundWindow, attemptsLeft, canReview, predictionActualValue, type ReviewContext, roundPhase, type RoundWindow } from './round-rules.js';

const at = (iso: string) => new Date(iso);

/** Round 1 runs for a week: Monday 08:00 to the next Monday 08:00. */
const window: RoundWindow = { opensAt: at('2026-03-02T08:00:00.000Z'), closesAt: at('2026-03-09T08:00:00.000Z') };

describe('the phase of a round', () => {
  it('before it opens, it is upcoming', () => {
    expect(roundPhase(at('2026-03-01T12:00:00.000Z'), window)).toBe('upcoming');
    expect(roundPhase(at('2026-03-02T07:59:59.999Z'), window)).toBe('upcoming');
  });

  it('it is open from the very instant it opens', () => {
    expect(roundPhase(at('2026-03-02T08:00:00.000Z'), window)).toBe('open');
  });

  it('it is open in the middle of the week', () => {
    expect(roundPhase(at('2026-03-05T20:30:00.000Z'), window)).toBe('open');
  });

  it('it is open up to the last millisecond before it closes', () => {
    expect(roundPhase(at('2026-03-09T07:59:59.999Z'), window)).toBe('open');
  });

  it('it is closed from the very instant it closes', () => {
    expect(roundPhase(at('2026-03-09T08:00:00.000Z'), window)).toBe('closed');
    expect(roundPhase(at('2026-04-01T00:00:00.000Z'), window)).toBe('closed');
  });

  it('a round without an organizer close follows its window (closedAt null or absent)', () => {
    expect(roundPhase(at('2026-03-05T20:30:00.000Z'), { ...window, closedAt: null })).toBe('open');
    expect(roundPhase(at('2026-03-05T20:30:00.000Z'), { ...window, closedAt: undefined })).toBe('open');
  });
});

describe('a round closed early by an organizer', () => {
  const closedEarly: RoundWindow = { ...window, closedAt: at('2026-03-04T10:00:00.000Z') };

  it('is still open before the organizer closed it', () => {
    expect(roundPhase(at('2026-03-04T09:59:59.999Z'), closedEarly)).toBe('open');
  });

  it('is closed from the instant the organizer closed it, though closesAt is days away', () => {
    expect(roundPhase(at('2026-03-04T10:00:00.000Z'), closedEarly)).toBe('closed');
    expect(roundPhase(at('2026-03-06T10:00:00.000Z'), closedEarly)).toBe('closed');
  });

  it('stays closed after closesAt', () => {
    expect(roundPhase(at('2026-03-10T00:00:00.000Z'), closedEarly)).toBe('closed');
  });

  it('closed before it ever opened, it is closed rather than upcoming', () => {
    const cancelled: RoundWindow = { ...window, closedAt: at('2026-03-01T09:00:00.000Z') };
    expect(roundPhase(at('2026-03-01T12:00:00.000Z'), cancelled)).toBe('closed');
  });

  it('a close stamped in the future does not close the round yet', () => {
    const scheduled: RoundWindow = { ...window, closedAt: at('2026-03-07T00:00:00.000Z') };
    expect(roundPhase(at('2026-03-05T20:30:00.000Z'), scheduled)).toBe('open');
    expect(roundPhase(at('2026-03-01T12:00:00.000Z'), scheduled)).toBe('upcoming');
  });

  it('a close stamped after closesAt does not keep the round open past closesAt', () => {
    const late: RoundWindow = { ...window, closedAt: at('2026-03-10T00:00:00.000Z') };
    expect(roundPhase(at('2026-03-09T12:00:00.000Z'), late)).toBe('closed');
  });
});

describe('a round window', () => {
  it('that closes after it opens is accepted', () => {
    expect(() => assertRoundWindow(window)).not.toThrow();
  });

  it('one millisecond long is accepted', () => {
    expect(() => assertRoundWindow({ opensAt: window.opensAt, closesAt: at('2026-03-02T08:00:00.001Z') })).not.toThrow();
  });

  it('that closes the instant it opens is refused', () => {
    expect(() => assertRoundWindow({ opensAt: window.opensAt, closesAt: window.opensAt })).toThrow(
      expect.objectContaining({
        code: 'ROUND.WINDOW_INVALID',
        details: { opensAt: '2026-03-02T08:00:00.000Z', closesAt: '2026-03-02T08:00:00.000Z' },
      }),
    );
  });

  it('that closes before it opens is refused', () => {
    expect(() => assertRoundWindow({ opensAt: window.closesAt, closesAt: window.opensAt })).toThrow(
      expect.objectContaining({
        code: 'ROUND.WINDOW_INVALID',
        details: { opensAt: '2026-03-09T08:00:00.000Z', closesAt: '2026-03-02T08:00:00.000Z' },
      }),
    );
  });

  it('with a date that is not a date is refused with the same engine error, the broken date shown as null', () => {
    const broken = at('not a date');
    expect(() => assertRoundWindow({ opensAt: broken, closesAt: window.closesAt })).toThrow(EngineError);
    expect(() => assertRoundWindow({ opensAt: broken, closesAt: window.closesAt })).toThrow(
      expect.objectContaining({ code: 'ROUND.WINDOW_INVALID', details: { opensAt: null, closesAt: '2026-03-09T08:00:00.000Z' } }),
    );
    expect(() => assertRoundWindow({ opensAt: window.opensAt, closesAt: broken })).toThrow(
      expect.objectContaining({ code: 'ROUND.WINDOW_INVALID', details: { opensAt: '2026-03-02T08:00:00.000Z', closesAt: null } }),
    );
  });
});

describe('attempts left to a member', () => {
  it('is the allowance minus the attempts used', () => {
    expect(attemptsLeft(3, 0)).toBe(3);
    expect(attemptsLeft(3, 2)).toBe(1);
  });

  it('is zero once the allowance is used up', () => {
    expect(attemptsLeft(3, 3)).toBe(0);
  });

  it('is never negative, even when the organizer lowered the allowance below what was used', () => {
    expect(attemptsLeft(1, 3)).toBe(0);
  });
});

describe('when a member may see the key of a finished attempt', () => {
  const context = (overrides: Partial<ReviewContext>): ReviewContext => ({
    reviewAfter: 'submit',
    attemptFinished: true,
    roundClosed: false,
    attemptsLeft: 0,
    ...overrides,
  });

  describe('"after submit"', () => {
    it('the last attempt submitted: the key is shown at once', () => {
      expect(canReview(context({ attemptsLeft: 0 }))).toBe(true);
    });

    it('an attempt submitted with attempts still left: not yet, the member could retake the round knowing the key', () => {
      expect(canReview(context({ attemptsLeft: 1 }))).toBe(false);
      expect(canReview(context({ attemptsLeft: 4 }))).toBe(false);
    });

    it('attempts still left but the round closed: the key is shown, no one can take the round any more', () => {
      expect(canReview(context({ attemptsLeft: 2, roundClosed: true }))).toBe(true);
    });

    it('an attempt still running: never, not even with no attempts left or the round closed', () => {
      expect(canReview(context({ attemptFinished: false, attemptsLeft: 0 }))).toBe(false);
      expect(canReview(context({ attemptFinished: false, roundClosed: true }))).toBe(false);
    });
  });

  describe('while any attempt of the round can still take an answer', () => {
    it('never: not after the last attempt, not in the grace seconds after close', () => {
      expect(canReview(context({ attemptsLeft: 0, othersPlaying: true }))).toBe(false);
      expect(canReview(context({ roundClosed: true, othersPlaying: true }))).toBe(false);
      expect(canReview(context({ reviewAfter: 'close', roundClosed: true, othersPlaying: true }))).toBe(false);
    });

    it('once nobody can answer any more, the usual rule decides', () => {
      expect(canReview(context({ attemptsLeft: 0, othersPlaying: false }))).toBe(true);
      expect(canReview(context({ reviewAfter: 'close', roundClosed: true, othersPlaying: false }))).toBe(true);
    });
  });

  describe('"after close"', () => {
    it('while the round is open: not even after the last attempt', () => {
      expect(canReview(context({ reviewAfter: 'close', attemptsLeft: 0 }))).toBe(false);
      expect(canReview(context({ reviewAfter: 'close', attemptsLeft: 2 }))).toBe(false);
    });

    it('once the round closed: the key is shown, whatever attempts were left', () => {
      expect(canReview(context({ reviewAfter: 'close', roundClosed: true, attemptsLeft: 0 }))).toBe(true);
      expect(canReview(context({ reviewAfter: 'close', roundClosed: true, attemptsLeft: 2 }))).toBe(true);
    });

    it('an attempt still running: never', () => {
      expect(canReview(context({ reviewAfter: 'close', roundClosed: true, attemptFinished: false }))).toBe(false);
    });
  });

  describe('"never"', () => {
    it('the key stays with the organizers, even after the round closed and every attempt was used', () => {
      expect(canReview(context({ reviewAfter: 'never', roundClosed: true, attemptsLeft: 0 }))).toBe(false);
      expect(canReview(context({ reviewAfter: 'never', roundClosed: false, attemptsLeft: 0 }))).toBe(false);
    });
  });
});

describe('the prediction question’s actual value at close', () => {
  const counts = { participants: 1_561, attempts: 4_210 };
  it('counts distinct members with a finished attempt by default, or finished attempts', () => {
    expect(predictionActualValue('participants', counts)).toBe(1_561);
    expect(predictionActualValue('attempts', counts)).toBe(4_210);
  });
  it('takes the organizers’ figure when the rules say so, and has none without it', () => {
    expect(predictionActualValue('manual', counts, 2_000)).toBe(2_000);
    expect(predictionActualValue('manual', counts)).toBeNull();
  });
});

describe('reviewing while the last attempt is still running', () => {
  it('waits until the member has submitted their last attempt too', () => {
    const context = { reviewAfter: 'submit' as const, attemptFinished: true, roundClosed: false, attemptsLeft: 0 };
    expect(canReview({ ...context, hasActiveAttempt: true })).toBe(false);
    expect(canReview({ ...context, hasActiveAttempt: false })).toBe(true);
    expect(canReview({ ...context, hasActiveAttempt: true, roundClosed: true })).toBe(true);
  });
});
