import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EngineError } from '@hoi-thi/contest-engine';
import type { ErrorBody, FieldError } from '@hoi-thi/contracts';
import { DomainError, RateLimitedError, type ValidationDetail } from './domain-error.js';
import { statusForCode } from './error-status.js';
import { languageFromHeader, type Language } from '../i18n/language.js';
import { translate } from '../i18n/messages.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * What the multipart parser (busboy, under @fastify/multipart) throws, as plain errors, for a body
 * that is not the form its Content-Type announces (no boundary, a boundary over 256 characters, the
 * data ending before the closing boundary). A client's mistake: 400, wherever the form is read.
 */
const MALFORMED_MULTIPART = [
  /^Multipart: Boundary not found$/,
  /^Boundary required$/,
  /^The needle (cannot|has to)/,
  /^Unexpected end of multipart data$/,
  /terminated early due to unexpected end of multipart data$/,
];

/**
 * PostgreSQL refusing for a while rather than for good: a statement or a lock wait over the API's
 * timeouts, a server shutting down or starting, no connection slot, a broken connection. The
 * request may succeed a moment later: 503 with Retry-After, not a 500.
 */
const DATABASE_BUSY = new Set(['57014', '55P03', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', 'ECONNREFUSED', 'ECONNRESET']);

/**
 * Errors with no code that mean the same: pg's when the server closes a connection mid-query (a
 * crash, a restart), and ioredis's while Redis is down (the command gave up retrying, or the
 * connection is closed). The boards and rate limits need Redis when it is configured: "say so".
 */
const UNAVAILABLE_MESSAGES = [/^Connection terminated( unexpectedly| due to connection timeout)?$/, /^Connection is closed\.$/];
const UNAVAILABLE_NAMES = new Set(['MaxRetriesPerRequestError']);

/** PostgreSQL or Redis refusing for a while (see DATABASE_BUSY and UNAVAILABLE_MESSAGES): 503 with Retry-After. */
export function temporarilyUnavailable(exception: unknown): boolean {
  const error = exception as { code?: unknown; name?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } } | null;
  const code = error?.driverError?.code ?? error?.code;
  if (typeof code === 'string' && DATABASE_BUSY.has(code)) return true;
  if (typeof error?.name === 'string' && UNAVAILABLE_NAMES.has(error.name)) return true;
  const message = error?.driverError?.message ?? error?.message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

interface FrameworkError {
  statusCode?: number;
  code?: string;
}

/**
 * Maps every error to `{statusCode, code, message, details?}` in the request's language.
 * Domain codes come from `DomainError`; Nest/Fastify errors (404 route, JSON parse, body limit,
 * guards) get generic codes; anything else is a logged 500 with the request id and nothing internal.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const language = request?.headers ? languageFromHeader(request.headers['accept-language']) : 'vi';
    const requestId = String(request?.id ?? '');

    const { status, code, params, details, extra } = this.classify(exception);
    if (status >= 500) {
      request?.log?.error({ err: exception, requestId }, 'request failed');
    }

    // Extra fields (e.g. an import report) come first so they can never replace the standard ones.
    const body: ErrorBody = {
      ...(extra ?? {}),
      statusCode: status,
      code,
      message: translate(language, code, { ...params, requestId }) ?? code,
      ...(details ? { details: details.map((d) => this.fieldError(language, d)) } : {}),
      ...(status >= 500 ? { requestId } : {}),
    };
    if (exception instanceof RateLimitedError) {
      void reply.header('Retry-After', String(exception.retryAfterSeconds));
    } else if (status === 503) {
      void reply.header('Retry-After', '1');
    }
    void reply.status(status).send(body);
  }

  private classify(exception: unknown): {
    status: number;
    code: string;
    params: Record<string, unknown>;
    details?: ValidationDetail[];
    extra?: Record<string, unknown>;
  } {
    if (exception instanceof DomainError || exception instanceof EngineError) {
      const status = statusForCode(exception.code);
      // A code no catalog registers is a programming error: a logged 500 that names nothing internal.
      if (status === undefined) return { status: 500, code: 'INTERNAL', params: {} };
      if (exception instanceof DomainError) {
        return { status, code: exception.code, params: exception.params, details: exception.details, extra: exception.extra };
      }
      // A broken contest rule from the pure engine: same mapping as a DomainError.
      return { status, code: exception.code, params: primitives(exception.details), extra: exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Fastify's body parsing errors arrive wrapped by Nest, the original as the cause.
      const cause = (exception.cause as FrameworkError | undefined)?.code;
      if (cause === 'FST_ERR_CTP_INVALID_JSON_BODY' || cause === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        return { status: 400, code: 'MALFORMED_JSON', params: {} };
      }
      return { status, code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'), params: {} };
    }
    if (exception instanceof Error && MALFORMED_MULTIPART.some((pattern) => pattern.test(exception.message))) {
      return { status: 400, code: 'BAD_REQUEST', params: {} };
    }
    if (temporarilyUnavailable(exception)) return { status: 503, code: 'SERVICE_UNAVAILABLE', params: {} };
    const framework = exception as FrameworkError;
    const status = framework?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { status, code: CODE_BY_STATUS[status] ?? 'BAD_REQUEST', params: {} };
    }
    return { status: 500, code: 'INTERNAL', params: {} };
  }

  private fieldError(language: Language, detail: ValidationDetail): FieldError {
    const message =
      translate(language, `field.${detail.constraint}`, detail.params ?? {}) ??
      translate(language, detail.constraint, detail.params ?? {}) ??
      detail.fallback ??
      translate(language, 'field.invalid')!;
    return { field: detail.field, message };
  }
}

/** The string and number details of an engine error, for the message template. */
function primitives(details: Record<string, unknown> | undefined): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return params;
}
