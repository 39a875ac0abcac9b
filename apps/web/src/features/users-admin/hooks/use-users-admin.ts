import type { Role } from '@hoi-thi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../auth';
import { usersAdminApi, type UserFilters } from '../api/users-admin-api';

export const usersAdminKeys = {
  all: ['users', 'admin'] as const,
  list: (filters: UserFilters) => ['users', 'admin', 'list', filters] as const,
};

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: usersAdminKeys.list(filters),
    queryFn: ({ signal }) => usersAdminApi.list(filters, signal),
    // Keep the current page on screen while the next one (or a new search) loads.
    placeholderData: keepPreviousData,
  });
}

/** After a change to an account: the lists are stale, and so is `/auth/me` if it was one's own. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: usersAdminKeys.all }), queryClient.invalidateQueries({ queryKey: meQueryKey })]);
}

export function useSetRoles(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (roles: Role[]) => usersAdminApi.setRoles(userId, { roles }), onSuccess: invalidate });
}

export function useSetActive(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (active: boolean) => usersAdminApi.update(userId, { active }), onSuccess: invalidate });
}

export function useResetPassword(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: () => usersAdminApi.resetPassword(userId),
    // The password is shown as soon as it arrives; the list catches up behind it.
    onSuccess: () => {
      void invalidate();
    },
  });
}
