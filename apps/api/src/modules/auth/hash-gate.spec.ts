import { describe, expect, it } from '@jest/globals';
import { RateLimitedError } from '../../common/errors/domain-error.js';
import { HashGate } from './hash-gate.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('HashGate', () => {
  it('runs `concurrency` tasks at once, queues `queueLimit` more, refuses the rest with a 429 to retry in a second', async () => {
    const gate = new HashGate(2, 1);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((d, i) => gate.run(async () => { started.push(i); await d.promise; return i; }));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(gate.load).toEqual({ active: 2, waiting: 1 });
    await expect(gate.run(async () => 9)).rejects.toEqual(new RateLimitedError(1));

    gates[0].resolve();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    expect(gate.load).toEqual({ active: 2, waiting: 0 });
    gates[1].resolve();
    gates[2].resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
    expect(gate.load).toEqual({ active: 0, waiting: 0 });
  });

  it('frees the slot of a task that fails', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(async () => { throw new Error('argon2 failed'); })).rejects.toThrow('argon2 failed');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
