import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  aggregateEssayScores,
  assignJudges,
  type EntryAuthor,
  EngineError,
  EngineErrorCodes,
  extraJudgeRefusal,
  type JudgeAssignment,
  pickAdditionalJudge,
  type PoolJudge,
  reassignOnConflict,
  roundPhase,
  rubricMaxTotal,
  rubricTotal,
  type RubricScoreProblem,
  type UnitNode,
  validateRubricScores,
} from '@hoi-thi/contest-engine';
import type { AssignmentStatus, CriterionScoreDto, RubricCriterionDto } from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { DomainError, type ValidationDetail } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { ContestAccess } from '../contests/contest-access.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { ContestsService } from '../contests/contests.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import { AttachmentStore } from './attachments/attachment-store.js';
import { stripAuthor } from './attachments/strip-author.js';
import type { AttachmentDownload } from './entries.service.js';
import type { EssayAssignmentEntity } from './essay-assignment.entity.js';
import type { EssayEntryEntity } from './essay-entry.entity.js';
import type { EssayRoundStateEntity } from './essay-round-state.entity.js';
import { EssayErrors } from './essays.errors.js';
import { EssaysRepository } from './essays.repository.js';

const LIVE: AssignmentStatus[] = ['pending', 'scored'];

/** What a judge sees of one assignment: the entry's code and text, the rubric, their scores. */
export interface JudgeAssignmentView {
  assignment: EssayAssignmentEntity;
  entry: EssayEntryEntity;
  /** The round's prompt (đề bài), shown beside the rubric. */
  prompt: string | null;
  rubric: RubricCriterionDto[];
  locked: boolean;
}

/** An assignment for the organizers, with its entry's code. */
export interface AssignmentRow {
  assignment: EssayAssignmentEntity;
  entryCode: string;
}

export interface AssignResult {
  roundId: string;
  seed: string;
  judgesPerEntry: number;
  assignments: AssignmentRow[];
  loads: { judgeId: string; load: number }[];
}

export interface JudgingStatus {
  state: EssayRoundStateEntity | null;
  roundId: string;
  entries: number;
  counts: Record<AssignmentStatus, number>;
  loads: { judgeId: string; load: number }[];
}

/**
 * Judging: the assignment of judges (engine `assignJudges`, seeded and stored), the blind view of
 * a judge's entries, rubric scores, conflicts of interest (`reassignOnConflict`), a further judge
 * for a flagged entry (`pickAdditionalJudge`) and the lock that freezes the scores. Every change to a
 * round's assignments first locks its essay state row; scoring share-locks it, so a score either
 * lands before the lock or is refused after it.
 */
@Injectable()
export class JudgingService {
  constructor(
    private readonly essays: EssaysRepository,
    private readonly contests: ContestsService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly store: AttachmentStore,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly access: ContestAccess,
  ) {}

  /**
   * Assigns `judgesPerEntry` judges of the pool to every entry, none from the author's unit or a
   * unit above or below it, loads within one. May run again (another pool or seed) until a judge
   * has scored.
   */
  async assign(roundId: string, judgeIds: string[], seed = randomBytes(16).toString('hex')): Promise<AssignResult> {
    const now = this.clock.now();
    const units = await this.unitNodes();
    return this.essays.transaction(async (tx) => {
      const round = await this.essayRound(roundId, tx);
      const state = await this.essays.lockState(tx, roundId);
      if (state.judgingLockedAt) throw EssayErrors.error('JUDGING.LOCKED');
      // Entries of a submission round can change until it closes; a final round's come from the shortlist.
      if (!state.sourceRoundId && roundPhase(now, round) !== 'closed') {
        throw EssayErrors.error('ESSAY.ROUND_STILL_OPEN', { closesAt: round.closesAt.toISOString() });
      }
      const judges = await this.judgePool(judgeIds, tx, true);
      await this.assertJudgesNotContestants(round.contestId, judgeIds, tx);
      const entries = await this.essays.entriesOfRound(roundId, tx);
      if (!entries.length) throw EssayErrors.error('ESSAY.NO_ENTRIES');
      if ((await this.essays.countByStatus(roundId, tx)).scored > 0) throw EssayErrors.error('ESSAY.ALREADY_SCORED');

      const plan = withEntryCodes(entries, () =>
        assignJudges({ entries: entries.map(authorOf), judges, units, judgesPerEntry: round.judgesPerEntry!, seed }),
      );
      await this.essays.deleteAssignments(roundId, tx);
      const saved = await this.essays.insertAssignments(
        plan.assignments.map((a) => ({ roundId, entryId: a.entryId, judgeId: a.judgeId, kind: 'initial' as const, createdAt: now })),
        tx,
      );
      Object.assign(state, { seed, judgeIds: [...judgeIds], assignedAt: now });
      await this.essays.saveState(state, tx);
      const codes = new Map(entries.map((e) => [e.id, e.code]));
      return {
        roundId,
        seed,
        judgesPerEntry: round.judgesPerEntry!,
        assignments: saved.map((assignment) => ({ assignment, entryCode: codes.get(assignment.entryId)! })),
        loads: plan.loads,
      };
    });
  }

