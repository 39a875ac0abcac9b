import type { AuthResponse } from '@hoi-thi/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { isApiError } from '../../../lib/api-client';
import { authToken } from '../../../lib/auth-token';
import { authApi } from '../api/auth-api';
import { AuthContext, meQueryKey, type AuthState, type AuthStatus } from '../hooks/auth-context';

const isUnauthorized = (error: unknown) => isApiError(error) && error.status === 401;

/** Keeps the access token (in localStorage) and the signed-in user (from `/auth/me`). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(authToken.get);

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await authApi.me(signal);
      } catch (error) {
        // The stored token is expired or revoked: forget it, the visitor is anonymous again.
        if (isUnauthorized(error)) {
          authToken.clear();
          setToken(null);
        }
        throw error;
      }
    },
    enabled: token !== null,
    staleTime: 5 * 60_000,
    retry: (failureCount, error) => !isUnauthorized(error) && failureCount < 2,
  });

  const signIn = useCallback(
    ({ accessToken, user }: AuthResponse) => {
      authToken.set(accessToken);
      queryClient.setQueryData(meQueryKey, user);
      setToken(accessToken);
      // What other queries return can depend on who asks.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    authToken.clear();
    setToken(null);
    queryClient.removeQueries({ queryKey: meQueryKey });
    void queryClient.invalidateQueries();
  }, [queryClient]);

  const user = token !== null ? (me.data ?? null) : null;
  let status: AuthStatus = 'anonymous';
  if (token !== null) status = user ? 'authenticated' : me.isError ? 'unverified' : 'loading';

  const value = useMemo<AuthState>(() => ({ status, user, signIn, signOut }), [status, user, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
