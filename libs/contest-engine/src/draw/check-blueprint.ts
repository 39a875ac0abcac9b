import { EngineError, EngineErrorCodes } from '../errors.js';

export const Difficulties = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof Difficulties)[number];

/** One line of a round's blueprint: "`count` questions of this topic (of this difficulty)". */
export interface BlueprintLine {
  topicId: string;
  count: number;
  difficulty?: Difficulty;
  /** Overrides the points of every question this line draws. */
  points?: number;
}

/** How many live questions the bank holds for one (topic, difficulty). */
export interface TopicAvailability {
  topicId: string;
  difficulty: Difficulty;
  count: number;
}

/** A line the bank cannot fill. `difficulty` is null for an "any difficulty" line. */
export interface BlueprintShortfall {
  lineIndex: number;
  topicId: string;
  difficulty: Difficulty | null;
  needed: number;
  available: number;
}

/**
 * The order lines are filled in: lines with a difficulty first, then "any difficulty" lines, each
 * group in blueprint order. A specific line can only take its own (topic, difficulty) while an
 * "any" line can take whatever is left of its topic, so serving specific lines first never loses
 * a fill that some other order would find. Drawing uses the same order, so a blueprint that passes
 * this check at publish time can always be drawn.
 */
export function fillOrder(blueprint: readonly BlueprintLine[]): number[] {
  const indexes = blueprint.map((_, index) => index);
  return [
    ...indexes.filter((index) => blueprint[index].difficulty !== undefined),
    ...indexes.filter((index) => blueprint[index].difficulty === undefined),
  ];
}

export function assertBlueprintValid(blueprint: readonly BlueprintLine[]): void {
  blueprint.forEach((line, lineIndex) => {
    if (!Number.isInteger(line.count) || line.count < 1) {
      throw new EngineError(EngineErrorCodes.BLUEPRINT_INVALID, `Blueprint line ${lineIndex} needs a positive whole count`, {
        lineIndex,
        count: line.count,
      });
    }
    if (line.points !== undefined && !(Number.isFinite(line.points) && line.points >= 0)) {
      throw new EngineError(EngineErrorCodes.BLUEPRINT_INVALID, `Blueprint line ${lineIndex} has invalid points`, {
        lineIndex,
        points: line.points,
      });
    }
  });
}

const bucketKey = (topicId: string, difficulty: Difficulty): string => `${difficulty}\u0000${topicId}`;

/** How the bank covers one line of a blueprint, accounting for the lines filled before it. */
export interface LineCoverage {
  /** Questions of the line's topic (and difficulty) in the bank. */
  inBank: number;
  /** What is left for the line when its turn comes in fill order. */
  left: number;
  /** How many questions the line is short: 0 when it can be filled. */
  short: number;
}

/**
 * Line by line, what the bank holds for it and what is left when its turn comes in fill order (lines
 * of one topic compete for the same questions). Does not check the lines: the organizer's editor
 * shows this while a count is still being typed; a count below 1 takes nothing and is never short.
 */
export function blueprintCoverage(
  blueprint: readonly BlueprintLine[],
  availability: readonly TopicAvailability[],
): LineCoverage[] {
  const bank = new Map<string, number>();
  for (const { topicId, difficulty, count } of availability) {
    const key = bucketKey(topicId, difficulty);
    bank.set(key, (bank.get(key) ?? 0) + count);
  }
  const left = new Map(bank);
  const sum = (counts: ReadonlyMap<string, number>, line: BlueprintLine, difficulties: readonly Difficulty[]): number =>
    difficulties.reduce((total, d) => total + (counts.get(bucketKey(line.topicId, d)) ?? 0), 0);
  const coverage: LineCoverage[] = blueprint.map(() => ({ inBank: 0, left: 0, short: 0 }));
  for (const lineIndex of fillOrder(blueprint)) {
    const line = blueprint[lineIndex];
    const difficulties: readonly Difficulty[] = line.difficulty ? [line.difficulty] : Difficulties;
    const available = sum(left, line, difficulties);
    const count = Math.max(0, line.count);
    coverage[lineIndex] = { inBank: sum(bank, line, difficulties), left: available, short: Math.max(0, count - available) };
    // Take what the line can, easy first for "any" lines: which bucket it takes from cannot
    // matter afterwards, because every later line in fill order is an "any" line too.
    let toTake = Math.min(count, available);
    for (const d of difficulties) {
      const key = bucketKey(line.topicId, d);
      const taken = Math.min(toTake, left.get(key) ?? 0);
      left.set(key, (left.get(key) ?? 0) - taken);
      toTake -= taken;
    }
  }
  return coverage;
}

/**
 * Reports every line the bank cannot fill, without drawing (publish time). Lines that compete for
 * the same questions are accounted for: `available` is what was left for the line when its turn
 * came in fill order. Empty when the blueprint is satisfiable.
 */
export function checkBlueprint(
  blueprint: readonly BlueprintLine[],
  availability: readonly TopicAvailability[],
): BlueprintShortfall[] {
  assertBlueprintValid(blueprint);
  return blueprintCoverage(blueprint, availability).flatMap(({ left, short }, lineIndex) => {
    if (short === 0) return [];
    const line = blueprint[lineIndex];
    return [{ lineIndex, topicId: line.topicId, difficulty: line.difficulty ?? null, needed: line.count, available: left }];
  });
}

export function blueprintUnsatisfiable(shortfalls: readonly BlueprintShortfall[]): EngineError {
  const [first] = shortfalls;
  return new EngineError(
    EngineErrorCodes.BLUEPRINT_UNSATISFIABLE,
    `Blueprint line ${first.lineIndex} needs ${first.needed} questions of topic ${first.topicId}` +
      `${first.difficulty ? ` (${first.difficulty})` : ''} but only ${first.available} are available`,
    { ...first, shortfalls },
  );
}
