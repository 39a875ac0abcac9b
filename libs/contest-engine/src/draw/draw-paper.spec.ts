import { describe, expect, it } from '@jest/globals';
import { createRandom } from '../random/seeded-random.js';
import { type BlueprintLine, type Difficulty, fillOrder } from './check-blueprint.js';
import { createDrawPool, type DrawCandidate, type DrawPaperInput, drawPaper } from './draw-paper.js';

function question(questionId: string, topicId: string, difficulty: Difficulty, points = 1): DrawCandidate {
  return {
    questionId,
    versionId: `${questionId}-v3`,
    topicId,
    difficulty,
    optionIds: ['A', 'B', 'C', 'D'].map((letter) => `${questionId}-${letter}`),
    points,
  };
}

const bank: DrawCandidate[] = [
  ...Array.from({ length: 8 }, (_, i) => question(`law-easy-${i}`, 'law', 'easy')),
  ...Array.from({ length: 4 }, (_, i) => question(`law-hard-${i}`, 'law', 'hard', 2)),
  ...Array.from({ length: 6 }, (_, i) => question(`res-${i}`, 'resolution', 'medium')),
];
const byId = new Map(bank.map((q) => [q.questionId, q]));

const blueprint: BlueprintLine[] = [
  { topicId: 'resolution', count: 3 },
  { topicId: 'law', count: 4 },
  { topicId: 'law', count: 2, difficulty: 'hard', points: 5 },
];

const draw = (overrides: Partial<DrawPaperInput> = {}) =>
  drawPaper({ blueprint, candidates: bank, seed: 'attempt-1', shuffleQuestions: false, shuffleOptions: false, ...overrides });

describe('drawing a paper from the round blueprint', () => {
  it('each line draws its count of distinct questions of its topic and difficulty', () => {
    const { questions } = draw();
    expect(questions).toHaveLength(9);
    expect(new Set(questions.map((q) => q.questionId)).size).toBe(9);
    const [resolution, law, hard] = [questions.slice(0, 3), questions.slice(3, 7), questions.slice(7)];
    expect(resolution.every((q) => byId.get(q.questionId)!.topicId === 'resolution')).toBe(true);
    expect(law.every((q) => byId.get(q.questionId)!.topicId === 'law')).toBe(true);
    expect(hard.every((q) => byId.get(q.questionId)!.difficulty === 'hard')).toBe(true);
  });

  it('the same seed draws the same paper, whatever order the bank was read in', () => {
    const reversed = drawPaper({
      blueprint,
      candidates: [...bank].reverse(),
      seed: 'attempt-1',
      shuffleQuestions: true,
      shuffleOptions: true,
    });
    expect(reversed).toEqual(draw({ shuffleQuestions: true, shuffleOptions: true }));
  });

  it('a pool prepared once draws exactly what the raw candidates draw, for any seed', () => {
    const pool = createDrawPool([...bank].reverse());
    for (const seed of ['attempt-1', 'attempt-2', 'x']) {
      const options = { blueprint, seed, shuffleQuestions: true, shuffleOptions: true };
      expect(drawPaper({ ...options, pool })).toEqual(drawPaper({ ...options, candidates: bank }));
    }
  });

  it('a stored seed re-derives the very paper the member saw, forever (pinned)', () => {
    const { questions } = draw({ shuffleQuestions: true, shuffleOptions: true });
    expect(questions.map((q) => q.questionId)).toEqual([
      'law-easy-6', 'law-easy-4', 'res-1', 'res-3', 'law-hard-3', 'law-easy-2', 'law-easy-7', 'law-hard-2', 'res-5',
    ]);
    expect(questions[0].optionOrder).toEqual(['law-easy-6-D', 'law-easy-6-A', 'law-easy-6-B', 'law-easy-6-C']);
  });

  it('different seeds draw different papers', () => {
    const papers = new Set(
      ['a', 'b', 'c', 'd', 'e'].map((seed) => JSON.stringify(draw({ seed }).questions.map((q) => q.questionId))),
    );
    expect(papers.size).toBeGreaterThan(1);
  });

  it('every question of a topic gets its turn across attempts', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      for (const q of draw({ seed: `attempt-${i}` }).questions) seen.add(q.questionId);
    }
    expect(seen).toEqual(new Set(bank.map((q) => q.questionId)));
  });

  it('a line with points overrides the question, otherwise the question keeps its own', () => {
    const { questions } = draw();
    expect(questions.slice(7).map((q) => q.points)).toEqual([5, 5]);
    for (const q of questions.slice(0, 7)) expect(q.points).toBe(byId.get(q.questionId)!.points);
  });

  it('the drawn version is pinned on the paper', () => {
    for (const q of draw().questions) expect(q.versionId).toBe(`${q.questionId}-v3`);
  });

  it('without shuffling, options keep the order the author wrote', () => {
    for (const q of draw().questions) expect(q.optionOrder).toEqual(byId.get(q.questionId)!.optionIds);
  });

  it('a "hard" line is always fillable next to an "any difficulty" line of the same topic', () => {
    // 10 any + 2 hard from 8 easy + 4 hard: filling the "any" line first could take all the hard ones.
    for (let i = 0; i < 50; i++) {
      const { questions } = draw({
        blueprint: [
          { topicId: 'law', count: 10 },
          { topicId: 'law', count: 2, difficulty: 'hard' },
        ],
        seed: `s-${i}`,
      });
      expect(questions).toHaveLength(12);
      expect(questions.slice(10).every((q) => byId.get(q.questionId)!.difficulty === 'hard')).toBe(true);
    }
  });

  it('a bank too small for a line refuses with the line, topic, difficulty, need and availability', () => {
    expect(() => draw({ blueprint: [{ topicId: 'law', count: 5, difficulty: 'hard' }] })).toThrow(
      expect.objectContaining({
        code: 'CONTEST.BLUEPRINT_UNSATISFIABLE',
        details: expect.objectContaining({ lineIndex: 0, topicId: 'law', difficulty: 'hard', needed: 5, available: 4 }),
      }),
    );
  });

  it('a question offered twice (two versions) is a caller error', () => {
    expect(() => draw({ candidates: [...bank, { ...bank[0], versionId: 'other' }] })).toThrow(
      expect.objectContaining({ code: 'CONTEST.DUPLICATE_CANDIDATE' }),
    );
  });
});

