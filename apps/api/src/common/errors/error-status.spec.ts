import { describe, expect, it } from '@jest/globals';
// The modules' catalogs register their codes when imported, as their services do at boot.
import '../../modules/attempts/attempts.errors.js';
import '../../modules/auth/auth.errors.js';
import '../../modules/contests/contests.errors.js';
import { statusForCode } from './error-status.js';

describe('error code → HTTP status', () => {
  it.each([
    ['VALIDATION', 400],
    ['AUTH.INVALID_CREDENTIALS', 401],
    ['FORBIDDEN', 403],
    ['CONTEST.NOT_FOUND', 404],
    ['ROUND.NOT_ELIGIBLE', 403],
    ['AUTH.EMAIL_TAKEN', 409],
    ['ATTEMPT.LIMIT_REACHED', 409],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
  ])('%s → %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });

  it('guesses nothing from a suffix: a code no catalog registers has no status', () => {
    expect(statusForCode('SOMETHING.NOT_FOUND')).toBeUndefined();
    expect(statusForCode('SOMETHING.FORBIDDEN')).toBeUndefined();
  });
});
