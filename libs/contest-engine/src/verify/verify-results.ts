import { toHundredths } from '../common/hundredths.js';
import { createDrawPool, type DrawPool, drawPaper } from '../draw/draw-paper.js';
import { gradePaper } from '../grading/grade.js';
import { attemptDuration } from '../attempts/timing.js';
import { predictionActualValue, type PredictionActualKind } from '../attempts/round-rules.js';
import { type FinishedAttempt, pickBest } from '../ranking/best-attempt.js';
import { rankRoundEntries } from '../ranking/round-ranking.js';
import type { BundleAttempt, BundleQuestion, BundleRound, ResultsRow } from './results-bundle.js';

/** The first thing in a bundle that the engine does not re-derive the same way. */
export class ResultsDifference extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultsDifference';
  }
}

export interface VerifiedSummary {
  /** Attempts re-graded (finished ones). */
  attempts: number;
  /** Lines of results.csv re-ranked. */
  ranks: number;
  /** Papers re-drawn from their seed and stored pool. */
  papersRederived: number;
  /** Attempts started before pools were stored: their papers are taken as stored (grading and ranking still checked). */
  papersWithoutPool: number;
}

interface Counted extends FinishedAttempt {
  userId: string;
  prediction: number | null;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const fmt = (value: unknown): string => (value === null || value === undefined ? 'none' : String(value));

/**
 * Re-derives a round's results from its bundle with the engine alone, an attempt at a time (a bundle
 * of 100,000 attempts never has to be held whole): each paper from its seed and pool (`drawPaper`),
 * each score from the answers and keys (`gradePaper`), each duration (`attemptDuration`), each
 * member's counting attempt (`pickBest`), the prediction's actual value and the ranks
 * (`rankRoundEntries`), then compares with what the bundle states. Throws `ResultsDifference` at
 * the first mismatch.
 */
export class ResultsVerifier {
  private readonly questions = new Map<string, BundleQuestion>();
  private readonly pools = new Map<string, DrawPool>();
  private readonly byUser = new Map<string, Counted[]>();
  private readonly seen = new Set<string>();
  private finished = 0;
  private rederived = 0;
  private withoutPool = 0;

  constructor(
    private readonly round: BundleRound,
    questions: Iterable<BundleQuestion>,
  ) {
    for (const question of questions) this.questions.set(question.versionId, question);
    for (const pool of round.pools) this.pools.set(pool.id, createDrawPool(pool.candidates));
  }

  addAttempt(attempt: BundleAttempt): void {
    const where = `attempt ${attempt.attemptId}`;
    if (this.seen.has(attempt.attemptId)) throw new ResultsDifference(`${where} appears twice in attempts.jsonl`);
    this.seen.add(attempt.attemptId);
    this.checkPaper(attempt, where);
    if (attempt.status === 'active') return; // never graded, never ranked (a close finalizes them first)

    const answers = new Map(attempt.answers.map((answer) => [answer.questionId, answer.optionIds]));
    const grade = gradePaper(
      attempt.paper.map((item) => {
        const versionId = item.keyVersionId ?? item.versionId;
        const version = this.questions.get(versionId);
        if (!version) throw new ResultsDifference(`${where}: version ${versionId} of question ${item.questionId} is not in questions.jsonl`);
        return {
          questionId: item.questionId,
          type: version.type,
          key: version.options.filter((o) => o.correct).map((o) => o.id),
          points: item.points,
          chosen: answers.get(item.questionId) ?? [],
        };
      }),
      this.round.rules.gradingMode,
    );
    if (toHundredths(grade.score) !== toHundredths(attempt.score ?? Number.NaN)) {
      throw new ResultsDifference(`${where}: score ${fmt(attempt.score)} in attempts.jsonl, re-graded ${grade.score}`);
    }
    if (toHundredths(grade.maxScore) !== toHundredths(attempt.maxScore ?? Number.NaN)) {
      throw new ResultsDifference(`${where}: max score ${fmt(attempt.maxScore)} in attempts.jsonl, re-graded ${grade.maxScore}`);
    }
    if (grade.correctCount !== attempt.correctCount) {
      throw new ResultsDifference(`${where}: ${fmt(attempt.correctCount)} correct in attempts.jsonl, re-graded ${grade.correctCount}`);
    }
    if (!attempt.submittedAt) throw new ResultsDifference(`${where}: ${attempt.status} without submittedAt`);
    const submittedAt = new Date(attempt.submittedAt);
    const durationMs = attemptDuration({
      startedAt: new Date(attempt.startedAt),
      submittedAt,
      deadline: new Date(attempt.deadline),
      timeLimitSeconds: this.round.rules.timeLimitSeconds,
      expired: attempt.status === 'expired',
    });
    if (durationMs !== attempt.durationMs) {
      throw new ResultsDifference(`${where}: duration ${fmt(attempt.durationMs)} ms in attempts.jsonl, re-derived ${durationMs} ms`);
    }
    const counted: Counted = { attemptId: attempt.attemptId, userId: attempt.userId, score: grade.score, durationMs, submittedAt, prediction: attempt.prediction };
    const list = this.byUser.get(attempt.userId);
    if (list) list.push(counted);
    else this.byUser.set(attempt.userId, [counted]);
    this.finished += 1;
  }

