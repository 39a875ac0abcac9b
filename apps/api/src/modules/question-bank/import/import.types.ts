import type { Difficulty, QuestionType } from '@hoi-thi/contest-engine';
import { SpreadsheetCodes } from '../../../common/spreadsheet/spreadsheet-issues.js';

export type TextFormat = 'plain' | 'html' | 'markdown';

export interface ImportedOption {
  text: string;
  correct: boolean;
  /** GIFT per-answer feedback (`#…`); other formats have none. */
  feedback?: string;
}

/** One question read from a file, before it is stored. Text is NFC and trimmed. */
export interface ImportedQuestion {
  /** 1-based line (row for xlsx) where the question starts. */
  line: number;
  type: QuestionType;
  text: string;
  options: ImportedOption[];
  /** Only the template has a difficulty and points; absent means "use the default". */
  difficulty?: Difficulty;
  points?: number;
  explanation?: string;
  /** GIFT `::title::`. */
  title?: string;
  /** GIFT `$CATEGORY:` path below the imported topic, e.g. ["Bầu cử", "Cử tri"]. */
  category?: string[];
  /** GIFT `[html]` / `[plain]` / `[markdown]` marker, when the file gave one. */
  textFormat?: TextFormat;
}

/**
 * One problem with a file, or one question left out. `column` is where the file has columns:
 * xlsx → the column letter ("K"); csv → the 1-based column number (11); gift and aiken → the
 * question field a rule names ("options.2.text"), or absent.
 */
export interface ImportIssue {
  line: number;
  column?: string | number;
  code: string;
  params?: Record<string, string | number>;
}

export interface ParseResult {
  questions: ImportedQuestion[];
  /** Any error makes the whole import refused (all or nothing). */
  errors: ImportIssue[];
  /** Questions of kinds the platform does not take; reported, never an error. */
  skipped: ImportIssue[];
}

/** The file-level codes are the spreadsheet readers' (common/spreadsheet); the rest are the question import's. */
export const ImportCodes = {
  ...SpreadsheetCodes,
  EMPTY_FILE: 'IMPORT.EMPTY_FILE',
  FORMAT_MISMATCH: 'IMPORT.FORMAT_MISMATCH',
  TEMPLATE_HEADER_MISSING: 'IMPORT.TEMPLATE_HEADER_MISSING',
  TEMPLATE_HEADER_DUPLICATE: 'IMPORT.TEMPLATE_HEADER_DUPLICATE',
  TEMPLATE_OPTION_GAP: 'IMPORT.TEMPLATE_OPTION_GAP',
  TEMPLATE_ANSWER_EMPTY: 'IMPORT.TEMPLATE_ANSWER_EMPTY',
  TEMPLATE_ANSWER_INVALID: 'IMPORT.TEMPLATE_ANSWER_INVALID',
  TEMPLATE_ANSWER_NO_OPTION: 'IMPORT.TEMPLATE_ANSWER_NO_OPTION',
  TEMPLATE_DIFFICULTY: 'IMPORT.TEMPLATE_DIFFICULTY',
  TEMPLATE_POINTS: 'IMPORT.TEMPLATE_POINTS',
  GIFT_UNSUPPORTED_KIND: 'IMPORT.GIFT_UNSUPPORTED_KIND',
  GIFT_UNCLOSED_BRACE: 'IMPORT.GIFT_UNCLOSED_BRACE',
  GIFT_UNEXPECTED_BRACE: 'IMPORT.GIFT_UNEXPECTED_BRACE',
  GIFT_UNCLOSED_TITLE: 'IMPORT.GIFT_UNCLOSED_TITLE',
  GIFT_BAD_WEIGHT: 'IMPORT.GIFT_BAD_WEIGHT',
  GIFT_BAD_ANSWERS: 'IMPORT.GIFT_BAD_ANSWERS',
  AIKEN_OPTION_BEFORE_QUESTION: 'IMPORT.AIKEN_OPTION_BEFORE_QUESTION',
  AIKEN_OPTION_ORDER: 'IMPORT.AIKEN_OPTION_ORDER',
  AIKEN_NO_OPTIONS: 'IMPORT.AIKEN_NO_OPTIONS',
  AIKEN_ANSWER_MISSING: 'IMPORT.AIKEN_ANSWER_MISSING',
  AIKEN_ANSWER_INVALID: 'IMPORT.AIKEN_ANSWER_INVALID',
  AIKEN_ANSWER_UNKNOWN: 'IMPORT.AIKEN_ANSWER_UNKNOWN',
  AIKEN_ANSWER_WITHOUT_QUESTION: 'IMPORT.AIKEN_ANSWER_WITHOUT_QUESTION',
} as const;

export type ImportCode = (typeof ImportCodes)[keyof typeof ImportCodes];

/** GIFT question kinds the platform does not take (the `kind` param of GIFT_UNSUPPORTED_KIND). */
export const UnsupportedGiftKinds = ['essay', 'numeric', 'matching', 'short_answer', 'missing_word', 'description'] as const;
export type UnsupportedGiftKind = (typeof UnsupportedGiftKinds)[number];
