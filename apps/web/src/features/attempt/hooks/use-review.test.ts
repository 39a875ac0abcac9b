import { describe, expect, it } from 'vitest';
import { aRound } from '../../../test/builders';
import { reviewOpen } from './use-review';

const me = (attemptsLeft: number, activeAttemptId: string | null = null) => ({ attemptsUsed: 3 - attemptsLeft, attemptsLeft, activeAttemptId, best: null });

describe('when the page asks for the key (the engine’s canReview)', () => {
  it('"after submit": once no attempt is left and none is running', () => {
    expect(reviewOpen(aRound({ reviewAfter: 'submit', me: me(0) }), true)).toBe(true);
    expect(reviewOpen(aRound({ reviewAfter: 'submit', me: me(1) }), true)).toBe(false);
    expect(reviewOpen(aRound({ reviewAfter: 'submit', me: me(0, 'a2') }), true)).toBe(false);
    expect(reviewOpen(aRound({ reviewAfter: 'submit', me: null }), true)).toBe(false);
  });

  it('"after close": once the round is closed; "never": not at all; an unfinished attempt: never', () => {
    expect(reviewOpen(aRound({ reviewAfter: 'close', me: me(0) }), true)).toBe(false);
    expect(reviewOpen(aRound({ reviewAfter: 'close', phase: 'closed', me: null }), true)).toBe(true);
    expect(reviewOpen(aRound({ reviewAfter: 'submit', phase: 'closed', me: me(2) }), true)).toBe(true);
    expect(reviewOpen(aRound({ reviewAfter: 'never', phase: 'closed', me: me(0) }), true)).toBe(false);
    expect(reviewOpen(aRound({ reviewAfter: 'close', phase: 'closed', me: me(0) }), false)).toBe(false);
  });
});
