import { compareIds } from '../common/compare.js';
import type { BlueprintLine } from '../draw/check-blueprint.js';
import type { DrawCandidate } from '../draw/draw-paper.js';
import type { GradingMode, QuestionType } from '../grading/grade.js';

/**
 * The files of a round's results bundle (API.md "Analytics and verifiable results"): the API writes
 * them, `npm run verify-results` reads them. One shape for both, so the writer and the verifier
 * cannot drift apart.
 */
export const RESULTS_BUNDLE_FORMAT = 'hoi-thi-results-bundle/1';

export const ResultsBundleFiles = {
  results: 'results.csv',
  attempts: 'attempts.jsonl',
  questions: 'questions.jsonl',
  round: 'round.json',
  sums: 'SHA256SUMS',
} as const;

/** The candidate pool a paper was drawn from: the bank's live questions of the blueprint's topics at draw time. */
export interface BundlePool {
  /** SHA-256 (hex) of `canonicalPoolText(candidates)`: attempts name their pool by it. */
  id: string;
  /** The bank revision at which this pool was first stored (later revisions may share it). */
  bankRevision: string;
  candidates: DrawCandidate[];
}

export interface BundleRound {
  format: typeof RESULTS_BUNDLE_FORMAT;
  roundId: string;
  contestId: string;
  contestTitle: string;
  title: string;
  opensAt: string;
  closesAt: string;
  closedAt: string;
  rules: {
    timeLimitSeconds: number;
    maxAttempts: number;
    shuffleQuestions: boolean;
    shuffleOptions: boolean;
    gradingMode: GradingMode;
    predictionQuestion: string | null;
    predictionActual: string | null;
  };
  blueprint: BlueprintLine[];
  /** The prediction question's actual value fixed at close; null without a prediction question. */
  actualValue: number | null;
  pools: BundlePool[];
}

export interface BundlePaperItem {
  questionId: string;
  /** The version the member was shown (drawn). */
  versionId: string;
  /** The version whose key grades it when a regrade corrected the key; absent otherwise. */
  keyVersionId?: string;
  points: number;
  optionOrder: string[];
}

export interface BundleAnswer {
  questionId: string;
  optionIds: string[];
  savedAt: string;
}

/** One line of attempts.jsonl. */
export interface BundleAttempt {
  attemptId: string;
  userId: string;
  number: number;
  status: 'active' | 'submitted' | 'expired';
  seed: string;
  /** The pool the paper was drawn from; null for attempts started before pools were stored. */
  poolId: string | null;
  startedAt: string;
  deadline: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  correctCount: number | null;
  durationMs: number | null;
  prediction: number | null;
  paper: BundlePaperItem[];
  answers: BundleAnswer[];
}

/** One line of questions.jsonl: a question version that is on a paper (shown, or grading after a regrade). */
export interface BundleQuestion {
  versionId: string;
  questionId: string;
  type: QuestionType;
  text: string;
  options: { id: string; text: string; correct: boolean }[];
  points: number;
}

/** One line of results.csv: the round's final board. */
export interface ResultsRow {
  rank: number;
  attemptId: string;
  userId: string;
  fullName: string;
  unitName: string | null;
  score: number;
  prediction: number | null;
  predictionDiff: number | null;
  durationMs: number;
  submittedAt: string;
}

export const RESULTS_CSV_COLUMNS = [
  'rank',
  'attemptId',
  'userId',
  'fullName',
  'unitName',
  'score',
  'prediction',
  'predictionDiff',
  'durationMs',
  'submittedAt',
] as const;

/**
 * The text a pool's id hashes: candidates in question-id order, each with its fields in a fixed
 * order, so the same pool has the same id whatever order the database returned it in.
 */
export function canonicalPoolText(candidates: readonly DrawCandidate[]): string {
  const sorted = [...candidates].sort((a, b) => compareIds(a.questionId, b.questionId));
  return JSON.stringify(
    sorted.map((c) => [c.questionId, c.versionId, c.topicId, c.difficulty, [...c.optionIds], c.points]),
  );
}

/** A spreadsheet would run a cell starting with these as a formula (CSV injection): such cells get a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 with a byte order mark: spreadsheet programs then read the Vietnamese names right. */
export const RESULTS_CSV_BOM = '\uFEFF';

export function resultsCsvHeader(): string {
  return `${RESULTS_CSV_BOM}${RESULTS_CSV_COLUMNS.join(',')}\n`;
}

export function resultsCsvLine(row: ResultsRow): string {
  return `${RESULTS_CSV_COLUMNS.map((column) => csvCell(row[column])).join(',')}\n`;
}

/** Parses results.csv (RFC 4180 quoting); the header must be exactly the contract's columns. */
export function parseResultsCsv(text: string): ResultsRow[] {
  const records = parseCsv(text.startsWith(RESULTS_CSV_BOM) ? text.slice(1) : text);
  const [header, ...lines] = records;
  if (!header || header.join(',') !== RESULTS_CSV_COLUMNS.join(',')) {
    throw new Error(`results.csv: the header is not ${RESULTS_CSV_COLUMNS.join(',')}`);
  }
  return lines.map((cells, index) => {
    if (cells.length !== RESULTS_CSV_COLUMNS.length) throw new Error(`results.csv line ${index + 2}: ${cells.length} columns`);
    const [rank, attemptId, userId, fullName, unitName, score, prediction, predictionDiff, durationMs, submittedAt] = cells;
    return {
      rank: toNumber(rank, index, 'rank'),
      attemptId,
      userId,
      fullName: unquoteFormula(fullName),
      unitName: unitName === '' ? null : unquoteFormula(unitName),
      score: toNumber(score, index, 'score'),
      prediction: prediction === '' ? null : toNumber(prediction, index, 'prediction'),
      predictionDiff: predictionDiff === '' ? null : toNumber(predictionDiff, index, 'predictionDiff'),
      durationMs: toNumber(durationMs, index, 'durationMs'),
      submittedAt,
    };
  });
}

const unquoteFormula = (text: string): string => (text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text);

function toNumber(text: string, index: number, column: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`results.csv line ${index + 2}: ${column} "${text}" is not a number`);
  return value;
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    records.push(cells);
  }
  return records;
}

/** `sha256sum` format: "<hex>  <name>" per line, the order the files were written in. */
export function formatSha256Sums(sums: readonly { name: string; sha256: string }[]): string {
  return sums.map(({ name, sha256 }) => `${sha256}  ${name}\n`).join('');
}

export function parseSha256Sums(text: string): { name: string; sha256: string }[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
      if (!match) throw new Error(`SHA256SUMS: cannot read "${line}"`);
      return { sha256: match[1], name: match[2] };
    });
}
