import type { ContestStatus, CreateContestRequest } from '@hoi-thi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { contestAdminApi, type BlueprintShortfallBody, type CreateRoundRequest, type UpdateRoundRequest } from '../api/contest-admin-api';

export const contestAdminKeys = {
  contest: (id: string) => ['contests', 'admin', id] as const,
  list: (params: { limit: number; offset: number; status?: ContestStatus }) => ['contests', 'admin', 'list', params] as const,
  managers: (id: string) => ['contests', 'admin', id, 'managers'] as const,
  organizers: (search: string) => ['users', 'organizers', search] as const,
};

export function useAdminContests(params: { limit: number; offset: number; status?: ContestStatus }) {
  return useQuery({
    queryKey: contestAdminKeys.list(params),
    queryFn: ({ signal }) => contestAdminApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAdminContest(id: string) {
  return useQuery({ queryKey: contestAdminKeys.contest(id), queryFn: ({ signal }) => contestAdminApi.get(id, signal), enabled: id !== '', staleTime: 0 });
}

/** Any change to a contest: the members' list (`['contests', 'list']`) and ours are stale. */
function useInvalidateContests() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['contests'] });
}

export function useCreateContest() {
  const invalidate = useInvalidateContests();
  return useMutation({ mutationFn: (body: CreateContestRequest) => contestAdminApi.create(body), onSuccess: invalidate });
}

export function useUpdateContest(id: string) {
  const invalidate = useInvalidateContests();
  return useMutation({ mutationFn: (body: Partial<CreateContestRequest>) => contestAdminApi.update(id, body), onSuccess: invalidate });
}

/** A round changed or went: the contest (ours and the members'), the round pages and boards are stale. */
function useInvalidateRounds() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['contests'] }), queryClient.invalidateQueries({ queryKey: ['rounds'] })]);
}

export function useAddRound(contestId: string) {
  const invalidate = useInvalidateRounds();
  return useMutation({ mutationFn: (body: CreateRoundRequest) => contestAdminApi.addRound(contestId, body), onSuccess: invalidate });
}

export function useUpdateRound(roundId: string) {
  const invalidate = useInvalidateRounds();
  return useMutation({ mutationFn: (body: UpdateRoundRequest) => contestAdminApi.updateRound(roundId, body), onSuccess: invalidate });
}

export function useDeleteRound(roundId: string) {
  const invalidate = useInvalidateRounds();
  return useMutation({ mutationFn: () => contestAdminApi.deleteRound(roundId), onSuccess: invalidate });
}

export function usePublishContest(id: string) {
  const invalidate = useInvalidateContests();
  return useMutation({ mutationFn: () => contestAdminApi.publish(id), onSuccess: invalidate });
}

export function useFinishContest(id: string) {
  const invalidate = useInvalidateContests();
  return useMutation({ mutationFn: () => contestAdminApi.finish(id), onSuccess: invalidate });
}

export function useContestManagers(id: string, enabled: boolean) {
  return useQuery({ queryKey: contestAdminKeys.managers(id), queryFn: ({ signal }) => contestAdminApi.managers(id, signal), enabled });
}

export function useSetContestManagers(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => contestAdminApi.setManagers(id, userIds),
    onSuccess: (managers) => {
      queryClient.setQueryData(contestAdminKeys.managers(id), managers);
      // `managerIds` and `canManage` of the contest change with it.
      return queryClient.invalidateQueries({ queryKey: ['contests'] });
    },
  });
}

export function useOrganizerCandidates(search: string, enabled: boolean) {
  return useQuery({
    queryKey: contestAdminKeys.organizers(search),
    queryFn: ({ signal }) => contestAdminApi.organizers(search, signal),
    enabled,
    placeholderData: keepPreviousData,
    select: (page) => page.items,
  });
}

/** Each call draws a new paper (a POST: never cached). */
export function useRoundPreview(roundId: string) {
  return useMutation({ mutationFn: () => contestAdminApi.preview(roundId) });
}

/** The short line of a 409 `CONTEST.BLUEPRINT_UNSATISFIABLE`, or null for any other failure. */
export function shortfallOf(error: unknown): BlueprintShortfallBody | null {
  if (!isApiError(error) || error.code !== 'CONTEST.BLUEPRINT_UNSATISFIABLE' || !error.body) return null;
  const body = error.body as Partial<BlueprintShortfallBody>;
  if (typeof body.lineIndex !== 'number' || typeof body.needed !== 'number' || typeof body.available !== 'number') return null;
  return body as BlueprintShortfallBody;
}