  /** A round's assignments, conflicts included, for the organizers. */
  async assignments(roundId: string): Promise<AssignmentRow[]> {
    await this.essayRound(roundId);
    const [assignments, entries] = await Promise.all([this.essays.assignmentsOfRound(roundId), this.essays.entriesOfRound(roundId)]);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const numberOf = (row: AssignmentRow) => byId.get(row.assignment.entryId)!.number;
    return assignments
      .map((assignment) => ({ assignment, entryCode: byId.get(assignment.entryId)!.code }))
      .sort((a, b) => numberOf(a) - numberOf(b) || a.assignment.createdAt.getTime() - b.assignment.createdAt.getTime());
  }

  async status(roundId: string): Promise<JudgingStatus> {
    await this.essayRound(roundId);
    const [state, entries, counts, live] = await Promise.all([
      this.essays.findState(roundId),
      this.essays.countEntries(roundId),
      this.essays.countByStatus(roundId),
      this.essays.assignmentsOfRound(roundId, undefined, LIVE),
    ]);
    return { state, roundId, entries, counts, loads: loadsOf(state?.judgeIds ?? [], live) };
  }

  async updateSettings(roundId: string, settings: { normalize?: boolean; discrepancyThreshold?: number | null }): Promise<JudgingStatus> {
    await this.essays.transaction(async (tx) => {
      await this.essayRound(roundId, tx);
      const state = await this.essays.lockState(tx, roundId);
      if (state.resultsPublishedAt) throw EssayErrors.error('ESSAY.RESULTS_PUBLISHED');
      if (settings.normalize !== undefined) state.normalize = settings.normalize;
      if (settings.discrepancyThreshold !== undefined) state.discrepancyThreshold = settings.discrepancyThreshold;
      await this.essays.saveState(state, tx);
    });
    return this.status(roundId);
  }

  /** The judge's live assignments (a conflict they declared is gone from their list). */
  async judgeAssignments(user: AuthUser, roundId?: string): Promise<JudgeAssignmentView[]> {
    const rows = await this.essays.assignmentsOfJudge(user.id, roundId);
    const roundIds = [...new Set(rows.map((row) => row.assignment.roundId))];
    const [rounds, states] = await Promise.all([
      Promise.all(roundIds.map((id) => this.contests.roundById(id))),
      this.essays.statesOf(roundIds),
    ]);
    const roundOf = new Map(rounds.map(({ round }) => [round.id, round]));
    const locked = new Set(states.filter((s) => s.judgingLockedAt).map((s) => s.roundId));
    return rows.map(({ assignment, entry }) => {
      const round = roundOf.get(assignment.roundId)!;
      return { assignment, entry, prompt: round.prompt, rubric: round.rubric ?? [], locked: locked.has(assignment.roundId) };
    });
  }

  async judgeAssignment(user: AuthUser, assignmentId: string): Promise<JudgeAssignmentView> {
    const assignment = await this.ownLiveAssignment(user, assignmentId);
    return this.viewOf(assignment);
  }

