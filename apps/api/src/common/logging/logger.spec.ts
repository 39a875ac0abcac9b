import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { serializeError } from './logger.js';

/** What pg throws: an Error with PostgreSQL's fields on it. */
function pgError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { name: 'error', severity: 'ERROR', ...fields });
}

describe('the error serializer of the logs', () => {
  it('keeps what explains a failed statement and drops its values and the row PostgreSQL quotes', () => {
    const driverError = pgError('duplicate key value violates unique constraint "UQ_users_email"', {
      code: '23505',
      detail: 'Key (email)=(hoa@example.vn) already exists.',
      constraint: 'UQ_users_email',
      table: 'users',
    });
    const error = new QueryFailedError('INSERT INTO users (email, password_hash) VALUES ($1, $2)', ['hoa@example.vn', '$argon2id$v=19$secret'], driverError);

    const logged = JSON.stringify(serializeError(error));

    expect(logged).toContain('23505');
    expect(logged).toContain('UQ_users_email');
    expect(logged).toContain('VALUES ($1, $2)');
    expect(logged).not.toContain('hoa@example.vn');
    expect(logged).not.toContain('$argon2id');
  });

  it('hides the value a data exception quotes in its message and stack', () => {
    const essay = 'Bài viết của tôi về người lao động';
    const error = new QueryFailedError('SELECT $1::int', [essay], pgError(`invalid input syntax for type integer: "${essay}"`, { code: '22P02', where: `unnamed portal parameter $1 = '${essay}'` }));

    const logged = JSON.stringify(serializeError(error));

    expect(logged).toContain('invalid input syntax for type integer: \\"[redacted]\\"');
    expect(logged).not.toContain(essay);
  });

  it('leaves other values and errors as pino would', () => {
    expect(serializeError('text')).toBe('text');
    expect(serializeError(new Error('plain'))).toMatchObject({ type: 'Error', message: 'plain' });
  });
});
