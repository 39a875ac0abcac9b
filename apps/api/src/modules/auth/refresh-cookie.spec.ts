import { describe, expect, it } from '@jest/globals';
import type { FastifyReply } from 'fastify';
import { loadConfig } from '../../config/env.schema.js';
import { cookieValue, RefreshCookie } from './refresh-cookie.js';

function written(cookie: RefreshCookie, token: string): string {
  let header = '';
  const reply = { header: (_name: string, value: string) => (header = value) } as unknown as FastifyReply;
  cookie.set(reply, token);
  return header;
}

describe('the refresh cookie', () => {
  it('is Secure unless REFRESH_COOKIE_SECURE=false (a plain-http install on a LAN, where browsers drop Secure cookies)', () => {
    expect(written(new RefreshCookie(loadConfig({})), 'a.b')).toBe('hoithi_refresh=a.b; Path=/api/auth; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict');
    expect(written(new RefreshCookie(loadConfig({ REFRESH_COOKIE_SECURE: 'false', REFRESH_TOKEN_DAYS: '7' })), 'a.b')).toBe(
      'hoithi_refresh=a.b; Path=/api/auth; Max-Age=604800; HttpOnly; SameSite=Strict',
    );
  });

  it('reads its value from a Cookie header among others, and nothing malformed', () => {
    expect(cookieValue('theme=dark; hoithi_refresh=abc.DEF-_1; lang=vi', 'hoithi_refresh')).toBe('abc.DEF-_1');
    expect(cookieValue('hoithi_refresh=bad value; hoithi_refresh=good', 'hoithi_refresh')).toBe('good');
    expect(cookieValue('xhoithi_refresh=abc', 'hoithi_refresh')).toBeNull();
    expect(cookieValue(undefined, 'hoithi_refresh')).toBeNull();
    expect(cookieValue(`hoithi_refresh=${'a'.repeat(201)}`, 'hoithi_refresh')).toBeNull();
  });
});