  /**
   * Scores an assignment: every rubric criterion once, 0 … maxPoints in quarter steps (engine);
   * total = Σ points × weight. Replaces earlier scores until the organizers lock the judging.
   */
  async score(user: AuthUser, assignmentId: string, scores: CriterionScoreDto[], comment: string | undefined): Promise<JudgeAssignmentView> {
    const now = this.clock.now();
    const saved = await this.essays.transaction(async (tx) => {
      const found = await this.ownLiveAssignment(user, assignmentId, tx);
      // Lock order everywhere: the round's state row, then assignment rows.
      const state = await this.essays.shareState(tx, found.roundId);
      if (state?.judgingLockedAt) throw EssayErrors.error('JUDGING.LOCKED');
      const assignment = (await this.essays.findAssignment(assignmentId, tx, true))!;
      if (assignment.status === 'conflict') throw EssayErrors.error('ASSIGNMENT.WITHDRAWN');
      const { round } = await this.contests.roundById(assignment.roundId, tx);
      const rubric = round.rubric ?? [];
      const problems = validateRubricScores(scores, rubric);
      if (problems.length) throw rubricScoreError(problems, scores, rubric);
      const points = new Map(scores.map((s) => [s.criterion, s.points]));
      assignment.scores = rubric.map((criterion) => ({ criterion: criterion.name, points: points.get(criterion.name)! }));
      assignment.total = rubricTotal(scores, rubric);
      assignment.comment = comment || null;
      assignment.status = 'scored';
      assignment.scoredAt = now;
      return this.essays.saveAssignment(assignment, tx);
    });
    return this.viewOf(saved);
  }

  /**
   * A judge declares a conflict of interest: the entry goes to the least loaded neutral judge of the
   * pool who has not declared one on it (engine); if there is none, nothing changes (409).
   */
  async declareConflict(user: AuthUser, assignmentId: string): Promise<EssayAssignmentEntity> {
    const now = this.clock.now();
    const units = await this.unitNodes();
    return this.essays.transaction(async (tx) => {
      const found = await this.essays.findAssignment(assignmentId, tx);
      if (!found) throw EssayErrors.error('ASSIGNMENT.NOT_FOUND');
      if (found.judgeId !== user.id) throw EssayErrors.error('ASSIGNMENT.FORBIDDEN');
      const state = await this.essays.lockState(tx, found.roundId);
      const assignment = (await this.essays.findAssignment(assignmentId, tx, true))!;
      if (assignment.status === 'conflict') return assignment;
      if (state.judgingLockedAt) throw EssayErrors.error('JUDGING.LOCKED');

      const entry = (await this.essays.findEntry(assignment.entryId, tx))!;
      const { live, excluded, judges } = await this.replacementContext(state, entry, tx);
      const { replacement } = noEligibleJudge(() =>
        reassignOnConflict(live, entry.id, assignment.judgeId, { entries: [authorOf(entry)], judges, units, excludeJudgeIds: excluded }),
      );
      assignment.status = 'conflict';
      assignment.conflictAt = now;
      await this.essays.saveAssignment(assignment, tx);
      await this.essays.insertAssignments([{ roundId: assignment.roundId, entryId: entry.id, judgeId: replacement.judgeId, kind: 'replacement', createdAt: now }], tx);
      return assignment;
    });
  }

  /** One further judge for an entry whose judges disagree by more than the round's threshold. */
  async addExtraJudge(caller: AuthUser, entryId: string): Promise<AssignmentRow> {
    const now = this.clock.now();
    const units = await this.unitNodes();
    return this.essays.transaction(async (tx) => {
      const found = await this.essays.findEntry(entryId, tx);
      if (!found) throw EssayErrors.error('ENTRY.NOT_FOUND');
      await this.access.assertManages(caller, 'round', found.roundId, tx);
      const state = await this.essays.lockState(tx, found.roundId);
      if (!state.assignedAt) throw EssayErrors.error('ESSAY.NOT_ASSIGNED');
      if (state.judgingLockedAt) throw EssayErrors.error('JUDGING.LOCKED');
      const { round } = await this.contests.roundById(found.roundId, tx);
      const maxTotal = rubricMaxTotal(round.rubric ?? []);
      const ofEntry = await this.essays.assignmentsOfEntry(entryId, tx);
      const [result] = aggregateEssayScores(
        [{ entryId, submittedAt: found.submittedAt }],
        ofEntry.filter((a) => a.status === 'scored').map((a) => ({ entryId, judgeId: a.judgeId, total: a.total! })),
        { maxTotal, discrepancyThreshold: state.discrepancyThreshold ?? undefined },
      );
      const refusal = extraJudgeRefusal(result, ofEntry.filter((a) => a.kind === 'extra').length);
      if (refusal === 'not_flagged') throw EssayErrors.error('ESSAY.NOT_FLAGGED');
      if (refusal === 'extra_judge_exists') throw EssayErrors.error('ESSAY.EXTRA_JUDGE_EXISTS');

      const { live, excluded, judges } = await this.replacementContext(state, found, tx);
      const judgeId = noEligibleJudge(() => pickAdditionalJudge(live, entryId, { entries: [authorOf(found)], judges, units }, excluded));
      const [assignment] = await this.essays.insertAssignments([{ roundId: found.roundId, entryId, judgeId, kind: 'extra', createdAt: now }], tx);
      return { assignment, entryCode: found.code };
    });
  }

