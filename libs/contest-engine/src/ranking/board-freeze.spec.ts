import { describe, expect, it } from '@jest/globals';
import { freezeStart, isBoardFrozen } from './board-freeze.js';

describe('the board freeze', () => {
  const closesAt = new Date('2026-12-07T15:00:00.000Z');
  const round = { closesAt, closedAt: null, freezeMinutes: 30 };

  it('starts freezeMinutes before closesAt', () => {
    expect(freezeStart(round)).toEqual(new Date('2026-12-07T14:30:00.000Z'));
    expect(freezeStart({ ...round, freezeMinutes: 0 })).toBeNull();
  });

  it('holds from its start (inclusive) until the round is closed, also in the grace after closesAt', () => {
    expect(isBoardFrozen(new Date('2026-12-07T14:29:59.999Z'), round)).toBe(false);
    expect(isBoardFrozen(new Date('2026-12-07T14:30:00.000Z'), round)).toBe(true);
    expect(isBoardFrozen(new Date('2026-12-07T15:00:04.000Z'), round)).toBe(true);
    expect(isBoardFrozen(new Date('2026-12-07T15:10:00.000Z'), { ...round, closedAt: new Date('2026-12-07T15:00:06.000Z') })).toBe(false);
  });

  it('never holds with 0 minutes', () => {
    expect(isBoardFrozen(new Date('2026-12-07T14:59:59.000Z'), { ...round, freezeMinutes: 0 })).toBe(false);
  });
});
