import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roundQueryKey } from '../../rounds';
import { roundOpsApi } from '../api/round-ops-api';

/** How often the live panels ask again while the page is open. */
export const livePollMs = 15_000;

export const opsKeys = {
  all: (roundId: string) => ['round-ops', roundId] as const,
  participation: (roundId: string, bucket: 'hour' | 'day') => ['round-ops', roundId, 'participation', bucket] as const,
  board: (roundId: string) => ['round-ops', roundId, 'board'] as const,
  regrades: (roundId: string) => ['round-ops', roundId, 'regrades'] as const,
  entries: (roundId: string, offset: number) => ['round-ops', roundId, 'entries', offset] as const,
  judging: (roundId: string) => ['round-ops', roundId, 'judging'] as const,
  results: (roundId: string) => ['round-ops', roundId, 'results'] as const,
};

export function useParticipation(roundId: string, bucket: 'hour' | 'day') {
  return useQuery({
    queryKey: opsKeys.participation(roundId, bucket),
    queryFn: ({ signal }) => roundOpsApi.participation(roundId, bucket, signal),
    refetchInterval: livePollMs,
    staleTime: 5_000,
  });
}

export function useBoardNames(roundId: string, enabled: boolean) {
  return useQuery({
    queryKey: opsKeys.board(roundId),
    queryFn: ({ signal }) => roundOpsApi.board(roundId, signal),
    enabled,
    select: (board) => new Map(board.entries.map((entry) => [entry.userId, entry])),
  });
}

export function useRegradeLog(roundId: string) {
  return useQuery({ queryKey: opsKeys.regrades(roundId), queryFn: ({ signal }) => roundOpsApi.regrades(roundId, signal) });
}

/** After a change to the round: its page, its boards and our panels are stale. */
function useInvalidateRound(roundId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: opsKeys.all(roundId) }),
      queryClient.invalidateQueries({ queryKey: roundQueryKey(roundId) }),
      queryClient.invalidateQueries({ queryKey: ['leaderboard', roundId] }),
      queryClient.invalidateQueries({ queryKey: ['contests'] }),
    ]);
}

export function useCloseRound(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({ mutationFn: (actualValue: number | undefined) => roundOpsApi.close(roundId, actualValue), onSuccess: invalidate });
}

export function useRegrade(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({
    mutationFn: (dryRun: boolean) => roundOpsApi.regrade(roundId, dryRun),
    onSuccess: (result) => (result.dryRun ? undefined : invalidate()),
  });
}

export function useEntries(roundId: string, offset: number) {
  return useQuery({ queryKey: opsKeys.entries(roundId, offset), queryFn: ({ signal }) => roundOpsApi.entries(roundId, offset, signal) });
}

export function useJudgingStatus(roundId: string) {
  return useQuery({ queryKey: opsKeys.judging(roundId), queryFn: ({ signal }) => roundOpsApi.judging(roundId, signal), refetchInterval: livePollMs });
}

export function useEssayResults(roundId: string, enabled: boolean) {
  return useQuery({ queryKey: opsKeys.results(roundId), queryFn: ({ signal }) => roundOpsApi.results(roundId, signal), enabled });
}

export function useAssignJudges(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({ mutationFn: (judgeIds: string[]) => roundOpsApi.assign(roundId, judgeIds), onSuccess: invalidate });
}

export function useLockJudging(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({ mutationFn: () => roundOpsApi.lock(roundId), onSuccess: invalidate });
}

export function usePublishEssayResults(roundId: string) {
  const invalidate = useInvalidateRound(roundId);
  return useMutation({ mutationFn: () => roundOpsApi.publishResults(roundId), onSuccess: invalidate });
}

export function useJudgeCandidates(search: string) {
  return useQuery({
    queryKey: ['users', 'judges', search],
    queryFn: ({ signal }) => roundOpsApi.judges(search, signal),
    select: (page) => page.items,
  });
}
