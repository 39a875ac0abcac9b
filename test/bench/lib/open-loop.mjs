// Open-loop load: requests leave on a schedule, whether or not earlier ones have been answered, and
// each latency counts from the time the request was DUE (not sent), so a slow server cannot slow
// the load down and hide its own queue (no "coordinated omission"). Requests go out on a pool of
// keep-alive connections (lib/http.mjs), opened as needed up to a cap; the time a request waited
// for a free connection is part of its latency and is also reported apart (`sendLag`), and so is
// how late the generator itself started each action (`late`), so a reader can tell when the
// generator, not the server, fell behind.
import { HttpConnection } from './http.mjs';
import { summarize } from './util.mjs';

export class ConnectionPool {
  constructor(port, max) {
    this.port = port;
    this.max = max;
    this.idle = [];
    this.all = new Set();
    this.waiting = [];
  }

  get size() {
    return this.all.size;
  }

  async acquire() {
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.all.size < this.max) {
      const connection = new HttpConnection(this.port);
      this.all.add(connection);
      return connection; // connects on its first request
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(connection) {
    const waiter = this.waiting.shift();
    if (waiter) waiter(connection);
    else this.idle.push(connection);
  }

  /** Closes every connection: a request still in flight fails ("connection closed"). */
  close() {
    for (const connection of this.all) {
      connection.close();
      connection.fail(new Error('connection closed by the benchmark (no answer in time)'));
    }
    this.all.clear();
    this.idle = [];
  }
}

/** A binary min-heap of items ordered by `item.due`. */
export class DueHeap {
  constructor() {
    this.items = [];
  }

  get size() {
    return this.items.length;
  }

  peek() {
    return this.items[0];
  }

  push(item) {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].due <= item.due) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  pop() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && items[left + 1].due < items[left].due ? left + 1 : left;
        if (items[child].due >= last.due) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

/**
 * Runs a schedule until `endAt` (performance.now() time): `first(actor)` gives each actor's first
 * due time; when one is due, `act(actor, due, send)` runs; `send(method, path, token, body, headers?)` sends
 * on a pooled connection and resolves { status, body, head, latency (from due), sendLag }; `act` returns
 * the actor's next due time (or null for none). An actor acts once at a time: if it is due again
 * while its last action still runs, the new action waits for it (and its latency keeps counting
 * from its own due time). Nothing is started after `endAt`; then it waits for the actions in flight,
 * at most `drainMs`, and closes the pool's connections if some never finished (those requests fail).
 * Resolves { late: how late the generator started actions ({ p50, p99, max } ms), stallMs: the
 * longest time requests were out with no answer coming back, unfinished }.
 */
export async function runSchedule({ actors, first, act, pool, endAt, drainMs = 15_000 }) {
  const heap = new DueHeap();
  for (const actor of actors) {
    const due = first(actor);
    if (due !== null && due < endAt) heap.push({ due, actor });
  }
  const late = [];
  let inFlight = 0;
  let wake = null;
  let timer = null;
  let armedFor = Infinity; // the due time the timer is set for
  const busy = new Map(); // actor → queue of due times waiting for its running action

  // The longest time with requests out and no answer coming back (a stalled server).
  let waiting = 0;
  let lastProgress = 0;
  let stallMs = 0;
  const send = async (method, path, token, body, due, headers) => {
    const connection = await pool.acquire();
    const sendLag = performance.now() - due;
    if (waiting++ === 0) lastProgress = performance.now();
    let response;
    try {
      response = await connection.request(method, path, token, body, headers);
    } catch (error) {
      response = { status: 0, body: String(error.message), head: '' };
    }
    const now = performance.now();
    stallMs = Math.max(stallMs, now - lastProgress);
    lastProgress = now;
    waiting -= 1;
    pool.release(connection);
    return { ...response, latency: now - due, sendLag };
  };

  const run = async (actor, due) => {
    if (busy.has(actor)) {
      busy.get(actor).push(due);
      return;
    }
    busy.set(actor, []);
    inFlight += 1;
    let current = due;
    for (;;) {
      let next = null;
      try {
        next = await act(actor, current, (method, path, token, body, headers) => send(method, path, token, body, current, headers));
      } catch (error) {
        console.error(`  schedule: an action failed: ${error.stack ?? error}`);
      }
      if (next !== null && next !== undefined && next < endAt) {
        heap.push({ due: next, actor });
        if (wake) wake();
      }
      const queued = busy.get(actor);
      if (!queued.length) break;
      current = queued.shift();
    }
    busy.delete(actor);
    inFlight -= 1;
    if (wake) wake();
  };

  await new Promise((resolve) => {
    const arm = (due) => {
      if (timer) clearTimeout(timer);
      armedFor = due;
      timer = setTimeout(tick, Math.max(0, due - performance.now()));
    };
    const tick = () => {
      timer = null;
      armedFor = Infinity;
      const now = performance.now();
      while (heap.size && heap.peek().due <= now) {
        const { due, actor } = heap.pop();
        late.push(now - due);
        void run(actor, due);
      }
      if (heap.size) {
        arm(heap.peek().due);
      } else if (performance.now() >= endAt || inFlight === 0) {
        resolve();
      }
    };
    // A new due time may be earlier than the timer's, or the last action may have ended: re-arm.
    wake = () => {
      const due = heap.size ? heap.peek().due : performance.now();
      if (due < armedFor) arm(due);
    };
    tick();
  });
  wake = null;
  if (timer) clearTimeout(timer);

  // Let the actions in flight finish; close the connections of the ones that do not.
  const drainEnd = performance.now() + drainMs;
  while (inFlight > 0 && performance.now() < drainEnd) await new Promise((resolve) => setTimeout(resolve, 20));
  const unfinished = inFlight;
  if (unfinished) {
    pool.close();
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { late: summarize(late), stallMs, unfinished };
}
