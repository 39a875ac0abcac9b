import type { ScoreAssignmentRequest } from '@hoi-thi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { judgingApi } from '../api/judging-api';

export const judgingKeys = {
  all: ['judging'] as const,
  list: ['judging', 'list'] as const,
  assignment: (id: string) => ['judging', 'assignment', id] as const,
};

export function useAssignments() {
  return useQuery({ queryKey: judgingKeys.list, queryFn: ({ signal }) => judgingApi.list(signal), staleTime: 0 });
}

export function useAssignment(id: string) {
  return useQuery({ queryKey: judgingKeys.assignment(id), queryFn: ({ signal }) => judgingApi.get(id, signal), enabled: id !== '', staleTime: 0 });
}

export function useScoreAssignment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoreAssignmentRequest) => judgingApi.score(id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(judgingKeys.assignment(id), saved);
      return queryClient.invalidateQueries({ queryKey: judgingKeys.list });
    },
  });
}

export function useDeclareConflict(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => judgingApi.conflict(id),
    // Not the assignment itself: it is withdrawn now, and asking for it again would only fail.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: judgingKeys.list }),
  });
}
