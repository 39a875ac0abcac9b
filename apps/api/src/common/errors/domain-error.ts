/**
 * The one error type services and the engine throw. It names a stable code (`MODULE.REASON`);
 * `AllExceptionsFilter` maps the code to an HTTP status and a translated message. Nothing below
 * the controller ever picks a status.
 */
export interface ValidationDetail {
  field: string;
  /** class-validator constraint name (e.g. `isEmail`) or a message key of ours. */
  constraint: string;
  /** Fallback text when no translation exists for the constraint. */
  fallback?: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    /** Values for the message template and extra response fields (e.g. `attemptId`). */
    readonly params: Record<string, string | number | null> = {},
    readonly details?: ValidationDetail[],
    /** Extra top-level fields to include in the error body (e.g. `{ attemptId }`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }

  static validation(details: ValidationDetail[]): DomainError {
    return new DomainError('VALIDATION', {}, details);
  }

  static invalidField(field: string, constraint: string, params?: Record<string, string | number>): DomainError {
    return DomainError.validation([{ field, constraint, params }]);
  }
}

/** A rate limit or a cap was hit; `retryAfterSeconds` goes into the `Retry-After` header (429 or 503 by the code). */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    code = 'RATE_LIMITED',
  ) {
    super(code, { seconds: retryAfterSeconds });
  }
}
