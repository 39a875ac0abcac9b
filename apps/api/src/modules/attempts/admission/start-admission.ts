import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { StartWaitingResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { REDIS } from '../../../common/redis/redis.module.js';
import { queuedSince } from '../../../common/web/request-start.js';
import { APP_CONFIG, type AppConfig } from '../../../config/env.schema.js';
import { ParticipantsRepository } from '../participants.repository.js';
import { type AdmissionGate, type AdmissionRules, LATE_CREDIT_MAX_MS } from './admission-gate.js';
import { MemoryAdmissionGate } from './memory-admission-gate.js';
import { RedisAdmissionGate } from './redis-admission-gate.js';

/**
 * The gate in front of `POST /api/rounds/:id/attempts` (API.md "Start under a rush"): with
 * `START_ADMISSION_PER_SECOND` > 0 a start over the rate is told to wait (202) instead of creating
 * an attempt, so the member's clock has not started. Shared by every replica through Redis; in
 * process without it. Resuming is never queued: only a start that would create an attempt waits.
 */
@Injectable()
export class StartAdmission {
  private readonly logger = new Logger(StartAdmission.name);
  private readonly gate: AdmissionGate | null;
  /** Used while Redis fails: starts go on, limited per process, rather than refused. */
  private readonly fallback: MemoryAdmissionGate | null;
  private lastWarningAt = 0;
  private readonly trustProxy: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(REDIS) redis: Redis | null,
    private readonly participants: ParticipantsRepository,
  ) {
    this.trustProxy = config.trustProxy;
    const rules: AdmissionRules = { perSecond: config.startAdmissionPerSecond, burst: config.startAdmissionBurst };
    const on = rules.perSecond > 0;
    this.fallback = on ? new MemoryAdmissionGate(rules) : null;
    this.gate = on && redis ? new RedisAdmissionGate(redis, rules, config.startAdmissionRedisKey) : this.fallback;
  }

  /**
   * Null: go ahead and start. Otherwise the member's place in the queue. `requestStart`: the
   * request's X-Request-Start, believed behind the proxy only (a retry is judged by when it came).
   */
  async admit(user: AuthUser, roundId: string, requestStart?: string | string[]): Promise<StartWaitingResponse | null> {
    if (!this.gate) return null;
    const ticket = `${user.id}:${roundId}`;
    const queuedMs = this.trustProxy ? Math.min(queuedSince(requestStart, Date.now()), LATE_CREDIT_MAX_MS) : 0;
    const admission = await this.enter(ticket, queuedMs);
    if (admission.admitted) return null;
    // Asked only of those told to wait, so an admitted start costs no extra read.
    const participant = await this.participants.findParticipant(roundId, user.id);
    if (participant?.activeAttemptId) {
      await this.leave(ticket);
      return null;
    }
    return { status: 'waiting', position: admission.position, retryAfterMs: admission.retryAfterMs };
  }

  private async enter(ticket: string, queuedMs: number) {
    try {
      return await this.gate!.enter(ticket, queuedMs);
    } catch (error) {
      this.warn(error);
      return this.fallback!.enter(ticket, queuedMs);
    }
  }

  private async leave(ticket: string): Promise<void> {
    await this.gate!.leave(ticket).catch((error: unknown) => this.warn(error));
  }

  /** Once a minute at most: a Redis outage during a rush would otherwise log every start. */
  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 60_000) return;
    this.lastWarningAt = now;
    this.logger.warn(`start admission: Redis failed (${error instanceof Error ? error.message : String(error)}); admitting per process meanwhile`);
  }
}
