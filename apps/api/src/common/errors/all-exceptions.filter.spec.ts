import { describe, expect, it } from '@jest/globals';
import { temporarilyUnavailable } from './all-exceptions.filter.js';

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
