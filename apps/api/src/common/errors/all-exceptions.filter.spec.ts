import type { ArgumentsHost } from '@nestjs/common';
import { describe, expect, it, jest } from '@jest/globals';
import { AllExceptionsFilter, temporarilyUnavailable } from './all-exceptions.filter.js';
import { DomainError } from './domain-error.js';
import { defineErrors } from './error-registry.js';

/** What the filter answers for an exception: status and body, and whether it logged an error. */
function answer(exception: unknown, language = 'en'): { status: number; body: Record<string, unknown>; logged: boolean } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const reply = {
    header: () => reply,
    status: (status: number) => ((sent.status = status), reply),
    send: (body: Record<string, unknown>) => ((sent.body = body), reply),
  };
  const error = jest.fn();
  const request = { id: 'req-1', headers: { 'accept-language': language }, log: { error } };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return { ...sent, logged: error.mock.calls.length > 0 };
}

describe('coded errors', () => {
  const catalog = defineErrors({ 'FILTER_TEST.TAKEN': { status: 409, vi: 'Đã có {name}.', en: '{name} is taken.' } });

  it('answers a registered code with its status and message', () => {
    expect(answer(catalog.error('FILTER_TEST.TAKEN', { name: 'A' }))).toEqual({
      status: 409,
      body: { statusCode: 409, code: 'FILTER_TEST.TAKEN', message: 'A is taken.' },
      logged: false,
    });
  });

  it('answers a code no catalog registers as a logged 500 that does not name it (nothing is guessed from the suffix)', () => {
    expect(answer(new DomainError('FILTER_TEST.NOT_FOUND'))).toEqual({
      status: 500,
      body: { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on the server. Please retry; if it persists, report code req-1.', requestId: 'req-1' },
      logged: true,
    });
  });
});

/** What PostgreSQL and Redis raise while they are down or restarting: 503 with Retry-After, not a 500. */
describe('temporarily unavailable', () => {
  it.each([
    ['a statement over the timeout', { code: '57014' }],
    ['a lock wait over the timeout (TypeORM wraps it)', { driverError: { code: '55P03' } }],
    ['PostgreSQL shutting down', { code: '57P01' }],
    ['no connection', { code: 'ECONNREFUSED' }],
    ['pg: the server closed the connection mid-query', new Error('Connection terminated unexpectedly')],
    ['pg: a connection that timed out', new Error('Connection terminated due to connection timeout')],
    ['ioredis: a command that gave up retrying', Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' })],
    ['ioredis: a closed connection', new Error('Connection is closed.')],
  ])('%s', (_what, error) => {
    expect(temporarilyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a message that only mentions a connection', new Error('Connection terminated unexpectedly while reading the file header')],
    ['nothing', null],
  ])('not %s', (_what, error) => {
    expect(temporarilyUnavailable(error)).toBe(false);
  });
});