  /** Re-ranks every member's counting attempt and compares with results.csv, line by line. */
  finish(results: readonly ResultsRow[]): VerifiedSummary {
    const bests = [...this.byUser.values()].map((attempts) => pickBest(attempts)!);
    this.checkActualValue(bests.length);
    const ranked = rankRoundEntries(bests, this.round.actualValue);
    if (results.length !== ranked.length) {
      throw new ResultsDifference(`results.csv has ${results.length} ranks, re-ranking gives ${ranked.length} (one per member with a finished attempt)`);
    }
    ranked.forEach((expected, index) => {
      const row = results[index];
      const where = `results.csv line ${index + 2} (rank ${row.rank})`;
      if (row.rank !== expected.rank) throw new ResultsDifference(`${where}: rank ${row.rank}, expected ${expected.rank} at this position`);
      if (row.attemptId !== expected.attemptId || row.userId !== expected.userId) {
        throw new ResultsDifference(
          `${where}: attempt ${row.attemptId} of member ${row.userId}, but re-ranking puts attempt ${expected.attemptId} of member ${expected.userId} ` +
            `(score ${expected.score}, duration ${expected.durationMs} ms) at rank ${expected.rank}`,
        );
      }
      const checks: [string, unknown, unknown][] = [
        ['score', toHundredths(row.score), toHundredths(expected.score)],
        ['durationMs', row.durationMs, expected.durationMs],
        ['submittedAt', new Date(row.submittedAt).getTime(), expected.submittedAt.getTime()],
        ['prediction', row.prediction, expected.prediction],
        ['predictionDiff', row.predictionDiff, expected.predictionDiff],
      ];
      for (const [column, stated, derived] of checks) {
        if (stated !== derived) {
          const shown = column === 'score' ? [row.score, expected.score] : column === 'submittedAt' ? [row.submittedAt, expected.submittedAt.toISOString()] : [stated, derived];
          throw new ResultsDifference(`${where}: ${column} ${fmt(shown[0])}, re-derived ${fmt(shown[1])}`);
        }
      }
    });
    return { attempts: this.finished, ranks: ranked.length, papersRederived: this.rederived, papersWithoutPool: this.withoutPool };
  }

  private checkPaper(attempt: BundleAttempt, where: string): void {
    if (attempt.poolId === null) {
      this.withoutPool += 1;
      return;
    }
    const pool = this.pools.get(attempt.poolId);
    if (!pool) throw new ResultsDifference(`${where}: pool ${attempt.poolId} is not in round.json`);
    const { rules, blueprint } = this.round;
    let drawn;
    try {
      drawn = drawPaper({ blueprint, pool, seed: attempt.seed, shuffleQuestions: rules.shuffleQuestions, shuffleOptions: rules.shuffleOptions }).questions;
    } catch (error) {
      throw new ResultsDifference(`${where}: its pool cannot fill the blueprint (${(error as Error).message})`);
    }
    if (drawn.length !== attempt.paper.length) {
      throw new ResultsDifference(`${where}: ${attempt.paper.length} questions on the paper, the seed and pool draw ${drawn.length}`);
    }
    drawn.forEach((expected, index) => {
      const item = attempt.paper[index];
      const at = `${where}, question ${index + 1} of the paper`;
      if (item.questionId !== expected.questionId || item.versionId !== expected.versionId) {
        throw new ResultsDifference(
          `${at}: question ${item.questionId} version ${item.versionId}, the seed and pool draw question ${expected.questionId} version ${expected.versionId}`,
        );
      }
      if (toHundredths(item.points) !== toHundredths(expected.points)) {
        throw new ResultsDifference(`${at}: worth ${item.points} points, the blueprint gives ${expected.points}`);
      }
      if (!same(item.optionOrder, expected.optionOrder)) {
        throw new ResultsDifference(`${at}: options in order ${item.optionOrder.join(' ')}, the seed gives ${expected.optionOrder.join(' ')}`);
      }
    });
    this.rederived += 1;
  }

  /** For a count-based prediction, the actual value is a count the bundle itself shows. */
  private checkActualValue(participants: number): void {
    const { predictionQuestion, predictionActual } = this.round.rules;
    if (!predictionQuestion) return;
    const kind = (predictionActual ?? 'participants') as PredictionActualKind;
    if (kind === 'manual') return;
    const derived = predictionActualValue(kind, { participants, attempts: this.finished });
    if (derived !== this.round.actualValue) {
      throw new ResultsDifference(`round.json: actual value ${fmt(this.round.actualValue)}, but the bundle counts ${derived} ${kind}`);
    }
  }
}
