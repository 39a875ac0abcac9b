import { LRUCache } from 'lru-cache';

export interface BoundedCacheOptions {
  /** The most entries kept: past it, the least recently used goes first. */
  max: number;
  /** How long an entry may be served, counted from when its value was read (ms); omitted: until it is evicted or deleted. */
  ttlMs?: number;
  /** Monotonic milliseconds (default `performance.now`); tests pass a fake clock. */
  now?: () => number;
}

/** When a value was read, for `set`: its age counts from then, and a `delete` since then keeps it out. */
export interface ReadStamp {
  readonly at: number;
  readonly generation: number;
}

export interface SetOptions {
  /** This entry's lifetime instead of the cache's `ttlMs`. */
  ttlMs?: number;
  /** From `stamp()` taken before the value was read. */
  readAt?: ReadStamp;
}

/** Any value but null and undefined (lru-cache reads undefined as "absent"). */
type Present = NonNullable<unknown>;

interface LoadContext<V> {
  load: () => Promise<V>;
  startedAt: number;
}

/**
 * An in-memory cache every service uses instead of a Map of its own: at most `max` entries (least
 * recently used out first), each fresh for `ttlMs`, and single-flight loads (`load`: concurrent misses
 * of one key share one read; a failed read is not kept). Built on lru-cache; a hit (`get`) is a
 * synchronous map read, so a hot path that reads `get` first gains no await.
 *
 * Invalidation is `delete`: it also makes a load of that key in flight answer its callers without
 * being kept, and refuses a `set` whose value was read before it (`readAt`), so a read that raced a
 * write cannot put the old value back.
 */
export class BoundedCache<K extends Present, V extends Present> {
  private readonly lru: LRUCache<K, V, LoadContext<V>>;
  private readonly now: () => number;
  /** Bumped by every delete and clear: a value read before (an older stamp) is not stored. */
  private generation = 0;

  constructor(options: BoundedCacheOptions) {
    this.now = options.now ?? (() => performance.now());
    this.lru = new LRUCache<K, V, LoadContext<V>>({
      max: options.max,
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
      perf: { now: this.now },
      // Otherwise lru-cache remembers the time for 1 ms with a timer started on the read path.
      ttlResolution: 0,
      // A load overtaken by a delete still answers its callers (it is only not kept): the default
      // would reject them with the abort.
      ignoreFetchAbort: true,
      fetchMethod: async (_key, _stale, { options: set, context }) => {
        const value = await context.load();
        // The entry's age counts from when the read started, as for `set` with `readAt`.
        if (set.ttl) set.ttl = Math.max(1, set.ttl - (this.now() - context.startedAt));
        return value;
      },
    });
  }

  /** The fresh value of `key`, if any (synchronous; a load in flight is not a value yet). */
  get(key: K): V | undefined {
    return this.lru.get(key);
  }

  /**
   * The value of `key`, read by `load` on a miss. Concurrent calls for the same key share the first
   * caller's read (so `load` must not depend on who calls: a caller-specific read uses `get` and `set`);
   * a read that fails is not kept and fails every caller that shared it.
   */
  async load(key: K, load: () => Promise<V>, options: { ttlMs?: number } = {}): Promise<V> {
    const value = await this.lru.fetch(key, {
      context: { load, startedAt: this.now() },
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
    });
    // Only a fetch method that resolves nothing gives undefined, and ours resolves `load`'s value.
    return value!;
  }

  /** A stamp to take before reading a value that `set` will store. */
  stamp(): ReadStamp {
    return { at: this.now(), generation: this.generation };
  }

  /** Stores a value; refused (returns false) when `readAt` is older than a delete or clear. */
  set(key: K, value: V, options: SetOptions = {}): boolean {
    if (options.readAt && options.readAt.generation !== this.generation) return false;
    this.lru.set(key, value, {
      ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
      ...(options.readAt ? { start: options.readAt.at } : {}),
    });
    return true;
  }

  delete(key: K): void {
    this.generation += 1;
    this.lru.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.lru.clear();
  }

  /** The fresh entries, most recently used first (not loads in flight). */
  entries(): IterableIterator<[K, V]> {
    return this.lru.entries();
  }

  /** The fresh values, most recently used first. */
  values(): IterableIterator<V> {
    return this.lru.values();
  }

  /** Entries held, counting those past their lifetime not yet read or evicted. */
  get size(): number {
    return this.lru.size;
  }
}
