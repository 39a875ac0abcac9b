import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { LeaderboardStreamEvent } from '@hoi-thi/contracts';
import { Clock } from '../../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { REDIS } from '../../common/redis/redis.module.js';
import { AttemptEvents } from '../attempts/attempt-events.js';
import { RoundCloseService } from '../contests/round-close.service.js';
import { LeaderboardErrors } from './leaderboards.errors.js';
import { LeaderboardsService, type RoundBoard, toEntry } from './leaderboards.service.js';

export interface StreamSubscriber {
  /** Writes one SSE frame; false when the connection is gone. */
  write(frame: string): boolean;
  /** Ends the stream (shutdown: an open stream would keep the server from closing). */
  end(): void;
}

const CHANNEL = 'hoithi:lb:changed';
export const STREAM_TOP = 20;
const THROTTLE_MS = 150;
const HEARTBEAT_MS = 15_000;
/**
 * Safety net: rounds with viewers are re-read this often even without a change event. Without Redis
 * this is how a submit on another API process reaches the streams here; with Redis, pub/sub does
 * that and the re-read only covers a dropped subscription.
 */
const POLL_MS = { postgres: 2_000, redis: 10_000 };
/** What a display refused by the stream caps is told to wait before trying again. */
const STREAM_RETRY_SECONDS = 10;

/**
 * Live boards for displays (server-sent events). A submit that changes a member's best emits
 * AttemptFinished; this service records it in the store, then pushes the new top 20 to every open
 * stream of that round — within the throttle window (150 ms), and only when the top changed. With
 * Redis the change is published on a channel, so streams on every API process push it; without,
 * the periodic re-read carries changes made by other processes.
 */
