import type { Role, UserResponse } from '@hoi-thi/contracts';

/** As the API decides it: an admin may do everything an organizer may (API.md "Conventions"). */
export function hasRole(user: Pick<UserResponse, 'roles'> | null | undefined, role: Role): boolean {
  if (!user) return false;
  return user.roles.includes(role) || (role === 'organizer' && user.roles.includes('admin'));
}
