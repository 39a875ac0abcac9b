import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { freezeStart, isBoardFrozen, rankContestTotals, rankRoundEntries, rankUnitTotals } from '@hoi-thi/contest-engine';
import type { LeaderboardEntry, UnitBoardOrderBy } from '@hoi-thi/contracts';
import { type AuthUser, hasRole } from '../../common/auth/auth-user.js';
import { BatchLoader } from '../../common/batching/batch-loader.js';
import { BoundedCache } from '../../common/cache/bounded-cache.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { AttemptsService } from '../attempts/attempts.service.js';
import { RegradeSteps } from '../attempts/regrade-steps.js';
import { type BestRow, BoardSource, type FrozenRound } from '../attempts/board-source.js';
import { ContestAccess } from '../contests/contest-access.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { ContestsService, type RoundWithContest } from '../contests/contests.service.js';
import { RoundCloseService } from '../contests/round-close.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import { LeaderboardStore, type RankedRow } from './leaderboard-store.js';
import { LeaderboardsRepository } from './leaderboards.repository.js';

export interface Profile {
  fullName: string;
  unitName: string | null;
  phone: string | null;
}

interface AggregateBoard {
  value: unknown;
  /** When the computation that gave `value` started. */
  at: number;
  tookMs: number;
  /** A finished attempt or a regrade happened in this process since that computation started. */
  dirty: boolean;
  computing: Promise<unknown> | null;
}

export interface RoundBoard {
  round: RoundEntity;
  final: boolean;
  /** Set while the caller sees the board as it stood when it froze (see board-freeze in the engine). */
  frozenAt: Date | null;
  total: number;
  rows: (RankedRow & { predictionDiff: number | null })[];
  profiles: Map<string, Profile>;
}

/** How often an expensive contest or unit board is computed again while it is read (other processes' submits too). */
const AGGREGATE_REFRESH_MS = 5_000;
/** An expensive board is computed again at most every tookMs × REFRESH_SHARE (2.4 s → every 48 s). */
const REFRESH_SHARE = 20;
/** Below this, a board is computed again after every finished attempt in the process. */
const CHEAP_COMPUTE_MS = 50;
/** How long requests for the same live page share one read of the store. */
const PAGE_SHARE_MS = 100;
/** The same for a closed round's final board (a regrade in this process drops it at once). */
const FINAL_PAGE_SHARE_MS = 1_000;

/** A round's board as it stood when it froze: in order, and by member for `/me` (read by every member in the last minutes). */
interface FrozenBoard {
  ranked: RankedRow[];
  byUser: Map<string, RankedRow>;
}

/**
 * The boards. A round's live board comes from the LeaderboardStore (PostgreSQL replica or Redis);
 * once closed, from `round_results`, ranked at close by the full ladder. Contest and unit boards
 * are computed by the engine from every member's best attempts (see `cached`).
 */
@Injectable()
export class LeaderboardsService implements OnModuleInit {
  private readonly logger = new Logger(LeaderboardsService.name);
  /** Contest and unit boards by key (see `cached`: they refresh themselves, no lifetime here). */
  private readonly cache = new BoundedCache<string, AggregateBoard>({ max: 1_000 });
  /** Board reads need the round (visibility, closed or live): a 1-second copy, dropped by an edit or a close. */
  private readonly rounds = new BoundedCache<string, RoundWithContest>({ max: 1_000, ttlMs: 1_000 });
  /** Names and units of board lines. */
  private readonly profileCache = new BoundedCache<string, Profile>({ max: 100_000, ttlMs: 60_000 });
  /**
   * The shared pages by "roundId@generation offset:limit", each for PAGE_SHARE_MS or FINAL_PAGE_SHARE_MS.
   * A submit drops a round's pages in one step by giving the round a new generation (unique in the
   * process): the old pages are no longer found and age out.
   */
  private readonly pages = new BoundedCache<string, RoundBoard>({ max: 10_000 });
  private readonly pageGenerations = new BoundedCache<string, number>({ max: 1_000 });
  private lastPageGeneration = 0;
  /** roundId → the board as it stood when it froze (`at`), ranked: computed once per round and freeze time. */
  private readonly frozenBoards = new BoundedCache<string, { at: number; value: Promise<FrozenBoard> }>({ max: 100 });
  /** Names missing from the cache, read together by the requests that need them at the same time. */
  private readonly profileLoader = new BatchLoader<Profile>((ids) => this.users.profiles(ids));

