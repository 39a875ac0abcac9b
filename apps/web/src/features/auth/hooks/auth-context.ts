import type { AuthResponse, UserResponse } from '@hoi-thi/contracts';
import { createContext, useContext } from 'react';

export type AuthStatus =
  /** No token stored. */
  | 'anonymous'
  /** A token is stored and `/auth/me` is on its way. */
  | 'loading'
  /** The token is valid and `user` is known. */
  | 'authenticated'
  /** A token is stored but `/auth/me` failed for a reason other than 401 (offline, server down). */
  | 'unverified';

export interface AuthState {
  status: AuthStatus;
  user: UserResponse | null;
  signIn: (response: AuthResponse) => void;
  /** Logs this session out on the server (its refresh token) and forgets it here. */
  signOut: () => void;
  /** Forgets a session the server has already ended (after "log out on all devices"). */
  forgetSession: () => void;
}

export const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}

export const meQueryKey = ['auth', 'me'] as const;
