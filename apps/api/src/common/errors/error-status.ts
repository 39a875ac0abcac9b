/** Error code → HTTP status, in one place. Codes not listed fall back by their suffix. */
const STATUS: Record<string, number> = {
  VALIDATION: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  'AUTH.EMAIL_TAKEN': 409,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.TOKEN_INVALID': 401,
  'USER.NOT_FOUND': 404,
  'USER.CANNOT_DEMOTE_SELF': 409,
  'UNIT.NOT_FOUND': 404,
  'UNIT.HAS_CHILDREN': 409,
  'CONTEST.NOT_FOUND': 404,
  'IMPORT.INVALID': 400,
  'IMPORT.FILE_TOO_LARGE': 400,
  'IMPORT.NOT_MULTIPART': 415,
  'IMPORT.BAD_FORM': 400,
};

export function statusForCode(code: string): number {
  const known = STATUS[code];
  if (known !== undefined) return known;
  if (code.endsWith('.NOT_FOUND')) return 404;
  if (code.endsWith('.FORBIDDEN') || code.endsWith('.NOT_ELIGIBLE')) return 403;
  return 409;
}
