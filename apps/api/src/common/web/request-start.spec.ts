import { describe, expect, it } from '@jest/globals';
import { queuedSince } from './request-start.js';

describe('X-Request-Start (how long a request waited behind nginx)', () => {
  const now = 1_764_750_000_500;

  it("reads nginx's $msec", () => {
    expect(queuedSince('t=1764750000.123', now)).toBe(377);
    expect(queuedSince('t=1764749992', now)).toBe(8_500);
    expect(queuedSince(['t=1764750000.4', 't=1'], now)).toBe(100);
  });

  it('counts nothing for a missing, malformed or future time', () => {
    for (const header of [undefined, '', 't=', '1764750000.123', 't=abc', 't=1764750000.1234567', 't=-1764750000', 't=1e10', ' t=17647500001234 ']) {
      expect(queuedSince(header, now)).toBe(0);
    }
    expect(queuedSince('t=1764750001.000', now)).toBe(0);
  });
});
