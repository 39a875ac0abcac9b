import type { ChangePasswordRequest, UpdateProfileRequest, UserResponse } from '@hoi-thi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authApi, meQueryKey } from '../../auth';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileRequest) => authApi.updateProfile(body),
    onSuccess: (user) => {
      queryClient.setQueryData<UserResponse>(meQueryKey, user);
    },
  });
}

/**
 * The account's other sessions end; this one goes on. A temporary password, once changed, no longer
 * blocks anything: what failed with 403 AUTH.PASSWORD_CHANGE_REQUIRED is asked again.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => authApi.changePassword(body),
    onSuccess: () => {
      const user = queryClient.getQueryData<UserResponse>(meQueryKey);
      if (user?.mustChangePassword) {
        queryClient.setQueryData<UserResponse>(meQueryKey, { ...user, mustChangePassword: false });
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      }
    },
  });
}

export function useLogoutAll() {
  return useMutation({ mutationFn: () => authApi.logoutAll() });
}
