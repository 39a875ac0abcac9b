import { Injectable } from '@nestjs/common';
import { countRankChanges, type MemberEntry, pickBest, roundPhase } from '@hoi-thi/contest-engine';
import type { RegradeResponse } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { ContestsService } from '../contests/contests.service.js';
import { QuestionPoolService } from '../question-bank/question-pool.service.js';
import { AttemptEvents } from './attempt-events.js';
import type { AttemptEntity, PaperItem } from './attempt.entity.js';
import { AttemptsRepository, type BestAttempt } from './attempts.repository.js';
import { AttemptsService, keyVersionOf } from './attempts.service.js';
import type { RegradeLogEntity } from './regrade-log.entity.js';
import type { RoundParticipantEntity } from './round-participant.entity.js';

const USER_CHUNK = 500;

/**
 * After a key is corrected (a new version of a question), re-grades every attempt of the round that
 * drew that question against the newest version's key. One transaction: the affected members'
 * participant rows are locked (in user order, like every other writer), their attempts re-read
 * under lock, re-graded, and their best attempts recomputed. A dry run does the same reads and
 * reports, writing nothing. Active attempts get the corrected key too, so they are graded by it at submit.
 */
@Injectable()
export class RegradeService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly attemptsService: AttemptsService,
    private readonly contests: ContestsService,
    private readonly pool: QuestionPoolService,
    private readonly events: AttemptEvents,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async regrade(user: AuthUser, roundId: string, options: { dryRun?: boolean; questionIds?: string[] }): Promise<RegradeResponse> {
    const { round } = await this.contests.getRound(user, roundId);
    if (round.kind !== 'quiz') throw new DomainError('ROUND.NOT_QUIZ');
    const dryRun = options.dryRun ?? false;
    const filter = options.questionIds ? new Set(options.questionIds) : null;

    const result = await this.attempts.transaction(async (manager) => {
      const used = await this.attempts.gradingVersionsInRound(manager, roundId);
      const current = await this.pool.currentVersionIds([...new Set(used.map((u) => u.questionId))], manager);
      const outdated = used.filter((u) => current.get(u.questionId) !== u.versionId && (!filter || filter.has(u.questionId)));
      const corrected = new Map<string, string>(outdated.map((u) => [u.questionId, current.get(u.questionId)!]));
      const questions = [...corrected].map(([questionId, toVersionId]) => ({
        questionId,
        fromVersionIds: outdated.filter((u) => u.questionId === questionId).map((u) => u.versionId).sort(),
        toVersionId,
      }));
      const userIds = await this.attempts.usersGradedBy(manager, roundId, outdated);
      const before = await this.attempts.rankedParticipants(roundId, manager);
      const bestAfter = new Map<string, BestAttempt>();
      const changed: RegradeResponse['changed'] = [];

      for (let start = 0; start < userIds.length; start += USER_CHUNK) {
        const chunk = userIds.slice(start, start + USER_CHUNK);
        const participants = dryRun ? [] : await this.attempts.lockParticipants(manager, roundId, chunk);
        const attempts = await this.attempts.attemptsOfUsers(manager, roundId, chunk, !dryRun);
        const answers = await this.attempts.answersOfMany(attempts.map((a) => a.id), manager);
        const regraded: AttemptEntity[] = [];
        for (const attempt of attempts) {
          const paper = correctedPaper(attempt.paper, corrected);
          if (!paper) {
            regraded.push(attempt);
            continue;
          }
          if (attempt.status === 'active') {
            if (!dryRun) await this.attempts.updatePaper(manager, attempt.id, paper);
            continue;
          }
          const grade = await this.attemptsService.grade(paper, answers.get(attempt.id) ?? new Map(), round, manager);
          if (grade.score !== attempt.score) changed.push({ attemptId: attempt.id, userId: attempt.userId, oldScore: attempt.score!, newScore: grade.score });
          const updated = { ...attempt, paper, score: grade.score, maxScore: grade.maxScore, correctCount: grade.correctCount };
          if (!dryRun) await this.attempts.updateGrades(manager, updated);
          regraded.push(updated);
        }
        for (const userId of chunk) {
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
          bestAfter.set(userId, next);
          if (!dryRun && participants.some((p) => p.userId === userId)) {
            await this.attempts.updateParticipant(manager, roundId, userId, next, false);
          }
        }
      }

      const actual = roundPhase(this.clock.now(), round) === 'closed' ? round.actualValue : null;
      const rankChanges = countRankChanges(before.map((p) => toEntry(p)), before.map((p) => toEntry(p, bestAfter.get(p.userId))), actual);
      let log: RegradeLogEntity | null = null;
      if (!dryRun && (questions.length || changed.length)) {
        log = await this.attempts.insertRegradeLog(manager, { roundId, performedBy: user.id, performedAt: this.clock.now(), questions, changed, rankChanges });
      }
      if (!dryRun) {
        const details = { regradeId: log?.id ?? null, questionIds: questions.map((q) => q.questionId), changedAttempts: changed.length, rankChanges };
        await this.audit.record({ actorId: user.id, action: 'round.regrade', targetType: 'round', targetId: roundId, details }, manager);
      }
      if (!dryRun && changed.length) await this.events.regradeCommitting(roundId, manager);
      return { dryRun, questions, changed, rankChanges, regradeId: log?.id ?? null };
    });
    if (!dryRun && result.changed.length) this.events.emitRegraded(roundId);
    return result;
  }

  async log(roundId: string): Promise<RegradeLogEntity[]> {
    return this.attempts.regradeLog(roundId);
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

