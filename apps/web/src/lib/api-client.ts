import type { ErrorBody, FieldError } from '@hoi-thi/contracts';
import { authToken } from './auth-token';
import { currentLanguage } from './i18n';

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

async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const { method = 'GET', query, body, signal } = options;
  const headers = new Headers({ Accept: accept, 'Accept-Language': currentLanguage() });
  const token = authToken.get();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers.set('Content-Type', 'application/json');

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, ClientErrorCodes.NETWORK, '');
  }
  if (response.ok) return response;

  const payload = await readJson(response);
  if (isErrorBody(payload)) {
    throw new ApiError(response.status, payload.code, payload.message, toFieldErrors(payload.details), payload);
  }
  // A proxy or gateway answered instead of the API (HTML error page, empty body).
  throw new ApiError(response.status, ClientErrorCodes.BAD_RESPONSE, '');
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
