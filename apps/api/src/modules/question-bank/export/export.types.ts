import type { Difficulty, QuestionType } from '@hoi-thi/contest-engine';

/** A stored question as the writers take it. */
export interface ExportQuestion {
  type: QuestionType;
  text: string;
  options: readonly { text: string; correct: boolean }[];
  difficulty: Difficulty;
  points: number;
  explanation: string | null;
  /** Written as GIFT `::title::` when given. */
  title?: string;
  /** GIFT `$CATEGORY` path (the topic and its parents, from the exported topic down). */
  category?: readonly string[];
}

/** A question a format cannot hold, by its 0-based position in the input. */
export interface ExportSkip {
  index: number;
  code: ExportCode;
}

export const ExportCodes = {
  AIKEN_MULTIPLE: 'EXPORT.AIKEN_MULTIPLE',
} as const;

export type ExportCode = (typeof ExportCodes)[keyof typeof ExportCodes];
