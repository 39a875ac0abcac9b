import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  attemptDuration,
  attemptsLeft,
  canReview,
  checkAnswer,
  compareAttempts,
  computeDeadline,
  drawPaper,
  gradePaper,
  isExpired,
  maxChoices,
  roundPhase,
} from '@hoi-thi/contest-engine';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import type { ContestEntity } from '../contests/contest.entity.js';
import { ContestAccess, type ContestantSource } from '../contests/contest-access.js';
import { ContestsService, type GradingRules, type RoundWithContest } from '../contests/contests.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { type PinnedVersion, QuestionPoolService } from '../question-bank/question-pool.service.js';
import { UnitsService } from '../units/units.service.js';
import { type AttemptFinished, AttemptEvents } from './attempt-events.js';
import type { AnswerSpecs, AttemptEntity, PaperItem } from './attempt.entity.js';
import { AnswersRepository, type SavedAnswer } from './answers.repository.js';
import { type AttemptOutcome, AttemptsRepository } from './attempts.repository.js';
import { type BestAttempt, ParticipantsRepository } from './participants.repository.js';
import type { RoundParticipantEntity } from './round-participant.entity.js';
import { AttemptErrors } from './attempts.errors.js';

/** An attempt with what it takes to show it: its pinned versions, saved answers and the member's standing. */
export interface AttemptView {
  attempt: AttemptEntity;
  round: RoundEntity;
  versions: Map<string, PinnedVersion>;
  answers: Map<string, string[]>;
  attemptsLeft: number;
  /** The member's attempt in progress in this round, if any. */
  activeAttemptId: string | null;
}

export interface ReviewView extends AttemptView {
  keyVersions: Map<string, PinnedVersion>;
}

/** A paper drawn for a manager to look at (`POST /api/rounds/:id/preview`): never stored. */
export interface PreviewView {
  roundId: string;
  seed: string;
  paper: PaperItem[];
  versions: Map<string, PinnedVersion>;
}

export interface RoundState extends RoundWithContest {
  participant: RoundParticipantEntity | null;
  /** A signed-in caller gets their standing even before their first attempt. */
  signedIn: boolean;
}

const SWEEP_BATCH = 200;

export const keyOf = (version: PinnedVersion): string[] => version.options.filter((o) => o.correct).map((o) => o.id);
export const keyVersionOf = (item: PaperItem): string => item.keyVersionId ?? item.versionId;

/**
 * The attempt use cases (ARCHITECTURE.md "One attempt, end to end"). Each runs in one transaction
 * (the save, and a start in the common case, are one statement each); the rules come from the
 * engine; every change to a member's attempts in a round first locks that member's
 * `round_participants` row, so parallel starts, submits, the sweeper and regrades of one member
 * serialize while different members never wait for each other.
 */
