import type { LineCoverage } from '@hoi-thi/contest-engine';
import type { TFunction } from '../../../lib/i18n';

/**
 * A blueprint line's coverage (the engine's `blueprintCoverage`, the rule publishing applies) in
 * words: "The bank has 14 — enough", or why the line is short (alone, or after lines sharing its topic).
 */
export function availabilityText(t: TFunction, check: LineCoverage, needed: number): string {
  if (check.short === 0) return t('builder.blueprint.enough', { inBank: check.inBank });
  return check.left < check.inBank
    ? t('builder.blueprint.shortShared', { needed, inBank: check.inBank, left: check.left })
    : t('builder.blueprint.short', { needed, inBank: check.inBank });
}
