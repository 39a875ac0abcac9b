import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  aggregateEssayScores,
  DEFAULT_DISCREPANCY_SHARE,
  drawEntryCodes,
  type EssayResult,
  rubricMaxTotal,
  shortlistEntries,
} from '@hoi-thi/contest-engine';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { Clock } from '../../common/clock.js';
import type { Tx } from '../../common/database/tx.js';
import { DomainError, type ValidationDetail } from '../../common/errors/domain-error.js';
import { AuditService } from '../audit/audit.service.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { ContestsService } from '../contests/contests.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import type { EssayEntryEntity } from './essay-entry.entity.js';
import type { EssayRoundStateEntity } from './essay-round-state.entity.js';
import { EssayErrors } from './essays.errors.js';
import { EssaysRepository } from './essays.repository.js';

/** A round's aggregated results, with what it takes to show them. */
export interface EssayResults {
  round: RoundEntity;
  state: EssayRoundStateEntity | null;
  normalize: boolean;
  maxTotal: number;
  discrepancyThreshold: number;
  rows: { result: EssayResult; entry: EssayEntryEntity; extraJudge: boolean }[];
}

export interface ResultsWithAuthors extends EssayResults {
  authors: Map<string, { fullName: string; unitName: string | null }>;
}

export interface ShortlistOutcome {
  sourceRoundId: string;
  finalRoundId: string;
  normalize: boolean;
  picks: { copy: EssayEntryEntity; source: EssayEntryEntity; sourceRank: number; score: number }[];
}

/**
 * Essay results by the engine: mean of the judges' totals, optional per-judge normalisation,
 * discrepancy flags, rank; publication; and the shortlist that carries the best entries of a
 * preliminary round (sơ khảo) into a final round (chung khảo) of the same contest.
 */
