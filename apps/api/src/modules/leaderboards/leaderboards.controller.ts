import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type ContestLeaderboardResponse,
  type MyRankResponse,
  type RoundLeaderboardResponse,
  type UnitBoardOrderBy,
  UnitBoardOrders,
  type UnitLeaderboardResponse,
} from '@hoi-thi/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, Public } from '../../common/auth/decorators.js';
import { sendFile, XLSX_CONTENT_TYPE } from '../../common/http/send-file.js';
import { PaginationQuery } from '../../common/pagination.js';
import { ParseUuid } from '../../common/parse-uuid.pipe.js';
import { writeBoardXlsx, writeContestBoardXlsx, writeUnitBoardXlsx } from './leaderboard-export.js';
import { LeaderboardLive } from './leaderboard-live.service.js';
import { LeaderboardsService, type RoundBoard, toEntry } from './leaderboards.service.js';
import { ManagersOnly } from '../contests/contest-access.js';
import { ResultsDigestService } from '../results/results-digest.service.js';

export class ExportBoardQuery {
  @IsOptional()
  @IsIn(['xlsx'])
  format = 'xlsx' as const;
}

export class UnitBoardQuery {
  @IsOptional()
  @IsIn(UnitBoardOrders)
  orderBy: UnitBoardOrderBy = 'participants';
}

/**
 * A response built from a board object that is shared between requests (a page or a unit board):
 * serialized the first time, the same JSON string after that, for as long as the object lives.
 */
function sendJsonOnce<K extends object>(reply: FastifyReply, cache: WeakMap<K, string>, key: K, build: () => unknown): string {
  let json = cache.get(key);
  if (json === undefined) {
    json = JSON.stringify(build());
    cache.set(key, json);
  }
  void reply.type('application/json; charset=utf-8');
  return json;
}

@ApiTags('leaderboards')
@Controller('rounds')
export class RoundLeaderboardController {
  constructor(
    private readonly boards: LeaderboardsService,
    private readonly live: LeaderboardLive,
    private readonly digests: ResultsDigestService,
  ) {}

  /** The JSON of a board page, kept while the page is (a live page is shared for a moment, see roundBoard). */
  private readonly serialized = new WeakMap<RoundBoard, string>();

  @Public()
  @Get(':id/leaderboard')
  async board(
    @CurrentUser() caller: AuthUser | undefined,
    @Param('id', ParseUuid) id: string,
    @Query() query: PaginationQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const board = await this.boards.roundBoard(caller, id, query.offset, query.limit);
    const resultsSha256 = board.final ? await this.digests.resultsSha256(id) : null;
    return sendJsonOnce(reply, this.serialized, board, (): RoundLeaderboardResponse => ({
      roundId: id,
      final: board.final,
      frozen: board.frozenAt !== null,
      frozenAt: board.frozenAt?.toISOString() ?? null,
      actualValue: board.final ? board.round.actualValue : null,
      resultsSha256,
      total: board.total,
      entries: board.rows.map((row) => toEntry(row, board.profiles, board.final)),
    }));
  }

  @Get(':id/leaderboard/me')
  async me(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string): Promise<MyRankResponse> {
    const { board, row } = await this.boards.myRank(user, id);
    return {
      rank: row?.rank ?? null,
      entry: row ? toEntry(row, board.profiles, true) : null,
      total: board.total,
      frozen: board.frozenAt !== null,
      frozenAt: board.frozenAt?.toISOString() ?? null,
    };
  }

  /**
   * Server-sent events: the top 20 now, then again whenever it changes; a comment line every 15 s.
   * Capped per client address and in all (LeaderboardLive.admit). The place is taken and the
   * connection watched before the first await, so a client gone during setup frees its place and is
   * never subscribed.
   */
  @Public()
  @Get(':id/leaderboard/stream')
  async stream(@Param('id', ParseUuid) id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const release = this.live.admit(request.ip);
    const connection = reply.raw;
    let closed = false;
    let unsubscribe: (() => void) | null = null;
    connection.once('close', () => {
      closed = true;
      unsubscribe?.();
      release();
    });
    try {
      await this.boards.roundBoard(undefined, id, 0, 0); // 404 for a round the public cannot see, before streaming
    } catch (error) {
      release();
      throw error;
    }
    if (closed || connection.destroyed) {
      // Gone during setup: nothing to send, nothing subscribed.
      reply.hijack();
      release();
      return;
    }
    reply.hijack();
    // onSend hooks do not run for a hijacked reply: the security headers go in by hand.
    connection.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    connection.write('retry: 3000\n\n');
    unsubscribe = this.live.subscribe(id, {
      write: (frame) => !connection.destroyed && connection.write(frame),
      end: () => connection.end(),
    });
  }

