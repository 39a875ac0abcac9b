import { EngineError, EngineErrorCodes } from '../errors.js';
import type { EssayResult } from './aggregate.js';

/** Sơ khảo → chung khảo: the best N entries, or every entry at or above a score. Exactly one of the two. */
export interface ShortlistRule {
  top?: number;
  cutoff?: number;
}

/**
 * The entries a preliminary round sends to the final, best first: ranked results in, the first
 * `top` of them or those whose score (normalised or raw, as ranked) is at least `cutoff`. Entries no
 * judge scored never qualify. Ranks are a total order (ties by earlier submission), so "top N" is
 * exactly N entries when that many were scored.
 */
export function shortlistEntries(results: readonly EssayResult[], rule: ShortlistRule, options: { normalize: boolean }): EssayResult[] {
  const hasTop = rule.top !== undefined;
  const hasCutoff = rule.cutoff !== undefined;
  if (hasTop === hasCutoff) {
    throw new EngineError(EngineErrorCodes.SHORTLIST_RULE_INVALID, 'Give either top or cutoff', { rule: hasTop ? 'both' : 'none' });
  }
  if (hasTop && !(Number.isInteger(rule.top) && rule.top! >= 1)) {
    throw new EngineError(EngineErrorCodes.SHORTLIST_RULE_INVALID, 'top must be a positive whole number', { top: rule.top! });
  }
  if (hasCutoff && !Number.isFinite(rule.cutoff)) {
    throw new EngineError(EngineErrorCodes.SHORTLIST_RULE_INVALID, 'cutoff must be a number', { rule: 'cutoff' });
  }
  const scoreOf = (result: EssayResult): number | null => (options.normalize ? result.normalized : result.mean);
  const ranked = [...results].filter((r) => scoreOf(r) !== null).sort((a, b) => a.rank - b.rank);
  return hasTop ? ranked.slice(0, rule.top) : ranked.filter((r) => scoreOf(r)! >= rule.cutoff!);
}

/** A flagged entry gets one further judge, not a stream of them. */
export const MAX_EXTRA_JUDGES = 1;

export type ExtraJudgeRefusal = 'not_flagged' | 'extra_judge_exists';

/** Why an entry may not get a further judge now, or null when it may. */
export function extraJudgeRefusal(result: Pick<EssayResult, 'flagged'>, extraJudges: number): ExtraJudgeRefusal | null {
  if (extraJudges >= MAX_EXTRA_JUDGES) return 'extra_judge_exists';
  if (!result.flagged) return 'not_flagged';
  return null;
}
