import type { UnitBoardOrderBy } from '@hoi-thi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { leaderboardApi } from '../api/leaderboard-api';

export const contestBoardPageSize = 50;
/** The boards move while rounds are open; a glance every minute is enough for a page people read. */
const refreshMs = 60_000;

export const contestBoardKeys = {
  contest: (contestId: string, offset: number) => ['leaderboard', 'contest', contestId, offset] as const,
  units: (contestId: string, orderBy: UnitBoardOrderBy) => ['leaderboard', 'contest', contestId, 'units', orderBy] as const,
};

export function useContestBoard(contestId: string, page: number) {
  const offset = (page - 1) * contestBoardPageSize;
  return useQuery({
    queryKey: contestBoardKeys.contest(contestId, offset),
    queryFn: ({ signal }) => leaderboardApi.contest(contestId, contestBoardPageSize, offset, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    refetchInterval: refreshMs,
  });
}

export function useUnitBoard(contestId: string, orderBy: UnitBoardOrderBy, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: contestBoardKeys.units(contestId, orderBy),
    queryFn: ({ signal }) => leaderboardApi.units(contestId, orderBy, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    refetchInterval: options.refetchInterval ?? refreshMs,
  });
}
