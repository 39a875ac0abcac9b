import type { RubricCriterionDto } from './contests.js';

// ---------------------------------------------------------------------------------------------
// Entries (bài dự thi)

/** Attachment types, decided by the file's content (magic bytes), never by its name. */
export const AttachmentKinds = ['pdf', 'docx'] as const;
export type AttachmentKind = (typeof AttachmentKinds)[number];

/** At most 10 MB per attachment. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export interface SubmitEntryRequest {
  title: string;
  body: string;
}

export type UpdateEntryRequest = SubmitEntryRequest;

export interface EntryAttachment {
  kind: AttachmentKind;
  size: number;
  /** The name it was uploaded under: shown to its author and the organizers only. */
  fileName: string;
  uploadedAt: string;
}

/** An entry as its author sees it (POST/PUT/GET mine). */
export interface EntryResponse {
  id: string;
  roundId: string;
  /** `BV-042917`: random, unique in the round, unrelated to submission order; what the judges see instead of the author. */
  code: string;
  title: string;
  body: string;
  wordCount: number;
  submittedAt: string;
  updatedAt: string;
  attachment: EntryAttachment | null;
  /** The author may still change it: the round is open and it is not a finalist copy. */
  editable: boolean;
  /** A finalist's copy in a final round: the preliminary entry it was shortlisted from. */
  shortlistedFromEntryId: string | null;
}

/** An entry with its author, for the organizers (`GET /api/rounds/:id/entries`). */
export interface OrganizerEntryResponse extends EntryResponse {
  authorId: string;
  authorName: string;
  unitId: string;
  unitName: string | null;
}

// ---------------------------------------------------------------------------------------------
// Assignment of judges

export interface AssignJudgesRequest {
  judgeIds: string[];
  /** Same entries, judges and seed: same assignment. A random seed is drawn and stored when absent. */
  seed?: string;
}

/** `initial` from the assignment, `replacement` after a judge declared a conflict, `extra` for a flagged entry. */
export const AssignmentKinds = ['initial', 'replacement', 'extra'] as const;
export type AssignmentKind = (typeof AssignmentKinds)[number];

/** `conflict`: the judge declared a conflict of interest and the entry moved to another judge. */
export const AssignmentStatuses = ['pending', 'scored', 'conflict'] as const;
export type AssignmentStatus = (typeof AssignmentStatuses)[number];

/** One judge on one entry, as the organizers see it. */
export interface AssignmentSummary {
  id: string;
  entryId: string;
  entryCode: string;
  judgeId: string;
  kind: AssignmentKind;
  status: AssignmentStatus;
}

export interface AssignJudgesResponse {
  roundId: string;
  seed: string;
  judgesPerEntry: number;
  assignments: AssignmentSummary[];
  /** Entries per judge of the pool (0 for a judge eligible for none). */
  loads: { judgeId: string; load: number }[];
}

// ---------------------------------------------------------------------------------------------
// Judging (blind: nothing here names the author)

export interface CriterionScoreDto {
  criterion: string;
  points: number;
}

export interface ScoreAssignmentRequest {
  scores: CriterionScoreDto[];
  comment?: string;
}

/** An assignment as its judge sees it: the entry's code and text, never its author. */
export interface JudgeAssignmentResponse {
  id: string;
  roundId: string;
  entryCode: string;
  title: string;
  body: string;
  wordCount: number;
  /** The round's prompt (đề bài) the entry answers; null when none was given. */
  prompt: string | null;
  rubric: RubricCriterionDto[];
  status: Exclude<AssignmentStatus, 'conflict'>;
  scores?: CriterionScoreDto[];
  /** Σ points × weight. */
  total?: number;
  comment?: string | null;
  scoredAt?: string;
  /** Download it from `GET /api/judging/assignments/:id/attachment`, author metadata removed. */
  attachment: { kind: AttachmentKind; size: number } | null;
  /** Judging of the round is locked: scores can no longer change. */
  locked: boolean;
}

export interface ConflictResponse {
  id: string;
  status: 'conflict';
}

export interface JudgingLockResponse {
  roundId: string;
  lockedAt: string;
  scored: number;
  pending: number;
}

/** The judging of an essay round at a glance (organizer). */
export interface JudgingStatusResponse {
  roundId: string;
  entries: number;
  seed: string | null;
  judgeIds: string[];
  assignedAt: string | null;
  lockedAt: string | null;
  publishedAt: string | null;
  normalize: boolean;
  /** Null: the default, 20% of the highest total. */
  discrepancyThreshold: number | null;
  /** The final round this one was shortlisted from (it takes no direct entries). */
  shortlistedFromRoundId: string | null;
  assignments: { pending: number; scored: number; conflict: number };
  loads: { judgeId: string; load: number }[];
}

export interface EssaySettingsRequest {
  /** Rank by the per-judge z-score normalised mean (published results and shortlists use it). */
  normalize?: boolean;
  /** Flag entries whose judges' totals spread by more than this; null restores 20% of the highest total. */
  discrepancyThreshold?: number | null;
}

// ---------------------------------------------------------------------------------------------
// Results

export interface EssayResultEntry {
  entryId: string;
  code: string;
  title: string;
  authorName: string;
  unitName: string | null;
  judgeTotals: { judgeId: string; total: number }[];
  /** Mean of the judges' totals, two decimals; null until scored. */
  mean: number | null;
  /** Mean of the per-judge normalised totals; null unless `normalize`. */
  normalized: number | null;
  /** max − min of the judges' totals; null with fewer than two. */
  spread: number | null;
  flagged: boolean;
  /** An extra judge was added for the discrepancy. */
  extraJudge: boolean;
  rank: number;
  submittedAt: string;
}

export interface EssayResultsResponse {
  roundId: string;
  normalize: boolean;
  maxTotal: number;
  discrepancyThreshold: number;
  lockedAt: string | null;
  publishedAt: string | null;
  entries: EssayResultEntry[];
}

export interface PublishEssayResultsRequest {
  /** Defaults to the round's setting. */
  normalize?: boolean;
}

/**
 * Published results, for everyone: never an email or a phone number, nor the judges. No title
 * either: a finalist's copy keeps its title, and the final's judges must not match it to a name.
 */
export interface PublicEssayResultsResponse {
  roundId: string;
  publishedAt: string;
  normalize: boolean;
  /** Never an entry code: a code next to a name would un-blind a later stage. */
  entries: { rank: number; authorName: string; unitName: string | null; score: number | null }[];
}

export interface ShortlistRequest {
  finalRoundId: string;
  /** The best N … */
  top?: number;
  /** … or every entry scoring at least this (exactly one of the two). */
  cutoff?: number;
  /** Defaults to the round's setting. */
  normalize?: boolean;
}

export interface ShortlistResponse {
  sourceRoundId: string;
  finalRoundId: string;
  normalize: boolean;
  entries: { entryId: string; code: string; sourceEntryId: string; sourceCode: string; sourceRank: number; score: number }[];
}
