import type {
  AssignJudgesResponse,
  AssignmentSummary,
  EntryResponse,
  EssayResultEntry,
  EssayResultsResponse,
  JudgeAssignmentResponse,
  JudgingStatusResponse,
  OrganizerEntryResponse,
  PublicEssayResultsResponse,
  ShortlistResponse,
} from '@hoi-thi/contracts';
import type { EntryView, OrganizerEntryView } from './entries.service.js';
import type { ResultsWithAuthors, ShortlistOutcome } from './essay-results.service.js';
import type { AssignResult, AssignmentRow, JudgeAssignmentView, JudgingStatus } from './judging.service.js';

/** What the author sees of their entry. */
export function toEntryResponse({ entry, editable }: EntryView): EntryResponse {
  return {
    id: entry.id,
    roundId: entry.roundId,
    code: entry.code,
    title: entry.title,
    body: entry.body,
    wordCount: entry.wordCount,
    submittedAt: entry.submittedAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    attachment:
      entry.attachmentKind && entry.attachmentUploadedAt
        ? { kind: entry.attachmentKind, size: entry.attachmentSize!, fileName: entry.attachmentName ?? '', uploadedAt: entry.attachmentUploadedAt.toISOString() }
        : null,
    editable,
    shortlistedFromEntryId: entry.sourceEntryId,
  };
}

export function toOrganizerEntryResponse(view: OrganizerEntryView): OrganizerEntryResponse {
  return { ...toEntryResponse(view), authorId: view.entry.authorId, authorName: view.authorName, unitId: view.entry.unitId, unitName: view.unitName };
}

export function toAssignmentSummary({ assignment, entryCode }: AssignmentRow): AssignmentSummary {
  return {
    id: assignment.id,
    entryId: assignment.entryId,
    entryCode,
    judgeId: assignment.judgeId,
    kind: assignment.kind,
    status: assignment.status,
  };
}

export function toAssignResponse(result: AssignResult): AssignJudgesResponse {
  return {
    roundId: result.roundId,
    seed: result.seed,
    judgesPerEntry: result.judgesPerEntry,
    assignments: result.assignments.map(toAssignmentSummary),
    loads: result.loads,
  };
}

/**
 * What a judge sees: built field by field from the entry's code, title, text and attachment type.
 * Nothing here reads the author, their unit, the entry id or the file's name (rọc phách).
 */
export function toJudgeAssignmentResponse({ assignment, entry, prompt, rubric, locked }: JudgeAssignmentView): JudgeAssignmentResponse {
  const response: JudgeAssignmentResponse = {
    id: assignment.id,
    roundId: assignment.roundId,
    entryCode: entry.code,
    title: entry.title,
    body: entry.body,
    wordCount: entry.wordCount,
    prompt,
    rubric: rubric.map((c) => ({ name: c.name, maxPoints: c.maxPoints, weight: c.weight ?? 1 })),
    status: assignment.status === 'scored' ? 'scored' : 'pending',
    attachment: entry.attachmentKind ? { kind: entry.attachmentKind, size: entry.attachmentSize! } : null,
    locked,
  };
  if (assignment.status === 'scored') {
    response.scores = assignment.scores ?? [];
    response.total = assignment.total!;
    response.comment = assignment.comment;
    response.scoredAt = assignment.scoredAt!.toISOString();
  }
  return response;
}

export function toJudgingStatusResponse(status: JudgingStatus): JudgingStatusResponse {
  const { state } = status;
  return {
    roundId: status.roundId,
    entries: status.entries,
    seed: state?.seed ?? null,
    judgeIds: state?.judgeIds ?? [],
    assignedAt: state?.assignedAt?.toISOString() ?? null,
    lockedAt: state?.judgingLockedAt?.toISOString() ?? null,
    publishedAt: state?.resultsPublishedAt?.toISOString() ?? null,
    normalize: state?.normalize ?? false,
    discrepancyThreshold: state?.discrepancyThreshold ?? null,
    shortlistedFromRoundId: state?.sourceRoundId ?? null,
    assignments: status.counts,
    loads: status.loads,
  };
}

export function toEssayResultsResponse(results: ResultsWithAuthors): EssayResultsResponse {
  return {
    roundId: results.round.id,
    normalize: results.normalize,
    maxTotal: results.maxTotal,
    discrepancyThreshold: results.discrepancyThreshold,
    lockedAt: results.state?.judgingLockedAt?.toISOString() ?? null,
    publishedAt: results.state?.resultsPublishedAt?.toISOString() ?? null,
    entries: results.rows.map(({ result, entry, extraJudge }): EssayResultEntry => {
      const author = results.authors.get(entry.id)!;
      return {
        entryId: entry.id,
        code: entry.code,
        title: entry.title,
        authorName: author.fullName,
        unitName: author.unitName,
        judgeTotals: result.judgeTotals,
        mean: result.mean,
        normalized: result.normalized,
        spread: result.spread,
        flagged: result.flagged,
        extraJudge,
        rank: result.rank,
        submittedAt: entry.submittedAt.toISOString(),
      };
    }),
  };
}

/**
 * Published results for everyone: rank, author and unit, the score; no code, no title, no judges, no
 * contact data. A code next to a name would let anyone who later sees that code (a judge of the final
 * round, say) know whose entry it is. The organizers' results and export keep codes.
 */
export function toPublicEssayResultsResponse(results: ResultsWithAuthors): PublicEssayResultsResponse {
  return {
    roundId: results.round.id,
    publishedAt: results.state!.resultsPublishedAt!.toISOString(),
    normalize: results.normalize,
    // Field by field: nothing of the entry itself (id, code, title) is read here.
    entries: results.rows.map(({ result, entry }) => {
      const author = results.authors.get(entry.id)!;
      return {
        rank: result.rank,
        authorName: author.fullName,
        unitName: author.unitName,
        score: results.normalize ? result.normalized : result.mean,
      };
    }),
  };
}

export function toShortlistResponse(outcome: ShortlistOutcome): ShortlistResponse {
  return {
    sourceRoundId: outcome.sourceRoundId,
    finalRoundId: outcome.finalRoundId,
    normalize: outcome.normalize,
    entries: outcome.picks.map(({ copy, source, sourceRank, score }) => ({
      entryId: copy.id,
      code: copy.code,
      sourceEntryId: source.id,
      sourceCode: source.code,
      sourceRank,
      score,
    })),
  };
}
