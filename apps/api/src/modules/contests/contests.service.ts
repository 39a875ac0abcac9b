import { Injectable, type OnModuleInit } from '@nestjs/common';
import { type BlueprintShortfall, blueprintUnsatisfiable, checkBlueprint, DEFAULT_FREEZE_MINUTES, roundPhase, validateRubric } from '@hoi-thi/contest-engine';
import { type ContestStatus, ContestStatuses } from '@hoi-thi/contracts';
import { type AuthUser, hasRole } from '../../common/auth/auth-user.js';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { DomainError, type ValidationDetail } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { QuestionPoolService } from '../question-bank/question-pool.service.js';
import { QuestionsService } from '../question-bank/questions.service.js';
import { UnitsService } from '../units/units.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { ContestAccess } from './contest-access.js';
import type { ContestEntity } from './contest.entity.js';
import { ContestErrors } from './contests.errors.js';
import { ContestsRepository } from './contests.repository.js';
import type { CreateContestDto, CreateRoundDto, UpdateContestDto, UpdateRoundDto } from './dto/contest.dto.js';
import type { RoundEntity } from './round.entity.js';
import { type RoundChangeListener, RoundChanges } from './round-changes.js';

const PUBLIC_STATUSES: ContestStatus[] = ['published', 'finished'];
const QUIZ_FIELDS = ['timeLimitSeconds', 'maxAttempts', 'blueprint', 'shuffleQuestions', 'shuffleOptions', 'gradingMode', 'predictionQuestion', 'predictionActual', 'reviewAfter', 'freezeMinutes'] as const;
const ESSAY_FIELDS = ['prompt', 'rubric', 'judgesPerEntry', 'minWords', 'maxWords'] as const;

/** What a round may still change once it is open (API.md "Rounds"). */
const OPEN_ROUND_FIELDS = ['title', 'closesAt'];

/** A round as the request that would create it (a PATCH is checked as this merged with the patch). */
function roundAsDto(round: RoundEntity): CreateRoundDto {
  const base = { title: round.title, opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString() };
  if (round.kind === 'quiz') {
    return {
      ...base,
      timeLimitSeconds: round.timeLimitSeconds ?? undefined,
      maxAttempts: round.maxAttempts ?? undefined,
      blueprint: round.blueprint ?? undefined,
      shuffleQuestions: round.shuffleQuestions,
      shuffleOptions: round.shuffleOptions,
      gradingMode: round.gradingMode,
      predictionQuestion: round.predictionQuestion ?? undefined,
      predictionActual: round.predictionActual ?? undefined,
      reviewAfter: round.reviewAfter,
      freezeMinutes: round.freezeMinutes,
    } as CreateRoundDto;
  }
  return { ...base, prompt: round.prompt ?? undefined, rubric: round.rubric ?? undefined, judgesPerEntry: round.judgesPerEntry ?? undefined, minWords: round.minWords ?? undefined, maxWords: round.maxWords ?? undefined } as CreateRoundDto;
}

/** The fields a PATCH sets (`undefined` = not sent). */
function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export interface ContestWithRounds {
  contest: ContestEntity;
  rounds: RoundEntity[];
  managerIds: string[];
}

/** What grading an attempt needs of its round (editable only before the round opens). */
export type GradingRules = Pick<RoundEntity, 'id' | 'gradingMode' | 'timeLimitSeconds'>;

export interface RoundWithContest {
  round: RoundEntity;
  contest: ContestEntity;
}

@Injectable()
export class ContestsService implements OnModuleInit {
  constructor(
    private readonly contests: ContestsRepository,
    private readonly units: UnitsService,
    private readonly pool: QuestionPoolService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly access: ContestAccess,
    private readonly questions: QuestionsService,
    private readonly changes: RoundChanges,
  ) {
    changes.subscribe((roundId) => this.gradingCache.delete(roundId));
  }

  /**
   * Registers a cache of round data (other modules, at boot): told of every write to a round or its
   * contest, at the write and at its commit (see RoundChanges).
   */
  onRoundChange(listener: RoundChangeListener): void {
    this.changes.subscribe(listener);
  }

