import { Injectable } from '@nestjs/common';
import { ContestsService } from '../contests/contests.service.js';
import { LeaderboardsService } from '../leaderboards/leaderboards.service.js';
import type { ShareMember } from './share-page.js';

export interface SharedResult {
  contestTitle: string;
  roundTitle: string;
  member: ShareMember | null;
}

/**
 * What a share page may show: the round as the public sees it, and the member's line on the public
 * board (name, unit, best score, rank). Never an email or a phone number.
 */
@Injectable()
export class ShareService {
  constructor(
    private readonly contests: ContestsService,
    private readonly boards: LeaderboardsService,
  ) {}

  /** Throws ROUND.NOT_FOUND / ROUND.NOT_QUIZ for a round the public cannot see. */
  async sharedResult(roundId: string, userId: string): Promise<SharedResult> {
    const { round, contest } = await this.contests.getRound(undefined, roundId);
    // Asked as an anonymous caller with this member's id: the public view of the board, nothing more.
    const { board, row } = await this.boards.myRank({ id: userId, unitId: null, roles: [] }, roundId);
    const profile = row ? board.profiles.get(row.userId) : undefined;
    return {
      contestTitle: contest.title,
      roundTitle: round.title,
      member:
        row && profile
          ? { fullName: profile.fullName, unitName: profile.unitName, score: row.score, rank: row.rank, total: board.total }
          : null,
    };
  }
}
