import { Injectable } from '@nestjs/common';
import { ItemAnalysisAccumulator, type ItemStatistics, participationByUnit, UnitTree, type UnitParticipation } from '@hoi-thi/contest-engine';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { AnalyticsSource } from '../attempts/analytics-source.js';
import { ContestErrors } from '../contests/contests.errors.js';
import { ContestsService } from '../contests/contests.service.js';
import type { RoundEntity } from '../contests/round.entity.js';
import { type PinnedVersion, QuestionPoolService } from '../question-bank/question-pool.service.js';
import type { UnitEntity } from '../units/unit.entity.js';
import { UnitsService } from '../units/units.service.js';

export interface ParticipationView {
  rounds: RoundEntity[];
  units: UnitParticipation[];
}

export interface ItemView {
  statistics: ItemStatistics;
  /** The question's current version: its text, options and key are shown. */
  current: PinnedVersion | undefined;
  /** Options chosen on a paper that the current version no longer has (removed by an edit), with their text then. */
  formerOptions: { id: string; text: string }[];
}

export interface ItemAnalysisView {
  attempts: number;
  alpha: number | null;
  items: ItemView[];
}

/**
 * What organizers learn from a contest (issue 19): participation by unit and round, and item
 * analysis per round. The counts and the graded answers come from the attempts module
 * (AnalyticsSource); the roll-up and the statistics are the engine's.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly source: AnalyticsSource,
    private readonly contests: ContestsService,
    private readonly units: UnitsService,
    private readonly pool: QuestionPoolService,
  ) {}

  /**
   * Every unit × every quiz round of the contest, rolled up the tree. A contest open only to some
   * units shows those units and the units below them (the rest of the federation could not take part).
   * Essay rounds are left out: entries are the essays module's, and it offers no counts by unit yet.
   */
  async participation(caller: AuthUser, contestId: string): Promise<ParticipationView> {
    const [{ contest, rounds }, allUnits] = await Promise.all([this.contests.get(caller, contestId), this.units.list()]);
    const quiz = rounds.filter((round) => round.kind === 'quiz');
    const units = inScope(allUnits, contest.eligibleUnitIds);
    const roundIds = quiz.map((round) => round.id);
    const { perRound, members } = await this.source.participation(roundIds, units.map((unit) => unit.id));
    return {
      rounds: quiz,
      units: participationByUnit(
        units.map((unit) => ({ id: unit.id, parentId: unit.parentId, name: unit.name, memberCount: unit.memberCount })),
        roundIds,
        perRound,
        members,
      ),
    };
  }

  /**
   * Facility, discrimination, distractors and alpha over the round's finished attempts, live or
   * after close; questions grouped by question (its versions together), shown in their current version.
   */
  async itemAnalysis(caller: AuthUser, roundId: string): Promise<ItemAnalysisView> {
    const { round } = await this.contests.getRound(caller, roundId);
    if (round.kind !== 'quiz') throw ContestErrors.error('ROUND.NOT_QUIZ');
    const accumulator = new ItemAnalysisAccumulator();
    const versionsSeen = new Map<string, Set<string>>();
    for await (const batch of this.source.gradedAttempts(roundId)) {
      for (const attempt of batch) {
        accumulator.add(attempt);
        for (const item of attempt.items) {
          const seen = versionsSeen.get(item.questionId) ?? new Set<string>();
          seen.add(item.versionId).add(item.keyVersionId);
          versionsSeen.set(item.questionId, seen);
        }
      }
    }
    const analysis = accumulator.result();
    const questionIds = analysis.items.map((item) => item.questionId);
    const currentIds = await this.pool.currentVersionIds(questionIds);
    const versions = await this.pool.pinned([...currentIds.values(), ...[...versionsSeen.values()].flatMap((ids) => [...ids])]);
    return {
      attempts: analysis.attempts,
      alpha: analysis.alpha,
      items: analysis.items.map((statistics) => {
        const current = versions.get(currentIds.get(statistics.questionId) ?? '');
        const known = new Set(current?.options.map((option) => option.id));
        const former = new Map<string, string>();
        for (const versionId of versionsSeen.get(statistics.questionId) ?? []) {
          for (const option of versions.get(versionId)?.options ?? []) {
            if (!known.has(option.id) && statistics.chosenBy.has(option.id)) former.set(option.id, option.text);
          }
        }
        return { statistics, current, formerOptions: [...former].map(([id, text]) => ({ id, text })) };
      }),
    };
  }
}

/** The units a contest concerns: all of them, or those at or below one of its eligible units. */
function inScope(units: UnitEntity[], eligibleUnitIds: string[]): UnitEntity[] {
  if (!eligibleUnitIds.length) return units;
  const tree = new UnitTree(units);
  const eligible = new Set(eligibleUnitIds);
  return units.filter((unit) => [...tree.ancestorsOrSelf(unit.id)].some((id) => eligible.has(id)));
}
