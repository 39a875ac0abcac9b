import { toHundredths } from '../common/hundredths.js';
import { compareRoundEntries, type RoundEntry } from './round-ranking.js';

export interface BoardMember extends RoundEntry {
  userId: string;
}

/**
 * The live board of a round held in memory: each member's counting attempt, ordered by the live
 * ladder (score ↓, duration ↑, submitted ↑, attempt id ↑), with rank lookups that never count the
 * whole board. Entries sit in one sorted bucket per score; a rank is the sizes of the better
 * buckets (a few hundred at most: scores are hundredths of a few dozen points) plus a binary search
 * in the member's own bucket. An update moves one entry: O(bucket) for the array splice.
 */
export class LiveBoard<T extends BoardMember = BoardMember> {
  private readonly byUser = new Map<string, T>();
  private readonly buckets = new Map<number, T[]>();
  /** Bucket keys (score in hundredths), best first. */
  private keys: number[] = [];

  get size(): number {
    return this.byUser.size;
  }

  get(userId: string): T | undefined {
    return this.byUser.get(userId);
  }

  /** Adds the member's entry or replaces their previous one. */
  upsert(entry: T): void {
    const previous = this.byUser.get(entry.userId);
    if (previous) {
      if (previous.attemptId === entry.attemptId && sameFigures(previous, entry)) {
        this.byUser.set(entry.userId, entry);
        const bucket = this.buckets.get(toHundredths(entry.score))!;
        bucket[this.indexIn(bucket, entry)] = entry;
        return;
      }
      this.remove(entry.userId);
    }
    const key = toHundredths(entry.score);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = [];
      this.buckets.set(key, bucket);
      this.keys.splice(this.keyPosition(key), 0, key);
    }
    bucket.splice(this.insertionPoint(bucket, entry), 0, entry);
    this.byUser.set(entry.userId, entry);
  }

  remove(userId: string): void {
    const entry = this.byUser.get(userId);
    if (!entry) return;
    const key = toHundredths(entry.score);
    const bucket = this.buckets.get(key)!;
    bucket.splice(this.indexIn(bucket, entry), 1);
    if (bucket.length === 0) {
      this.buckets.delete(key);
      this.keys.splice(this.keys.indexOf(key), 1);
    }
    this.byUser.delete(userId);
  }

  /** 1-based rank of the member, or null when they are not on the board. */
  rankOf(userId: string): number | null {
    const entry = this.byUser.get(userId);
    if (!entry) return null;
    const key = toHundredths(entry.score);
    let ahead = 0;
    for (const other of this.keys) {
      if (other === key) break;
      ahead += this.buckets.get(other)!.length;
    }
    return ahead + this.indexIn(this.buckets.get(key)!, entry) + 1;
  }

  /** Entries `offset` … `offset + limit − 1` in ladder order, each with its rank. */
  slice(offset: number, limit: number): (T & { rank: number })[] {
    const result: (T & { rank: number })[] = [];
    let position = 0;
    for (const key of this.keys) {
      const bucket = this.buckets.get(key)!;
      if (position + bucket.length <= offset) {
        position += bucket.length;
        continue;
      }
      for (let i = Math.max(0, offset - position); i < bucket.length && result.length < limit; i++) {
        result.push({ ...bucket[i], rank: position + i + 1 });
      }
      position += bucket.length;
      if (result.length >= limit) break;
    }
    return result;
  }

  private keyPosition(key: number): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid] > key) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private insertionPoint(bucket: T[], entry: T): number {
    let low = 0;
    let high = bucket.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareRoundEntries(bucket[mid], entry) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private indexIn(bucket: T[], entry: T): number {
    const index = this.insertionPoint(bucket, entry);
    if (bucket[index]?.userId !== entry.userId) throw new Error(`LiveBoard lost track of user ${entry.userId}`);
    return index;
  }
}

function sameFigures(a: RoundEntry, b: RoundEntry): boolean {
  return compareRoundEntries(a, b) === 0;
}
