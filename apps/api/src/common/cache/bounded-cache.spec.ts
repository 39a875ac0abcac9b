import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BoundedCache } from './bounded-cache.js';

/** A promise settled by the test, to hold a load in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A cache on a clock the test moves. */
function onClock(options: { max: number; ttlMs?: number }) {
  const clock = { now: 1_000 };
  const cache = new BoundedCache<string, { v: number }>({ ...options, now: () => clock.now });
  return { cache, clock };
}

describe('BoundedCache', () => {
  it('never holds more than `max` entries, and keeps the most recently used ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.record({ op: fc.constantFrom('set', 'get'), key: fc.integer({ min: 0, max: 15 }).map(String) }), { maxLength: 200 }),
        (max, ops) => {
          const { cache } = onClock({ max });
          const recent: string[] = []; // most recently used last
          for (const { op, key } of ops) {
            if (op === 'set') cache.set(key, { v: 1 });
            else if (cache.get(key) === undefined) continue;
            if (recent.includes(key)) recent.splice(recent.indexOf(key), 1);
            recent.push(key);
            expect(cache.size).toBeLessThanOrEqual(max);
          }
          const kept = recent.slice(-max);
          expect([...cache.entries()].map(([key]) => key).sort()).toEqual([...kept].sort());
        },
      ),
    );
  });

  it('serves an entry for its lifetime only, the cache’s or its own', () => {
    const { cache, clock } = onClock({ max: 10, ttlMs: 100 });
    cache.set('a', { v: 1 });
    cache.set('b', { v: 2 }, { ttlMs: 1_000 });
    clock.now += 100;
    expect(cache.get('a')).toEqual({ v: 1 });
    clock.now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual({ v: 2 });
    expect([...cache.entries()].map(([key]) => key)).toEqual(['b']);
    clock.now += 1_000;
    expect(cache.get('b')).toBeUndefined();
  });

  it('counts an entry’s age from when its value was read, not from when it was stored', async () => {
    const { cache, clock } = onClock({ max: 10, ttlMs: 100 });
    const readAt = cache.stamp();
    clock.now += 60;
    cache.set('copy', { v: 1 }, { readAt });
    clock.now += 41;
    expect(cache.get('copy')).toBeUndefined();

    const slow = deferred<{ v: number }>();
    const loading = cache.load('loaded', () => slow.promise);
    clock.now += 60;
    slow.resolve({ v: 2 });
    await loading;
    clock.now += 40;
    expect(cache.get('loaded')).toEqual({ v: 2 });
    clock.now += 1;
    expect(cache.get('loaded')).toBeUndefined();
  });

  it('shares one load between concurrent misses of a key, then serves it from memory', async () => {
    const { cache } = onClock({ max: 10 });
    const read = deferred<{ v: number }>();
    let reads = 0;
    const load = () => {
      reads += 1;
      return read.promise;
    };
    const first = cache.load('k', load);
    const second = cache.load('k', load);
    expect(cache.get('k')).toBeUndefined();
    read.resolve({ v: 7 });
    expect(await first).toBe(await second);
    expect(reads).toBe(1);
    expect(cache.get('k')).toEqual({ v: 7 });
    expect(await cache.load('k', load)).toEqual({ v: 7 });
    expect(reads).toBe(1);
  });

  it('does not keep a failed load: its callers all fail, the next caller reads again', async () => {
    const { cache } = onClock({ max: 10 });
    const read = deferred<{ v: number }>();
    const first = cache.load('k', () => read.promise);
    const second = cache.load('k', () => Promise.resolve({ v: 0 }));
    read.reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await expect(second).rejects.toThrow('database down');
    expect(cache.get('k')).toBeUndefined();
    expect(await cache.load('k', () => Promise.resolve({ v: 2 }))).toEqual({ v: 2 });
    expect(cache.get('k')).toEqual({ v: 2 });
  });

  it('forgets a deleted key at once, and does not let a read that began before the delete put the old value back', async () => {
    const { cache } = onClock({ max: 10 });
    cache.set('k', { v: 1 });
    cache.delete('k');
    expect(cache.get('k')).toBeUndefined();

    // A load in flight when the key is deleted still answers its caller, but is not kept.
    const old = deferred<{ v: number }>();
    const inFlight = cache.load('k', () => old.promise);
    cache.delete('k');
    const fresh = cache.load('k', () => Promise.resolve({ v: 3 }));
    old.resolve({ v: 2 });
    expect(await inFlight).toEqual({ v: 2 });
    expect(await fresh).toEqual({ v: 3 });
    expect(cache.get('k')).toEqual({ v: 3 });

    // A value read before a delete is refused by `set`; one read after it is stored.
    const before = cache.stamp();
    cache.delete('other');
    expect(cache.set('k', { v: 4 }, { readAt: before })).toBe(false);
    expect(cache.get('k')).toEqual({ v: 3 });
    expect(cache.set('k', { v: 5 }, { readAt: cache.stamp() })).toBe(true);
    expect(cache.get('k')).toEqual({ v: 5 });

    cache.clear();
    expect(cache.size).toBe(0);
  });
});