  onModuleInit(): void {
    // A unit a contest is open to cannot be deleted (its members would silently lose the contest).
    this.units.registerUsage({ unitInUse: (unitId, tx) => this.contests.anyEligible(unitId, tx) });
    // A topic a round draws from cannot be deleted (the round could no longer be drawn, or re-derived).
    this.questions.registerTopicUsage((topicId, tx) => this.contests.anyBlueprintUses(topicId, tx));
  }

  /** Members and visitors see published and finished contests; organizers also see drafts. */
  async list(caller: AuthUser | undefined, status: ContestStatus | undefined, limit: number, offset: number): Promise<[ContestWithRounds[], number]> {
    const visible = this.visibleStatuses(caller);
    const statuses = status ? visible.filter((s) => s === status) : visible;
    const [contests, total] = await this.contests.list(statuses, limit, offset);
    const ids = contests.map((c) => c.id);
    const [rounds, managers] = await Promise.all([this.contests.roundsOf(ids), this.contests.managersOf(ids)]);
    return [contests.map((contest) => ({ contest, rounds: rounds.filter((r) => r.contestId === contest.id), managerIds: managers.get(contest.id) ?? [] })), total];
  }

  async get(caller: AuthUser | undefined, id: string): Promise<ContestWithRounds> {
    const contest = await this.contests.findById(id);
    if (!contest || !this.visibleStatuses(caller).includes(contest.status)) throw ContestErrors.error('CONTEST.NOT_FOUND');
    return this.withRounds(contest);
  }

  /** The contest with its rounds and managers (read in the transaction `tx` when given). */
  private async withRounds(contest: ContestEntity, tx?: Tx, rounds?: RoundEntity[]): Promise<ContestWithRounds> {
    const [loaded, managers] = await Promise.all([rounds ?? this.contests.roundsOf([contest.id], tx), this.contests.managersOf([contest.id], tx)]);
    return { contest, rounds: loaded, managerIds: managers.get(contest.id) ?? [] };
  }

  /** The managers of a contest, oldest first (`GET /api/contests/:id/managers`). */
  async managers(contestId: string): Promise<UserEntity[]> {
    const ids = (await this.contests.managersOf([contestId])).get(contestId) ?? [];
    const users = new Map((await this.users.findManyByIds(ids)).map((user) => [user.id, user]));
    return ids.flatMap((id) => users.get(id) ?? []);
  }

