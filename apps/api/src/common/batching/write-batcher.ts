interface Queued<I, R> {
  item: I;
  key: string;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces writes: the items submitted while a batch is being written go out together in the
 * next one, one batch at a time, so under load a few dozen concurrent requests cost one statement
 * (one round trip, one commit) instead of a few dozen. With nothing in flight an item goes out at
 * once (after the callers of the same tick), so a quiet server adds no wait.
 *
 * Two items with the same key never share a batch: the later one waits for the next, so writes of
 * one key reach the database in the order they were submitted (the last acknowledged write is the
 * one stored). `write` answers one result per item, in the order given. When a batch fails, each
 * of its items is written alone, so the error reaches only the callers it belongs to.
 */
export class WriteBatcher<I, R> {
  private queue: Queued<I, R>[] = [];
  private busy = false;

  constructor(
    private readonly write: (items: I[]) => Promise<R[]>,
    private readonly keyOf: (item: I) => string,
    private readonly maxBatch = 500,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, key: this.keyOf(item), resolve, reject });
      if (!this.busy) {
        this.busy = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.take();
    try {
      const results = await this.write(batch.map((queued) => queued.item));
      batch.forEach((queued, i) => queued.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else for (const queued of batch) await this.writeAlone(queued);
    }
    if (this.queue.length) void this.flush();
    else this.busy = false;
  }

  private async writeAlone(queued: Queued<I, R>): Promise<void> {
    try {
      queued.resolve((await this.write([queued.item]))[0]);
    } catch (error) {
      queued.reject(error);
    }
  }

  /** The next batch: queued items in order, skipping (and keeping queued) a key already taken. */
  private take(): Queued<I, R>[] {
    const batch: Queued<I, R>[] = [];
    const keys = new Set<string>();
    const rest: Queued<I, R>[] = [];
    for (const queued of this.queue) {
      if (batch.length < this.maxBatch && !keys.has(queued.key)) {
        keys.add(queued.key);
        batch.push(queued);
      } else rest.push(queued);
    }
    this.queue = rest;
    return batch;
  }
}
