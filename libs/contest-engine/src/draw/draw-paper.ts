import { compareIds } from '../common/compare.js';
import { EngineError, EngineErrorCodes } from '../errors.js';
import { createRandom, sample, shuffle } from '../random/seeded-random.js';
import {
  assertBlueprintValid,
  type BlueprintLine,
  blueprintUnsatisfiable,
  checkBlueprint,
  type Difficulty,
  fillOrder,
  type TopicAvailability,
} from './check-blueprint.js';

/** A question the draw may pick: the newest live version of a bank question. */
export interface DrawCandidate {
  questionId: string;
  versionId: string;
  topicId: string;
  difficulty: Difficulty;
  /** In the order the author wrote them. */
  optionIds: readonly string[];
  points: number;
}

/**
 * The candidates prepared once (sorted, counted, grouped by topic) so that drawing a paper does not
 * re-sort and re-scan the whole bank on every start: build it when the bank changes, reuse it.
 */
export interface DrawPool {
  readonly sorted: readonly DrawCandidate[];
  readonly availability: readonly TopicAvailability[];
  readonly byTopic: ReadonlyMap<string, readonly DrawCandidate[]>;
  /** The candidates of each (topic, difficulty) in `sorted` order: `lineKey` gives the key of a blueprint line. */
  readonly byLine: ReadonlyMap<string, readonly DrawCandidate[]>;
}

const lineKey = (topicId: string, difficulty: Difficulty | undefined): string => `${topicId}\u0000${difficulty ?? '*'}`;

export function createDrawPool(candidates: readonly DrawCandidate[]): DrawPool {
  // Sorted so the caller's query order cannot change the paper.
  const sorted = [...candidates].sort((a, b) => compareIds(a.questionId, b.questionId));
  assertDistinct(sorted);
  const byTopic = new Map<string, DrawCandidate[]>();
  const byLine = new Map<string, DrawCandidate[]>();
  const add = (map: Map<string, DrawCandidate[]>, key: string, candidate: DrawCandidate) => {
    const list = map.get(key);
    if (list) list.push(candidate);
    else map.set(key, [candidate]);
  };
  for (const candidate of sorted) {
    add(byTopic, candidate.topicId, candidate);
    add(byLine, lineKey(candidate.topicId, undefined), candidate);
    add(byLine, lineKey(candidate.topicId, candidate.difficulty), candidate);
  }
  return { sorted, availability: availabilityOf(sorted), byTopic, byLine };
}

export interface DrawPaperInput {
  blueprint: readonly BlueprintLine[];
  /** The bank's live questions; or pass a prepared `pool` instead. */
  candidates?: readonly DrawCandidate[];
  pool?: DrawPool;
  /** Stored on the attempt: the same inputs and seed give the same paper, for an audit. */
  seed: string;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
}

export interface DrawnQuestion {
  questionId: string;
  /** Pinned: a later edit of the question never changes this attempt. */
  versionId: string;
  points: number;
  optionOrder: string[];
}

/** Questions in the order the member sees them. */
export interface DrawnPaper {
  questions: DrawnQuestion[];
}

/** Counts per (topic, difficulty), the shape `checkBlueprint` takes. */
export function availabilityOf(candidates: readonly DrawCandidate[]): TopicAvailability[] {
  const counts = new Map<string, TopicAvailability>();
  for (const { topicId, difficulty } of candidates) {
    const key = `${difficulty}\u0000${topicId}`;
    const entry = counts.get(key) ?? { topicId, difficulty, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

/**
 * Draws an attempt's paper. Lines are filled in `fillOrder` (specific difficulty first) so that a
 * blueprint `checkBlueprint` accepts can always be drawn; the paper still lists the questions by
 * blueprint line, then shuffles them when the round asks. Each purpose draws from its own stream
 * derived from the seed, so turning option shuffling on does not change which questions come out.
 */
export function drawPaper(input: DrawPaperInput): DrawnPaper {
  const { blueprint, seed } = input;
  assertBlueprintValid(blueprint);
  const pool = input.pool ?? createDrawPool(input.candidates ?? []);

  const shortfalls = checkBlueprint(blueprint, pool.availability);
  if (shortfalls.length > 0) throw blueprintUnsatisfiable(shortfalls);

  const pick = createRandom(`${seed}:draw`);
  const used: DrawCandidate[] = [];
  const drawnByLine: DrawCandidate[][] = blueprint.map(() => []);
  for (const lineIndex of fillOrder(blueprint)) {
    const line = blueprint[lineIndex];
    // The line's candidates in bank order, less those an earlier line drew. Scanning the list is
    // needed only when an earlier line drew from it (same topic, and same difficulty unless the line
    // takes any): usually not, and then the prepared list is the answer as it stands.
    const candidates = pool.byLine.get(lineKey(line.topicId, line.difficulty)) ?? [];
    const overlaps = used.some((u) => u.topicId === line.topicId && (line.difficulty === undefined || u.difficulty === line.difficulty));
    const taken = overlaps ? new Set(used.map((u) => u.questionId)) : null;
    const eligible = taken ? candidates.filter((c) => !taken.has(c.questionId)) : candidates;
    const drawn = sample(eligible, line.count, pick);
    used.push(...drawn);
    drawnByLine[lineIndex] = drawn;
  }

  const inBlueprintOrder = drawnByLine.flatMap((drawn, lineIndex) =>
    drawn.map((candidate) => ({ candidate, points: blueprint[lineIndex].points ?? candidate.points })),
  );
  const ordered = input.shuffleQuestions
    ? shuffle(inBlueprintOrder, createRandom(`${seed}:questions`))
    : inBlueprintOrder;

  return {
    questions: ordered.map(({ candidate, points }) => ({
      questionId: candidate.questionId,
      versionId: candidate.versionId,
      points,
      optionOrder: input.shuffleOptions
        ? shuffle(candidate.optionIds, createRandom(`${seed}:options:${candidate.questionId}`))
        : [...candidate.optionIds],
    })),
  };
}

function assertDistinct(sorted: readonly DrawCandidate[]): void {
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].questionId === sorted[i - 1].questionId) {
      throw new EngineError(
        EngineErrorCodes.DUPLICATE_CANDIDATE,
        `Question ${sorted[i].questionId} is offered twice; pass only its newest live version`,
        { questionId: sorted[i].questionId },
      );
    }
  }
}
