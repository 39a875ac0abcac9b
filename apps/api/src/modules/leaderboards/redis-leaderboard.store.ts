import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { decodeLiveBoardScore, liveBoardScore } from '@hoi-thi/contest-engine';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import { REDIS } from '../../common/redis/redis.module.js';
import { type BestRow, BoardSource } from '../attempts/board-source.js';
import { type BoardPage, LeaderboardStore, type RankedRow } from './leaderboard-store.js';

const PREFIX = 'hoithi:lb:';

interface Scripts {
  hoithiLbRecord(zset: string, users: string, ready: string, userId: string, score: number, member: string): Promise<number>;
  hoithiLbFind(zset: string, users: string, ready: string, userId: string): Promise<unknown>;
}
const MAX_TIME = 9_999_999_999_999;
const READY_TTL_SECONDS = 7 * 24 * 3600;

// Replace the member's previous entry (if any) by the new one, only once the board was built.
const RECORD = `
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then redis.call('ZREM', KEYS[1], old) end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return 1
`;

// One round trip for "my rank": the member's key, its reverse rank and its score.
const FIND = `
if redis.call('EXISTS', KEYS[3]) == 0 then return -1 end
local total = redis.call('ZCARD', KEYS[1])
local member = redis.call('HGET', KEYS[2], ARGV[1])
if not member then return {total} end
return {total, member, redis.call('ZREVRANK', KEYS[1], member), redis.call('ZSCORE', KEYS[1], member)}
`;

/**
 * Sorted-set members sort ties (equal score and duration) by their bytes, and ZREVRANGE reverses
 * that: so the member starts with what must come first when larger — the submit time subtracted
 * from a constant (earlier = larger) and the attempt id with every hex digit inverted (smaller id =
 * larger) — which makes Redis order exactly like the engine's ladder. The rest carries the entry.
 */
export function memberKey(row: BestRow): string {
  const time = String(MAX_TIME - row.submittedAt.getTime()).padStart(13, '0');
  const attempt = row.attemptId.replace(/[0-9a-f]/g, (digit) => (15 - parseInt(digit, 16)).toString(16));
  return `${time}${attempt}|${row.userId}|${row.unitId ?? ''}|${row.prediction ?? ''}`;
}

function parseMember(member: string, score: number): BestRow {
  const [head, userId, unitId, prediction] = member.split('|');
  const attempt = head.slice(13).replace(/[0-9a-f]/g, (digit) => (15 - parseInt(digit, 16)).toString(16));
  const { score: points, durationMs } = decodeLiveBoardScore(score);
  return {
    userId,
    unitId: unitId || null,
    attemptId: attempt,
    score: points,
    durationMs,
    submittedAt: new Date(MAX_TIME - Number(head.slice(0, 13))),
    prediction: prediction === '' ? null : Number(prediction),
  };
}

/** Rounds not read or written for this long are no longer reconciled by this process. */
const RECONCILE_IDLE_MS = 10 * 60_000;

/**
 * The Redis store (REDIS_URL): one sorted set per round scored by the engine's `liveBoardScore`,
 * a hash user → member, and a "built" marker. A board missing from Redis (a fresh or flushed
 * server) is rebuilt from PostgreSQL on first read, under a short lock so replicas build it once.
 *
 * PostgreSQL is the truth and Redis a copy written after the commit, so a Redis write that fails, or
 * a process that dies between its commit and its write, would leave an entry out. Each process
 * therefore reconciles the rounds it served lately: every `reconcileMs` it reads the participant rows
 * changed since its last look (`board_txid` at or above the horizon, an indexed read) and writes them
 * again (the write is idempotent). A lost entry appears within one interval, whoever lost it.
 */
