import { compareIds } from '../common/compare.js';
import { roundTo2 } from '../common/hundredths.js';
import { roundTo4 } from '../common/rounding.js';
import { EngineError, EngineErrorCodes } from '../errors.js';

export interface EssayEntryRef {
  entryId: string;
  submittedAt: Date;
}

/** One judge's rubric total for one entry. */
export interface JudgeTotal {
  entryId: string;
  judgeId: string;
  total: number;
}

export interface AggregateOptions {
  /** The highest total a judge can give (`rubricMaxTotal`); sets the default discrepancy threshold. */
  maxTotal: number;
  /** Rank by the z-score normalised mean instead of the raw mean. */
  normalize?: boolean;
  /** Flag an entry when its judges' totals spread by more than this; default 20% of maxTotal. */
  discrepancyThreshold?: number;
}

export interface EssayResult {
  entryId: string;
  judgeTotals: { judgeId: string; total: number }[];
  /** Mean of the judges' raw totals, two decimals; null until a judge has scored. */
  mean: number | null;
  /** Mean of the normalised totals, two decimals; null unless normalising and scored. */
  normalized: number | null;
  /** max − min of the judges' totals; null with fewer than two judges. */
  spread: number | null;
  /** The judges disagree by more than the threshold: the entry wants a further judge. */
  flagged: boolean;
  rank: number;
}

export const DEFAULT_DISCREPANCY_SHARE = 0.2;

/**
 * Per-judge z-score normalisation, rescaled to the raw range so the result reads like a score:
 *
 *   z_ij        = (x_ij − mean_j) / sd_j          over judge j's own totals, population sd
 *   normalized_ij = mean_all + z_ij × sd_all       over every raw total of the round
 *
 * A strict judge and a lenient one then count alike. A judge whose totals are all equal (sd 0,
 * or a single entry) says nothing about relative quality, so z = 0: their entries get mean_all.
 * Returns a value per judgement, keyed `entryId` → `judgeId` → normalised total (unrounded).
 * Totals are taken to 4 decimals, the precision of `rubricTotal`.
 */
export function normalizeJudgeTotals(input: readonly JudgeTotal[]): Map<string, Map<string, number>> {
  // Totals carry 4 decimals (rubricTotal); rounding first keeps 0.1 + 0.2 and 0.3 the same total.
  const totals = input.map((t) => ({ ...t, total: roundTo4(t.total) }));
  const all = stats(totals.map((t) => t.total));
  const byJudge = new Map<string, number[]>();
  for (const { judgeId, total } of totals) {
    const values = byJudge.get(judgeId) ?? [];
    values.push(total);
    byJudge.set(judgeId, values);
  }
  const judgeStats = new Map([...byJudge].map(([judgeId, values]) => [judgeId, stats(values)]));

  const normalized = new Map<string, Map<string, number>>();
  for (const { entryId, judgeId, total } of totals) {
    const judge = judgeStats.get(judgeId)!;
    const z = judge.constant ? 0 : (total - judge.mean) / judge.sd;
    const perEntry = normalized.get(entryId) ?? new Map<string, number>();
    perEntry.set(judgeId, all.mean + z * all.sd);
    normalized.set(entryId, perEntry);
  }
  return normalized;
}

/**
 * Essay results: the judges' totals per entry, their mean, the optional normalised mean, the
 * discrepancy flag, and the rank by the mean used (normalised or raw, as shown: two decimals) ↓,
 * then earlier submission, then entry id. Entries no judge has scored yet come last.
 */
export function aggregateEssayScores(
  entries: readonly EssayEntryRef[],
  totals: readonly JudgeTotal[],
  options: AggregateOptions,
): EssayResult[] {
  const threshold = options.discrepancyThreshold ?? options.maxTotal * DEFAULT_DISCREPANCY_SHARE;
  const known = new Map(entries.map((entry) => [entry.entryId, entry]));
  const byEntry = new Map<string, { judgeId: string; total: number }[]>();
  for (const { entryId, judgeId, total } of totals) {
    if (!known.has(entryId)) {
      throw new EngineError(EngineErrorCodes.ESSAY_UNKNOWN_ENTRY, `A score names unknown entry ${entryId}`, { entryId, judgeId });
    }
    const judged = byEntry.get(entryId) ?? [];
    if (judged.some((j) => j.judgeId === judgeId)) {
      throw new EngineError(EngineErrorCodes.ESSAY_DUPLICATE_SCORE, `Judge ${judgeId} scored entry ${entryId} twice`, { entryId, judgeId });
    }
    judged.push({ judgeId, total });
    byEntry.set(entryId, judged);
  }
  const normalized = options.normalize ? normalizeJudgeTotals(totals) : null;

  const results = entries.map((entry): Omit<EssayResult, 'rank'> => {
    const judgeTotals = (byEntry.get(entry.entryId) ?? []).sort((a, b) => compareIds(a.judgeId, b.judgeId));
    const raw = judgeTotals.map((j) => j.total);
    const spread = raw.length < 2 ? null : roundTo4(Math.max(...raw) - Math.min(...raw));
    const perJudge = normalized?.get(entry.entryId);
    return {
      entryId: entry.entryId,
      judgeTotals,
      mean: raw.length === 0 ? null : roundTo2(mean(raw)),
      normalized: perJudge === undefined ? null : roundTo2(mean([...perJudge.values()])),
      spread,
      flagged: spread !== null && spread > threshold,
    };
  });

  const rankValue = (result: Omit<EssayResult, 'rank'>): number | null =>
    options.normalize ? result.normalized : result.mean;
  return results
    .sort((a, b) => {
      const valueA = rankValue(a);
      const valueB = rankValue(b);
      if (valueA !== valueB) {
        if (valueA === null) return 1;
        if (valueB === null) return -1;
        return valueB - valueA;
      }
      const entryA = known.get(a.entryId)!;
      const entryB = known.get(b.entryId)!;
      return entryA.submittedAt.getTime() - entryB.submittedAt.getTime() || compareIds(a.entryId, b.entryId);
    })
    .map((result, index) => ({ ...result, rank: index + 1 }));
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Population mean and sd; `constant` is decided exactly (all values equal), not by a float sd. */
function stats(values: readonly number[]): { mean: number; sd: number; constant: boolean } {
  if (values.length === 0) return { mean: 0, sd: 0, constant: true };
  const m = mean(values);
  const constant = values.every((v) => v === values[0]);
  const sd = constant ? 0 : Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
  return { mean: m, sd, constant };
}