  constructor(
    private readonly store: LeaderboardStore,
    private readonly results: LeaderboardsRepository,
    private readonly source: BoardSource,
    private readonly contests: ContestsService,
    private readonly attempts: AttemptsService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly access: ContestAccess,
    private readonly closing: RoundCloseService,
    private readonly regradeSteps: RegradeSteps,
  ) {}

  onModuleInit(): void {
    // An edit, a close, or the contest's publication: the round's copy and what was computed from it go.
    this.contests.onRoundChange((roundId) => {
      this.rounds.delete(roundId);
      this.dropPages(roundId);
      this.frozenBoards.delete(roundId);
    });
    // A close (the contests module's) ends with the final board, written in its transaction.
    this.closing.registerSteps({ writeFinalBoard: (roundId, actualValue, tx) => this.writeFinalBoard(tx, roundId, actualValue) });
    // A regrade that changed scores rewrites a closed round's final board, in the regrade's transaction.
    this.regradeSteps.registerFinalBoard((roundId, tx) => this.regradeFinalBoard(roundId, tx));
  }

  /**
   * A page of the round's board. Pages of a published contest's rounds are shared for a moment: a
   * display wall and thousands of phones ask for the same top 50, so one read serves every request
   * in that window (PAGE_SHARE_MS live; FINAL_PAGE_SHARE_MS once closed, when only a regrade changes
   * the board). A submit or a regrade in this process drops the round's shared pages at once, and the
   * live stream never uses a shared live page.
   */
  async roundBoard(caller: AuthUser | undefined, roundId: string, offset: number, limit: number): Promise<RoundBoard> {
    const { round, contest } = await this.quizRound(caller, roundId);
    const frozenAt = await this.frozenFor(caller, round);
    if (frozenAt) return this.frozenPage(round, frozenAt, offset, limit);
    if (contest.status === 'draft') return round.closedAt ? this.finalPage(round, offset, limit) : this.livePage(round, offset, limit);
    return this.sharedPage(round, offset, limit);
  }

  private sharedPage(round: RoundEntity, offset: number, limit: number): Promise<RoundBoard> {
    let generation = this.pageGenerations.get(round.id);
    if (generation === undefined) this.pageGenerations.set(round.id, (generation = ++this.lastPageGeneration));
    const key = `${round.id}@${generation} ${offset}:${limit}`;
    const shared = this.pages.get(key);
    if (shared) return Promise.resolve(shared);
    return this.pages.load(key, () => (round.closedAt ? this.finalPage(round, offset, limit) : this.livePage(round, offset, limit)), {
      ttlMs: round.closedAt ? FINAL_PAGE_SHARE_MS : PAGE_SHARE_MS,
    });
  }

  private async finalPage(round: RoundEntity, offset: number, limit: number): Promise<RoundBoard> {
    const { total, rows } = await this.results.resultsPage(round.id, offset, limit);
    return { round, final: true, frozenAt: null, total, rows, profiles: await this.profiles(rows.map((r) => r.userId)) };
  }

  private async livePage(round: RoundEntity, offset: number, limit: number): Promise<RoundBoard> {
    const page = await this.store.page(round.id, offset, limit);
    const rows = page.entries.map((r) => ({ ...r, predictionDiff: null }));
    return { round, final: false, frozenAt: null, total: page.total, rows, profiles: await this.profiles(rows.map((r) => r.userId)) };
  }

  private async frozenPage(round: RoundEntity, frozenAt: Date, offset: number, limit: number): Promise<RoundBoard> {
    const { ranked } = await this.frozenBoard(round, frozenAt);
    const rows = ranked.slice(offset, offset + limit).map((r) => ({ ...r, predictionDiff: null }));
    return { round, final: false, frozenAt, total: ranked.length, rows, profiles: await this.profiles(rows.map((r) => r.userId)) };
  }

  /**
   * When the caller sees the round's board frozen: the public and members during the freeze; the
   * organizers (who run the contest) always see it live.
   */
  private async frozenFor(caller: AuthUser | undefined, round: RoundEntity): Promise<Date | null> {
    if (!isBoardFrozen(this.clock.now(), round)) return null;
    // Only organizers are asked (one indexed read): a member's request during the freeze costs nothing more.
    if (caller && hasRole(caller, 'organizer') && (await this.access.manages(caller, 'round', round.id))) return null;
    return freezeStart(round);
  }

