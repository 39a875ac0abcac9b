import type { Difficulty, QuestionType } from './questions.js';

export const ContestKinds = ['quiz', 'essay'] as const;
export type ContestKind = (typeof ContestKinds)[number];

export const ContestStatuses = ['draft', 'published', 'finished'] as const;
export type ContestStatus = (typeof ContestStatuses)[number];

export const PredictionActualKinds = ['participants', 'attempts', 'manual'] as const;
export type PredictionActualKind = (typeof PredictionActualKinds)[number];

export const ReviewAfterOptions = ['submit', 'close', 'never'] as const;
export type ReviewAfter = (typeof ReviewAfterOptions)[number];

export const GradingModes = ['all_or_nothing', 'partial'] as const;
export type GradingMode = (typeof GradingModes)[number];

/** An essay round's prompt (đề bài): long enough for a page of context, short enough to read on a phone. */
export const ROUND_PROMPT_MAX_LENGTH = 5000;

/** `upcoming` before opensAt, `open` inside the window, `closed` after closesAt or once closed by an organizer. */
export type RoundPhase = 'upcoming' | 'open' | 'closed';

export interface BlueprintLineDto {
  topicId: string;
  count: number;
  difficulty?: Difficulty;
  points?: number;
}

export interface RubricCriterionDto {
  name: string;
  maxPoints: number;
  weight?: number;
}

export interface RoundResponse {
  id: string;
  contestId: string;
  position: number;
  kind: ContestKind;
  title: string;
  opensAt: string;
  closesAt: string;
  phase: RoundPhase;
  /** Set once an organizer closes the round (the board is then final). */
  closedAt: string | null;
  actualValue: number | null;
  // quiz rounds
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionCount: number | null;
  blueprint: BlueprintLineDto[] | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  gradingMode: GradingMode;
  predictionQuestion: string | null;
  predictionActual: PredictionActualKind | null;
  reviewAfter: ReviewAfter;
  /** The last minutes before close in which public boards stop changing (0 = no freeze). */
  freezeMinutes: number;
  // essay rounds
  /** The essay's prompt (đề bài); null when the organizer gave none. */
  prompt: string | null;
  rubric: RubricCriterionDto[] | null;
  judgesPerEntry: number | null;
  minWords: number | null;
  maxWords: number | null;
}

/** What the signed-in member has done in a round (GET /api/rounds/:id). */
export interface RoundMemberState {
  attemptsUsed: number;
  attemptsLeft: number;
  activeAttemptId: string | null;
  best: { attemptId: string; score: number; durationMs: number; submittedAt: string } | null;
}

export interface RoundDetailResponse extends RoundResponse {
  contestTitle: string;
  contestStatus: ContestStatus;
  me: RoundMemberState | null;
}

export interface ContestResponse {
  id: string;
  title: string;
  description: string | null;
  kind: ContestKind;
  status: ContestStatus;
  eligibleUnitIds: string[];
  rounds: RoundResponse[];
  createdAt: string;
  publishedAt: string | null;
  /** Who may change the contest and its rounds, close, regrade and export (admins always may). */
  managerIds: string[];
  /** Whether the caller may manage it (a manager or an admin). */
  canManage: boolean;
}

/** `GET /api/contests/:id/managers` (managers): who they are; `PUT` takes `{userIds}`. */
export interface ContestManagerResponse {
  id: string;
  fullName: string;
  email: string;
}

export interface SetContestManagersRequest {
  userIds: string[];
}

/**
 * `POST /api/rounds/:id/preview` (managers): a paper drawn as a start would draw it, with its key.
 * Nothing is stored, scored or ranked.
 */
export interface RoundPreviewResponse {
  roundId: string;
  seed: string;
  maxScore: number;
  questions: {
    id: string;
    versionId: string;
    type: QuestionType;
    text: string;
    points: number;
    options: { id: string; text: string; correct: boolean }[];
    explanation: string | null;
  }[];
}

export interface CreateContestRequest {
  title: string;
  description?: string;
  kind: ContestKind;
  eligibleUnitIds?: string[];
}

export interface CreateQuizRoundRequest {
  title: string;
  opensAt: string;
  closesAt: string;
  timeLimitSeconds: number;
  maxAttempts: number;
  blueprint: BlueprintLineDto[];
  shuffleQuestions?: boolean;
  shuffleOptions?: boolean;
  gradingMode?: GradingMode;
  predictionQuestion?: string;
  predictionActual?: PredictionActualKind;
  reviewAfter?: ReviewAfter;
  freezeMinutes?: number;
}

// ---------------------------------------------------------------------------------------------
// Attempts

export const AttemptStatuses = ['active', 'submitted', 'expired'] as const;
export type AttemptStatus = (typeof AttemptStatuses)[number];

/** A question as a member sees it while the attempt can be taken: never a key or explanation. */
export interface PaperQuestion {
  id: string;
  type: QuestionType;
  text: string;
  points: number;
  options: { id: string; text: string }[];
}

export interface AttemptResult {
  score: number;
  maxScore: number;
  correctCount: number;
  durationMs: number;
  submittedAt: string;
}

export interface AttemptResponse {
  id: string;
  roundId: string;
  status: AttemptStatus;
  startedAt: string;
  deadline: string;
  serverTime: string;
  questions: PaperQuestion[];
  predictionQuestion: string | null;
  prediction: number | null;
  attemptsLeft: number;
  /** questionId → chosen option ids (GET only; empty on start). */
  answers: Record<string, { optionIds: string[] }>;
  score?: number;
  maxScore?: number;
  correctCount?: number;
  durationMs?: number;
  submittedAt?: string;
}

export interface SaveAnswerResponse {
  questionId: string;
  savedAt: string;
  /** Grows by one with each accepted write of this answer: the highest is the stored one. */
  revision: number;
}

export interface SubmitResponse extends AttemptResult {
  id: string;
  status: AttemptStatus;
  prediction: number | null;
}

/** GET /api/rounds/:id/attempts/mine */
export interface AttemptSummary {
  id: string;
  roundId: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  deadline: string;
  submittedAt: string | null;
  score: number | null;
  maxScore: number | null;
  correctCount: number | null;
  durationMs: number | null;
  prediction: number | null;
  best: boolean;
}

export interface ReviewQuestion {
  id: string;
  type: QuestionType;
  text: string;
  points: number;
  options: { id: string; text: string; correct: boolean }[];
  chosenOptionIds: string[];
  correct: boolean;
  awarded: number;
  explanation: string | null;
}

export interface AttemptReviewResponse {
  id: string;
  roundId: string;
  status: AttemptStatus;
  score: number;
  maxScore: number;
  questions: ReviewQuestion[];
}

export interface RegradeResponse {
  dryRun: boolean;
  questions: { questionId: string; fromVersionIds: string[]; toVersionId: string }[];
  changed: { attemptId: string; userId: string; oldScore: number; newScore: number }[];
  rankChanges: number;
  regradeId: string | null;
}

/** PUT /api/attempts/:id/prediction */
export interface SavePredictionResponse {
  prediction: number;
  savedAt: string;
}

/** GET /api/rounds/:id/participation (organizers) */
export interface ParticipationResponse {
  roundId: string;
  bucket: 'hour' | 'day';
  /** Distinct members with a finished attempt. */
  participants: number;
  finished: number;
  active: number;
  timeline: { at: string; started: number; finished: number }[];
}