  /** Freezes the scores of the round (results can then be published and shortlisted). */
  async lock(actor: AuthUser, roundId: string): Promise<{ lockedAt: Date; counts: Record<AssignmentStatus, number> }> {
    const now = this.clock.now();
    return this.essays.transaction(async (tx) => {
      await this.essayRound(roundId, tx);
      const state = await this.essays.lockState(tx, roundId);
      if (!state.assignedAt) throw EssayErrors.error('ESSAY.NOT_ASSIGNED');
      if (!state.judgingLockedAt) {
        state.judgingLockedAt = now;
        await this.essays.saveState(state, tx);
        await this.audit.record({ actorId: actor.id, action: 'judging.lock', targetType: 'round', targetId: roundId }, tx);
      }
      return { lockedAt: state.judgingLockedAt, counts: await this.essays.countByStatus(roundId, tx) };
    });
  }

  /** The entry's attachment for its judge, with the author's metadata removed. */
  async judgeAttachment(user: AuthUser, assignmentId: string): Promise<AttachmentDownload> {
    const assignment = await this.ownLiveAssignment(user, assignmentId);
    const entry = (await this.essays.findEntry(assignment.entryId))!;
    if (!entry.attachmentPath || !entry.attachmentKind) throw EssayErrors.error('ATTACHMENT.NOT_FOUND');
    const original = await this.store.read(entry.attachmentPath);
    return { file: await stripAuthor(entry.attachmentKind, original), kind: entry.attachmentKind, code: entry.code };
  }

  /** The round, which must be an essay round. */
  private async essayRound(roundId: string, tx?: Tx): Promise<RoundEntity> {
    const { round } = await this.contests.roundById(roundId, tx);
    if (round.kind !== 'essay') throw ContestErrors.error('ROUND.NOT_ESSAY');
    return round;
  }

  /** Another judge's assignment is 403 (not 404): the caller is a judge, the id is not a secret. */
  private async ownLiveAssignment(user: AuthUser, assignmentId: string, tx?: Tx): Promise<EssayAssignmentEntity> {
    const assignment = await this.essays.findAssignment(assignmentId, tx);
    if (!assignment) throw EssayErrors.error('ASSIGNMENT.NOT_FOUND');
    if (assignment.judgeId !== user.id) throw EssayErrors.error('ASSIGNMENT.FORBIDDEN');
    if (assignment.status === 'conflict') throw EssayErrors.error('ASSIGNMENT.WITHDRAWN');
    return assignment;
  }

  private async viewOf(assignment: EssayAssignmentEntity): Promise<JudgeAssignmentView> {
    const [entry, { round }, state] = await Promise.all([
      this.essays.findEntry(assignment.entryId),
      this.contests.roundById(assignment.roundId),
      this.essays.findState(assignment.roundId),
    ]);
    return { assignment, entry: entry!, prompt: round.prompt, rubric: round.rubric ?? [], locked: state?.judgingLockedAt != null };
  }

  /**
   * The pool as the engine needs it. Strict (a new assignment): every id must be a user with the
   * judge role, else 400 naming each. Not strict (replacements): judges who lost the role drop out.
   */
  private async judgePool(judgeIds: string[], tx: Tx, strict: boolean): Promise<PoolJudge[]> {
    const users = new Map((await this.users.findManyByIds(judgeIds, tx)).map((user) => [user.id, user]));
    const isJudge = (id: string) => users.get(id)?.roles.includes('judge') ?? false;
    const details: ValidationDetail[] = judgeIds.flatMap((id, index) => (isJudge(id) ? [] : [{ field: `judgeIds.${index}`, constraint: 'notAJudge' }]));
    if (strict && details.length) throw DomainError.validation(details);
    return judgeIds.filter(isJudge).map((id) => ({ judgeId: id, unitId: users.get(id)!.unitId }));
  }

