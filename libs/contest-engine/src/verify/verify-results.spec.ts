import { describe, expect, it } from '@jest/globals';
import { type DrawCandidate, drawPaper } from '../draw/draw-paper.js';
import { type BundleAttempt, type BundleQuestion, type BundleRound, RESULTS_BUNDLE_FORMAT, type ResultsRow } from './results-bundle.js';
import { ResultsDifference, ResultsVerifier } from './verify-results.js';

const candidates: DrawCandidate[] = ['q1', 'q2', 'q3'].map((id) => ({
  questionId: id,
  versionId: `${id}-v1`,
  topicId: 'law',
  difficulty: 'easy',
  optionIds: [`${id}-a`, `${id}-b`, `${id}-c`],
  points: 1,
}));
// The key of every question is its option "a".
const questions: BundleQuestion[] = candidates.map((c) => ({
  versionId: c.versionId,
  questionId: c.questionId,
  type: 'single',
  text: `Câu ${c.questionId}`,
  options: c.optionIds.map((id) => ({ id, text: id, correct: id.endsWith('-a') })),
  points: 1,
}));

const round = (overrides: Partial<BundleRound> = {}): BundleRound => ({
  format: RESULTS_BUNDLE_FORMAT,
  roundId: 'r1',
  contestId: 'c1',
  contestTitle: 'Tìm hiểu pháp luật',
  title: 'Tuần 1',
  opensAt: '2026-11-26T00:00:00.000Z',
  closesAt: '2026-11-27T00:00:00.000Z',
  closedAt: '2026-11-27T00:00:10.000Z',
  rules: {
    timeLimitSeconds: 600,
    maxAttempts: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    gradingMode: 'all_or_nothing',
    predictionQuestion: 'Bao nhiêu người tham gia?',
    predictionActual: 'participants',
  },
  blueprint: [{ topicId: 'law', count: 2 }],
  actualValue: 3,
  pools: [{ id: 'pool-1', bankRevision: '7', candidates }],
  ...overrides,
});

const START = Date.parse('2026-11-26T08:00:00.000Z');

/** An attempt drawn from the pool with `seed`, `right` questions answered right, submitted after `seconds`. */
function anAttempt(attemptId: string, userId: string, right: number, seconds: number, prediction: number | null, status: 'submitted' | 'expired' = 'submitted'): BundleAttempt {
  const { questions: paper } = drawPaper({ blueprint: round().blueprint, candidates, seed: attemptId, shuffleQuestions: true, shuffleOptions: true });
  const startedAt = new Date(START);
  const deadline = new Date(START + 600_000);
  const submittedAt = status === 'expired' ? deadline : new Date(START + seconds * 1000);
  return {
    attemptId,
    userId,
    number: 1,
    status,
    seed: attemptId,
    poolId: 'pool-1',
    startedAt: startedAt.toISOString(),
    deadline: deadline.toISOString(),
    submittedAt: submittedAt.toISOString(),
    score: right,
    maxScore: 2,
    correctCount: right,
    durationMs: status === 'expired' ? 600_000 : seconds * 1000,
    prediction,
    paper: paper.map((q) => ({ questionId: q.questionId, versionId: q.versionId, points: q.points, optionOrder: q.optionOrder })),
    answers: paper.map((q, i) => ({ questionId: q.questionId, optionIds: [`${q.questionId}-${i < right ? 'a' : 'b'}`], savedAt: startedAt.toISOString() })),
  };
}

const line = (rank: number, a: BundleAttempt, predictionDiff: number | null): ResultsRow => ({
  rank,
  attemptId: a.attemptId,
  userId: a.userId,
  fullName: a.userId,
  unitName: null,
  score: a.score!,
  prediction: a.prediction,
  predictionDiff,
  durationMs: a.durationMs!,
  submittedAt: a.submittedAt!,
});

// An: 2 right in 90 s (predicted 3) and a second try, 1 right; Bình: 2 right in 60 s (predicted 5);
// Chi: let the time run out with 1 right. Actual value 3 (participants): An's exact prediction
// beats Bình's faster paper.
const an1 = anAttempt('a-an-1', 'an', 2, 90, 3);
const an2 = anAttempt('a-an-2', 'an', 1, 30, 3);
const binh = anAttempt('a-binh', 'binh', 2, 60, 5);
const chi = anAttempt('a-chi', 'chi', 1, 0, null, 'expired');
const board = [line(1, an1, 0), line(2, binh, 2), line(3, chi, null)];

