import type { AuthResponse, LoginRequest, RegisterRequest, RegistrationSettingsResponse, UserResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const authApi = {
  login: (body: LoginRequest) => api.post<AuthResponse>('/auth/login', body),
  register: (body: RegisterRequest) => api.post<AuthResponse>('/auth/register', body),
  me: (signal?: AbortSignal) => api.get<UserResponse>('/auth/me', { signal }),
  /** Public: what the sign-up form must ask for (REGISTER_REQUIRE_PHONE). */
  registrationSettings: (signal?: AbortSignal) => api.get<RegistrationSettingsResponse>('/auth/registration-settings', { signal }),
};
