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

/** `GET /api/auth/registration-settings` (public): what the sign-up form must ask for. */
export interface RegistrationSettingsResponse {
  /** REGISTER_REQUIRE_PHONE: registration is refused without a phone number. */
  phoneRequired: boolean;
}

/**
 * Why accounts look like the same person (`GET /api/users/duplicates`):
 * - `SAME_PHONE`: one number on several accounts — the holder of the number and the accounts that
 *   had it too when numbers became unique (their `legacyPhone`); `key` is the number (or, for a
 *   legacy value that is not a mobile number, that value as it was stored); across units.
 * - `SAME_NAME`: the same full name, ignoring case, diacritics and spacing, in the same unit;
 *   `key` is the folded name ("nguyen van an").
 * - `SIMILAR_PHONE`: numbers that differ only in their last digit, in the same unit (a run of SIM
 *   cards, or invented numbers); `key` is the number without its last digit.
 */
export const DuplicateReasons = ['SAME_PHONE', 'SAME_NAME', 'SIMILAR_PHONE'] as const;
export type DuplicateReason = (typeof DuplicateReasons)[number];

export interface DuplicateAccountResponse {
  id: string;
  fullName: string;
  email: string;
  phone: string | null;
  /** A number the account had before numbers became unique (held by an older account, or not a mobile number). */
  legacyPhone: string | null;
  unitId: string | null;
  unitName: string | null;
  createdAt: string;
}

export interface DuplicateGroupResponse {
  reason: DuplicateReason;
  key: string;
  /** The unit of a `SAME_NAME` or `SIMILAR_PHONE` group; null for `SAME_PHONE` (across units). */
  unitId: string | null;
  unitName: string | null;
  /** Accounts in the group; `accounts` lists at most the oldest 50 of them. */
  size: number;
  /** Oldest first. */
  accounts: DuplicateAccountResponse[];
}
