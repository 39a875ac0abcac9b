import type { LoginRequest, RegisterRequest } from '@hoi-thi/contracts';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../api/auth-api';
import { useAuth } from './auth-context';

export function useLogin() {
  const { signIn } = useAuth();
  return useMutation({
    mutationFn: (request: LoginRequest) => authApi.login(request),
    onSuccess: signIn,
  });
}

export function useRegister() {
  const { signIn } = useAuth();
  return useMutation({
    mutationFn: (request: RegisterRequest) => authApi.register(request),
    onSuccess: signIn,
  });
}
