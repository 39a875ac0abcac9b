import { Injectable } from '@nestjs/common';
import { gradeQuestion, type MemberUnitsCount, type RoundUnitCount } from '@hoi-thi/contest-engine';
import { ContestsService } from '../contests/contests.service.js';
import { QuestionPoolService } from '../question-bank/question-pool.service.js';
import { AttemptsRepository } from './attempts.repository.js';
import { keyOf, keyVersionOf } from './attempts.service.js';
import { ParticipantsRepository } from './participants.repository.js';

/** One question of a finished attempt, graded again against the key that counts. */
export interface GradedItem {
  questionId: string;
  /** The version the member was shown. */
  versionId: string;
  /** The version whose key graded it (differs after a regrade against a corrected key). */
  keyVersionId: string;
  points: number;
  awarded: number;
  chosen: string[];
}

export interface GradedAttempt {
  attemptId: string;
  submittedAt: Date;
  items: GradedItem[];
}

const BATCH = 1_000;

/**
 * What the analytics module reads of the attempts module's tables (as BoardSource serves the
 * leaderboards): participation counts per unit and round, counted in PostgreSQL, and the finished
 * attempts of a round graded question by question, a batch at a time.
 */
@Injectable()
export class AnalyticsSource {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly contests: ContestsService,
    private readonly pool: QuestionPoolService,
  ) {}

  /**
   * Members who finished an attempt, per round and unit (each unit's own members), and over all
   * these rounds grouped by the units they took part from. Only units in `unitIds` are counted.
   */
  participation(roundIds: string[], unitIds: string[]): Promise<{ perRound: RoundUnitCount[]; members: MemberUnitsCount[] }> {
    return this.participants.participationCounts(roundIds, unitIds);
  }

  /**
   * The round's finished attempts (submitted or expired) in submission order, each question graded
   * from the stored answer against its key version with the round's grading mode (as the review
   * grades it), in batches: a query per batch for the papers and answers (and one for key versions
   * not seen before), whatever its size; only the ids of the whole round are held at once.
   */
  async *gradedAttempts(roundId: string): AsyncGenerator<GradedAttempt[]> {
    const { gradingMode } = await this.contests.gradingRules(roundId);
    const ids = await this.attempts.finishedAttemptIds(roundId);
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      const stored = await this.attempts.papersWithAnswers(batch);
      const keys = await this.pool.pinned([...new Set([...stored.values()].flatMap(({ paper }) => paper.map(keyVersionOf)))]);
      const graded: GradedAttempt[] = [];
      for (const attemptId of batch) {
        const attempt = stored.get(attemptId);
        if (!attempt) continue; // deleted meanwhile (its round's deletion cascades)
        graded.push({
          attemptId,
          submittedAt: attempt.submittedAt,
          items: attempt.paper.map((item) => {
            const key = keys.get(keyVersionOf(item))!;
            const chosen = attempt.answers[item.questionId] ?? [];
            const grade = gradeQuestion({ questionId: item.questionId, type: key.type, key: keyOf(key), points: item.points, chosen }, gradingMode);
            return { questionId: item.questionId, versionId: item.versionId, keyVersionId: keyVersionOf(item), points: item.points, awarded: grade.awarded, chosen };
          }),
        });
      }
      yield graded;
    }
  }
}
