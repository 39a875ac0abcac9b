import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GenericErrors } from '../../common/errors/generic.errors.js';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema.js';

export const REFRESH_COOKIE = 'hoithi_refresh';
/** Sent only to /api/auth/* (refresh and logout read it): no other request carries the token. */
export const REFRESH_COOKIE_PATH = '/api/auth';

const TOKEN = /^[0-9A-Za-z._-]{1,200}$/;

/**
 * The refresh token as an `HttpOnly; Secure; SameSite=Strict` cookie, so the web client keeps no
 * token a script could read (issue 16): the access token lives in the page's memory, and a reload
 * gets a new one from `POST /api/auth/refresh` with this cookie. Other clients keep sending the token
 * in the body, as API.md says.
 *
 * CSRF: a refresh or logout by cookie must be a JSON request. Another site cannot send one with our
 * cookie: SameSite=Strict keeps the cookie off every cross-site request, a form cannot set
 * `Content-Type: application/json`, and a script on a same-site neighbour (another subdomain) would
 * need a CORS preflight, which the API never grants. And what a forged refresh returns (a new
 * access token, the new refresh token only in the cookie) is unreadable to the forger.
 */
@Injectable()
export class RefreshCookie {
  private readonly attributes: string;
  private readonly cleared: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secure = config.refreshCookieSecure ? '; Secure' : '';
    this.attributes = `; Path=${REFRESH_COOKIE_PATH}; Max-Age=${config.refreshTokenDays * 24 * 3600}; HttpOnly${secure}; SameSite=Strict`;
    this.cleared = `${REFRESH_COOKIE}=; Path=${REFRESH_COOKIE_PATH}; Max-Age=0; HttpOnly${secure}; SameSite=Strict`;
  }

  set(reply: FastifyReply, refreshToken: string): void {
    void reply.header('set-cookie', `${REFRESH_COOKIE}=${refreshToken}${this.attributes}`);
  }

  clear(reply: FastifyReply): void {
    void reply.header('set-cookie', this.cleared);
  }

  /**
   * The token to spend: the body's when it has one (other clients), else the cookie's, from a JSON
   * request only (see above: 415 otherwise). Null when there is neither.
   */
  read(request: FastifyRequest, fromBody: string | undefined): { token: string; source: 'body' | 'cookie' } | null {
    if (fromBody !== undefined) return { token: fromBody, source: 'body' };
    const token = cookieValue(request.headers.cookie, REFRESH_COOKIE);
    if (token === null) return null;
    const type = request.headers['content-type'];
    if (typeof type !== 'string' || !/^application\/json\s*(;|$)/i.test(type)) throw GenericErrors.error('UNSUPPORTED_MEDIA_TYPE');
    return { token, source: 'cookie' };
  }
}

/** One cookie's value from a Cookie header: the first well-formed one (browsers put the most specific path first). */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (TOKEN.test(value)) return value;
  }
  return null;
}