  /**
   * Replaces the managers (`PUT /api/contests/:id/managers`): organizers (or admins) only, none who
   * has taken part in the contest (staff cannot compete), at least one. Audited with before and after.
   */
  async setManagers(actor: AuthUser, contestId: string, userIds: string[]): Promise<UserEntity[]> {
    const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
    return this.contests.transaction(async (tx) => {
      const contest = await this.contests.findById(contestId, tx, true);
      if (!contest) throw ContestErrors.error('CONTEST.NOT_FOUND');
      const users = await this.users.findManyByIds(ids, tx);
      const staff = new Set(users.filter((user) => user.active && (user.roles.includes('organizer') || user.roles.includes('admin'))).map((user) => user.id));
      const notOrganizers = ids.filter((id) => !staff.has(id));
      if (notOrganizers.length) throw ContestErrors.error('CONTEST.MANAGER_NOT_ORGANIZER', {}, undefined, { userIds: notOrganizers });
      const contestants = await this.access.contestantsAmong(contestId, ids, tx);
      if (contestants.length) throw ContestErrors.error('CONTEST.MANAGER_IS_CONTESTANT', {}, undefined, { userIds: contestants });
      const before = (await this.contests.managersOf([contestId], tx)).get(contestId) ?? [];
      await this.contests.replaceManagers(contestId, ids, tx);
      await this.audit.record(
        { actorId: actor.id, action: 'contest.managers', targetType: 'contest', targetId: contestId, details: { from: before, to: ids } },
        tx,
      );
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id)!);
    });
  }

  async create(user: AuthUser, dto: CreateContestDto): Promise<ContestWithRounds> {
    await this.assertUnits(dto.eligibleUnitIds);
    return this.contests.transaction(async (tx) => {
      const contest = await this.contests.insertContest(
        { title: dto.title, description: dto.description || null, kind: dto.kind, eligibleUnitIds: dto.eligibleUnitIds ?? [], createdBy: user.id },
        tx,
      );
      // Its creator manages it first (API.md "Contest managers").
      await this.contests.replaceManagers(contest.id, [user.id], tx);
      return { contest, rounds: [], managerIds: [user.id] };
    });
  }

  async update(id: string, dto: UpdateContestDto): Promise<ContestWithRounds> {
    return this.contests.transaction(async (tx) => {
      const contest = await this.contests.findById(id, tx, true);
      if (!contest) throw ContestErrors.error('CONTEST.NOT_FOUND');
      if (dto.kind != null && dto.kind !== contest.kind) {
        const rounds = await this.contests.roundsOf([id], tx);
        if (rounds.length) throw ContestErrors.error('CONTEST.KIND_LOCKED');
      }
      await this.assertUnits(dto.eligibleUnitIds ?? undefined, tx);
      // null clears the description; for the required fields it means "unchanged".
      if (dto.title != null) contest.title = dto.title;
      if (dto.description !== undefined) contest.description = dto.description || null;
      if (dto.kind != null) contest.kind = dto.kind;
      if (dto.eligibleUnitIds !== undefined) contest.eligibleUnitIds = dto.eligibleUnitIds ?? [];
      return this.withRounds(await this.contests.saveContest(contest, tx), tx);
    });
  }

  /** Adds a round; a published contest may get new rounds (the next week), checked like at publish. */
  async addRound(contestId: string, dto: CreateRoundDto): Promise<RoundEntity> {
    return this.contests.transaction(async (tx) => {
      const contest = await this.contests.findById(contestId, tx, true);
      if (!contest) throw ContestErrors.error('CONTEST.NOT_FOUND');
      if (contest.status === 'finished') throw ContestErrors.error('CONTEST.FINISHED');
      const values = await this.checkedRound(contest, dto, tx);
      const position = await this.contests.nextRoundPosition(contestId, tx);
      const saved = await this.contests.insertRound({ contestId, position, kind: contest.kind, ...values }, tx);
      if (contest.status === 'published') await this.assertSatisfiable([saved], tx);
      return saved;
    });
  }

  /**
   * `PATCH /api/rounds/:id` (API.md "Rounds"): before it opens, any field of creation (checked as a
   * new round); once open, only the title and a later `closesAt` (what members were told stays
   * true); once closed, 409 ROUND.LOCKED. Audited with the fields changed.
   */
  async updateRound(actor: AuthUser, roundId: string, patch: UpdateRoundDto): Promise<RoundEntity> {
    const given = Object.keys(patch).filter((field) => (patch as Record<string, unknown>)[field] !== undefined);
    return this.contests.transaction(async (tx) => {
      const round = await this.contests.findRoundForUpdate(roundId, tx);
      if (!round) throw ContestErrors.error('ROUND.NOT_FOUND');
      const contest = (await this.contests.findById(round.contestId, tx, true))!;
      const phase = contest.status === 'finished' ? 'closed' : roundPhase(this.clock.now(), round);
      if (phase === 'closed') throw ContestErrors.error('ROUND.LOCKED');
      if (phase === 'open') {
        const details: ValidationDetail[] = given.filter((field) => !OPEN_ROUND_FIELDS.includes(field)).map((field) => ({ field, constraint: 'lockedOnceOpen' }));
        if (patch.closesAt !== undefined && new Date(patch.closesAt).getTime() <= round.closesAt.getTime()) details.push({ field: 'closesAt', constraint: 'closesOnlyLater' });
        if (details.length) throw DomainError.validation(details);
      }
      if (!given.length) return round;
      const values = await this.checkedRound(contest, { ...roundAsDto(round), ...definedFields(patch) }, tx);
      Object.assign(round, values);
      const updated = await this.contests.saveRound(round, tx);
      if (contest.status === 'published') await this.assertSatisfiable([updated], tx);
      await this.audit.record({ actorId: actor.id, action: 'round.update', targetType: 'round', targetId: roundId, details: { title: updated.title, fields: given } }, tx);
      return updated;
    });
  }

  /** `DELETE /api/rounds/:id`: only before it opens, with no attempt or entry (nothing anyone did is lost); else 409 ROUND.LOCKED. */
  async deleteRound(actor: AuthUser, roundId: string): Promise<void> {
    await this.contests.transaction(async (tx) => {
      const round = await this.contests.findRoundForUpdate(roundId, tx);
      if (!round) throw ContestErrors.error('ROUND.NOT_FOUND');
      if (roundPhase(this.clock.now(), round) !== 'upcoming' || (await this.access.hasRecords(roundId, tx))) {
        throw ContestErrors.error('ROUND.LOCKED');
      }
      await this.contests.deleteRound(roundId, tx);
      await this.audit.record({ actorId: actor.id, action: 'round.delete', targetType: 'round', targetId: roundId, details: { title: round.title, contestId: round.contestId } }, tx);
    });
  }

  /** The round's fields from a complete request, or a 400 naming every problem (the rules of creation). */
  private async checkedRound(contest: ContestEntity, dto: CreateRoundDto, tx: Tx) {
    const details = this.roundFieldIssues(contest, dto);
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (closesAt.getTime() <= opensAt.getTime()) details.push({ field: 'closesAt', constraint: 'closesAfterOpens' });
    if (details.length) throw DomainError.validation(details);
    if (dto.blueprint) await this.assertTopics(dto.blueprint.map((line) => line.topicId), tx);
    const base = { title: dto.title, opensAt, closesAt };
    return contest.kind === 'quiz'
      ? {
          ...base,
          timeLimitSeconds: dto.timeLimitSeconds!,
          maxAttempts: dto.maxAttempts!,
          blueprint: dto.blueprint!.map((line) => ({
            topicId: line.topicId,
            count: line.count,
            ...(line.difficulty ? { difficulty: line.difficulty } : {}),
            ...(line.points !== undefined ? { points: line.points } : {}),
          })),
          shuffleQuestions: dto.shuffleQuestions ?? true,
          shuffleOptions: dto.shuffleOptions ?? true,
          gradingMode: dto.gradingMode ?? 'all_or_nothing',
          predictionQuestion: dto.predictionQuestion ?? null,
          predictionActual: dto.predictionQuestion ? (dto.predictionActual ?? 'participants') : null,
          reviewAfter: dto.reviewAfter ?? 'close',
          freezeMinutes: dto.freezeMinutes ?? DEFAULT_FREEZE_MINUTES,
        }
      : {
          ...base,
          prompt: dto.prompt ?? null,
          rubric: dto.rubric!.map((c) => ({ name: c.name, maxPoints: c.maxPoints, weight: c.weight ?? 1 })),
          judgesPerEntry: dto.judgesPerEntry!,
          minWords: dto.minWords ?? null,
          maxWords: dto.maxWords ?? null,
          reviewAfter: 'never' as const,
        };
  }

  /** draft → published, once the bank can fill every quiz round's blueprint. `actor` null: the system (demo data). */
  async publish(actor: AuthUser | null, id: string): Promise<ContestWithRounds> {
    return this.contests.transaction(async (tx) => {
      const contest = await this.contests.findById(id, tx, true);
      if (!contest) throw ContestErrors.error('CONTEST.NOT_FOUND');
      if (contest.status !== 'draft') throw ContestErrors.error('CONTEST.NOT_DRAFT', { status: contest.status });
      const rounds = await this.contests.roundsOf([id], tx);
      if (!rounds.length) throw ContestErrors.error('CONTEST.NO_ROUNDS');
      await this.assertSatisfiable(rounds, tx);
      contest.status = 'published';
      contest.publishedAt = this.clock.now();
      await this.audit.record({ actorId: actor?.id ?? null, action: 'contest.publish', targetType: 'contest', targetId: id, details: { title: contest.title, rounds: rounds.length } }, tx);
      return this.withRounds(await this.contests.saveContest(contest, tx), tx, rounds);
    });
  }

  /** published → finished: no round can be taken any more; boards and results stay readable. */
  async finish(actor: AuthUser, id: string): Promise<ContestWithRounds> {
    return this.contests.transaction(async (tx) => {
      const contest = await this.contests.findById(id, tx, true);
      if (!contest) throw ContestErrors.error('CONTEST.NOT_FOUND');
      if (contest.status !== 'published') throw ContestErrors.error('CONTEST.NOT_PUBLISHED');
      contest.status = 'finished';
      await this.audit.record({ actorId: actor.id, action: 'contest.finish', targetType: 'contest', targetId: id, details: { title: contest.title } }, tx);
      return this.withRounds(await this.contests.saveContest(contest, tx), tx);
    });
  }

  /**
   * A round as its contest's audience may see it: a round of a draft exists only for organizers.
   * For other modules (attempts, leaderboards, essays).
   */
  async getRound(caller: AuthUser | undefined, roundId: string, tx?: Tx): Promise<RoundWithContest> {
    const round = await this.contests.findRoundWithContest(roundId, tx);
    if (!round || !round.contest) throw ContestErrors.error('ROUND.NOT_FOUND');
    if (!this.visibleStatuses(caller).includes(round.contest.status)) throw ContestErrors.error('ROUND.NOT_FOUND');
    const { contest, ...rest } = round;
    return { round: rest as RoundEntity, contest };
  }

  /** `getRound` for a start: also the question bank's revision, in the same statement. */
  async getRoundForStart(caller: AuthUser, roundId: string, tx?: Tx): Promise<RoundWithContest & { bankRevision: string }> {
    const found = await this.contests.findRoundForStart(roundId, tx);
    if (!found || !found.round.contest) throw ContestErrors.error('ROUND.NOT_FOUND');
    if (!this.visibleStatuses(caller).includes(found.round.contest.status)) throw ContestErrors.error('ROUND.NOT_FOUND');
    const { contest, ...rest } = found.round;
    return { round: rest as RoundEntity, contest, bankRevision: found.bankRevision };
  }

  /** Every submit needs its round's rules: kept until the round is written (RoundChanges) or evicted. */
  private readonly gradingCache = new BoundedCache<string, GradingRules>({ max: 10_000 });

  /** A round's grading mode and time limit, read once per process once the round has opened. */
  async gradingRules(roundId: string, tx?: Tx): Promise<GradingRules> {
    const cached = this.gradingCache.get(roundId);
    if (cached) return cached;
    // Not a shared load: a caller in a transaction must read on its own connection (one, embedded).
    const readAt = this.gradingCache.stamp();
    const round = await this.contests.findRound(roundId, tx);
    if (!round) throw ContestErrors.error('ROUND.NOT_FOUND');
    const rules: GradingRules = { id: round.id, gradingMode: round.gradingMode, timeLimitSeconds: round.timeLimitSeconds };
    // Open rounds only: no edit changes these then, so a copy here outlives no edit on another replica.
    if (roundPhase(this.clock.now(), round) !== 'upcoming') this.gradingCache.set(roundId, rules, { readAt });
    return rules;
  }

  /** A round with its contest whatever the contest's status (internal use: grading, sweeping). */
  /** Rounds with their contests by id, one query (missing ids are absent). */
  async roundsWithContests(roundIds: string[]): Promise<Map<string, RoundWithContest>> {
    const rounds = await this.contests.roundsWithContests([...new Set(roundIds)]);
    return new Map(rounds.map(({ contest, ...round }) => [round.id, { round: round as RoundEntity, contest: contest! }]));
  }

  /** The ids of the contest's rounds (other modules: who has taken part in, or judges, the contest). */
  async roundIdsOf(contestId: string, tx?: Tx): Promise<string[]> {
    return (await this.contests.roundsOf([contestId], tx)).map((round) => round.id);
  }

  async roundById(roundId: string, tx?: Tx): Promise<RoundWithContest> {
    const round = await this.contests.findRoundWithContest(roundId, tx);
    if (!round || !round.contest) throw ContestErrors.error('ROUND.NOT_FOUND');
    const { contest, ...rest } = round;
    return { round: rest as RoundEntity, contest };
  }

  /** Locks the round row and returns it (close: one closer at a time). */
  async lockRound(roundId: string, tx: Tx): Promise<RoundEntity> {
    const round = await this.contests.findRoundForUpdate(roundId, tx);
    if (!round) throw ContestErrors.error('ROUND.NOT_FOUND');
    return round;
  }

  /** Quiz rounds of published (or finished) contests still open after `cutoff` … that close by themselves. */
  roundsDueForClose(cutoff: Date): Promise<string[]> {
    return this.contests.roundsDueForClose(cutoff);
  }

  async markClosed(round: RoundEntity, closedAt: Date, actualValue: number | null, tx: Tx): Promise<RoundEntity> {
    round.closedAt = closedAt;
    round.actualValue = actualValue;
    return this.contests.saveRound(round, tx);
  }

  private roundFieldIssues(contest: ContestEntity, dto: CreateRoundDto): ValidationDetail[] {
    const [required, refused] =
      contest.kind === 'quiz' ? [['timeLimitSeconds', 'maxAttempts', 'blueprint'], ESSAY_FIELDS] : [['rubric', 'judgesPerEntry'], QUIZ_FIELDS];
    const details: ValidationDetail[] = [];
    // null counts as absent (@IsOptional lets it through the DTO).
    for (const field of required) if ((dto as unknown as Record<string, unknown>)[field] == null) details.push({ field, constraint: 'isDefined' });
    for (const field of refused) {
      if ((dto as unknown as Record<string, unknown>)[field] != null) details.push({ field, constraint: 'notForRoundKind', params: { kind: contest.kind } });
    }
    if (dto.predictionActual && !dto.predictionQuestion) details.push({ field: 'predictionActual', constraint: 'needsPredictionQuestion' });
    if (contest.kind === 'essay' && dto.rubric) {
      for (const problem of validateRubric(dto.rubric)) {
        const index = dto.rubric.findIndex((c) => c.name === problem.criterion);
        details.push({ field: index >= 0 ? `rubric.${index}` : 'rubric', constraint: `rubric.${problem.reason}` });
      }
    }
    if (dto.minWords !== undefined && dto.maxWords !== undefined && dto.minWords > dto.maxWords) {
      details.push({ field: 'maxWords', constraint: 'maxWordsBelowMin' });
    }
    return details;
  }

  private async assertSatisfiable(rounds: RoundEntity[], tx: Tx): Promise<void> {
    const quizRounds = rounds.filter((r) => r.kind === 'quiz' && r.blueprint);
    if (!quizRounds.length) return;
    const topicIds = [...new Set(quizRounds.flatMap((r) => r.blueprint!.map((l) => l.topicId)))];
    const availability = await this.pool.availability(topicIds, tx);
    for (const round of quizRounds) {
      const shortfalls: BlueprintShortfall[] = checkBlueprint(round.blueprint!, availability);
      if (shortfalls.length) {
        const error = blueprintUnsatisfiable(shortfalls);
        throw ContestErrors.error('CONTEST.BLUEPRINT_UNSATISFIABLE', { ...shortfallParams(shortfalls[0]), round: round.title }, undefined, {
          roundId: round.id,
          ...error.details,
        });
      }
    }
  }

  private async assertTopics(topicIds: string[], tx: Tx): Promise<void> {
    const known = await this.pool.existingTopicIds(topicIds, tx);
    const details = topicIds.flatMap((topicId, index) => (known.has(topicId) ? [] : [{ field: `blueprint.${index}.topicId`, constraint: 'topicNotFound' }]));
    if (details.length) throw DomainError.validation(details);
  }

  private async assertUnits(unitIds: string[] | undefined, tx?: Tx): Promise<void> {
    if (unitIds?.length && !(await this.units.allExist(unitIds, tx))) throw DomainError.invalidField('eligibleUnitIds', 'unitNotFound');
  }

  private visibleStatuses(caller: AuthUser | undefined): ContestStatus[] {
    return caller && hasRole(caller, 'organizer') ? [...ContestStatuses] : PUBLIC_STATUSES;
  }
}

function shortfallParams(shortfall: BlueprintShortfall): Record<string, string | number> {
  return { line: shortfall.lineIndex + 1, needed: shortfall.needed, available: shortfall.available, difficulty: shortfall.difficulty ?? '—' };
}