  @ManagersOnly('round')
  @Get(':id/leaderboard/export')
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Query() _query: ExportBoardQuery, @Res() reply: FastifyReply): Promise<void> {
    const board = await this.boards.exportRows(user, id);
    await sendFile(reply, await writeBoardXlsx(board), XLSX_CONTENT_TYPE, `bang-xep-hang-${board.round.position}.xlsx`);
  }
}

@ApiTags('leaderboards')
@Controller('contests')
export class ContestLeaderboardController {
  constructor(private readonly boards: LeaderboardsService) {}

  @Public()
  @Get(':id/leaderboard')
  async board(@CurrentUser() caller: AuthUser | undefined, @Param('id', ParseUuid) id: string, @Query() query: PaginationQuery): Promise<ContestLeaderboardResponse> {
    const { total, rows, profiles, frozenAt } = await this.boards.contestBoard(caller, id, query.offset, query.limit);
    return {
      contestId: id,
      total,
      frozen: frozenAt !== null,
      frozenAt: frozenAt?.toISOString() ?? null,
      entries: rows.map((row) => ({
        rank: row.rank,
        userId: row.userId,
        fullName: profiles.get(row.userId)?.fullName ?? '',
        unitName: profiles.get(row.userId)?.unitName ?? null,
        totalScore: row.totalScore,
        totalDurationMs: row.totalDurationMs,
        roundsPlayed: row.roundsPlayed,
      })),
    };
  }

  /** Every line of the contest board with phone numbers, for the managers (the individual prizes). */
  @ManagersOnly('contest')
  @Get(':id/leaderboard/export')
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const board = await this.boards.contestBoard(user, id, 0, Number.MAX_SAFE_INTEGER);
    await sendFile(reply, await writeContestBoardXlsx(board), XLSX_CONTENT_TYPE, 'bang-xep-hang-cuoc-thi.xlsx');
  }

  /** Every unit of the tree with its participation, for the managers (the collective prizes). */
  @ManagersOnly('contest')
  @Get(':id/leaderboard/units/export')
  async exportUnits(@CurrentUser() user: AuthUser, @Param('id', ParseUuid) id: string, @Query() query: UnitBoardQuery, @Res() reply: FastifyReply): Promise<void> {
    const { standings } = await this.boards.unitBoard(user, id, query.orderBy);
    await sendFile(reply, await writeUnitBoardXlsx(standings), XLSX_CONTENT_TYPE, 'bang-xep-hang-don-vi.xlsx');
  }

  /** The JSON of a unit board, kept while the board is (a federation's board lists thousands of units). */
  private readonly unitJson = new WeakMap<object, string>();

  @Public()
  @Get(':id/leaderboard/units')
  async units(
    @CurrentUser() caller: AuthUser | undefined,
    @Param('id', ParseUuid) id: string,
    @Query() query: UnitBoardQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { standings, frozenAt } = await this.boards.unitBoard(caller, id, query.orderBy);
    return sendJsonOnce(reply, this.unitJson, standings, (): UnitLeaderboardResponse => ({
      contestId: id,
      orderBy: query.orderBy,
      total: standings.length,
      frozen: frozenAt !== null,
      frozenAt: frozenAt?.toISOString() ?? null,
      entries: standings.map((s) => ({
        rank: s.rank,
        unitId: s.unitId,
        name: s.name,
        parentId: s.parentId,
        depth: s.depth,
        participants: s.participants,
        memberCount: s.memberCount,
        participationRate: s.participationRate,
        averageScore: s.averageScore,
      })),
    }));
  }
}