describe('shuffling', () => {
  it('shuffled questions are the same questions as unshuffled, in another order for some seed', () => {
    let reordered = false;
    for (const seed of ['a', 'b', 'c']) {
      const plain = draw({ seed }).questions;
      const shuffled = draw({ seed, shuffleQuestions: true }).questions;
      expect([...shuffled].sort((x, y) => x.questionId.localeCompare(y.questionId))).toEqual(
        [...plain].sort((x, y) => x.questionId.localeCompare(y.questionId)),
      );
      if (shuffled.map((q) => q.questionId).join() !== plain.map((q) => q.questionId).join()) reordered = true;
    }
    expect(reordered).toBe(true);
  });

  it('shuffled options are a reordering of the question\'s options, and some move', () => {
    const { questions } = draw({ shuffleOptions: true });
    for (const q of questions) expect([...q.optionOrder].sort()).toEqual(byId.get(q.questionId)!.optionIds);
    expect(questions.some((q) => q.optionOrder.join() !== byId.get(q.questionId)!.optionIds.join())).toBe(true);
  });

  it('turning option shuffling on does not change which questions are drawn or their order', () => {
    const ids = (paper: ReturnType<typeof draw>) => paper.questions.map((q) => q.questionId);
    expect(ids(draw({ shuffleQuestions: true, shuffleOptions: true }))).toEqual(ids(draw({ shuffleQuestions: true })));
  });
});

describe('a stored seed keeps drawing the same paper', () => {
  // The draw as first written (filter the topic's candidates, sample from a full copy): every stored
  // attempt's seed was drawn this way, so the prepared lists and the sparse sample must pick alike.
  function referenceQuestionIds(input: DrawPaperInput): string[] {
    const sorted = [...input.candidates!].sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
    const pick = createRandom(`${input.seed}:draw`);
    const used = new Set<string>();
    const drawnByLine: DrawCandidate[][] = input.blueprint.map(() => []);
    for (const lineIndex of fillOrder(input.blueprint)) {
      const line = input.blueprint[lineIndex];
      const eligible = sorted.filter(
        (c) => c.topicId === line.topicId && (line.difficulty === undefined || c.difficulty === line.difficulty) && !used.has(c.questionId),
      );
      const pool = eligible.slice();
      for (let i = 0; i < line.count; i++) {
        const j = i + Math.floor(pick() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      drawnByLine[lineIndex] = pool.slice(0, line.count);
      for (const question of drawnByLine[lineIndex]) used.add(question.questionId);
    }
    return drawnByLine.flat().map((c) => c.questionId);
  }

  it('matches the original draw for 300 seeds over blueprints that mix lines of one topic', () => {
    const difficulties: Difficulty[] = ['easy', 'medium', 'hard'];
    const big: DrawCandidate[] = Array.from({ length: 600 }, (_, i) => question(`q-${String(i * 7919 % 600).padStart(3, '0')}`, `t${i % 3}`, difficulties[i % 5 % 3]));
    const blueprints: BlueprintLine[][] = [
      [{ topicId: 't0', count: 20 }],
      [{ topicId: 't1', count: 5 }, { topicId: 't1', count: 5, difficulty: 'hard' }, { topicId: 't2', count: 10 }],
      [{ topicId: 't0', count: 8, difficulty: 'easy' }, { topicId: 't0', count: 8 }, { topicId: 't0', count: 4, difficulty: 'easy' }],
    ];
    for (let n = 0; n < 300; n++) {
      const input: DrawPaperInput = { blueprint: blueprints[n % 3], candidates: big, seed: `seed-${n}`, shuffleQuestions: false, shuffleOptions: false };
      const pool = createDrawPool(big);
      expect(drawPaper({ ...input, candidates: undefined, pool }).questions.map((q) => q.questionId)).toEqual(referenceQuestionIds(input));
    }
  });
});
