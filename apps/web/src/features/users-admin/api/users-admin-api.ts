import type { Page, ResetPasswordResponse, Role, UpdateRolesRequest, UpdateUserRequest, UserAdminResponse } from '@hoi-thi/contracts';
import { api } from '../../../lib/api-client';

export interface UserFilters {
  /** Name or email. */
  search?: string;
  role?: Role;
  limit: number;
  offset: number;
}

/** The admins' user management (`/api/users`, admins only). */
export const usersAdminApi = {
  list: (filters: UserFilters, signal?: AbortSignal) => api.get<Page<UserAdminResponse>>('/users', { query: { ...filters }, signal }),
  /** 409 USER.CANNOT_DEMOTE_SELF when an admin drops their own admin role. */
  setRoles: (id: string, body: UpdateRolesRequest) => api.put<UserAdminResponse>(`/users/${id}/roles`, body),
  /** 409 USER.CANNOT_DISABLE_SELF. */
  update: (id: string, body: UpdateUserRequest) => api.patch<UserAdminResponse>(`/users/${id}`, body),
  /** A temporary password, shown once; the member must change it at the next sign-in. */
  resetPassword: (id: string) => api.post<ResetPasswordResponse>(`/users/${id}/reset-password`),
};