  /** The board as it stood at `frozenAt`, from the attempts finished before it; the same for the rest of the round. */
  private frozenBoard(round: RoundEntity, frozenAt: Date): Promise<FrozenBoard> {
    const hit = this.frozenBoards.get(round.id);
    if (hit && hit.at === frozenAt.getTime()) return hit.value;
    const value = this.source.bestBefore(round.id, frozenAt).then((rows) => {
      const ranked: RankedRow[] = rankRoundEntries(rows, null).map(({ predictionDiff: _, ...row }) => row);
      return { ranked, byUser: new Map(ranked.map((row) => [row.userId, row])) };
    });
    // The promise is the entry (readers of a board being ranked wait for it); a failed one goes.
    const entry = { at: frozenAt.getTime(), value };
    this.frozenBoards.set(round.id, entry);
    value.catch(() => {
      if (this.frozenBoards.get(round.id) === entry) this.frozenBoards.delete(round.id);
    });
    return value;
  }

  async myRank(user: AuthUser, roundId: string): Promise<{ board: Omit<RoundBoard, 'rows'>; row: RoundBoard['rows'][number] | null }> {
    const { round } = await this.quizRound(user, roundId);
    let row: RoundBoard['rows'][number] | null;
    let total: number;
    const frozenAt = await this.frozenFor(user, round);
    if (frozenAt) {
      // Where the member stood when the board froze: their later attempts show at close.
      const { ranked, byUser } = await this.frozenBoard(round, frozenAt);
      const found = byUser.get(user.id);
      row = found ? { ...found, predictionDiff: null } : null;
      total = ranked.length;
    } else if (round.closedAt) {
      // The board's size from the shared empty page: one query per /me instead of two.
      const [result, page] = await Promise.all([this.results.resultOf(roundId, user.id), this.roundBoard(user, roundId, 0, 0)]);
      row = result;
      total = page.total;
    } else {
      const found = await this.store.find(roundId, user.id);
      row = found.row ? { ...found.row, predictionDiff: null } : null;
      total = found.total;
    }
    const profiles = row ? await this.profiles([row.userId]) : new Map<string, Profile>();
    return { board: { round, final: round.closedAt !== null, frozenAt, total, profiles }, row };
  }

  /**
   * The member's attempts across contests, newest first, each with its contest, its round and the
   * member's rank in that round (final once closed, else as their board shows it). One rank lookup
   * per distinct round of the page (a page holds few rounds).
   */
  async history(user: AuthUser, limit: number, offset: number) {
    const { rows, total } = await this.attempts.history(user, limit, offset);
    const rounds = await this.contests.roundsWithContests(rows.map((row) => row.roundId));
    const ranks = new Map<string, number | null>();
    for (const roundId of new Set(rows.map((row) => row.roundId))) {
      const found = rounds.get(roundId);
      if (!found || found.round.kind !== 'quiz') continue;
      ranks.set(roundId, (await this.myRank(user, roundId)).row?.rank ?? null);
    }
    return { total, items: rows.flatMap((attempt) => {
      const found = rounds.get(attempt.roundId);
      return found ? [{ attempt, ...found, rank: ranks.get(attempt.roundId) ?? null }] : [];
    }) };
  }

  /**
   * Each member's best scores summed over the contest's rounds; ties by total duration. While a round
   * is in its freeze its scores count as they stood when it froze, except for the contest's managers.
   */
  async contestBoard(caller: AuthUser | undefined, contestId: string, offset: number, limit: number) {
    const { contest, rounds } = await this.contests.get(caller, contestId);
    const { live, frozen, frozenAt, key } = await this.boardRounds(caller, contestId, rounds);
    const standings = await this.cached(`contest:${contestId}${key}`, async () => {
      // One row per member from PostgreSQL (sums over the rounds); the order is the engine's.
      return rankContestTotals(await this.source.contestTotals(live, frozen));
    });
    const page = standings.slice(offset, offset + limit);
    return { contest, frozenAt, total: standings.length, rows: page, profiles: await this.profiles(page.map((s) => s.userId)) };
  }