  /** A judge who wrote an entry anywhere in the contest cannot judge it: 400 naming each (`judgeIsContestant`). */
  private async assertJudgesNotContestants(contestId: string, judgeIds: string[], tx: Tx): Promise<void> {
    const authors = new Set(await this.essays.authorsAmong(await this.contests.roundIdsOf(contestId, tx), judgeIds, tx));
    const details: ValidationDetail[] = judgeIds.flatMap((id, index) => (authors.has(id) ? [{ field: `judgeIds.${index}`, constraint: 'judgeIsContestant' }] : []));
    if (details.length) throw DomainError.validation(details);
  }

  /** The round's live assignments, the judges excluded from this entry (their conflicts) and the pool. */
  private async replacementContext(state: EssayRoundStateEntity, entry: EssayEntryEntity, tx: Tx) {
    const live = await this.essays.assignmentsOfRound(entry.roundId, tx, LIVE);
    const ofEntry = await this.essays.assignmentsOfEntry(entry.id, tx);
    const judges = await this.judgePool(state.judgeIds, tx, false);
    return {
      live: live.map((a): JudgeAssignment => ({ entryId: a.entryId, judgeId: a.judgeId })),
      excluded: ofEntry.filter((a) => a.status === 'conflict').map((a) => a.judgeId),
      judges,
    };
  }

  private async unitNodes(): Promise<UnitNode[]> {
    return (await this.units.list()).map((unit) => ({ id: unit.id, parentId: unit.parentId }));
  }
}

function authorOf(entry: EssayEntryEntity): EntryAuthor {
  return { entryId: entry.id, unitId: entry.unitId, authorId: entry.authorId };
}

function loadsOf(pool: string[], assignments: EssayAssignmentEntity[]): { judgeId: string; load: number }[] {
  const loads = new Map(pool.map((judgeId) => [judgeId, 0]));
  for (const a of assignments) loads.set(a.judgeId, (loads.get(a.judgeId) ?? 0) + 1);
  return [...loads].map(([judgeId, load]) => ({ judgeId, load })).sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
}

/** The engine's "impossible" names entry ids; the organizers want the codes too. */
function withEntryCodes<T>(entries: EssayEntryEntity[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError && error.code === EngineErrorCodes.ASSIGNMENT_IMPOSSIBLE) {
      const codes = new Map(entries.map((e) => [e.id, e.code]));
      const short = (error.details?.entries as { entryId: string; eligibleJudges: number }[] | undefined) ?? [];
      const judgesPerEntry = (error.details?.judgesPerEntry as number | undefined) ?? null;
      throw EssayErrors.error('ESSAY.ASSIGNMENT_IMPOSSIBLE', { judgesPerEntry, count: short.length }, undefined, {
        judgesPerEntry,
        entries: short.map((e) => ({ ...e, code: codes.get(e.entryId) ?? null })),
      });
    }
    throw error;
  }
}

/** No neutral judge left for a replacement or an extra judge: a clear 409, without the engine's ids. */
function noEligibleJudge<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof EngineError && error.code === EngineErrorCodes.ASSIGNMENT_IMPOSSIBLE) throw EssayErrors.error('ESSAY.NO_ELIGIBLE_JUDGE');
    throw error;
  }
}

/** Each problem named at the field it concerns, and the engine's list as it is. */
function rubricScoreError(problems: RubricScoreProblem[], scores: CriterionScoreDto[], rubric: RubricCriterionDto[]): DomainError {
  const maxOf = new Map(rubric.map((c) => [c.name, c.maxPoints]));
  const details = problems.map(({ criterion, reason }): ValidationDetail => {
    if (reason === 'missing') return { field: 'scores', constraint: 'rubricScore.missing', params: { criterion } };
    const index = reason === 'duplicate' ? scores.map((s) => s.criterion).lastIndexOf(criterion) : scores.findIndex((s) => s.criterion === criterion);
    const field = reason === 'out_of_range' || reason === 'not_a_quarter' ? `scores.${index}.points` : `scores.${index}.criterion`;
    return { field, constraint: `rubricScore.${reason}`, params: { criterion, max: maxOf.get(criterion) ?? 0 } };
  });
  return EssayErrors.error('ESSAY.RUBRIC_SCORE_INVALID', { count: problems.length }, details, { problems });
}
