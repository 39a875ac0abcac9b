export const Roles = ['member', 'organizer', 'judge', 'admin'] as const;
export type Role = (typeof Roles)[number];

export interface UserResponse {
  id: string;
  fullName: string;
  email: string;
  /** null only for staff accounts created without a unit (e.g. the boot admin). */
  unitId: string | null;
  roles: Role[];
}

/** What an admin sees of a user (GET /api/users). */
export interface UserAdminResponse extends UserResponse {
  phone: string | null;
  createdAt: string;
}

export interface RegisterRequest {
  fullName: string;
  email: string;
  password: string;
  unitId: string;
  phone?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface AuthResponse {
  accessToken: string;
  user: UserResponse;
}

export interface UpdateRolesRequest {
  roles: Role[];
}