@Injectable()
export class LeaderboardLive implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LeaderboardLive.name);
  private readonly subscribers = new Map<string, Set<StreamSubscriber>>();
  private readonly lastSent = new Map<string, string>();
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly stops: (() => void)[] = [];
  private subscriber: Redis | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  /** Places taken by streams (set up or being set up), per client address and in all: bounded by the caps. */
  private readonly admittedPerAddress = new Map<string, number>();
  private admittedTotal = 0;

  constructor(
    private readonly boards: LeaderboardsService,
    private readonly events: AttemptEvents,
    private readonly closing: RoundCloseService,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Takes a place for one stream from `address`, before its setup starts (so a burst of setups
   * cannot slip past the caps), or refuses: 429 STREAM.TOO_MANY_FROM_ADDRESS over
   * STREAM_MAX_PER_ADDRESS (high: an office or school shares one address), 503 STREAM.TOO_MANY over
   * STREAM_MAX_TOTAL; both with Retry-After. Returns the release, which may be called any number of times.
   */
  admit(address: string): () => void {
    const held = this.admittedPerAddress.get(address) ?? 0;
    if (held >= this.config.streamMaxPerAddress) throw LeaderboardErrors.rateLimited('STREAM.TOO_MANY_FROM_ADDRESS', STREAM_RETRY_SECONDS);
    if (this.admittedTotal >= this.config.streamMaxTotal) throw LeaderboardErrors.rateLimited('STREAM.TOO_MANY', STREAM_RETRY_SECONDS);
    this.admittedPerAddress.set(address, held + 1);
    this.admittedTotal += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.admittedTotal -= 1;
      const left = (this.admittedPerAddress.get(address) ?? 1) - 1;
      if (left > 0) this.admittedPerAddress.set(address, left);
      else this.admittedPerAddress.delete(address);
    };
  }

  /** Places taken (streams open or being set up), and the addresses holding them: what tests and health checks read. */
  admitted(): { total: number; addresses: number } {
    return { total: this.admittedTotal, addresses: this.admittedPerAddress.size };
  }

  async onModuleInit(): Promise<void> {
    // A closed round's board is final: its streams push it (after the close's commit).
    this.closing.registerSteps({ closed: (roundId) => this.changed(roundId) });
    this.stops.push(
      this.events.onFinished((event) => {
        this.boards.invalidate();
        if (!event.best) return;
        void this.boards
          .recordBest(event.roundId, event.best)
          .then(() => this.changed(event.roundId))
          .catch((error: Error) => this.logger.error(`Board update failed for round ${event.roundId}: ${error.message}`));
      }),
      this.events.onRegraded((roundId) => {
        this.boards.invalidate();
        void this.boards
          .rebuild(roundId)
          .then(() => this.changed(roundId))
          .catch((error: Error) => this.logger.error(`Board rebuild failed for round ${roundId}: ${error.message}`));
      }),
    );
    if (this.redis) {
      this.subscriber = this.redis.duplicate();
      await this.subscriber.subscribe(CHANNEL);
      this.subscriber.on('message', (_channel: string, roundId: string) => this.schedule(roundId));
    }
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS).unref();
    this.poll = setInterval(() => this.subscribers.forEach((_, roundId) => this.schedule(roundId)), this.redis ? POLL_MS.redis : POLL_MS.postgres).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stops.forEach((stop) => stop());
    // Displays reconnect by themselves (EventSource retry) to whichever replica is still up.
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.end();
    this.subscribers.clear();
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.poll) clearInterval(this.poll);
    this.scheduled.forEach((timer) => clearTimeout(timer));
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /** A board changed (here or, through Redis, anywhere): every process pushes to its streams. */
  async changed(roundId: string): Promise<void> {
    if (this.redis) await this.redis.publish(CHANNEL, roundId);
    else this.schedule(roundId);
  }

  /** Adds a stream; it gets the current board at once. Returns the function that frees it. */
  subscribe(roundId: string, subscriber: StreamSubscriber): () => void {
    const set = this.subscribers.get(roundId) ?? new Set<StreamSubscriber>();
    set.add(subscriber);
    this.subscribers.set(roundId, set);
    void this.snapshot(roundId)
      .then((frame) => subscriber.write(frame))
      .catch((error: Error) => this.logger.warn(`First frame failed: ${error.message}`));
    return () => {
      set.delete(subscriber);
      if (set.size === 0) {
        this.subscribers.delete(roundId);
        this.lastSent.delete(roundId);
        const timer = this.scheduled.get(roundId);
        if (timer) clearTimeout(timer);
        this.scheduled.delete(roundId);
      }
    };
  }

  /** Open streams (all rounds, or one): what tests and health checks look at. */
  streamCount(roundId?: string): number {
    if (roundId) return this.subscribers.get(roundId)?.size ?? 0;
    let count = 0;
    this.subscribers.forEach((set) => (count += set.size));
    return count;
  }

  private schedule(roundId: string): void {
    if (!this.subscribers.has(roundId) || this.scheduled.has(roundId)) return;
    this.scheduled.set(
      roundId,
      setTimeout(() => {
        this.scheduled.delete(roundId);
        void this.push(roundId).catch((error: Error) => this.logger.warn(`Push failed for round ${roundId}: ${error.message}`));
      }, THROTTLE_MS),
    );
  }

  private async push(roundId: string): Promise<void> {
    const set = this.subscribers.get(roundId);
    if (!set?.size) return;
    const board = await this.boards.top(roundId, STREAM_TOP);
    const body = JSON.stringify(streamPayload(board));
    if (this.lastSent.get(roundId) === body) return;
    this.lastSent.set(roundId, body);
    const frame = this.frame(roundId, body);
    for (const subscriber of set) subscriber.write(frame);
  }

  private async snapshot(roundId: string): Promise<string> {
    const board = await this.boards.top(roundId, STREAM_TOP);
    return this.frame(roundId, JSON.stringify(streamPayload(board)));
  }

  private frame(roundId: string, body: string): string {
    const parsed = JSON.parse(body) as Omit<LeaderboardStreamEvent, 'roundId' | 'sentAt'>;
    const event: LeaderboardStreamEvent = { roundId, ...parsed, sentAt: this.clock.now().toISOString() };
    return `event: board\ndata: ${JSON.stringify(event)}\n\n`;
  }

  private beat(): void {
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.write(': heartbeat\n\n');
  }
}

/** What a stream frame carries: the public top, frozen or live, predictions only once final. */
function streamPayload(board: RoundBoard) {
  return {
    final: board.final,
    frozen: board.frozenAt !== null,
    frozenAt: board.frozenAt?.toISOString() ?? null,
    total: board.total,
    entries: board.rows.map((row) => toEntry(row, board.profiles, board.final)),
  };
}
