import { afterEach, describe, expect, it, jest } from '@jest/globals';
import jwt from 'jsonwebtoken';
import { AccessTokenVerifier } from './access-tokens.js';

const SECRET = 'unit-secret-unit-secret-unit-secret-0123';
const claims = { sub: '11111111-2222-4333-8444-555555555555', unitId: null, roles: ['member'], sid: '99999999-2222-4333-8444-555555555555', ver: 3 };
const bearer = (token: string) => `Bearer ${token}`;

describe('AccessTokenVerifier', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reads the caller from a valid HS256 token, the same again from memory', () => {
    const verifier = new AccessTokenVerifier(SECRET);
    const token = jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    const expected = { id: claims.sub, unitId: null, roles: ['member'], sessionId: claims.sid, tokenVersion: 3, mustChangePassword: false };
    expect(verifier.verify(bearer(token))).toEqual(expected);
    expect(verifier.verify(`bearer  ${token}`)).toEqual(expected);
  });

  it('refuses another secret, another algorithm, a tampered payload, a malformed header and a token without a subject, session or version', () => {
    const verifier = new AccessTokenVerifier(SECRET);
    const good = jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect(verifier.verify(bearer(good))).not.toBeNull();
    const [header, , signature] = good.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${signature}`;
    expect(verifier.verify(bearer(tampered))).toBeNull();
    expect(verifier.verify(bearer(jwt.sign(claims, `${SECRET}x`, { algorithm: 'HS256' })))).toBeNull();
    expect(verifier.verify(bearer(jwt.sign(claims, SECRET, { algorithm: 'HS512' })))).toBeNull();
    expect(verifier.verify(bearer(jwt.sign({ unitId: null, roles: [] }, SECRET, { algorithm: 'HS256' })))).toBeNull();
    // A token from before revocable sessions (no session id, no version) cannot be revoked: refused.
    expect(verifier.verify(bearer(jwt.sign({ sub: claims.sub, unitId: null, roles: ['admin'] }, SECRET, { algorithm: 'HS256' })))).toBeNull();
    expect(verifier.verify(bearer(jwt.sign({ ...claims, ver: '3' }, SECRET, { algorithm: 'HS256' })))).toBeNull();
    expect(verifier.verify(good)).toBeNull();
    expect(verifier.verify('Basic abc')).toBeNull();
    expect(verifier.verify('Bearer not.a.token')).toBeNull();
  });

  it('stops accepting a remembered token once it expires', () => {
    jest.useFakeTimers({ now: new Date('2026-11-26T08:00:00Z') });
    const verifier = new AccessTokenVerifier(SECRET);
    const token = jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 30 });
    expect(verifier.verify(bearer(token))).not.toBeNull();
    jest.setSystemTime(new Date('2026-11-26T08:00:29Z'));
    expect(verifier.verify(bearer(token))).not.toBeNull();
    jest.setSystemTime(new Date('2026-11-26T08:00:30Z'));
    expect(verifier.verify(bearer(token))).toBeNull();
    expect(verifier.verify(bearer(token))).toBeNull();
  });
});
