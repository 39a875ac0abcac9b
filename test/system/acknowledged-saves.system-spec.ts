/** The cluster fault test's check itself: it passes what retries may leave and refuses a lost save. */
import { describe, expect, it } from '@jest/globals';
import { ackedSaveProblem, type AckedWrite } from './acknowledged-saves.js';

const acked = (optionIds: string[], revision: number): AckedWrite => ({ optionIds, ackRevision: revision });

describe('ackedSaveProblem', () => {
  const writes = [acked(['a'], 1), acked(['b'], 2), acked(['c', 'd'], 3)];

  it('accepts the last acknowledged write, in any option order', () => {
    expect(ackedSaveProblem(writes, { revision: 3, optionIds: ['d', 'c'] })).toBeNull();
    expect(ackedSaveProblem([], null)).toBeNull();
  });

  it('accepts a write that landed twice (a retry after a lost reply): revisions skip, the options are the same', () => {
    expect(ackedSaveProblem([acked(['a'], 1), acked(['b'], 3), acked(['c'], 4)], { revision: 4, optionIds: ['c'] })).toBeNull();
    expect(ackedSaveProblem(writes, { revision: 4, optionIds: ['c', 'd'] })).toBeNull();
  });

  it('refuses a lost acknowledged write', () => {
    expect(ackedSaveProblem(writes, { revision: 2, optionIds: ['b'] })).toMatch(/acknowledged save was lost/);
    expect(ackedSaveProblem(writes, { revision: 3, optionIds: ['b'] })).toMatch(/acknowledged save was lost/);
    expect(ackedSaveProblem(writes, null)).toMatch(/no row is stored/);
  });

  it('refuses a sender that gave up, acknowledgements that do not increase, and a row nobody wrote', () => {
    expect(ackedSaveProblem([acked(['a'], 1), { optionIds: ['b'], ackRevision: null }], { revision: 1, optionIds: ['a'] })).toMatch(/never acknowledged/);
    expect(ackedSaveProblem([acked(['a'], 2), acked(['b'], 2)], { revision: 2, optionIds: ['b'] })).toMatch(/not above/);
    expect(ackedSaveProblem([], { revision: 1, optionIds: ['a'] })).toMatch(/no write was sent/);
  });
});
