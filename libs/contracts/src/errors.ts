/**
 * Stable, machine-readable error codes of the public API (API.md "Errors").
 * The API maps each code to an HTTP status once; the client translates codes it knows.
 */
export const ErrorCodes = {
  VALIDATION: 'VALIDATION',
  MALFORMED_JSON: 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  AUTH_EMAIL_TAKEN: 'AUTH.EMAIL_TAKEN',
  AUTH_PHONE_TAKEN: 'AUTH.PHONE_TAKEN',
  AUTH_INVALID_CREDENTIALS: 'AUTH.INVALID_CREDENTIALS',
  AUTH_TOKEN_INVALID: 'AUTH.TOKEN_INVALID',
  AUTH_SESSION_REVOKED: 'AUTH.SESSION_REVOKED',
  AUTH_ACCOUNT_DISABLED: 'AUTH.ACCOUNT_DISABLED',
  AUTH_PASSWORD_CHANGE_REQUIRED: 'AUTH.PASSWORD_CHANGE_REQUIRED',
  AUTH_WRONG_PASSWORD: 'AUTH.WRONG_PASSWORD',
  AUTH_SAME_PASSWORD: 'AUTH.SAME_PASSWORD',
  CONTEST_NOT_MANAGER: 'CONTEST.NOT_MANAGER',
  ROUND_STAFF_CANNOT_COMPETE: 'ROUND.STAFF_CANNOT_COMPETE',
  UNIT_NOT_FOUND: 'UNIT.NOT_FOUND',
  UNIT_PARENT_NOT_FOUND: 'UNIT.PARENT_NOT_FOUND',
  UNIT_CYCLE: 'UNIT.CYCLE',
  USER_NOT_FOUND: 'USER.NOT_FOUND',
  CONTEST_NOT_FOUND: 'CONTEST.NOT_FOUND',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode | string;
  message: string;
  details?: FieldError[];
  requestId?: string;
  [extra: string]: unknown;
}