  /** Participation by unit, rolled up the tree (prizes for the units with the most participants); frozen like the contest board. */
  async unitBoard(caller: AuthUser | undefined, contestId: string, orderBy: UnitBoardOrderBy) {
    const { contest, rounds } = await this.contests.get(caller, contestId);
    const { live, frozen, frozenAt, key } = await this.boardRounds(caller, contestId, rounds);
    const standings = await this.cached(`units:${contestId}:${orderBy}${key}`, async () => {
      // One row per unit from PostgreSQL (not one per member): the tree roll-up and the order are the engine's.
      const [units, totals] = await Promise.all([this.units.list(), this.source.unitTotals(live, frozen)]);
      return rankUnitTotals(units.map((u) => ({ id: u.id, parentId: u.parentId, name: u.name, memberCount: u.memberCount })), totals, orderBy);
    });
    return { contest, frozenAt, standings };
  }

  /**
   * The contest's quiz rounds as an aggregate board counts them for this caller: live, or (a round in
   * its freeze, for anyone but the contest's managers) as they stood when it froze. `key` tells the
   * cached boards apart; `frozenAt` is the earliest freeze in force.
   */
  private async boardRounds(caller: AuthUser | undefined, contestId: string, rounds: RoundEntity[]) {
    const now = this.clock.now();
    const quiz = rounds.filter((round) => round.kind === 'quiz');
    const freezing = quiz.filter((round) => isBoardFrozen(now, round));
    if (!freezing.length || (caller && hasRole(caller, 'organizer') && (await this.access.manages(caller, 'contest', contestId)))) {
      return { live: quiz.map((round) => round.id), frozen: [] as FrozenRound[], frozenAt: null, key: '' };
    }
    const frozen = freezing.map((round) => ({ roundId: round.id, before: freezeStart(round)! }));
    return {
      live: quiz.filter((round) => !freezing.includes(round)).map((round) => round.id),
      frozen,
      frozenAt: new Date(Math.min(...frozen.map((f) => f.before.getTime()))),
      key: `:frozen:${frozen.map((f) => `${f.roundId}@${f.before.getTime()}`).join(',')}`,
    };
  }

  /** Every line of a round board, for the organizers' spreadsheet. */
  async exportRows(user: AuthUser, roundId: string): Promise<RoundBoard> {
    const { round } = await this.quizRound(user, roundId);
    const first = await this.roundBoard(user, roundId, 0, 1);
    const all = await this.roundBoard(user, roundId, 0, Math.max(first.total, 1));
    return { ...all, round };
  }

  /** The live stream's payload (public): the top of the board, read from the store (never a shared page), or the frozen one. */
  async top(roundId: string, limit: number): Promise<RoundBoard> {
    const { round } = await this.quizRound(undefined, roundId);
    const frozenAt = await this.frozenFor(undefined, round);
    if (frozenAt) return this.frozenPage(round, frozenAt, 0, limit);
    return round.closedAt ? this.roundBoard(undefined, roundId, 0, limit) : this.livePage(round, 0, limit);
  }

  /**
   * Inside a regrade's transaction: a closed round's final board is ranked again from the corrected
   * best attempts (same actual value). The round row is locked first, so a close running at the same
   * time either finishes before (and its board is replaced here) or starts after this commits.
   */
  async regradeFinalBoard(roundId: string, tx: Tx): Promise<void> {
    const round = await this.contests.lockRound(roundId, tx);
    if (!round.closedAt) return;
    await this.writeFinalBoard(tx, roundId, round.actualValue);
  }

  /** The final board (at close, and after a regrade): every member's best attempt ranked by the full ladder, stored in round_results. */
  private async writeFinalBoard(tx: Tx, roundId: string, actual: number | null): Promise<void> {
    const ranked = rankRoundEntries(await this.source.all(roundId, tx), actual);
    await this.results.deleteResults(tx, roundId);
    await this.results.insertResults(
      tx,
      ranked.map((r) => ({
        roundId,
        userId: r.userId,
        unitId: r.unitId,
        rank: r.rank,
        attemptId: r.attemptId,
        score: r.score,
        durationMs: r.durationMs,
        submittedAt: r.submittedAt,
        prediction: r.prediction,
        predictionDiff: r.predictionDiff,
      })),
    );
  }

  /** A member's best changed: tell the store (Redis needs it; the PostgreSQL replica catches up itself). */
  async recordBest(roundId: string, row: BestRow): Promise<void> {
    await this.store.record(roundId, row);
    this.dropPages(roundId);
  }

