import { EngineError, EngineErrorCodes } from '../errors.js';

/**
 * Item analysis of a round (API.md "Analytics"): how hard each question was, whether it told strong
 * members from weak ones, whether the paper hangs together, and which questions look wrong.
 *
 * - facility: the mean score fraction (awarded / points) of the attempts whose paper carried it;
 * - discrimination: the point-biserial correlation (Pearson's r) between the item's score and the
 *   rest of the paper (the attempt's total minus the item), null when either never varies;
 * - alpha: Cronbach's alpha over the items every attempt carried,
 *   k / (k − 1) · (1 − Σ var(item) / var(sum of those items)), null below 2 such items or when that
 *   sum never varies;
 * - flags: NEGATIVE_DISCRIMINATION (r < 0: likely a wrong key), TOO_EASY (facility > 0.95),
 *   TOO_HARD (facility < 0.2), FACILITY_JUMP (at least 30 attempts carried it and the facility of the
 *   last third of them, by submission, exceeds that of the first third by more than 0.3: a key
 *   circulating mid-round).
 *
 * Attempts are taken one at a time (a round may hold hundreds of thousands): the sums are updated
 * online (Welford's algorithm: no cancellation, and a score that never varies gives exactly 0), and
 * only one number per (attempt, item) is kept, for the facility jump.
 */

export const ItemFlags = ['NEGATIVE_DISCRIMINATION', 'TOO_EASY', 'TOO_HARD', 'FACILITY_JUMP'] as const;
export type ItemFlag = (typeof ItemFlags)[number];

export const ITEM_THRESHOLDS = {
  tooEasy: 0.95,
  tooHard: 0.2,
  jump: 0.3,
  jumpMinAttempts: 30,
} as const;

/** One question of a finished attempt as graded. */
export interface ItemScore {
  questionId: string;
  /** What the attempt was awarded for it (the grade against the key that counts). */
  awarded: number;
  /** What it was worth on this paper (> 0). */
  points: number;
  /** The options the member chose (empty when left blank). */
  chosen: readonly string[];
}

/** A finished attempt: its items in any order. Give attempts in submission order (ties keep the order given). */
export interface ScoredAttempt {
  items: readonly ItemScore[];
}

export interface ItemStatistics {
  questionId: string;
  /** Finished attempts whose paper carried the question (a blank counts, as a score of 0). */
  answered: number;
  facility: number;
  discrimination: number | null;
  /** optionId → attempts that chose it. */
  chosenBy: Map<string, number>;
  flags: ItemFlag[];
}

export interface ItemAnalysis {
  attempts: number;
  alpha: number | null;
  /** In the order the questions were first met. */
  items: ItemStatistics[];
}

/** Running sums of one item: Welford's co-moments of (item score x, rest of the paper r). */
class ItemSums {
  n = 0;
  fractionSum = 0;
  meanX = 0;
  meanR = 0;
  /** Σ (x − x̄)², Σ (r − r̄)², Σ (x − x̄)(r − r̄) */
  m2x = 0;
  m2r = 0;
  cxr = 0;
  readonly chosenBy = new Map<string, number>();
  /** Score fractions in submission order (for the facility jump). */
  fractions: number[] = [];

  constructor(readonly questionId: string) {}

  add(x: number, r: number, fraction: number, chosen: readonly string[]): void {
    this.n += 1;
    this.fractionSum += fraction;
    this.fractions.push(fraction);
    const dx = x - this.meanX;
    const dr = r - this.meanR;
    this.meanX += dx / this.n;
    this.meanR += dr / this.n;
    this.m2x += dx * (x - this.meanX);
    this.m2r += dr * (r - this.meanR);
    this.cxr += dx * (r - this.meanR);
    for (const optionId of new Set(chosen)) this.chosenBy.set(optionId, (this.chosenBy.get(optionId) ?? 0) + 1);
  }
}

/**
 * The items every attempt so far carried, with the running means and co-moments of their scores
 * (Welford's algorithm for a vector): what Cronbach's alpha needs once the last attempt is in.
 * Only the first attempt's items can be on every paper, so the matrix is at most a paper square.
 */
class CommonItems {
  private ids: string[] | null = null;
  private n = 0;
  private mean: number[] = [];
  /** comoment[i][j] = Σ (xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ) */
  private comoment: number[][] = [];

  add(scores: Map<string, number>): void {
    if (this.ids === null) {
      this.ids = [...scores.keys()];
      this.mean = this.ids.map(() => 0);
      this.comoment = this.ids.map(() => this.ids!.map(() => 0));
    } else if (this.ids.some((id) => !scores.has(id))) {
      const keep = this.ids.map((id, i) => (scores.has(id) ? i : -1)).filter((i) => i >= 0);
      this.ids = keep.map((i) => this.ids![i]);
      this.mean = keep.map((i) => this.mean[i]);
      this.comoment = keep.map((i) => keep.map((j) => this.comoment[i][j]));
    }
    this.n += 1;
    const x = this.ids.map((id) => scores.get(id)!);
    const before = x.map((value, i) => value - this.mean[i]);
    for (let i = 0; i < x.length; i++) this.mean[i] += before[i] / this.n;
    for (let i = 0; i < x.length; i++) {
      const after = x[i] - this.mean[i];
      for (let j = 0; j < x.length; j++) this.comoment[j][i] += before[j] * after;
    }
  }

