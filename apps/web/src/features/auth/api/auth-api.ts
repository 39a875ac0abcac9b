import type {
  AuthResponse,
  ChangePasswordRequest,
  LoginRequest,
  RegisterRequest,
  RegistrationSettingsResponse,
  UpdateProfileRequest,
  UserResponse,
} from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export const authApi = {
  login: (body: LoginRequest) => api.post<AuthResponse>('/auth/login', body),
  register: (body: RegisterRequest) => api.post<AuthResponse>('/auth/register', body),
  me: (signal?: AbortSignal) => api.get<UserResponse>('/auth/me', { signal }),
  /** Public: what the sign-up form must ask for (REGISTER_REQUIRE_PHONE). */
  registrationSettings: (signal?: AbortSignal) => api.get<RegistrationSettingsResponse>('/auth/registration-settings', { signal }),
  /** Ends this session (the refresh cookie, or a token an older version stored) and clears the cookie; 204. */
  logout: (legacyRefreshToken?: string | null) => api.post<undefined>('/auth/logout', legacyRefreshToken ? { refreshToken: legacyRefreshToken } : {}),
  /** Ends every session of the account, this one included; 204. */
  logoutAll: () => api.post<undefined>('/auth/logout-all'),
  /** 400 AUTH.WRONG_PASSWORD / AUTH.SAME_PASSWORD; ends the account's other sessions; 204. */
  changePassword: (body: ChangePasswordRequest) => api.put<undefined>('/auth/password', body),
  /** 409 AUTH.PHONE_TAKEN; `phone: null` removes the number. */
  updateProfile: (body: UpdateProfileRequest) => api.patch<UserResponse>('/auth/me', body),
};
