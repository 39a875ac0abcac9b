/** The kill -9 test's check itself: it passes what may survive a kill and refuses a lost save. */
import { describe, expect, it } from '@jest/globals';
import { durabilityProblem, type SentWrite } from './durability.js';

const acked = (optionIds: string[], revision: number): SentWrite => ({ optionIds, ackRevision: revision });
const inFlight = (optionIds: string[]): SentWrite => ({ optionIds, ackRevision: null });

describe('durabilityProblem', () => {
  const writes = [acked(['a'], 1), acked(['b'], 2), acked(['c', 'd'], 3)];

  it('accepts the last acknowledged write, in any option order', () => {
    expect(durabilityProblem(writes, { revision: 3, optionIds: ['d', 'c'] })).toBeNull();
  });

  it('accepts a write in flight at the kill, whether it landed or not', () => {
    const withInFlight = [...writes, inFlight(['e'])];
    expect(durabilityProblem(withInFlight, { revision: 3, optionIds: ['c', 'd'] })).toBeNull();
    expect(durabilityProblem(withInFlight, { revision: 4, optionIds: ['e'] })).toBeNull();
    expect(durabilityProblem([inFlight(['a'])], { revision: 0, optionIds: null })).toBeNull();
    expect(durabilityProblem([], { revision: 0, optionIds: null })).toBeNull();
  });

  it('refuses a lost acknowledged write', () => {
    expect(durabilityProblem(writes, { revision: 2, optionIds: ['b'] })).toMatch(/acknowledged save was lost/);
    expect(durabilityProblem(writes, { revision: 0, optionIds: null })).toMatch(/acknowledged save was lost/);
    expect(durabilityProblem([acked(['a'], 1)], { revision: 0, optionIds: null })).toMatch(/acknowledged save was lost/);
  });

  it('refuses options that are not the write with the stored revision', () => {
    expect(durabilityProblem(writes, { revision: 3, optionIds: ['b'] })).toMatch(/revision 3 holds options b/);
    expect(durabilityProblem([...writes, inFlight(['e'])], { revision: 4, optionIds: ['c', 'd'] })).toMatch(/write 4 sent e/);
    expect(durabilityProblem(writes, { revision: 3, optionIds: null })).toMatch(/\(none\)/);
  });

  it('refuses a revision no write explains, and acknowledgements out of order', () => {
    expect(durabilityProblem(writes, { revision: 4, optionIds: ['e'] })).toMatch(/only 3 writes were sent/);
    expect(durabilityProblem([acked(['a'], 1), acked(['b'], 3)], { revision: 3, optionIds: ['b'] })).toMatch(/acknowledged with revision 3/);
  });
});
