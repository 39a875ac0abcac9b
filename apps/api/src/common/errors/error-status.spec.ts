import { describe, expect, it } from '@jest/globals';
import { statusForCode } from './error-status.js';

describe('error code → HTTP status', () => {
  it.each([
    ['VALIDATION', 400],
    ['AUTH.INVALID_CREDENTIALS', 401],
    ['FORBIDDEN', 403],
    ['CONTEST.NOT_FOUND', 404],
    ['SOMETHING.NOT_FOUND', 404],
    ['ROUND.NOT_ELIGIBLE', 403],
    ['AUTH.EMAIL_TAKEN', 409],
    ['ATTEMPT.LIMIT_REACHED', 409],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
  ])('%s → %i', (code, status) => {
    expect(statusForCode(code)).toBe(status);
  });
});