  /** k / (k − 1) · (1 − Σ var(xᵢ) / var(Σ xᵢ)); the 1/n of each variance cancels out. */
  alpha(): number | null {
    const k = this.ids?.length ?? 0;
    if (k < 2) return null;
    let itemVariances = 0;
    let totalVariance = 0;
    for (let i = 0; i < k; i++) {
      itemVariances += this.comoment[i][i];
      for (let j = 0; j < k; j++) totalVariance += this.comoment[i][j];
    }
    // Totals that never vary sum to 0 up to rounding: a ratio that small means no spread at all.
    if (!(totalVariance > 1e-9 * itemVariances) || totalVariance <= 0) return null;
    return (k / (k - 1)) * (1 - itemVariances / totalVariance);
  }
}

/** Attempts in, the analysis out: `add` each finished attempt in submission order, then `result`. */
export class ItemAnalysisAccumulator {
  private attempts = 0;
  private readonly items = new Map<string, ItemSums>();
  private readonly common = new CommonItems();

  add(attempt: ScoredAttempt): void {
    // One entry per question (a paper never repeats one; if it did, its parts would add up).
    const merged = new Map<string, { awarded: number; points: number; chosen: string[] }>();
    for (const item of attempt.items) {
      if (!Number.isFinite(item.points) || item.points <= 0) {
        throw new EngineError(EngineErrorCodes.QUESTION_INVALID_POINTS, `Question ${item.questionId} has invalid points`, {
          questionId: item.questionId,
          points: item.points,
        });
      }
      const entry = merged.get(item.questionId) ?? { awarded: 0, points: 0, chosen: [] };
      entry.awarded += item.awarded;
      entry.points += item.points;
      entry.chosen.push(...item.chosen);
      merged.set(item.questionId, entry);
    }
    let total = 0;
    for (const entry of merged.values()) total += entry.awarded;
    for (const [questionId, entry] of merged) {
      let sums = this.items.get(questionId);
      if (!sums) this.items.set(questionId, (sums = new ItemSums(questionId)));
      sums.add(entry.awarded, total - entry.awarded, entry.awarded / entry.points, entry.chosen);
    }
    this.common.add(new Map([...merged].map(([questionId, entry]) => [questionId, entry.awarded])));
    this.attempts += 1;
  }

  result(): ItemAnalysis {
    return {
      attempts: this.attempts,
      alpha: this.attempts ? this.common.alpha() : null,
      items: [...this.items.values()].map(statisticsOf),
    };
  }
}

/** The whole analysis of attempts given in submission order. */
export function analyzeItems(attempts: Iterable<ScoredAttempt>): ItemAnalysis {
  const accumulator = new ItemAnalysisAccumulator();
  for (const attempt of attempts) accumulator.add(attempt);
  return accumulator.result();
}

function statisticsOf(sums: ItemSums): ItemStatistics {
  const facility = sums.fractionSum / sums.n;
  const discrimination = sums.m2x > 0 && sums.m2r > 0 ? sums.cxr / Math.sqrt(sums.m2x * sums.m2r) : null;
  const flags: ItemFlag[] = [];
  if (discrimination !== null && discrimination < 0) flags.push('NEGATIVE_DISCRIMINATION');
  if (facility > ITEM_THRESHOLDS.tooEasy) flags.push('TOO_EASY');
  if (facility < ITEM_THRESHOLDS.tooHard) flags.push('TOO_HARD');
  if (facilityJump(sums.fractions) > ITEM_THRESHOLDS.jump) flags.push('FACILITY_JUMP');
  return { questionId: sums.questionId, answered: sums.n, facility, discrimination, chosenBy: sums.chosenBy, flags };
}

/**
 * Facility of the last third of the item's attempts minus that of the first third (each ⌊n / 3⌋
 * attempts, in submission order); 0 below ITEM_THRESHOLDS.jumpMinAttempts attempts. The sums are
 * subtracted before dividing, so 4/10 − 1/10 is exactly 0.3 (not above it).
 */
export function facilityJump(fractionsInSubmissionOrder: readonly number[]): number {
  const n = fractionsInSubmissionOrder.length;
  if (n < ITEM_THRESHOLDS.jumpMinAttempts) return 0;
  const third = Math.floor(n / 3);
  let first = 0;
  let last = 0;
  for (let i = 0; i < third; i++) {
    first += fractionsInSubmissionOrder[i];
    last += fractionsInSubmissionOrder[n - third + i];
  }
  return (last - first) / third;
}
