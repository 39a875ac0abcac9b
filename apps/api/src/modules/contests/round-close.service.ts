import { Inject, Injectable, Logger } from '@nestjs/common';
import { predictionActualValue } from '@hoi-thi/contest-engine';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { ContestErrors } from './contests.errors.js';
import { ContestsRepository } from './contests.repository.js';
import { ContestsService } from './contests.service.js';
import type { RoundEntity } from './round.entity.js';

/**
 * What closing a round needs of the modules that import contests (so contests cannot call them):
 * each registers its steps at boot, in `onModuleInit`, through `RoundCloseService.registerSteps`.
 */
export interface RoundCloseSteps {
  /** attempts: finalizes the round's attempts still active past their deadline + grace (before the close's transaction). */
  finalizeActiveAttempts(roundId: string): Promise<void>;
  /** attempts: what the prediction's actual value is taken from, read in the close's transaction. */
  counts(roundId: string, tx: Tx): Promise<{ participants: number; attempts: number }>;
  /** leaderboards: ranks the final board and stores it, in the close's transaction. */
  writeFinalBoard(roundId: string, actualValue: number | null, tx: Tx): Promise<void>;
  /** leaderboards: after the commit, the round's live streams are told (its board is now final). */
  closed(roundId: string): Promise<void>;
}

/** Every step and the module expected to register it (a step added here must be named here too). */
const STEP_OWNERS: Record<keyof RoundCloseSteps, string> = {
  finalizeActiveAttempts: 'attempts',
  counts: 'attempts',
  writeFinalBoard: 'leaderboards',
  closed: 'leaderboards',
};

/**
 * Closing a quiz round (the contests module's aggregate): by an organizer
 * (`POST /api/rounds/:id/close`), or by `RoundCloser` at close + grace on every replica.
 */
@Injectable()
export class RoundCloseService {
  private readonly logger = new Logger(RoundCloseService.name);
  private readonly graceMs: number;
  private readonly registered: Partial<RoundCloseSteps> = {};

  constructor(
    private readonly contests: ContestsService,
    private readonly repository: ContestsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.graceMs = config.attemptGraceSeconds * 1000;
  }

  /** Another module's part of the close (at boot); a step registered twice is a wiring mistake. */
  registerSteps(steps: Partial<RoundCloseSteps>): void {
    for (const name of Object.keys(steps) as (keyof RoundCloseSteps)[]) {
      if (this.registered[name]) throw new Error(`Round close step "${name}" is registered twice`);
    }
    Object.assign(this.registered, steps);
  }

  /** All the steps, or an error naming those missing: a close never runs with a part silently skipped. */
  private steps(): RoundCloseSteps {
    const missing = (Object.keys(STEP_OWNERS) as (keyof RoundCloseSteps)[]).filter((name) => !this.registered[name]);
    if (missing.length) {
      throw new Error(`Closing a round needs steps nobody registered: ${missing.map((name) => `${name} (${STEP_OWNERS[name]})`).join(', ')}`);
    }
    return this.registered as RoundCloseSteps;
  }

  /**
   * Closes a round once its window and grace are over: finalizes attempts nobody submitted, fixes
   * the prediction's actual value, ranks the final board by the full ladder and stores it.
   */
  async close(user: AuthUser | null, roundId: string, manualActual: number | undefined): Promise<{ round: RoundEntity; participants: number }> {
    const steps = this.steps();
    // Read afresh, not a cached copy: an organizer may just have moved the round's window.
    const { round } = await this.contests.getRound(user ?? undefined, roundId);
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    if (round.closedAt) throw ContestErrors.error('ROUND.ALREADY_CLOSED');
    const now = this.clock.now();
    if (now.getTime() < round.closesAt.getTime() + this.graceMs) {
      throw ContestErrors.error('ROUND.STILL_OPEN', { closesAt: round.closesAt.toISOString() });
    }
    const kind = round.predictionQuestion ? (round.predictionActual ?? 'participants') : null;
    if (kind === 'manual' && manualActual === undefined) throw DomainError.invalidField('actualValue', 'isDefined');
    if (kind !== 'manual' && manualActual !== undefined) throw DomainError.invalidField('actualValue', 'actualValueNotManual');

    await steps.finalizeActiveAttempts(roundId);
    // The round's row lock makes the close happen once, whoever (replicas, an organizer) asks at the same time.
    return this.repository.transaction(async (tx) => {
      const locked = await this.contests.lockRound(roundId, tx);
      if (locked.closedAt) throw ContestErrors.error('ROUND.ALREADY_CLOSED');
      const counts = await steps.counts(roundId, tx);
      const actual = kind ? predictionActualValue(kind, counts, manualActual) : null;
      await steps.writeFinalBoard(roundId, actual, tx);
      // The write tells RoundChanges: the caches of the round (copies, shared board pages) go at the write and at the commit.
      const saved = await this.contests.markClosed(locked, now, actual, tx);
      await this.audit.record({ actorId: user?.id ?? null, action: 'round.close', targetType: 'round', targetId: roundId, details: { actualValue: actual, participants: counts.participants } }, tx);
      return { round: saved, participants: counts.participants };
    });
  }

  /** After a close has committed: the round's live board streams are told. */
  async announceClosed(roundId: string): Promise<void> {
    await this.steps().closed(roundId);
  }

  /**
   * Closes every quiz round whose `closesAt` + grace has passed (API.md "Rounds"), but those whose
   * prediction's actual value an organizer types in (`manual`). Safe on every replica at once: a
   * round is closed under its row lock, once; a replica that comes second finds it closed and skips.
   * Returns the rounds this call closed.
   */
  async closeDue(): Promise<string[]> {
    const due = await this.contests.roundsDueForClose(new Date(this.clock.now().getTime() - this.graceMs));
    const closed: string[] = [];
    for (const roundId of due) {
      try {
        await this.close(null, roundId, undefined);
        closed.push(roundId);
      } catch (error) {
        // Another replica came first; any other failure is retried at the next pass.
        if (!(error instanceof DomainError && error.code === 'ROUND.ALREADY_CLOSED')) this.logger.error(`Closing round ${roundId} failed: ${String(error)}`);
      }
    }
    return closed;
  }
}
