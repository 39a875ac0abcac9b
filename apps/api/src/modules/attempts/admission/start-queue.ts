import { type Admission, type AdmissionRules, LATE_CREDIT_MAX_MS, retryAfterMs, TICKET_GRACE_MS, tokenCap } from './admission-gate.js';

/**
 * The in-process admission queue (the embedded default is one process; the Redis script in
 * redis-admission-gate.ts is the same algorithm for several). Time is passed in (milliseconds of
 * a monotonic clock) so the rules can be tested without waiting. Positions come from a Fenwick tree
 * over arrival numbers: thousands of members retrying every second must not each scan the queue.
 */
export class StartQueue {
  private tokens: number;
  private refilledAt: number | null = null;
  private readonly tickets = new Map<string, { seq: number; expiresAt: number }>();
  private readonly ranks = new ArrivalCounter();
  private nextSweepAt = 0;

  constructor(private readonly rules: AdmissionRules) {
    this.tokens = rules.burst;
  }

  get waiting(): number {
    return this.tickets.size;
  }

  /** `queuedMs`: how long the request waited before the API read it (see LATE_CREDIT_MAX_MS). */
  enter(ticket: string, now: number, queuedMs = 0): Admission {
    this.sweep(now - LATE_CREDIT_MAX_MS);
    this.refill(now);
    let held = this.tickets.get(ticket);
    if (held && held.expiresAt <= now - Math.min(Math.max(queuedMs, 0), LATE_CREDIT_MAX_MS)) {
      this.remove(ticket);
      held = undefined;
    }
    const position = held ? this.ranks.before(held.seq) + 1 : this.tickets.size + 1;
    // The epsilon absorbs floating-point refills (0.3 s × 4/s is not exactly 1.2 tokens).
    if (position <= this.tokens + 1e-9) {
      this.tokens -= 1;
      if (held) this.remove(ticket);
      return { admitted: true };
    }
    const wait = retryAfterMs(position, this.tokens, this.rules.perSecond);
    if (held) held.expiresAt = now + wait + TICKET_GRACE_MS;
    else this.tickets.set(ticket, { seq: this.ranks.add(), expiresAt: now + wait + TICKET_GRACE_MS });
    return { admitted: false, position, retryAfterMs: wait };
  }

  leave(ticket: string): void {
    if (this.tickets.has(ticket)) this.remove(ticket);
  }

  private refill(now: number): void {
    if (this.refilledAt !== null && now > this.refilledAt) {
      this.tokens = Math.min(tokenCap(this.rules, this.tickets.size), this.tokens + ((now - this.refilledAt) * this.rules.perSecond) / 1000);
    }
    if (this.refilledAt === null || now > this.refilledAt) this.refilledAt = now;
  }

  /** Drops tickets expired by `before`, at most every 250 ms (one pass over the queue). */
  private sweep(before: number): void {
    if (before < this.nextSweepAt) return;
    this.nextSweepAt = before + 250;
    for (const [ticket, held] of this.tickets) if (held.expiresAt <= before) this.remove(ticket);
  }

  private remove(ticket: string): void {
    const held = this.tickets.get(ticket)!;
    this.tickets.delete(ticket);
    this.ranks.remove(held.seq);
    if (this.tickets.size === 0) this.ranks.clear();
  }
}

/** Counts live arrival numbers below a given one in O(log n) (a Fenwick tree that grows). */
class ArrivalCounter {
  private tree = new Int32Array(1024);
  private next = 0;

  add(): number {
    const seq = this.next++;
    if (seq >= this.tree.length) this.grow();
    this.update(seq, 1);
    return seq;
  }

  remove(seq: number): void {
    this.update(seq, -1);
  }

  /** Live arrivals numbered below `seq`. */
  before(seq: number): number {
    let sum = 0;
    for (let i = seq; i > 0; i -= i & -i) sum += this.tree[i - 1];
    return sum;
  }

  /** Numbers restart when the queue empties, so the tree stays as large as the longest queue. */
  clear(): void {
    this.tree.fill(0);
    this.next = 0;
  }

  private update(seq: number, delta: number): void {
    for (let i = seq + 1; i <= this.tree.length; i += i & -i) this.tree[i - 1] += delta;
  }

  private grow(): void {
    const counts = Array.from({ length: this.tree.length }, (_, seq) => this.before(seq + 1) - this.before(seq));
    this.tree = new Int32Array(this.tree.length * 2);
    counts.forEach((count, seq) => count && this.update(seq, count));
  }
}
