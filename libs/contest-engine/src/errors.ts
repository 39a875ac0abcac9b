/**
 * Every rule the engine refuses to apply fails with an EngineError. The code follows
 * `MODULE.REASON` and is stable: the API maps codes to HTTP once, the engine never knows HTTP.
 */
export class EngineError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The codes the engine throws, so callers can map them without string literals. */
export const EngineErrorCodes = {
  BLUEPRINT_INVALID: 'CONTEST.BLUEPRINT_INVALID',
  BLUEPRINT_UNSATISFIABLE: 'CONTEST.BLUEPRINT_UNSATISFIABLE',
  DUPLICATE_CANDIDATE: 'CONTEST.DUPLICATE_CANDIDATE',
  QUESTION_KEY_EMPTY: 'QUESTION.KEY_EMPTY',
  QUESTION_INVALID_POINTS: 'QUESTION.INVALID_POINTS',
  ATTEMPT_NOT_FINISHED: 'ATTEMPT.NOT_FINISHED',
  LEADERBOARD_OUT_OF_RANGE: 'LEADERBOARD.OUT_OF_RANGE',
  UNIT_NOT_FOUND: 'UNIT.NOT_FOUND',
  UNIT_CYCLE: 'UNIT.CYCLE',
  RUBRIC_INVALID: 'ESSAY.RUBRIC_INVALID',
  RUBRIC_SCORE_INVALID: 'ESSAY.RUBRIC_SCORE_INVALID',
  ESSAY_UNKNOWN_ENTRY: 'ESSAY.UNKNOWN_ENTRY',
  ESSAY_DUPLICATE_SCORE: 'ESSAY.DUPLICATE_SCORE',
  ASSIGNMENT_IMPOSSIBLE: 'ESSAY.ASSIGNMENT_IMPOSSIBLE',
  ASSIGNMENT_NOT_FOUND: 'ESSAY.ASSIGNMENT_NOT_FOUND',
  ANSWER_QUESTION_NOT_IN_PAPER: 'ATTEMPT.QUESTION_NOT_IN_PAPER',
  ANSWER_OPTION_NOT_IN_QUESTION: 'ATTEMPT.OPTION_NOT_IN_QUESTION',
  ANSWER_TOO_MANY_OPTIONS: 'ATTEMPT.TOO_MANY_OPTIONS',
  ROUND_WINDOW_INVALID: 'ROUND.WINDOW_INVALID',
} as const;

export type EngineErrorCode = (typeof EngineErrorCodes)[keyof typeof EngineErrorCodes];
