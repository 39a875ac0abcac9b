import { Injectable, Logger } from '@nestjs/common';
import {
  type BundleAttempt,
  type BundleQuestion,
  type BundleRound,
  formatSha256Sums,
  RESULTS_BUNDLE_FORMAT,
  ResultsBundleFiles,
  resultsCsvHeader,
  resultsCsvLine,
} from '@hoi-thi/contest-engine';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { type AttemptRecord, AttemptRecordsService } from '../attempts/attempt-records.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { ContestEntity } from '../contests/contest.entity.js';
import { ContestsService } from '../contests/contests.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { LeaderboardsService } from '../leaderboards/leaderboards.service.js';
import { QuestionPoolService } from '../question-bank/question-pool.service.js';
import { ResultsDigestService } from './results-digest.service.js';
import { StreamingZip, ZipConsumerGone } from './results-bundle.zip.js';
import { ResultsErrors } from './results.errors.js';

/** Final board lines read per query (keyset by rank). */
const BOARD_BATCH = 1_000;

export interface ResultsBundleDownload {
  stream: NodeJS.ReadableStream;
  filename: string;
}

/**
 * The results bundle of a closed quiz round (API.md "Analytics and verifiable results"): the final
 * board as results.csv, every attempt as drawn, answered and graded, the question versions with
 * their keys, and the round's rules with the candidate pools the papers were drawn from, so that
 * `npm run verify-results` can re-derive every paper, grade and rank with the engine alone.
 * Streamed: the database is read a batch at a time while the zip is written.
 */
@Injectable()
export class ResultsBundleService {
  private readonly logger = new Logger(ResultsBundleService.name);

