import { DomainError, RateLimitedError, type ValidationDetail } from './domain-error.js';

/**
 * One module's error codes: status and vi/en message templates (`{param}` placeholders). A module
 * declares them in its `<module>.errors.ts` with `defineErrors`, which registers them at import, so a
 * code is known to the filter as soon as anything that can throw it is loaded. Common never imports
 * a module: registration flows from the modules to here.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export interface RegisteredError extends ErrorSpec {
  readonly code: string;
}

type ErrorParams = Record<string, string | number | null>;

/** A module's typed catalog: `error()` takes only the module's own codes, so a typo does not compile. */
export interface ErrorCatalog<C extends string> {
  readonly specs: Readonly<Record<C, ErrorSpec>>;
  /** The `DomainError` to throw; same arguments as its constructor. */
  error(code: C, params?: ErrorParams, details?: ValidationDetail[], extra?: Record<string, unknown>): DomainError;
  /** The `RateLimitedError` to throw for a refusal that says when to retry (`Retry-After`, `{seconds}`). */
  rateLimited(code: C, retryAfterSeconds: number): RateLimitedError;
}

const errors = new Map<string, ErrorSpec>();
/** Message keys that are not errors (per-line import issues, labels), by language. */
const messages = { vi: new Map<string, string>(), en: new Map<string, string>() };

/** Adds a catalog to the registry; a code owned by two catalogs is a programming error. */
export function registerErrors(specs: Readonly<Record<string, ErrorSpec>>): void {
  for (const [code, spec] of Object.entries(specs)) {
    const known = errors.get(code);
    if (known && known !== spec) throw new Error(`Error code ${code} is registered twice`);
    errors.set(code, spec);
  }
}

/** Registers message templates that are not error codes (e.g. the per-line issues of an import report). */
export function registerMessages(catalog: { vi: Readonly<Record<string, string>>; en: Readonly<Record<string, string>> }): void {
  for (const language of ['vi', 'en'] as const) {
    for (const [key, template] of Object.entries(catalog[language])) messages[language].set(key, template);
  }
}

/** Declares and registers a module's errors. */
export function defineErrors<const T extends Record<string, ErrorSpec>>(specs: T): ErrorCatalog<keyof T & string> {
  registerErrors(specs);
  return {
    specs,
    error: (code, params = {}, details, extra) => new DomainError(code, params, details, extra),
    rateLimited: (code, retryAfterSeconds) => new RateLimitedError(retryAfterSeconds, code),
  };
}

/** The HTTP status of a registered code, or undefined. */
export function registeredStatus(code: string): number | undefined {
  return errors.get(code)?.status;
}

/** The template of a registered error code or message key in a language, or undefined. */
export function registeredMessage(language: 'vi' | 'en', key: string): string | undefined {
  return errors.get(key)?.[language] ?? messages[language].get(key);
}

/** Every registered error, sorted by code: for the OpenAPI document and the tests. */
export function registeredErrors(): RegisteredError[] {
  return [...errors.entries()].map(([code, spec]) => ({ code, status: spec.status, vi: spec.vi, en: spec.en })).sort((a, b) => a.code.localeCompare(b.code));
}

/** Every registered non-error message key per language: for the both-languages test. */
export function registeredMessageKeys(): { vi: string[]; en: string[] } {
  return { vi: [...messages.vi.keys()], en: [...messages.en.keys()] };
}