  /** After a regrade: the shared pages go at once (a final board changed with it), and again once the store is rebuilt. */
  async rebuild(roundId: string): Promise<number> {
    this.dropPages(roundId);
    const size = await this.store.rebuild(roundId);
    this.dropPages(roundId);
    return size;
  }

  private dropPages(roundId: string): void {
    this.pageGenerations.set(roundId, ++this.lastPageGeneration);
  }

  /** A finished attempt or a regrade in this process: contest and unit boards are out of date (see `cached`). */
  invalidate(): void {
    for (const board of this.cache.values()) board.dirty = true;
  }

  /**
   * The round with its contest, visible to the caller. Public reads share a 1-second copy (a display
   * wall and thousands of phones poll the same round); a write to the round in this process (an
   * edit, a close) drops it at once.
   */
  private async quizRound(caller: AuthUser | undefined, roundId: string): Promise<RoundWithContest> {
    // The same for every caller: concurrent misses share one read.
    let found = this.rounds.get(roundId) ?? (await this.rounds.load(roundId, () => this.contests.roundById(roundId)));
    // The cached copy says what the public may see; organizers may also see drafts.
    if (found.contest.status === 'draft') found = await this.contests.getRound(caller, roundId);
    if (found.round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    return found;
  }

  /** Names and units for board lines, from memory when seen in the last minute. */
  private async profiles(userIds: string[]): Promise<Map<string, Profile>> {
    const result = new Map<string, Profile>();
    const missing: string[] = [];
    for (const id of userIds) {
      const hit = this.profileCache.get(id);
      if (hit) result.set(id, hit);
      else missing.push(id);
    }
    if (missing.length) {
      const readAt = this.profileCache.stamp();
      const found = await Promise.all(missing.map((id) => this.profileLoader.load(id)));
      missing.forEach((id, i) => {
        const profile = found[i];
        if (!profile) return;
        result.set(id, profile);
        this.profileCache.set(id, profile, { readAt });
      });
    }
    return result;
  }

  /**
   * A contest or unit board, computed from every member's best attempts: a millisecond for a small
   * contest, seconds of the event loop at 200,000 members. One computation at a time per board;
   * a board that was cheap to compute is computed again after every finished attempt (exact), an
   * expensive one at most every AGGREGATE_REFRESH_MS or 20 times its computing time, whichever is
   * longer, in the background, while readers get the last one.
   */
  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    let board = this.cache.get(key);
    if (!board) this.cache.set(key, (board = { value: undefined, at: 0, tookMs: 0, dirty: true, computing: null }));
    const cheap = board.tookMs < CHEAP_COMPUTE_MS;
    // The computation runs on the event loop: an expensive board takes at most ~1/REFRESH_SHARE of it.
    const due = now - board.at >= Math.max(AGGREGATE_REFRESH_MS, board.tookMs * REFRESH_SHARE) || (board.dirty && cheap);
    if (!due) return board.value as T;
    const computing = board.computing ?? (board.computing = this.recompute(board, compute));
    if (board.value !== undefined && !cheap) return board.value as T;
    return (await computing) as T;
  }

  private recompute(board: AggregateBoard, compute: () => Promise<unknown>): Promise<unknown> {
    const started = Date.now();
    board.dirty = false;
    const computing = compute()
      .then((value) => Object.assign(board, { value, at: started, tookMs: Date.now() - started }).value)
      .finally(() => {
        board.computing = null;
      });
    computing.catch((error: Error) => {
      board.dirty = true;
      this.logger.error(`A contest board could not be computed: ${error.message}`);
    });
    return computing;
  }
}

/**
 * A board line as the API shows it. `showPrediction` only for the final board, the member's own line
 * and the organizers' exports: before close nobody sees another member's prediction (the first
 * tie-break), or a last-minute entry could pick the value the others left free.
 */
export function toEntry(row: RoundBoard['rows'][number], profiles: Map<string, Profile>, showPrediction: boolean): LeaderboardEntry {
  const profile = profiles.get(row.userId);
  return {
    rank: row.rank,
    userId: row.userId,
    fullName: profile?.fullName ?? '',
    unitId: row.unitId,
    unitName: profile?.unitName ?? null,
    score: row.score,
    durationMs: row.durationMs,
    prediction: showPrediction ? row.prediction : null,
    predictionDiff: row.predictionDiff,
    submittedAt: row.submittedAt.toISOString(),
  };
}