  constructor(
    private readonly contests: ContestsService,
    private readonly boards: LeaderboardsService,
    private readonly attempts: AttemptRecordsService,
    private readonly pool: QuestionPoolService,
    private readonly digests: ResultsDigestService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Checks the round, records the download, and starts writing the zip (read from the returned stream). */
  async bundle(user: AuthUser, roundId: string): Promise<ResultsBundleDownload> {
    const { round, contest } = await this.contests.roundById(roundId);
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    if (!round.closedAt) throw ResultsErrors.error('RESULTS.ROUND_NOT_CLOSED', { closesAt: round.closesAt.toISOString() });
    await this.audit.record({ actorId: user.id, action: 'round.results_bundle', targetType: 'round', targetId: roundId });
    const zip = new StreamingZip(round.closedAt);
    this.write(zip, user, { ...round, closedAt: round.closedAt }, contest).catch((error: Error) => {
      if (!(error instanceof ZipConsumerGone)) this.logger.error(`Results bundle of round ${roundId} failed: ${error.stack ?? error.message}`);
      zip.fail(error);
    });
    return { stream: zip.stream, filename: `ket-qua-vong-${roundId}.zip` };
  }

  private async write(zip: StreamingZip, user: AuthUser, round: RoundEntity & { closedAt: Date }, contest: ContestEntity): Promise<void> {
    const sums: { name: string; sha256: string }[] = [];
    let ranks = 0;
    const resultsSha256 = await zip.file(ResultsBundleFiles.results, this.resultsCsv(user, round.id, (n) => (ranks = n)));
    sums.push({ name: ResultsBundleFiles.results, sha256: resultsSha256 });
    const replaced = await this.digests.record(round.id, { resultsSha256, ranks, computedAt: this.clock.now() });
    if (replaced) {
      // Only a regrade after close (or a renamed member or unit) changes a published results.csv: say so.
      await this.audit.record({
        actorId: user.id,
        action: 'round.results_digest',
        targetType: 'round',
        targetId: round.id,
        details: { previous: replaced.resultsSha256, current: resultsSha256 },
      });
    }

    const versionIds = new Set<string>();
    const poolIds = new Set<string>();
    sums.push({ name: ResultsBundleFiles.attempts, sha256: await zip.file(ResultsBundleFiles.attempts, this.attemptsJsonl(round.id, versionIds, poolIds)) });
    sums.push({ name: ResultsBundleFiles.questions, sha256: await zip.file(ResultsBundleFiles.questions, this.questionsJsonl(versionIds)) });
    const roundJson = `${JSON.stringify(await this.roundJson(round, contest, [...poolIds]), null, 2)}\n`;
    sums.push({ name: ResultsBundleFiles.round, sha256: await zip.file(ResultsBundleFiles.round, [roundJson]) });
    await zip.file(ResultsBundleFiles.sums, [formatSha256Sums(sums)]);
    zip.end();
  }

  /** The final board as published (round_results, ranked at close by the full ladder), names as the board shows them. */
  private async *resultsCsv(user: AuthUser, roundId: string, counted: (ranks: number) => void): AsyncGenerator<string> {
    yield resultsCsvHeader();
    let ranks = 0;
    for (let offset = 0; ; offset += BOARD_BATCH) {
      const page = await this.boards.roundBoard(user, roundId, offset, BOARD_BATCH);
      let text = '';
      for (const row of page.rows) {
        const profile = page.profiles.get(row.userId);
        text += resultsCsvLine({
          rank: row.rank,
          attemptId: row.attemptId,
          userId: row.userId,
          fullName: profile?.fullName ?? '',
          unitName: profile?.unitName ?? null,
          score: row.score,
          prediction: row.prediction,
          predictionDiff: row.predictionDiff,
          durationMs: row.durationMs,
          submittedAt: row.submittedAt.toISOString(),
        });
      }
      ranks += page.rows.length;
      yield text;
      if (page.rows.length < BOARD_BATCH) break;
    }
    counted(ranks);
  }

  private async *attemptsJsonl(roundId: string, versionIds: Set<string>, poolIds: Set<string>): AsyncGenerator<string> {
    for await (const batch of this.attempts.roundAttempts(roundId)) {
      let text = '';
      for (const record of batch) {
        for (const item of record.paper) {
          versionIds.add(item.versionId);
          if (item.keyVersionId) versionIds.add(item.keyVersionId);
        }
        if (record.poolSnapshotId) poolIds.add(record.poolSnapshotId);
        text += `${JSON.stringify(toBundleAttempt(record))}\n`;
      }
      yield text;
    }
  }

  private async *questionsJsonl(versionIds: Set<string>): AsyncGenerator<string> {
    const ids = [...versionIds].sort();
    for (let start = 0; start < ids.length; start += BOARD_BATCH) {
      const batch = ids.slice(start, start + BOARD_BATCH);
      const versions = await this.pool.pinned(batch);
      let text = '';
      for (const id of batch) {
        const version = versions.get(id);
        if (!version) continue;
        const line: BundleQuestion = {
          versionId: version.versionId,
          questionId: version.questionId,
          type: version.type,
          text: version.text,
          options: version.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
          points: version.points,
        };
        text += `${JSON.stringify(line)}\n`;
      }
      yield text;
    }
  }

  private async roundJson(round: RoundEntity & { closedAt: Date }, contest: ContestEntity, poolIds: string[]): Promise<BundleRound> {
    const pools = await this.pool.snapshots(poolIds);
    return {
      format: RESULTS_BUNDLE_FORMAT,
      roundId: round.id,
      contestId: contest.id,
      contestTitle: contest.title,
      title: round.title,
      opensAt: round.opensAt.toISOString(),
      closesAt: round.closesAt.toISOString(),
      closedAt: round.closedAt.toISOString(),
      rules: {
        timeLimitSeconds: round.timeLimitSeconds!,
        maxAttempts: round.maxAttempts!,
        shuffleQuestions: round.shuffleQuestions,
        shuffleOptions: round.shuffleOptions,
        gradingMode: round.gradingMode,
        predictionQuestion: round.predictionQuestion,
        predictionActual: round.predictionActual,
      },
      blueprint: round.blueprint ?? [],
      actualValue: round.actualValue,
      pools,
    };
  }
}

function toBundleAttempt(record: AttemptRecord): BundleAttempt {
  return {
    attemptId: record.id,
    userId: record.userId,
    number: record.number,
    status: record.status,
    seed: record.seed,
    poolId: record.poolSnapshotId,
    startedAt: record.startedAt.toISOString(),
    deadline: record.deadline.toISOString(),
    submittedAt: record.submittedAt?.toISOString() ?? null,
    score: record.score,
    maxScore: record.maxScore,
    correctCount: record.correctCount,
    durationMs: record.durationMs,
    prediction: record.prediction,
    paper: record.paper.map((item) => ({
      questionId: item.questionId,
      versionId: item.versionId,
      ...(item.keyVersionId ? { keyVersionId: item.keyVersionId } : {}),
      points: item.points,
      optionOrder: item.optionOrder,
    })),
    answers: record.answers.map((answer) => ({ questionId: answer.questionId, optionIds: answer.optionIds, savedAt: new Date(answer.savedAt).toISOString() })),
  };
}
