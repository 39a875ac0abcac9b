import { Inject, Injectable } from '@nestjs/common';
import { countRankChanges, type MemberEntry, pickBest, roundPhase } from '@hoi-thi/contest-engine';
import type { RegradeResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { AuditService } from '../audit/audit.service.js';
import { ContestsService, type RoundWithContest } from '../contests/contests.service.js';
import { QuestionPoolService } from '../question-bank/question-pool.service.js';
import { AttemptEvents } from './attempt-events.js';
import { RegradeSteps } from './regrade-steps.js';
import type { AttemptEntity, PaperItem } from './attempt.entity.js';
import { AnswersRepository } from './answers.repository.js';
import { AttemptsService, keyVersionOf } from './attempts.service.js';
import { type BestAttempt, ParticipantsRepository } from './participants.repository.js';
import type { RegradeLogEntity } from './regrade-log.entity.js';
import { RegradeRepository } from './regrade.repository.js';
import type { RoundParticipantEntity } from './round-participant.entity.js';

/** Runs one unit of work in a transaction: the same one throughout, or a new one per call. */
type Step = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/**
 * After a key is corrected (a new version of a question), re-grades every attempt of the round that
 * drew that question against the newest version's key. Members are taken in batches in user order
 * (like every other writer): each batch locks its participant rows, re-reads their attempts under
 * lock, re-grades them and recomputes their best attempts. Active attempts get the corrected key
 * too, so they are graded by it at submit. A dry run does the same reads and writes nothing.
 *
 * While the round is live each batch is its own short transaction, so members saving and submitting
 * wait for at most one batch, never for the whole regrade. Re-reading under lock makes that safe: a
 * batch regrades what is there when it gets the lock, an interrupted regrade is finished by running it
 * again (corrected papers are no longer outdated), and the log gains each batch's changes in that
 * batch's commit. A closed round is regraded in one transaction with its final board: nobody writes
 * to it any more, and the published results change all at once or not at all.
 */
@Injectable()
export class RegradeService {
  private readonly batchUsers: number;

  constructor(
    private readonly regrades: RegradeRepository,
    private readonly participants: ParticipantsRepository,
    private readonly answers: AnswersRepository,
    private readonly attemptsService: AttemptsService,
    private readonly contests: ContestsService,
    private readonly pool: QuestionPoolService,
    private readonly events: AttemptEvents,
    private readonly steps: RegradeSteps,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.batchUsers = config.regradeBatchUsers;
  }

  async regrade(user: AuthUser, roundId: string, options: { dryRun?: boolean; questionIds?: string[] }): Promise<RegradeResponse> {
    const { round } = await this.contests.getRound(user, roundId);
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    const dryRun = options.dryRun ?? false;
    const filter = options.questionIds ? new Set(options.questionIds) : null;
    const closed = roundPhase(this.clock.now(), round) === 'closed';

    const run = (step: Step) => this.run(step, user, round, dryRun, filter, closed);
    const result = dryRun || closed ? await this.regrades.transaction((tx) => run((work) => work(tx))) : await run((work) => this.regrades.transaction(work));
    if (!dryRun && result.changed.length) this.events.emitRegraded(roundId);
    return result;
  }

  private async run(step: Step, user: AuthUser, round: RoundWithContest['round'], dryRun: boolean, filter: Set<string> | null, closed: boolean): Promise<RegradeResponse> {
    const roundId = round.id;
    const plan = await step(async (tx) => {
      const used = await this.regrades.gradingVersionsInRound(tx, roundId);
      const current = await this.pool.currentVersionIds([...new Set(used.map((u) => u.questionId))], tx);
      const outdated = used.filter((u) => current.get(u.questionId) !== u.versionId && (!filter || filter.has(u.questionId)));
      const corrected = new Map<string, string>(outdated.map((u) => [u.questionId, current.get(u.questionId)!]));
      const questions = [...corrected].map(([questionId, toVersionId]) => ({
        questionId,
        fromVersionIds: outdated.filter((u) => u.questionId === questionId).map((u) => u.versionId).sort(),
        toVersionId,
      }));
      const userIds = await this.regrades.usersGradedBy(tx, roundId, outdated);
      const before = await this.participants.rankedParticipants(roundId, tx);
      return { corrected, questions, userIds, before };
    });
    const { corrected, questions, userIds, before } = plan;

    const log =
      !dryRun && questions.length
        ? await step((tx) => this.regrades.insertRegradeLog(tx, { roundId, performedBy: user.id, performedAt: this.clock.now(), questions, changed: [], rankChanges: 0 }))
        : null;
    const bestAfter = new Map<string, BestAttempt>();
    const changed: RegradeResponse['changed'] = [];

    for (let start = 0; start < userIds.length; start += this.batchUsers) {
      const batch = userIds.slice(start, start + this.batchUsers);
      await step(async (tx) => {
        const participants = dryRun ? [] : await this.participants.lockParticipants(tx, roundId, batch);
        const attempts = await this.regrades.attemptsOfUsers(tx, roundId, batch, !dryRun);
        const answers = await this.answers.answersOfMany(attempts.map((a) => a.id), tx);
        const regraded: AttemptEntity[] = [];
        const batchChanged: RegradeResponse['changed'] = [];
        for (const attempt of attempts) {
          const paper = correctedPaper(attempt.paper, corrected);
          if (!paper) {
            regraded.push(attempt);
            continue;
          }
          if (attempt.status === 'active') {
            if (!dryRun) await this.regrades.updatePaper(tx, attempt.id, paper);
            continue;
          }
          const grade = await this.attemptsService.grade(paper, answers.get(attempt.id) ?? new Map(), round, tx);
          if (grade.score !== attempt.score) batchChanged.push({ attemptId: attempt.id, userId: attempt.userId, oldScore: attempt.score!, newScore: grade.score });
          const updated = { ...attempt, paper, score: grade.score, maxScore: grade.maxScore, correctCount: grade.correctCount };
          if (!dryRun) await this.regrades.updateGrades(tx, updated);
          regraded.push(updated);
        }
        const batchBest = new Map<string, BestAttempt>();
        for (const userId of batch) {
          const best = pickBest(
            regraded
              .filter((a) => a.userId === userId && a.status !== 'active')
              .map((a) => ({ ...a, attemptId: a.id, score: a.score!, durationMs: a.durationMs!, submittedAt: a.submittedAt! })),
          );
          if (!best) continue;
          const next: BestAttempt = {
            bestAttemptId: best.id,
            bestScore: best.score,
            bestDurationMs: best.durationMs,
            bestSubmittedAt: best.submittedAt,
            bestPrediction: best.prediction,
          };
          batchBest.set(userId, next);
          if (!dryRun && participants.some((p) => p.userId === userId)) {
            await this.participants.updateParticipant(tx, roundId, userId, next, false);
          }
        }
        if (log && batchChanged.length) await this.regrades.appendRegradeChanges(tx, log.id, batchChanged);
        // Kept only once the batch is written: a batch whose transaction failed changed nothing.
        changed.push(...batchChanged);
        batchBest.forEach((best, userId) => bestAfter.set(userId, best));
      });
    }

    const actual = closed ? round.actualValue : null;
    const rankChanges = countRankChanges(before.map((p) => toEntry(p)), before.map((p) => toEntry(p, bestAfter.get(p.userId))), actual);
    if (!dryRun) {
      await step(async (tx) => {
        if (log) await this.regrades.finishRegradeLog(tx, log.id, rankChanges);
        const details = { regradeId: log?.id ?? null, questionIds: questions.map((q) => q.questionId), changedAttempts: changed.length, rankChanges };
        await this.audit.record({ actorId: user.id, action: 'round.regrade', targetType: 'round', targetId: roundId, details }, tx);
        if (changed.length) await this.steps.rewriteFinalBoard(roundId, tx);
      });
    }
    return { dryRun, questions, changed, rankChanges, regradeId: log?.id ?? null };
  }

  async log(roundId: string): Promise<RegradeLogEntity[]> {
    return this.regrades.regradeLog(roundId);
  }
}

/** The paper with corrected key versions, or null when none of its questions was corrected. */
function correctedPaper(paper: PaperItem[], corrected: Map<string, string>): PaperItem[] | null {
  let touched = false;
  const next = paper.map((item) => {
    const to = corrected.get(item.questionId);
    if (!to || to === keyVersionOf(item)) return item;
    touched = true;
    return { ...item, keyVersionId: to };
  });
  return touched ? next : null;
}

function toEntry(participant: RoundParticipantEntity, override?: BestAttempt): MemberEntry {
  const best = override ?? participant;
  return {
    userId: participant.userId,
    attemptId: best.bestAttemptId!,
    score: best.bestScore!,
    durationMs: best.bestDurationMs!,
    submittedAt: best.bestSubmittedAt!,
    prediction: best.bestPrediction,
  };
}

