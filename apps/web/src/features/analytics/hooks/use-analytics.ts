import { useQuery } from '@tanstack/react-query';
import { analyticsApi } from '../api/analytics-api';

/** While a round is open its item statistics change with every submission: ask again this often. */
export const itemAnalysisPollMs = 30_000;

export const analyticsKeys = {
  participation: (contestId: string) => ['analytics', 'participation', contestId] as const,
  items: (roundId: string) => ['analytics', 'items', roundId] as const,
  contest: (contestId: string) => ['analytics', 'contest', contestId] as const,
  contests: () => ['analytics', 'contests'] as const,
};

export function useContestParticipation(contestId: string) {
  return useQuery({
    queryKey: analyticsKeys.participation(contestId),
    queryFn: ({ signal }) => analyticsApi.participation(contestId, signal),
    enabled: contestId !== '',
    staleTime: 30_000,
  });
}

export function useAnalyticsContest(contestId: string) {
  return useQuery({ queryKey: analyticsKeys.contest(contestId), queryFn: ({ signal }) => analyticsApi.contest(contestId, signal), enabled: contestId !== '' });
}

/** The contests the caller manages and can analyse (quiz contests). */
export function useAnalyticsContests() {
  return useQuery({
    queryKey: analyticsKeys.contests(),
    queryFn: ({ signal }) => analyticsApi.contests(signal),
    select: (page) => page.items.filter((contest) => contest.kind === 'quiz' && contest.canManage),
  });
}

/** Live (every 30 s) while the round is open; once closed the numbers no longer move. */
export function useItemAnalysis(roundId: string, live: boolean) {
  return useQuery({
    queryKey: analyticsKeys.items(roundId),
    queryFn: ({ signal }) => analyticsApi.itemAnalysis(roundId, signal),
    enabled: roundId !== '',
    refetchInterval: live ? itemAnalysisPollMs : false,
    staleTime: 5_000,
  });
}
