export const Roles = ['member', 'organizer', 'judge', 'admin'] as const;
export type Role = (typeof Roles)[number];

export interface UserResponse {
  id: string;
  fullName: string;
  email: string;
  /** null only for staff accounts created without a unit (e.g. the boot admin). */
  unitId: string | null;
  roles: Role[];
  /** The canonical `0xxxxxxxxx`, or null. */
  phone: string | null;
  /** A temporary password set by an admin: every request but the password change is refused until it is changed. */
  mustChangePassword: boolean;
}

/** What an admin sees of a user (GET /api/users). */
export interface UserAdminResponse extends UserResponse {
  /** A deactivated account cannot sign in; its requests get 401 AUTH.ACCOUNT_DISABLED. */
  active: boolean;
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

/**
 * `POST /api/auth/login` and `register`. The access token is short-lived (`expiresIn` seconds); the
 * refresh token gets a new pair once (`POST /api/auth/refresh`) and is then spent (rotation).
 */
export interface AuthResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
  mustChangePassword: boolean;
  user: UserResponse;
}

/** `POST /api/auth/refresh` and `POST /api/auth/logout` */
export interface RefreshRequest {
  refreshToken: string;
}

/** `POST /api/auth/refresh`: a new pair; the refresh token sent is spent (reusing it ends the session). */
export interface RefreshResponse {
  accessToken: string;
  /**
   * The next refresh token, when the request sent its token in the body (other clients). A refresh
   * by the `hoithi_refresh` cookie (the web client) gets it only in the cookie, out of a script's reach.
   */
  refreshToken?: string;
  expiresIn: number;
}

/** `PUT /api/auth/password` → 204; the account's other sessions end. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** `PATCH /api/auth/me` → 200 `UserResponse`. `phone: null` removes the number (unless phones are required). */
export interface UpdateProfileRequest {
  fullName?: string;
  phone?: string | null;
}

/** `POST /api/users/:id/reset-password` (admin): a password to hand over; it must be changed at the next sign-in. */
export interface ResetPasswordResponse {
  temporaryPassword: string;
}

/** `PATCH /api/users/:id` (admin). */
export interface UpdateUserRequest {
  active?: boolean;
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
