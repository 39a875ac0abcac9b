export * from './errors.js';
export { toHundredths, fromHundredths, roundTo2 } from './common/hundredths.js';
export * from './random/seeded-random.js';
export {
  type BlueprintLine,
  type BlueprintShortfall,
  blueprintCoverage,
  blueprintUnsatisfiable,
  checkBlueprint,
  Difficulties,
  type Difficulty,
  type LineCoverage,
  type TopicAvailability,
} from './draw/check-blueprint.js';
export * from './draw/draw-paper.js';
export * from './grading/grade.js';
export * from './attempts/timing.js';
export * from './ranking/best-attempt.js';
export * from './ranking/round-ranking.js';
export * from './ranking/live-board-score.js';
export * from './ranking/contest-ranking.js';
export * from './ranking/unit-ranking.js';
export * from './units/unit-tree.js';
export * from './units/unit-import.js';
export * from './essays/rubric.js';
export * from './essays/aggregate.js';
export * from './essays/assign-judges.js';
export * from './essays/entries.js';
export * from './essays/shortlist.js';
export * from './questions/normalize-text.js';
export * from './questions/validate-question.js';
export * from './attempts/answer.js';
export * from './attempts/round-rules.js';
export * from './ranking/rank-changes.js';
export * from './ranking/live-board.js';
export * from './ranking/board-freeze.js';
export * from './people/vietnamese-phone.js';
export * from './analytics/participation.js';
export * from './analytics/item-analysis.js';
export * from './verify/results-bundle.js';
export * from './verify/verify-results.js';