@Injectable()
export class AttemptsService implements ContestantSource, OnModuleInit {
  private readonly logger = new Logger(AttemptsService.name);
  private readonly graceMs: number;
  /** How long starts share one read of a round (the start statement re-checks what may have changed); an edit drops it. */
  private readonly startRounds = new BoundedCache<string, RoundWithContest & { bankRevision: string }>({ max: 1_000, ttlMs: 1_000 });

  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly answers: AnswersRepository,
    private readonly contests: ContestsService,
    private readonly units: UnitsService,
    private readonly pool: QuestionPoolService,
    private readonly events: AttemptEvents,
    private readonly clock: Clock,
    private readonly access: ContestAccess,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.graceMs = config.attemptGraceSeconds * 1000;
  }

  onModuleInit(): void {
    this.access.registerContestantSource(this);
    this.contests.onRoundChange((roundId) => this.startRounds.delete(roundId));
  }

  /** The member's attempts in every contest, newest first (`GET /api/me/history`). */
  history(user: AuthUser, limit: number, offset: number): Promise<{ rows: AttemptEntity[]; total: number }> {
    return this.attempts.history(user.id, limit, offset);
  }

  /** Whether anyone started an attempt in the round (ContestAccess: a round with attempts is never deleted). */
  hasRecords(roundId: string, tx?: Tx): Promise<boolean> {
    return this.participants.anyParticipant(roundId, tx);
  }

  /** Who started an attempt in the contest (ContestAccess refuses them as managers). */
  async contestantsAmong(contestId: string, userIds: string[], tx?: Tx): Promise<string[]> {
    return this.participants.participantsAmong(await this.contests.roundIdsOf(contestId, tx), userIds, tx);
  }

  async roundState(caller: AuthUser | undefined, roundId: string): Promise<RoundState> {
    const found = await this.contests.getRound(caller, roundId);
    const participant = caller ? await this.participants.findParticipant(roundId, caller.id) : null;
    return { ...found, participant, signedIn: caller !== undefined };
  }

  /**
   * Every check, the draw and the insert. The common case (no attempt active, one left) is one
   * statement and no explicit transaction: the round comes from a copy at most a second old and
   * is checked, the paper is drawn, then one statement re-checks in PostgreSQL what the copy could
   * have missed (round open now, contest published, bank revision unchanged), checks the member's
   * unit against the contest's eligible units, locks (or creates) the
   * member's participant row, re-checks "none active, attempts left" under that lock and inserts the
   * attempt. When that statement refuses, the locked path below runs with everything read afresh: it
   * finalizes an expired active attempt, or says why the member cannot start.
   */
  async start(user: AuthUser, roundId: string): Promise<AttemptView> {
    const now = this.clock.now();
    const { round, contest, bankRevision } = await this.roundForStart(user, roundId);
    this.assertCanStart(round, contest, now);
    // Eligibility is checked by the start statement (a member outside is refused there, and the
    // locked path says so): a restricted contest costs no extra round trip.
    const { seed, paper, versions, answerSpecs, poolSnapshotId } = await this.draw(round, bankRevision);
    const attempt = await this.attempts.startIfFree(
      {
        id: randomUUID(),
        roundId: round.id,
        userId: user.id,
        unitId: user.unitId,
        seed,
        paper,
        poolSnapshotId,
        answerSpecs,
        startedAt: now,
        deadline: computeDeadline(now, round.timeLimitSeconds!, round.closesAt),
      },
      round.maxAttempts!,
      bankRevision,
    );
    if (!attempt) {
      // The copy may be what was refused (a bank edit, a finished contest): the next start reads afresh,
      // so a stale revision does not make every start of the next second redraw the pool twice.
      this.startRounds.delete(roundId);
      return this.startLocked(user, roundId, now);
    }
    return { attempt, round, versions, answers: new Map(), attemptsLeft: attemptsLeft(round.maxAttempts!, attempt.number), activeAttemptId: attempt.id };
  }

  /**
   * The round of a published contest with the bank's revision, shared by the starts of the last
   * second (a deadline rush starts the same round hundreds of times a second). Only a copy a start
   * may act on is kept; the start statement re-checks what can change (status, close, bank). Not a
   * shared load: what the read returns depends on the caller (organizers see drafts).
   */
  private async roundForStart(user: AuthUser, roundId: string): Promise<RoundWithContest & { bankRevision: string }> {
    const hit = this.startRounds.get(roundId);
    if (hit) return hit;
    const readAt = this.startRounds.stamp();
    const found = await this.contests.getRoundForStart(user, roundId);
    if (found.contest.status === 'published' && !found.round.closedAt) this.startRounds.set(roundId, found, { readAt });
    else this.startRounds.delete(roundId);
    return found;
  }

  /** Every check and the draw in one transaction, under the member's participant lock. */
  private async startLocked(user: AuthUser, roundId: string, now: Date): Promise<AttemptView> {
    const finished: AttemptFinished[] = [];
    const view = await this.attempts.transaction(async (tx) => {
      const { round, contest, bankRevision } = await this.contests.getRoundForStart(user, roundId, tx);
      this.assertCanStart(round, contest, now);
      if (await this.access.isManager(user.id, contest.id, tx)) throw ContestErrors.error('ROUND.STAFF_CANNOT_COMPETE');
      await this.assertEligible(user, contest, tx);
      const participant = await this.participants.lockParticipant(tx, round.id, user.id, user.unitId);
      if (participant.activeAttemptId) {
        const active = await this.attempts.lockAttemptForGrading(participant.activeAttemptId, tx);
        if (active && active.status === 'active') {
          if (!isExpired(now, active.deadline, this.graceMs)) {
            throw AttemptErrors.error('ATTEMPT.ACTIVE_EXISTS', {}, undefined, { attemptId: active.id });
          }
          finished.push(await this.finalize(tx, active, participant, round, now));
        }
      }
      if (participant.attemptsUsed >= round.maxAttempts!) {
        throw AttemptErrors.error('ATTEMPT.LIMIT_REACHED', { maxAttempts: round.maxAttempts! });
      }

      const { seed, paper, versions, answerSpecs, poolSnapshotId } = await this.draw(round, bankRevision, tx);
      const attempt = await this.attempts.insertStartedAttempt(
        {
          roundId: round.id,
          userId: user.id,
          unitId: user.unitId,
          number: participant.attemptsUsed + 1,
          status: 'active',
          seed,
          paper,
          poolSnapshotId,
          answerSpecs,
          startedAt: now,
          deadline: computeDeadline(now, round.timeLimitSeconds!, round.closesAt),
        },
        tx,
      );
      // Refused by the statement: the round closed while this start waited (the database's clock says so).
      if (!attempt) throw ContestErrors.error('ROUND.NOT_OPEN', { phase: 'closed', opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() });
      return { attempt, round, versions, answers: new Map(), attemptsLeft: attemptsLeft(round.maxAttempts!, participant.attemptsUsed + 1), activeAttemptId: attempt.id };
    });
    finished.forEach((event) => this.events.emitFinished(event));
    return view;
  }

  /**
   * A paper drawn exactly as a start would draw it, for the contest's managers to check the
   * blueprint: no attempt, participant row, score or rank is written (the route is managers-only).
   */
  async preview(user: AuthUser, roundId: string): Promise<PreviewView> {
    const { round, bankRevision } = await this.contests.getRoundForStart(user, roundId);
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    const { seed, paper, versions } = await this.draw(round, bankRevision);
    return { roundId, seed, paper, versions };
  }

  /**
   * A paper from the round's blueprint: a fresh seed, the pinned versions, what a save may accept per
   * question, and the stored pool it was drawn from (seed + pool re-derive the paper for an audit).
   */
  private async draw(round: RoundEntity, bankRevision: string, tx?: Tx) {
    const blueprint = round.blueprint!;
    const { pool, snapshotId: poolSnapshotId } = await this.pool.snapshotPool(blueprint.map((line) => line.topicId), tx, bankRevision);
    const seed = randomBytes(16).toString('hex');
    const { questions: paper } = drawPaper({ blueprint, pool, seed, shuffleQuestions: round.shuffleQuestions, shuffleOptions: round.shuffleOptions });
    const versions = await this.pool.pinned(paper.map((q) => q.versionId), tx);
    const answerSpecs: AnswerSpecs = {};
    for (const question of paper) {
      const version = versions.get(question.versionId)!;
      const spec = { type: version.type, optionIds: question.optionOrder };
      answerSpecs[question.questionId] = { o: question.optionOrder, m: maxChoices(spec), t: version.type };
    }
    return { seed, paper, versions, answerSpecs, poolSnapshotId };
  }

  /** The paper with saved answers; an attempt whose time ran out is finalized first. */
  async get(user: AuthUser, attemptId: string): Promise<AttemptView> {
    let attempt = await this.readable(user, attemptId);
    if (attempt.status === 'active' && isExpired(this.clock.now(), attempt.deadline, this.graceMs)) {
      attempt = await this.expireNow(attemptId);
    }
    return this.view(attempt);
  }

  async save(user: AuthUser, attemptId: string, questionId: string, optionIds: string[]): Promise<SavedAnswer> {
    const now = this.clock.now();
    const saved = await this.answers.saveAnswer(attemptId, user.id, questionId, optionIds, now, this.graceMs);
    if (saved) return saved;
    // Off the hot path: find out which guard refused, and say so.
    const attempt = await this.owned(user, attemptId);
    await this.assertAcceptingWrites(attempt, now);
    checkAnswer(questionId, specOf(attempt, questionId), optionIds);
    throw AttemptErrors.error('ATTEMPT.FINISHED');
  }

  async savePrediction(user: AuthUser, attemptId: string, prediction: number): Promise<{ prediction: number; savedAt: Date }> {
    const now = this.clock.now();
    if (await this.attempts.savePrediction(attemptId, user.id, prediction, now, this.graceMs)) return { prediction, savedAt: now };
    const attempt = await this.owned(user, attemptId);
    await this.assertAcceptingWrites(attempt, now);
    throw AttemptErrors.error('ATTEMPT.FINISHED');
  }

  /**
   * Grades once: a second submit (or one racing the first) returns the stored result. The time is
   * the submit's arrival: a submit that arrived before deadline + grace is graded as submitted, with
   * its prediction, even when an expiry (the sweeper, perhaps on another replica with its clock a little
   * ahead) took the attempt's lock first and finalized it as expired meanwhile.
   */
  async submit(user: AuthUser, attemptId: string, prediction: number | undefined): Promise<AttemptEntity> {
    const now = this.clock.now();
    let event: AttemptFinished | null = null;
    const attempt = await this.attempts.transaction(async (tx) => {
      const locked = await this.attempts.lockForGrading(tx, attemptId);
      if (!locked || locked.participant.userId !== user.id) throw AttemptErrors.error('ATTEMPT.NOT_FOUND');
      const { participant, attempt: current } = locked;
      if (current.status === 'expired' && !isExpired(now, current.deadline, this.graceMs)) {
        // Expired by someone else after this submit arrived. Not once the round is closed: its final
        // board is read then (the round's lock orders this against a close).
        const round = await this.contests.lockRound(current.roundId, tx);
        if (round.closedAt) return current;
      } else if (current.status !== 'active') return current;
      const round = await this.contests.gradingRules(current.roundId, tx);
      const done = await this.finalizeWithOutcome(tx, current, participant, round, now, { prediction });
      event = done.event;
      return done.attempt;
    });
    if (event) this.events.emitFinished(event);
    return attempt;
  }

  /** The member's attempts in a round, oldest first, with the best one marked. */
  async mine(user: AuthUser, roundId: string): Promise<{ attempts: AttemptEntity[]; bestAttemptId: string | null }> {
    await this.contests.getRound(user, roundId);
    const now = this.clock.now();
    let attempts = await this.attempts.attemptsOf(roundId, user.id);
    const stale = attempts.filter((a) => a.status === 'active' && isExpired(now, a.deadline, this.graceMs));
    if (stale.length) {
      for (const attempt of stale) await this.expireNow(attempt.id);
      attempts = await this.attempts.attemptsOf(roundId, user.id);
    }
    const participant = await this.participants.findParticipant(roundId, user.id);
    return { attempts, bestAttemptId: participant?.bestAttemptId ?? null };
  }

  /** Organizers watching a round: totals and attempts over time (hour or day buckets). */
  async participation(user: AuthUser, roundId: string, bucket: 'hour' | 'day') {
    await this.contests.getRound(user, roundId);
    const timeline = await this.attempts.participationTimeline(roundId, bucket);
    const totals = await this.participants.participationTotals(roundId);
    return { timeline, totals };
  }

  /** Each question with the answer given, the key and the explanation, once the round's rule allows. */
  async review(user: AuthUser, attemptId: string): Promise<ReviewView> {
    const view = await this.get(user, attemptId);
    const { attempt, round } = view;
    // The contest's managers review any attempt at any time (disputes); everyone else by the rule.
    const managing = attempt.userId !== user.id || (await this.access.manages(user, 'round', round.id));
    const now = this.clock.now();
    const context = {
      reviewAfter: round.reviewAfter,
      attemptFinished: attempt.status !== 'active',
      roundClosed: roundPhase(now, round) === 'closed',
      attemptsLeft: view.attemptsLeft,
      hasActiveAttempt: view.activeAttemptId !== null,
    };
    // Asked only when the rule would open the review: one indexed EXISTS on the round's active attempts.
    const allowed =
      managing ||
      (canReview(context) && canReview({ ...context, othersPlaying: await this.attempts.anyAcceptingAnswers(round.id, new Date(now.getTime() - this.graceMs)) }));
    if (!allowed) throw AttemptErrors.error('ATTEMPT.REVIEW_NOT_AVAILABLE', { reviewAfter: round.reviewAfter });
    const keyVersions = await this.pool.pinned(attempt.paper.map(keyVersionOf));
    return { ...view, keyVersions };
  }

  /** Finalizes active attempts whose deadline + grace has passed; returns how many it closed. */
  async sweep(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.graceMs);
    let closed = 0;
    for (;;) {
      const ids = await this.attempts.expiredActiveIds(cutoff, SWEEP_BATCH);
      for (const id of ids) {
        try {
          const attempt = await this.expireNow(id);
          if (attempt.status === 'expired') closed += 1;
        } catch (error) {
          this.logger.error(`Could not expire attempt ${id}: ${(error as Error).message}`);
        }
      }
      if (ids.length < SWEEP_BATCH) return closed;
    }
  }

  /** Finalizes these attempts if they are still active and past deadline + grace (round close). */
  async expireDue(attemptIds: string[]): Promise<void> {
    for (const id of attemptIds) await this.expireNow(id);
  }

  /** Finalizes an attempt as expired if it still is active and past its grace; returns it as stored. */
  private async expireNow(attemptId: string): Promise<AttemptEntity> {
    const now = this.clock.now();
    let event: AttemptFinished | null = null;
    const attempt = await this.attempts.transaction(async (tx) => {
      const locked = await this.attempts.lockForGrading(tx, attemptId);
      if (!locked) throw AttemptErrors.error('ATTEMPT.NOT_FOUND');
      const { participant, attempt: current } = locked;
      if (current.status !== 'active' || !isExpired(now, current.deadline, this.graceMs)) return current;
      const round = await this.contests.gradingRules(current.roundId, tx);
      const done = await this.finalizeWithOutcome(tx, current, participant, round, now);
      event = done.event;
      return done.attempt;
    });
    if (event) this.events.emitFinished(event);
    return attempt;
  }

  /**
   * Grades an active attempt and closes it: submitted when the member submitted in time (deadline +
   * grace), else expired. The caller holds the participant's lock and the attempt's row lock.
   */
  private async finalize(
    tx: Tx,
    attempt: AttemptEntity,
    participant: RoundParticipantEntity,
    round: GradingRules,
    now: Date,
    submission?: { prediction?: number },
  ): Promise<AttemptFinished> {
    return (await this.finalizeWithOutcome(tx, attempt, participant, round, now, submission)).event;
  }

  /** Like `finalize`, also giving the attempt as stored now (no re-read of its paper). */
  private async finalizeWithOutcome(
    tx: Tx,
    attempt: AttemptEntity,
    participant: RoundParticipantEntity,
    round: GradingRules,
    now: Date,
    submission?: { prediction?: number },
  ): Promise<{ event: AttemptFinished; attempt: AttemptEntity }> {
    const expired = !submission || isExpired(now, attempt.deadline, this.graceMs);
    const answers = await this.answers.answersOf(attempt.id, tx);
    const grade = await this.grade(attempt.paper, answers, round, tx);
    const submittedAt = expired ? attempt.deadline : now;
    const outcome: AttemptOutcome = {
      status: expired ? 'expired' : 'submitted',
      submittedAt,
      score: grade.score,
      maxScore: grade.maxScore,
      correctCount: grade.correctCount,
      durationMs: attemptDuration({ startedAt: attempt.startedAt, submittedAt, timeLimitSeconds: round.timeLimitSeconds!, deadline: attempt.deadline, expired }),
      prediction: submission?.prediction ?? attempt.prediction,
    };
    const candidate = { attemptId: attempt.id, score: outcome.score, durationMs: outcome.durationMs, submittedAt: outcome.submittedAt };
    // An expired attempt graded again as submitted (see submit) replaces its own entry as the best.
    const better = participant.bestAttemptId === null || participant.bestAttemptId === attempt.id || compareAttempts(candidate, bestOf(participant)) < 0;
    const best: BestAttempt = better
      ? { bestAttemptId: attempt.id, bestScore: outcome.score, bestDurationMs: outcome.durationMs, bestSubmittedAt: outcome.submittedAt, bestPrediction: outcome.prediction }
      : participant;
    await this.attempts.finishWithBest(tx, attempt.id, outcome, participant, best, participant.activeAttemptId === attempt.id);
    Object.assign(participant, best, participant.activeAttemptId === attempt.id ? { activeAttemptId: null } : {});
    const event: AttemptFinished = {
      attemptId: attempt.id,
      roundId: attempt.roundId,
      userId: attempt.userId,
      status: outcome.status,
      score: outcome.score,
      durationMs: outcome.durationMs,
      best: better
        ? {
            userId: attempt.userId,
            unitId: participant.unitId,
            attemptId: attempt.id,
            score: outcome.score,
            durationMs: outcome.durationMs,
            submittedAt: outcome.submittedAt,
            prediction: outcome.prediction,
          }
        : null,
    };
    return { event, attempt: Object.assign(attempt, outcome) };
  }

  /** Grades a paper against each question's key version (the pinned one, or the corrected one after a regrade). */
  async grade(paper: PaperItem[], answers: Map<string, string[]>, round: Pick<GradingRules, 'gradingMode'>, tx?: Tx) {
    const keys = await this.pool.pinned(paper.map(keyVersionOf), tx);
    return gradePaper(
      paper.map((item) => {
        const version = keys.get(keyVersionOf(item))!;
        return { questionId: item.questionId, type: version.type, key: keyOf(version), points: item.points, chosen: answers.get(item.questionId) ?? [] };
      }),
      round.gradingMode,
    );
  }

  private assertCanStart(round: RoundEntity, contest: ContestEntity, now: Date): void {
    if (contest.status === 'draft') throw ContestErrors.error('CONTEST.NOT_PUBLISHED');
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    const phase = roundPhase(now, round);
    if (contest.status !== 'published' || phase !== 'open') {
      throw ContestErrors.error('ROUND.NOT_OPEN', { phase: contest.status === 'finished' ? 'closed' : phase, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() });
    }
  }

  private async assertEligible(user: AuthUser, contest: ContestEntity, tx?: Tx): Promise<void> {
    if (!contest.eligibleUnitIds.length) return;
    if (!user.unitId || !(await this.units.isWithin(user.unitId, contest.eligibleUnitIds, tx))) throw ContestErrors.error('ROUND.NOT_ELIGIBLE');
  }

  /** Why a write was refused: finished, or out of time (then it is finalized on the spot). */
  private async assertAcceptingWrites(attempt: AttemptEntity, now: Date): Promise<void> {
    if (attempt.status === 'expired') throw AttemptErrors.error('ATTEMPT.EXPIRED');
    if (attempt.status === 'submitted') throw AttemptErrors.error('ATTEMPT.FINISHED');
    if (isExpired(now, attempt.deadline, this.graceMs)) {
      await this.expireNow(attempt.id);
      throw AttemptErrors.error('ATTEMPT.EXPIRED');
    }
  }

  /** The member's own attempt; another member's is "not found" (its existence is not theirs to know). */
  private async owned(user: AuthUser, attemptId: string): Promise<AttemptEntity> {
    const attempt = await this.attempts.findAttempt(attemptId);
    if (!attempt || attempt.userId !== user.id) throw AttemptErrors.error('ATTEMPT.NOT_FOUND');
    return attempt;
  }

  /**
   * Owners read their attempts; the managers of its contest read anyone's (support, disputes). To
   * anyone else another member's attempt does not exist.
   */
  private async readable(user: AuthUser, attemptId: string): Promise<AttemptEntity> {
    const attempt = await this.attempts.findAttempt(attemptId);
    if (!attempt) throw AttemptErrors.error('ATTEMPT.NOT_FOUND');
    if (attempt.userId !== user.id && !(await this.access.manages(user, 'round', attempt.roundId))) throw AttemptErrors.error('ATTEMPT.NOT_FOUND');
    return attempt;
  }

  private async view(attempt: AttemptEntity): Promise<AttemptView> {
    const [{ round }, versions, answers, participant] = await Promise.all([
      this.contests.roundById(attempt.roundId),
      this.pool.pinned(attempt.paper.map((item) => item.versionId)),
      this.answers.answersOf(attempt.id),
      this.participants.findParticipant(attempt.roundId, attempt.userId),
    ]);
    return {
      attempt,
      round,
      versions,
      answers,
      attemptsLeft: attemptsLeft(round.maxAttempts ?? 0, participant?.attemptsUsed ?? 0),
      activeAttemptId: participant?.activeAttemptId ?? null,
    };
  }
}

function specOf(attempt: AttemptEntity, questionId: string) {
  const spec = attempt.answerSpecs[questionId];
  return spec ? { type: spec.t, optionIds: spec.o } : undefined;
}

function bestOf(participant: RoundParticipantEntity) {
  return {
    attemptId: participant.bestAttemptId!,
    score: participant.bestScore!,
    durationMs: participant.bestDurationMs!,
    submittedAt: participant.bestSubmittedAt!,
  };
}

