import { ErrorCodes, type ErrorBody, type FieldError, type RefreshResponse } from '@hoi-thi/contracts';
import { authToken } from './auth-token';
import { currentLanguage } from './i18n';
import { sessionEvents } from './session-events';

const baseUrl = '/api';

/** Codes the client itself gives to failures that never reached a JSON error body. */
export const ClientErrorCodes = {
  NETWORK: 'CLIENT.NETWORK',
  BAD_RESPONSE: 'CLIENT.BAD_RESPONSE',
} as const;

/** Every failed API call rejects with this: the server's `ErrorBody`, typed. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: FieldError[];
  readonly body: ErrorBody | null;

  constructor(status: number, code: string, message: string, details: FieldError[] = [], body: ErrorBody | null = null) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
  }

  /** Field errors keyed by field name (the first message wins). */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const { field, message } of this.details) byField[field] ??= message;
    return byField;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** JSON, or a FormData for multipart uploads (sent as is: the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
}

/** A file the API sent as an attachment (exports, templates, essay attachments). */
export interface DownloadedFile {
  blob: Blob;
  /** From `Content-Disposition`, or the caller's fallback. */
  fileName: string;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).code === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

function toFieldErrors(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (item): item is FieldError =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as FieldError).field === 'string' &&
      typeof (item as FieldError).message === 'string',
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends one request with `token` (or none) and turns a failure into an ApiError. */
async function sendOnce(path: string, options: RequestOptions, accept: string, token: string | null): Promise<Response> {
  const { method = 'GET', query, body, signal } = options;
  const headers = new Headers({ Accept: accept, 'Accept-Language': currentLanguage() });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers.set('Content-Type', 'application/json');

  const url = buildUrl(path, query);
  const early = method === 'GET' && !multipart ? await takeEarlyRead(url, token, currentLanguage()) : null;
  if (early) return checked(early);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, ClientErrorCodes.NETWORK, '');
  }
  return checked(response);
}

/** The response when it is a success, else its failure as an ApiError. */
async function checked(response: Response): Promise<Response> {
  if (response.ok) return response;
  const payload = await readJson(response);
  if (isErrorBody(payload)) {
    if (response.status === 403 && payload.code === ErrorCodes.AUTH_PASSWORD_CHANGE_REQUIRED) {
      sessionEvents.emit({ type: 'password-change-required' });
    }
    throw new ApiError(response.status, payload.code, payload.message, toFieldErrors(payload.details), payload);
  }
  // A proxy or gateway answered instead of the API (HTML error page, empty body).
  throw new ApiError(response.status, ClientErrorCodes.BAD_RESPONSE, '');
}

// ---------------------------------------------------------------------------------------------
// Sessions: a short-lived access token in memory, renewed with the refresh cookie (spent by use).

/** Requests that open or close a session: their 401 is an answer, not an expired token. */
const sessionPaths = new Set(['/auth/login', '/auth/register', '/auth/refresh', '/auth/logout']);
/** 401 codes after which no refresh can help. */
const sessionOverCodes: readonly string[] = [ErrorCodes.AUTH_SESSION_REVOKED, ErrorCodes.AUTH_ACCOUNT_DISABLED];
/** Renew this long before the access token runs out, so a request does not race its expiry. */
const refreshAheadMs = 30_000;
/** One refresh at a time across the tabs of this browser: they share the refresh cookie. */
const refreshLockName = 'hoi-thi.refresh';

let refreshing: Promise<boolean> | null = null;

const isApiErrorWith = (error: unknown, status: number, code: string) => isApiError(error) && error.status === status && error.code === code;

function endSession(code: string): void {
  authToken.clear();
  sessionEvents.emit({ type: 'ended', code });
}

/**
 * Tabs share the cookie: two refreshes sending the same token at once would look like a replay to
 * the server and end the session, so they take turns (each then spends the cookie the other left).
 */
function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = 'locks' in navigator ? navigator.locks : undefined;
  return locks ? locks.request(refreshLockName, task) : task();
}

function isRefreshResponse(value: unknown): value is Pick<RefreshResponse, 'accessToken' | 'expiresIn'> {
  const tokens = value as Partial<RefreshResponse> | null;
  return typeof tokens?.accessToken === 'string' && typeof tokens.expiresIn === 'number';
}

/**
 * Gets a new access token with the refresh cookie (or, once, with a refresh token an older version
 * of the app stored: the answer sets the cookie, and the stored token is deleted). Resolves false
 * when the session is over (it is then cleared and `ended` is emitted); rejects, keeping it, when
 * the server could not be reached: a member on a flaky phone mid-quiz stays signed in and the next
 * request tries again.
 */
