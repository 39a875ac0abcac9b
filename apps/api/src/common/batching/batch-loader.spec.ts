import { describe, expect, it } from '@jest/globals';
import { BatchLoader } from './batch-loader.js';

describe('BatchLoader', () => {
  it('reads the keys asked for together in one batch, each caller getting its own value', async () => {
    const batches: string[][] = [];
    const loader = new BatchLoader<string>(async (keys) => {
      batches.push(keys);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
    });
    const values = await Promise.all(['a', 'b', 'a', 'missing', 'c'].map((k) => loader.load(k)));
    expect(values).toEqual(['A', 'B', 'A', undefined, 'C']);
    expect(batches).toEqual([['a', 'b', 'missing', 'c']]);
  });

  it('keeps one batch in flight: keys asked for meanwhile go out together next', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loader = new BatchLoader<number>(async (keys) => {
      batches.push(keys);
      if (batches.length === 1) await gate;
      return new Map(keys.map((k) => [k, Number(k)]));
    });
    const first = loader.load('1');
    await new Promise((resolve) => setImmediate(resolve));
    const later = Promise.all(['2', '3', '4'].map((k) => loader.load(k)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['1']]);
    release();
    expect(await first).toBe(1);
    expect(await later).toEqual([2, 3, 4]);
    expect(batches).toEqual([['1'], ['2', '3', '4']]);
  });

  it('fails every caller of a failed batch, then carries on', async () => {
    let fail = true;
    const loader = new BatchLoader<string>(async (keys) => {
      if (fail) throw new Error('database down');
      return new Map(keys.map((k) => [k, k]));
    });
    const failed = await Promise.allSettled([loader.load('x'), loader.load('y')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await loader.load('x')).toBe('x');
  });

  it('splits more keys than the batch size into several batches', async () => {
    const sizes: number[] = [];
    const loader = new BatchLoader<string>(async (keys) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k]));
    }, 3);
    const keys = Array.from({ length: 7 }, (_, i) => `k${i}`);
    expect(await Promise.all(keys.map((k) => loader.load(k)))).toEqual(keys);
    expect(sizes).toEqual([3, 3, 1]);
  });
});
