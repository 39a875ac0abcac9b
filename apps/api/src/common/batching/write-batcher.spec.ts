import { describe, expect, it } from '@jest/globals';
import { WriteBatcher } from './write-batcher.js';

interface Item {
  key: string;
  value: number;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A batcher over an in-memory store whose writes can be held open; it records every batch. */
function recording(fail: (items: Item[]) => boolean = () => false) {
  const batches: Item[][] = [];
  const store = new Map<string, number>();
  const gates: (() => void)[] = [];
  let hold = false;
  const batcher = new WriteBatcher<Item, string>(
    async (items) => {
      batches.push(items);
      if (hold) await new Promise<void>((resolve) => gates.push(resolve));
      if (fail(items)) throw new Error(`refused ${items.map((i) => i.key).join(',')}`);
      items.forEach((i) => store.set(i.key, i.value));
      return items.map((i) => `${i.key}=${i.value}`);
    },
    (item) => item.key,
    3,
  );
  return { batcher, batches, store, gates, setHold: (on: boolean) => (hold = on) };
}

describe('WriteBatcher', () => {
  it('writes the items of one tick together, each caller getting its own result', async () => {
    const { batcher, batches } = recording();
    const results = await Promise.all([batcher.submit({ key: 'a', value: 1 }), batcher.submit({ key: 'b', value: 2 })]);
    expect(results).toEqual(['a=1', 'b=2']);
    expect(batches).toEqual([[{ key: 'a', value: 1 }, { key: 'b', value: 2 }]]);
  });

  it('keeps one batch in flight: items submitted meanwhile go out together next', async () => {
    const { batcher, batches, gates, setHold } = recording();
    setHold(true);
    const first = batcher.submit({ key: 'a', value: 1 });
    await tick();
    const later = [batcher.submit({ key: 'b', value: 2 }), batcher.submit({ key: 'c', value: 3 })];
    await tick();
    expect(batches).toHaveLength(1);
    setHold(false);
    gates.shift()!();
    expect(await first).toBe('a=1');
    expect(await Promise.all(later)).toEqual(['b=2', 'c=3']);
    expect(batches.map((b) => b.map((i) => i.key))).toEqual([['a'], ['b', 'c']]);
  });

  it('never puts one key twice in a batch: the later write goes next, so the last submitted is the one stored', async () => {
    const { batcher, batches, store } = recording();
    const results = await Promise.all([1, 2, 3].map((value) => batcher.submit({ key: 'a', value })).concat(batcher.submit({ key: 'b', value: 9 })));
    expect(results).toEqual(['a=1', 'a=2', 'a=3', 'b=9']);
    expect(batches.map((b) => b.map((i) => `${i.key}${i.value}`))).toEqual([['a1', 'b9'], ['a2'], ['a3']]);
    expect(store.get('a')).toBe(3);
  });

  it('splits more items than the batch size, in order', async () => {
    const { batcher, batches } = recording();
    await Promise.all(Array.from({ length: 7 }, (_, i) => batcher.submit({ key: `k${i}`, value: i })));
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
    expect(batches.flat().map((i) => i.value)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('when a batch fails, writes its items alone: only the item at fault fails, and the batcher carries on', async () => {
    const { batcher, batches, store } = recording((items) => items.some((i) => i.key === 'bad'));
    const settled = await Promise.allSettled([batcher.submit({ key: 'a', value: 1 }), batcher.submit({ key: 'bad', value: 2 }), batcher.submit({ key: 'c', value: 3 })]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('refused bad'));
    expect(batches.map((b) => b.map((i) => i.key))).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect([...store.keys()]).toEqual(['a', 'c']);
    expect(await batcher.submit({ key: 'd', value: 4 })).toBe('d=4');
  });
});
