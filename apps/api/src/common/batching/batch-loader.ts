interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces lookups by key: the keys asked for while a batch is being read go out together in the
 * next one, one batch at a time. Under load, a few dozen concurrent requests that each need one
 * row cost one query instead of a few dozen (the boards' names: every `/me` needs its member's).
 */
export class BatchLoader<V> {
  private pending = new Map<string, Waiter<V>[]>();
  private busy = false;

  constructor(
    private readonly loadMany: (keys: string[]) => Promise<Map<string, V>>,
    private readonly maxBatch = 1_000,
  ) {}

  /** The value for this key, or undefined when the loader found none. */
  load(key: string): Promise<V | undefined> {
    return new Promise<V | undefined>((resolve, reject) => {
      const waiters = this.pending.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      if (!this.busy) this.flush();
    });
  }

  private flush(): void {
    if (!this.pending.size) return;
    this.busy = true;
    const batch = new Map<string, Waiter<V>[]>();
    this.take(batch);
    // Wait for the rest of this tick's callers before reading.
    setImmediate(() => {
      this.take(batch);
      this.loadMany([...batch.keys()])
        .then(
          (found) => batch.forEach((waiters, key) => waiters.forEach((w) => w.resolve(found.get(key)))),
          (error: unknown) => batch.forEach((waiters) => waiters.forEach((w) => w.reject(error))),
        )
        .finally(() => {
          this.busy = false;
          this.flush();
        });
    });
  }

  /** Moves pending keys into the batch, up to its size (a key already in it gains the new waiters). */
  private take(batch: Map<string, Waiter<V>[]>): void {
    for (const [key, waiters] of this.pending) {
      const joined = batch.get(key);
      if (joined) joined.push(...waiters);
      else if (batch.size >= this.maxBatch) break;
      else batch.set(key, waiters);
      this.pending.delete(key);
    }
  }
}