@Injectable()
export class EssayResultsService {
  constructor(
    private readonly essays: EssaysRepository,
    private readonly contests: ContestsService,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** For the organizers: every entry, with author, unit and each judge's total. */
  async results(roundId: string, normalize?: boolean): Promise<ResultsWithAuthors> {
    const { round } = await this.contests.roundById(roundId);
    return this.withAuthors(await this.compute(round, normalize));
  }

  /** Everyone may read them once published (a draft contest's round stays hidden). */
  async publicResults(caller: AuthUser | undefined, roundId: string): Promise<ResultsWithAuthors> {
    const { round } = await this.contests.getRound(caller, roundId);
    if (round.kind !== 'essay') throw ContestErrors.error('ROUND.NOT_ESSAY');
    const state = await this.essays.findState(roundId);
    if (!state?.resultsPublishedAt) throw EssayErrors.error('ESSAY.RESULTS_NOT_PUBLISHED');
    return this.withAuthors(await this.compute(round, state.publishedNormalize ?? state.normalize));
  }

  /** Publishes the results of a locked judging, ranked with or without normalisation (fixed from then on). */
  async publish(actor: AuthUser, roundId: string, normalize: boolean | undefined): Promise<EssayRoundStateEntity> {
    const now = this.clock.now();
    return this.essays.transaction(async (tx) => {
      await this.essayRound(roundId, tx);
      const state = await this.essays.lockState(tx, roundId);
      if (!state.judgingLockedAt) throw EssayErrors.error('JUDGING.NOT_LOCKED');
      if (state.resultsPublishedAt) throw EssayErrors.error('ESSAY.RESULTS_PUBLISHED');
      state.resultsPublishedAt = now;
      state.publishedNormalize = normalize ?? state.normalize;
      await this.audit.record({ actorId: actor.id, action: 'essay.results.publish', targetType: 'round', targetId: roundId, details: { normalize: state.publishedNormalize } }, tx);
      return this.essays.saveState(state, tx);
    });
  }

  /**
   * Copies the best entries of a locked preliminary round into a final round of the same contest,
   * which then takes no direct entries and is judged afresh by its own assignment. Each copy gets a
   * new random code (`crypto.randomInt`), none a code of the preliminary round or of the rounds
   * before it, and the copies are numbered in the order of those codes: nothing in the final round
   * follows the preliminary codes, the order of submission or the rank, which its judges must not
   * be able to trace. May be run again, with another rule, until the final round has been assigned;
   * every run draws new codes.
   */
  async shortlist(roundId: string, rule: { finalRoundId: string; top?: number; cutoff?: number; normalize?: boolean }): Promise<ShortlistOutcome> {
    const details: ValidationDetail[] = [];
    if ((rule.top === undefined) === (rule.cutoff === undefined)) details.push({ field: 'top', constraint: 'topOrCutoff' });
    if (rule.finalRoundId === roundId) details.push({ field: 'finalRoundId', constraint: 'sameRound' });
    if (details.length) throw DomainError.validation(details);
    const now = this.clock.now();

    return this.essays.transaction(async (tx) => {
      const source = await this.essayRound(roundId, tx);
      const { round: final } = await this.contests.roundById(rule.finalRoundId, tx).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'ROUND.NOT_FOUND') throw DomainError.invalidField('finalRoundId', 'roundNotFound');
        throw error;
      });
      if (final.contestId !== source.contestId) throw DomainError.invalidField('finalRoundId', 'notSameContest');
      if (final.kind !== 'essay') throw DomainError.invalidField('finalRoundId', 'notEssayRound');

      // Both state rows, in id order (two shortlists between the same rounds cannot deadlock).
      const [first, second] = [source.id, final.id].sort();
      const locked = new Map<string, EssayRoundStateEntity>();
      locked.set(first, await this.essays.lockState(tx, first));
      locked.set(second, await this.essays.lockState(tx, second));
      const sourceState = locked.get(source.id)!;
      const finalState = locked.get(final.id)!;
      if (!sourceState.judgingLockedAt) throw EssayErrors.error('JUDGING.NOT_LOCKED');
      if (finalState.assignedAt) throw EssayErrors.error('ESSAY.FINAL_ROUND_ASSIGNED');
      const ownCopies = finalState.sourceRoundId === source.id;
      if (!ownCopies && (finalState.sourceRoundId !== null || (await this.essays.countEntries(final.id, tx)) > 0)) {
        throw EssayErrors.error('ESSAY.FINAL_ROUND_HAS_ENTRIES');
      }

      const normalize = rule.normalize ?? sourceState.normalize;
      const computed = await this.compute(source, normalize, tx, sourceState);
      const picked = shortlistEntries(
        computed.rows.map((row) => row.result),
        { top: rule.top, cutoff: rule.cutoff },
        { normalize },
      );
      const byId = new Map(computed.rows.map((row) => [row.entry.id, row.entry]));

      if (ownCopies) await this.essays.deleteEntriesOfRound(final.id, tx);
      // Drawn independently of the picks' order, then paired with them: a random code for each.
      const codes = drawEntryCodes(picked.length, await this.essays.codesOfRoundAndSources(source.id, tx), (bound) => randomInt(bound));
      const coded = picked.map((result, index) => ({ result, code: codes[index] })).sort((a, b) => (a.code < b.code ? -1 : 1));
      const picks: ShortlistOutcome['picks'] = [];
      for (const [index, { result, code }] of coded.entries()) {
        const source = byId.get(result.entryId)!;
        const copy = await this.essays.insertEntry(
          {
            roundId: final.id,
            authorId: source.authorId,
            unitId: source.unitId,
            number: index + 1,
            code,
            title: source.title,
            body: source.body,
            wordCount: source.wordCount,
            sourceEntryId: source.id,
            submittedAt: source.submittedAt,
            updatedAt: now,
            attachmentPath: source.attachmentPath,
            attachmentKind: source.attachmentKind,
            attachmentSize: source.attachmentSize,
            attachmentName: source.attachmentName,
            attachmentUploadedAt: source.attachmentUploadedAt,
          },
          tx,
        );
        picks.push({ copy, source, sourceRank: result.rank, score: (normalize ? result.normalized : result.mean)! });
      }
      finalState.lastEntryNumber = coded.length;
      finalState.sourceRoundId = source.id;
      finalState.shortlistedAt = now;
      await this.essays.saveState(finalState, tx);
      return { sourceRoundId: source.id, finalRoundId: final.id, normalize, picks: picks.sort((a, b) => a.sourceRank - b.sourceRank) };
    });
  }

  private async compute(round: RoundEntity, normalizeOverride: boolean | undefined, tx?: Tx, knownState?: EssayRoundStateEntity): Promise<EssayResults> {
    if (round.kind !== 'essay') throw ContestErrors.error('ROUND.NOT_ESSAY');
    // One after the other: inside a transaction they share one connection.
    const state = knownState ?? (await this.essays.findState(round.id, tx));
    const entries = await this.essays.entriesOfRound(round.id, tx);
    const totals = await this.essays.scoredTotals(round.id, tx);
    const extra = await this.essays.entriesWithExtraJudge(round.id, tx);
    const normalize = normalizeOverride ?? state?.normalize ?? false;
    const maxTotal = rubricMaxTotal(round.rubric ?? []);
    const discrepancyThreshold = state?.discrepancyThreshold ?? maxTotal * DEFAULT_DISCREPANCY_SHARE;
    const results = aggregateEssayScores(
      entries.map((entry) => ({ entryId: entry.id, submittedAt: entry.submittedAt })),
      totals,
      { maxTotal, normalize, discrepancyThreshold },
    );
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    return {
      round,
      state,
      normalize,
      maxTotal,
      discrepancyThreshold,
      rows: results.map((result) => ({ result, entry: byId.get(result.entryId)!, extraJudge: extra.has(result.entryId) })),
    };
  }

  /** Author names and the unit each entry was submitted from (not the author's current one). */
  private async withAuthors(results: EssayResults): Promise<ResultsWithAuthors> {
    const [profiles, units] = await Promise.all([this.users.profiles(results.rows.map((row) => row.entry.authorId)), this.units.list()]);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    const authors = new Map(
      results.rows.map(({ entry }) => [entry.id, { fullName: profiles.get(entry.authorId)?.fullName ?? '', unitName: unitNames.get(entry.unitId) ?? null }]),
    );
    return { ...results, authors };
  }

  private async essayRound(roundId: string, tx?: Tx): Promise<RoundEntity> {
    const { round } = await this.contests.roundById(roundId, tx);
    if (round.kind !== 'essay') throw ContestErrors.error('ROUND.NOT_ESSAY');
    return round;
  }
}