@Injectable()
export class RedisLeaderboardStore extends LeaderboardStore implements OnModuleDestroy {
  readonly kind = 'redis' as const;
  /** The rounds this process served lately, each with the horizon it reconciles from. */
  private readonly horizons = new BoundedCache<string, { horizon: string; touchedAt: number }>({ max: 1_000 });
  private timer: NodeJS.Timeout | null = null;
  private reconciling: Promise<number> | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly source: BoardSource,
    reconcileMs = 0,
  ) {
    super();
    if (reconcileMs > 0) {
      this.timer = setInterval(() => void this.reconcile().catch(() => undefined), reconcileMs);
      this.timer.unref();
    }
    // EVALSHA with the script cached by the server, instead of sending the script each time.
    if (!('hoithiLbRecord' in redis)) {
      redis.defineCommand('hoithiLbRecord', { numberOfKeys: 3, lua: RECORD });
      redis.defineCommand('hoithiLbFind', { numberOfKeys: 3, lua: FIND });
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Remembers that this process serves the round (its first look sets the horizon it reconciles from). */
  private async touch(roundId: string): Promise<void> {
    const known = this.horizons.get(roundId);
    if (known) {
      known.touchedAt = Date.now();
      return;
    }
    this.horizons.set(roundId, { horizon: await this.source.horizon(), touchedAt: Date.now() });
  }

  /**
   * Writes again what changed in PostgreSQL since the last pass, for every round served lately
   * (one pass at a time); returns how many rows it wrote. A failed round is retried next pass.
   */
  reconcile(): Promise<number> {
    this.reconciling ??= (async () => {
      let written = 0;
      const now = Date.now();
      for (const [roundId, state] of [...this.horizons.entries()]) {
        if (now - state.touchedAt > RECONCILE_IDLE_MS) {
          this.horizons.delete(roundId);
          continue;
        }
        const [, , ready] = this.keys(roundId);
        if (!(await this.redis.exists(ready))) continue; // not built: the next read builds it whole
        const { rows, horizon } = await this.source.catchUp(roundId, state.horizon);
        for (const row of rows) await this.record(roundId, row, false);
        state.horizon = horizon;
        written += rows.length;
      }
      return written;
    })().finally(() => {
      this.reconciling = null;
    });
    return this.reconciling;
  }

  private get scripts(): Scripts {
    return this.redis as unknown as Scripts;
  }

  private keys(roundId: string): [string, string, string] {
    return [`${PREFIX}${roundId}`, `${PREFIX}${roundId}:u`, `${PREFIX}${roundId}:ready`];
  }

  async record(roundId: string, row: BestRow, touch = true): Promise<void> {
    if (touch) await this.touch(roundId);
    await this.scripts.hoithiLbRecord(...this.keys(roundId), row.userId, liveBoardScore(row), memberKey(row));
  }

  async page(roundId: string, offset: number, limit: number): Promise<BoardPage> {
    await this.touch(roundId);
    const [zset, , ready] = this.keys(roundId);
    const read = () => this.redis.multi().exists(ready).zcard(zset).zrevrange(zset, offset, offset + limit - 1, 'WITHSCORES').exec();
    let result = await read();
    if (result![0][1] === 0) {
      await this.ensureBuilt(roundId);
      result = await read();
    }
    const total = result![1][1] as number;
    const flat = result![2][1] as string[];
    const entries: RankedRow[] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push({ ...parseMember(flat[i], Number(flat[i + 1])), rank: offset + i / 2 + 1 });
    return { total, entries };
  }

  async find(roundId: string, userId: string): Promise<{ row: RankedRow | null; total: number }> {
    await this.touch(roundId);
    const read = async () => (await this.scripts.hoithiLbFind(...this.keys(roundId), userId)) as [number, string?, number?, string?] | -1;
    let found = await read();
    if (found === -1) {
      await this.ensureBuilt(roundId);
      found = await read();
    }
    if (found === -1) return { row: null, total: 0 };
    const [total, member, rank, score] = found;
    if (member === undefined) return { row: null, total };
    return { row: { ...parseMember(member, Number(score)), rank: rank! + 1 }, total };
  }

  /**
   * Loads the board from PostgreSQL into fresh keys, swaps them in, then replays what changed while
   * it was loading (rows at or above the horizon read first), so no submit is lost in the swap.
   */
  async rebuild(roundId: string): Promise<number> {
    const [zset, users, ready] = this.keys(roundId);
    const horizon = await this.source.horizon();
    const rows = await this.source.all(roundId);
    const suffix = `:build:${process.pid}:${Date.now()}`;
    const CHUNK = 5000;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const pipeline = this.redis.pipeline();
      pipeline.zadd(zset + suffix, ...chunk.flatMap((row) => [liveBoardScore(row), memberKey(row)]));
      pipeline.hset(users + suffix, ...chunk.flatMap((row) => [row.userId, memberKey(row)]));
      await pipeline.exec();
    }
    const swap = this.redis.multi();
    if (rows.length) swap.rename(zset + suffix, zset).rename(users + suffix, users);
    else swap.del(zset, users);
    await swap.set(ready, '1', 'EX', READY_TTL_SECONDS).exec();
    for (const row of await this.source.changedSince(roundId, horizon)) await this.record(roundId, row);
    return rows.length;
  }

  private async ensureBuilt(roundId: string): Promise<void> {
    const [, , ready] = this.keys(roundId);
    if (await this.redis.exists(ready)) return;
    const lock = `${ready}:lock`;
    if (await this.redis.set(lock, String(process.pid), 'EX', 60, 'NX')) {
      try {
        await this.rebuild(roundId);
      } finally {
        await this.redis.del(lock);
      }
      return;
    }
    // Another replica is building it: wait for the marker (bounded).
    for (let i = 0; i < 300 && !(await this.redis.exists(ready)); i++) await new Promise((r) => setTimeout(r, 100));
  }
}