function verify(attempts: BundleAttempt[], results: ResultsRow[], r = round()) {
  const verifier = new ResultsVerifier(r, questions);
  for (const attempt of attempts) verifier.addAttempt(attempt);
  return verifier.finish(results);
}
const differenceOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ResultsDifference) return error.message;
    throw error;
  }
  throw new Error('verified');
};

describe('verifying a results bundle with the engine alone', () => {
  it('a faithful bundle verifies: papers re-drawn, attempts re-graded, the prediction breaks the tie of two perfect papers', () => {
    expect(verify([an1, an2, binh, chi], board)).toEqual({ attempts: 4, ranks: 3, papersRederived: 4, papersWithoutPool: 0 });
  });

  it('a member counts with their best attempt: ranking the worse one is a difference', () => {
    expect(differenceOf(() => verify([an1, an2, binh, chi], [line(1, an2, 0), line(2, binh, 2), line(3, chi, null)]))).toBe(
      'results.csv line 2 (rank 1): attempt a-an-2 of member an, but re-ranking puts attempt a-an-1 of member an (score 2, duration 90000 ms) at rank 1',
    );
  });

  it('a paper that is not what its seed and pool draw is named with the question', () => {
    const swapped = { ...an1, paper: [...an1.paper].reverse() };
    expect(differenceOf(() => verify([swapped], []))).toMatch(/^attempt a-an-1, question 1 of the paper: question q\d version q\d-v1, the seed and pool draw question q\d version q\d-v1$/);
    const reordered = { ...an1, paper: an1.paper.map((item, i) => (i === 0 ? { ...item, optionOrder: [...item.optionOrder].reverse() } : item)) };
    expect(differenceOf(() => verify([reordered], []))).toMatch(/^attempt a-an-1, question 1 of the paper: options in order/);
  });

  it('a paper whose pool is missing from round.json is a difference; one without a pool is only counted', () => {
    expect(differenceOf(() => verify([{ ...an1, poolId: 'other' }], []))).toBe('attempt a-an-1: pool other is not in round.json');
    expect(verify([{ ...an1, poolId: null }, an2, binh, chi], board)).toMatchObject({ papersRederived: 3, papersWithoutPool: 1 });
  });

  it('a stated score, duration or correct count that the answers do not give is caught', () => {
    expect(differenceOf(() => verify([{ ...binh, score: 1 }], []))).toBe('attempt a-binh: score 1 in attempts.jsonl, re-graded 2');
    expect(differenceOf(() => verify([{ ...binh, correctCount: 1 }], []))).toBe('attempt a-binh: 1 correct in attempts.jsonl, re-graded 2');
    expect(differenceOf(() => verify([{ ...binh, durationMs: 50_000 }], []))).toBe('attempt a-binh: duration 50000 ms in attempts.jsonl, re-derived 60000 ms');
    // An expired attempt counts the whole time limit.
    expect(differenceOf(() => verify([{ ...chi, durationMs: 1000 }], []))).toBe('attempt a-chi: duration 1000 ms in attempts.jsonl, re-derived 600000 ms');
  });

  it('a version missing from questions.jsonl is named', () => {
    const verifier = new ResultsVerifier(round(), questions.slice(1));
    const carrying = [an1, an2, binh, chi].find((a) => a.paper.some((item) => item.questionId === 'q1'))!;
    expect(differenceOf(() => verifier.addAttempt(carrying))).toBe(`attempt ${carrying.attemptId}: version q1-v1 of question q1 is not in questions.jsonl`);
  });

  it('an actual value that is not the count it claims to be is caught', () => {
    expect(differenceOf(() => verify([an1, an2, binh, chi], board, round({ actualValue: 4 })))).toBe(
      "round.json: actual value 4, but the bundle counts 3 participants",
    );
  });

  it('results.csv must list every member once, with the ladder\'s numbers', () => {
    expect(differenceOf(() => verify([an1, an2, binh, chi], board.slice(0, 2)))).toBe(
      'results.csv has 2 ranks, re-ranking gives 3 (one per member with a finished attempt)',
    );
    expect(differenceOf(() => verify([an1, an2, binh, chi], [board[0], { ...board[1], predictionDiff: 1 }, board[2]]))).toBe(
      'results.csv line 3 (rank 2): predictionDiff 1, re-derived 2',
    );
    expect(differenceOf(() => verify([an1, an2, binh, chi], [board[0], board[1], { ...board[2], score: 1.5 }]))).toBe(
      'results.csv line 4 (rank 3): score 1.5, re-derived 1',
    );
  });

  it('the same attempt twice is a difference', () => {
    expect(differenceOf(() => verify([an1, an1], []))).toBe('attempt a-an-1 appears twice in attempts.jsonl');
  });
});
