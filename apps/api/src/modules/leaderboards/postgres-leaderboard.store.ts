import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { LiveBoard } from '@hoi-thi/contest-engine';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import { type BestRow, BoardSource } from '../attempts/board-source.js';
import { type BoardPage, LeaderboardStore, type RankedRow } from './leaderboard-store.js';

type Member = BestRow & { userId: string };

interface Replica {
  board: LiveBoard<Member>;
  horizon: string;
  running: Promise<void> | null;
  next: Promise<void> | null;
  lastUsed: number;
}

const IDLE_MS = 10 * 60_000;

/**
 * The PostgreSQL store: each API process keeps the live board of the rounds being read in memory
 * (an order-statistics structure from the engine) and, before answering, reads only the rows
 * changed since its last read (one indexed query, shared by the requests that arrive meanwhile).
 * So a rank never costs a COUNT over the board, and a submit is visible to the next read on any
 * process. Boards nobody read for ten minutes are dropped.
 */
@Injectable()
export class PostgresLeaderboardStore extends LeaderboardStore implements OnModuleDestroy {
  readonly kind = 'postgres' as const;
  /** The boards of the rounds read lately (far more than are ever live at once). */
  private readonly replicas = new BoundedCache<string, Replica>({ max: 1_000 });
  private readonly sweeper = setInterval(() => this.dropIdle(), IDLE_MS).unref();

  constructor(private readonly source: BoardSource) {
    super();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async record(): Promise<void> {
    // Nothing to do: the row is already in PostgreSQL, and the next read catches up.
  }

  async page(roundId: string, offset: number, limit: number): Promise<BoardPage> {
    const replica = await this.fresh(roundId);
    return { total: replica.board.size, entries: replica.board.slice(offset, limit) as RankedRow[] };
  }

  async find(roundId: string, userId: string): Promise<{ row: RankedRow | null; total: number }> {
    const replica = await this.fresh(roundId);
    const entry = replica.board.get(userId);
    return { row: entry ? { ...entry, rank: replica.board.rankOf(userId)! } : null, total: replica.board.size };
  }

  async rebuild(roundId: string): Promise<number> {
    this.replicas.delete(roundId);
    return (await this.fresh(roundId)).board.size;
  }

  private async fresh(roundId: string): Promise<Replica> {
    let replica = this.replicas.get(roundId);
    if (!replica) {
      let loadedHere = false;
      replica = await this.replicas.load(roundId, () => {
        loadedHere = true;
        return this.load(roundId);
      });
      // A load this request started is fresh; one it joined began before it arrived.
      if (loadedHere) return replica;
    }
    replica.lastUsed = Date.now();
    await this.catchUp(replica, roundId);
    return replica;
  }

  private async load(roundId: string): Promise<Replica> {
    const horizon = await this.source.horizon();
    const board = new LiveBoard<Member>();
    for (const row of await this.source.all(roundId)) board.upsert(row);
    return { board, horizon, running: null, next: null, lastUsed: Date.now() };
  }

  /**
   * Read-your-writes without a query per request: a request waits for a catch-up that started after
   * it arrived; requests arriving while one runs share the next one.
   */
  private catchUp(replica: Replica, roundId: string): Promise<void> {
    if (replica.next) return replica.next;
    const start = (): Promise<void> => {
      replica.running = (async () => {
        const { rows, horizon } = await this.source.catchUp(roundId, replica.horizon);
        for (const row of rows) replica.board.upsert(row);
        replica.horizon = horizon;
      })().finally(() => {
        replica.running = null;
      });
      return replica.running;
    };
    if (!replica.running) return start();
    replica.next = replica.running
      .catch(() => undefined)
      .then(() => {
        replica.next = null;
        return start();
      });
    return replica.next;
  }

  private dropIdle(): void {
    const cutoff = Date.now() - IDLE_MS;
    for (const [roundId, replica] of [...this.replicas.entries()]) {
      if (replica.lastUsed < cutoff) this.replicas.delete(roundId);
    }
  }
}
