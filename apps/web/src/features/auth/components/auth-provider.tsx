import type { AuthResponse, UserResponse } from '@hoi-thi/contracts';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError } from '../../../lib/api-client';
import { authToken, sessionFlagKey } from '../../../lib/auth-token';
import { sessionEvents } from '../../../lib/session-events';
import { authApi } from '../api/auth-api';
import { AuthContext, meQueryKey, type AuthState, type AuthStatus } from '../hooks/auth-context';

const isUnauthorized = (error: unknown) => isApiError(error) && error.status === 401;

/**
 * Nothing fetched for the previous account stays in memory; what is on screen asks again, as a
 * visitor (a mounted page would keep showing data of a cleared cache until it re-rendered).
 */
function dropAccountData(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: meQueryKey });
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.resetQueries({ type: 'active' });
}

/**
 * Keeps the session (the access token in memory, renewed by the API client with the refresh cookie)
 * and the signed-in user (from `/auth/me`, which after a reload first renews the token), and follows
 * what the API client reports: a session that ended, a password to change.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [hasSession, setHasSession] = useState(() => authToken.hasSession());

  const me = useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      try {
        return await authApi.me(signal);
      } catch (error) {
        // The stored token is refused and could not be renewed: the visitor is anonymous again.
        if (isUnauthorized(error)) {
          authToken.clear();
          setHasSession(false);
        }
        throw error;
      }
    },
    enabled: hasSession,
    staleTime: 5 * 60_000,
    retry: (failureCount, error) => !isUnauthorized(error) && failureCount < 2,
  });

  /** Nothing of the previous account stays in memory. */
  const forgetSession = useCallback(() => {
    authToken.clear();
    setHasSession(false);
    dropAccountData(queryClient);
  }, [queryClient]);

  useEffect(
    () =>
      sessionEvents.subscribe((event) => {
        if (event.type === 'ended') {
          setHasSession(false);
          dropAccountData(queryClient);
          return;
        }
        const user = queryClient.getQueryData<UserResponse>(meQueryKey);
        if (user) queryClient.setQueryData<UserResponse>(meQueryKey, { ...user, mustChangePassword: true });
        else void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }),
    [queryClient],
  );

  // Another tab signed in or out: follow it (the tabs share the refresh cookie; each keeps its own
  // access token, which this tab gets from the cookie with its next request).
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== sessionFlagKey && event.key !== null) return;
      const stored = authToken.hasSession();
      if (stored === hasSession) return;
      if (stored) {
        setHasSession(true);
        void queryClient.invalidateQueries();
      } else {
        authToken.forget();
        setHasSession(false);
        dropAccountData(queryClient);
      }
    };
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('storage', onStorage);
    };
  }, [hasSession, queryClient]);

  const signIn = useCallback(
    (response: AuthResponse) => {
      authToken.setSession(response);
      queryClient.setQueryData<UserResponse>(meQueryKey, {
        ...response.user,
        mustChangePassword: response.mustChangePassword || response.user.mustChangePassword,
      });
      setHasSession(true);
      // What other queries return can depend on who asks.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
    [queryClient],
  );

  const signOut = useCallback(() => {
    // The session ends on the server (which clears the cookie); here it goes at once, even offline.
    void authApi.logout(authToken.legacyRefresh()).catch(() => undefined);
    forgetSession();
  }, [forgetSession]);

  const user = hasSession ? (me.data ?? null) : null;
  let status: AuthStatus = 'anonymous';
  if (hasSession) status = user ? 'authenticated' : me.isError ? 'unverified' : 'loading';

  const value = useMemo<AuthState>(() => ({ status, user, signIn, signOut, forgetSession }), [status, user, signIn, signOut, forgetSession]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