function refreshOnce(): Promise<boolean> {
  return withRefreshLock(async () => {
    const legacy = authToken.legacyRefresh();
    try {
      const early = legacy === null ? await takeEarlyRefresh() : null;
      const response = early
        ? await checked(early)
        : await sendOnce('/auth/refresh', { method: 'POST', body: legacy === null ? {} : { refreshToken: legacy } }, 'application/json', null);
      const tokens = await readJson(response);
      if (!isRefreshResponse(tokens)) throw new ApiError(response.status, ClientErrorCodes.BAD_RESPONSE, '');
      authToken.dropLegacyRefresh();
      authToken.setSession(tokens);
      return true;
    } catch (error) {
      // 401: the token was refused; 400: there was none (the cookie expired or was never kept).
      if (isApiError(error) && (error.status === 401 || error.status === 400)) {
        endSession(error.status === 401 ? error.code : ErrorCodes.AUTH_TOKEN_INVALID);
        return false;
      }
      throw error;
    }
  });
}

/** A read `public/session-boot.js` sent with the early refresh's token, by address. */
export interface EarlyRead {
  token: string;
  language: string;
  response: Promise<Response>;
}

declare global {
  interface Window {
    /** The refresh `public/session-boot.js` started while the scripts downloaded (a reload). */
    hoiThiEarlyRefresh?: Promise<Response>;
    /** The first reads of the page it sent after that refresh (none when it failed). */
    hoiThiEarlyReads?: Promise<Record<string, EarlyRead>> | Record<string, EarlyRead>;
  }
}

/**
 * The answer to `url` when session-boot.js already asked it with this token and language (once;
 * null otherwise, or when it never reached the server: the caller asks itself).
 */
async function takeEarlyRead(url: string, token: string | null, language: string): Promise<Response | null> {
  if (!window.hoiThiEarlyReads || token === null) return null;
  const reads = await window.hoiThiEarlyReads;
  const read = reads[url];
  if (read) delete reads[url];
  if (Object.keys(reads).length === 0) delete window.hoiThiEarlyReads;
  else window.hoiThiEarlyReads = reads;
  if (!read || read.token !== token || read.language !== language) return null;
  return read.response.catch(() => null);
}

/**
 * The answer of the refresh session-boot.js sent (once; null when it sent none or it never reached
 * the server). It ran under the same lock, before this page's scripts could ask.
 */
async function takeEarlyRefresh(): Promise<Response | null> {
  const early = window.hoiThiEarlyRefresh;
  if (!early) return null;
  delete window.hoiThiEarlyRefresh;
  return early.catch(() => null);
}

/**
 * A new access token in place of `staleToken` (null: the page has none yet, e.g. after a reload):
 * one refresh for however many requests ask at once.
 */
function renewSession(staleToken: string | null): Promise<boolean> {
  const current = authToken.get();
  if (current !== null && current !== staleToken) return Promise.resolve(true);
  // Signed out while the request was on its way (here or in another tab): nothing to renew or end.
  if (!authToken.hasSession()) return Promise.resolve(false);
  refreshing ??= refreshOnce().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * The session of this browser for a page that has no access token yet (a reload, a new tab): true
 * once one is in memory, false when there is no session. Rejects when the server cannot be reached.
 */
export function restoreSession(): Promise<boolean> {
  return authToken.get() !== null ? Promise.resolve(true) : renewSession(null);
}

/** Before sending: get the page an access token (after a reload), or renew one about to run out. */
async function refreshAhead(): Promise<void> {
  const token = authToken.get();
  const expiresAt = authToken.expiresAt();
  if (token !== null && (expiresAt === null || expiresAt - Date.now() > refreshAheadMs)) return;
  try {
    await renewSession(token);
  } catch {
    // Offline: the request goes with the token it has (or none), and a 401 renews it later.
  }
}

/**
 * One request with the session handled: a 401 AUTH.TOKEN_INVALID renews the token once and sends
 * again once; a session that cannot go on is cleared and reported through `sessionEvents`.
 */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const renewable = !sessionPaths.has(path);
  if (renewable) await refreshAhead();
  const token = authToken.get();
  try {
    try {
      return await sendOnce(path, options, accept, token);
    } catch (error) {
      if (!renewable || token === null || !isApiErrorWith(error, 401, ErrorCodes.AUTH_TOKEN_INVALID)) throw error;
      if (!(await renewSession(token))) throw error;
      return await sendOnce(path, options, accept, authToken.get());
    }
  } catch (error) {
    if (renewable && token !== null && isApiError(error) && error.status === 401 && sessionOverCodes.includes(error.code)) endSession(error.code);
    throw error;
  }
}

/** The one way the client talks to the API. Resolves with the parsed JSON body. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  return (await readJson(response)) as T;
}

/** `attachment; filename="x.xlsx"` (or RFC 5987 `filename*=UTF-8''…`) → the name. */
export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** A file from the API, with the same headers and errors as every other call. */
export async function apiDownload(path: string, fallbackName: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<DownloadedFile> {
  const response = await send(path, options, '*/*');
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('Content-Disposition')) ?? fallbackName };
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
  download: apiDownload,
};
